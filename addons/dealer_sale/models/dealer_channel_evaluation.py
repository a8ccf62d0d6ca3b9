# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

DECISIONS = [
    ("continue", "Continue"),
    ("reward", "Reward"),
    ("terminate", "Terminate"),
]


class DealerChannelEvaluation(models.Model):
    """Periodic evaluation of a distributor or agent (SAL-16)."""

    _name = "dealer.channel.evaluation"
    _description = "Channel Partner Evaluation"
    _inherit = ["mail.thread"]
    _order = "date_to desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Channel partner",
        required=True,
        index=True,
        domain=[("dealer_channel_role", "!=", False)],
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

    def action_compute(self):
        """Sales volume and returns of the period, from orders and deliveries."""
        for evaluation in self:
            start = datetime.combine(evaluation.date_from, time.min)
            end = datetime.combine(evaluation.date_to, time.max)
            partner = evaluation.partner_id.commercial_partner_id
            orders = self.env["sale.order"].search(
                [
                    ("partner_id", "child_of", partner.id),
                    ("state", "=", "sale"),
                    ("date_order", ">=", start),
                    ("date_order", "<=", end),
                ]
            )
            returns = self.env["stock.move"].search(
                [
                    ("partner_id", "child_of", partner.id),
                    ("state", "=", "done"),
                    ("location_id.usage", "=", "customer"),
                    ("date", ">=", start),
                    ("date", "<=", end),
                ]
            )
            evaluation.write(
                {
                    "sales_amount": sum(orders.mapped("amount_untaxed")),
                    "order_count": len(orders),
                    "returned_qty": sum(returns.mapped("quantity")),
                }
            )
        return True

    def action_done(self):
        if not self.env.user.has_group("dealer_base.group_sales_manager"):
            raise UserError(self.env._("Only a Sales Manager closes the evaluation."))
        for evaluation in self:
            if not evaluation.decision:
                raise UserError(
                    self.env._(
                        "Choose the decision for %s first (SAL-16).",
                        evaluation.partner_id.display_name,
                    )
                )
            evaluation.write({"state": "done", "evaluator_id": self.env.user.id})
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
            months = self.env.company.dealer_channel_evaluation_months or 6
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
                {"partner_id": partner.id, "date_from": start, "date_to": end}
            ).action_compute()
        return True
