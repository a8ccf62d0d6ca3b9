# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import has_words

DECISIONS = [
    ("continue", "Continue"),
    ("reward", "Reward"),
    ("terminate", "Terminate"),
]

# What the Sales Manager closed the evaluation on.
CLOSED_FIELDS = (
    "partner_id",
    "company_id",
    "date_from",
    "date_to",
    "complaint_count",
    "comment",
    "decision",
)


class DealerChannelEvaluation(models.Model):
    """Periodic evaluation of a distributor or agent (SAL-16)."""

    _name = "dealer.channel.evaluation"
    _description = "Channel Partner Evaluation"
    _inherit = ["mail.thread", "dealer.governed.mixin"]
    _order = "date_to desc, id desc"
    _check_company_auto = True

    # The facts come from orders and deliveries (action_compute), the decision
    # is closed by a Sales Manager (action_done): neither is typed in (SAL-16).
    _dealer_governed = {
        "state": "SAL-16",
        "sales_amount": "SAL-16",
        "order_count": "SAL-16",
        "returned_qty": "SAL-16",
        "evaluator_id": "SAL-16",
        "closed_on": "SAL-16",
    }
    # A closed evaluation is the record of the decision: never deleted.
    _dealer_keep_rule = "SAL-16"
    _dealer_deletable_states = ("draft",)

    partner_id = fields.Many2one(
        "res.partner",
        string="Channel partner",
        required=True,
        index=True,
        domain=[("dealer_channel_role", "!=", False)],
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", tracking=True
    )
    sales_amount = fields.Monetary(string="Sales volume", readonly=True)
    order_count = fields.Integer(string="Orders", readonly=True)
    returned_qty = fields.Float(string="Units returned", readonly=True)
    complaint_count = fields.Integer(
        string="Complaints", help="Entered by Sales until the helpdesk counts them."
    )
    comment = fields.Text()
    decision = fields.Selection(DECISIONS, tracking=True)
    evaluator_id = fields.Many2one("res.users", readonly=True)
    closed_on = fields.Datetime(readonly=True, copy=False)

    @api.constrains("date_from", "date_to", "complaint_count")
    def _check_values(self):
        for evaluation in self:
            if evaluation.date_to < evaluation.date_from:
                raise ValidationError(
                    self.env._(
                        "%(field)s cannot be before the start of the period "
                        "(SAL-16).",
                        field=self._fields["date_to"]._description_string(self.env),
                    )
                )
            if evaluation.complaint_count < 0:
                raise ValidationError(
                    self.env._(
                        "%(field)s cannot be negative (SAL-16).",
                        field=self._fields["complaint_count"]._description_string(
                            self.env
                        ),
                    )
                )

    def write(self, vals):
        # What was decided stays as it was closed (SAL-16).
        if not self._dealer_is_trusted():
            for evaluation in self.filtered(lambda e: e.state == "done"):
                for fname in vals.keys() & set(CLOSED_FIELDS):
                    if not self._dealer_same_value(evaluation, fname, vals[fname]):
                        raise UserError(
                            self.env._(
                                "The evaluation of %(partner)s is closed: its "
                                "%(field)s no longer changes (SAL-16).",
                                partner=evaluation.partner_id.display_name,
                                field=self._fields[fname]._description_string(self.env),
                            )
                        )
        return super().write(vals)

    def action_compute(self):
        """Sales volume and returns of the period, from orders and deliveries."""
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(
                    self.env._(
                        "The evaluation of %s is closed (SAL-16).",
                        evaluation.partner_id.display_name,
                    )
                )
            start = datetime.combine(evaluation.date_from, time.min)
            end = datetime.combine(evaluation.date_to, time.max)
            partner = evaluation.partner_id.commercial_partner_id
            # sudo: the facts cover every order and delivery of the partner in
            # the company, not only those the evaluating salesperson may read.
            orders = (
                self.env["sale.order"]
                .sudo()
                .search(
                    [
                        ("company_id", "=", evaluation.company_id.id),
                        ("partner_id", "child_of", partner.id),
                        ("state", "=", "sale"),
                        ("date_order", ">=", start),
                        ("date_order", "<=", end),
                    ]
                )
            )
            returns = (
                self.env["stock.move"]
                .sudo()
                .search(
                    [
                        ("company_id", "=", evaluation.company_id.id),
                        ("partner_id", "child_of", partner.id),
                        ("state", "=", "done"),
                        ("location_id.usage", "=", "customer"),
                        ("date", ">=", start),
                        ("date", "<=", end),
                    ]
                )
            )
            evaluation._dealer_as_action().write(
                {
                    "sales_amount": sum(orders.mapped("amount_untaxed")),
                    "order_count": len(orders),
                    "returned_qty": sum(returns.mapped("quantity")),
                }
            )
        return True

    def action_done(self):
        if not self.env.user.has_group("dealer_base.group_sales_manager"):
            raise UserError(
                self.env._("Only a Sales Manager closes the evaluation (SAL-16).")
            )
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(
                    self.env._(
                        "The evaluation of %s is closed (SAL-16).",
                        evaluation.partner_id.display_name,
                    )
                )
            if not evaluation.decision or not has_words(evaluation.comment):
                raise UserError(
                    self.env._(
                        "Choose the decision for %s and say why in the comment "
                        "first (SAL-16).",
                        evaluation.partner_id.display_name,
                    )
                )
            evaluation._dealer_as_action().write(
                {
                    "state": "done",
                    "evaluator_id": self.env.user.id,
                    "closed_on": fields.Datetime.now(),
                }
            )
            evaluation.message_post(
                body=self.env._(
                    "Evaluation closed by %(user)s, decision %(decision)s: "
                    "%(comment)s",
                    user=self.env.user.name,
                    decision=dict(
                        self._fields["decision"]._description_selection(self.env)
                    )[evaluation.decision],
                    comment=evaluation.comment,
                ),
                subtype_xmlid="mail.mt_note",
            )
            if evaluation.decision == "terminate":
                evaluation.partner_id.action_dealer_terminate_channel()
        return True

    @api.model
    def _cron_open(self):
        """Open each active channel partner's evaluation when its period ends;
        safe to run twice."""
        today = fields.Date.context_today(self)
        partners = self.env["res.partner"].search(
            [
                ("dealer_channel_role", "!=", False),
                ("dealer_channel_terminated", "=", False),
            ]
        )
        for partner in partners:
            company = partner.company_id or self.env.company
            months = company.dealer_channel_evaluation_months or 6
            last = self.search(
                [("partner_id", "=", partner.id)], order="date_to desc", limit=1
            )
            start = (
                last.date_to
                and last.date_to + relativedelta(days=1)
                or partner.dealer_agreement_start
            )
            if not start:
                continue
            end = start + relativedelta(months=months, days=-1)
            if end >= today:
                continue
            self.create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "date_from": start,
                    "date_to": end,
                }
            ).action_compute()
        return True
