# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SAL-24: the company's sales target is broken down by the sales department
into personal targets per period; the department's plan is confirmed only
when its people's targets add up to at least the department's."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.dealer_base.tools import period_of


class DealerSalesTargetPlan(models.Model):
    _name = "dealer.sales.target.plan"
    _description = "Sales Target Plan"
    _inherit = ["mail.thread", "dealer.governed.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    # The plan is confirmed by its own action, after the SAL-24 check: the
    # state is never typed in; a confirmed plan is the record of the targets.
    _dealer_governed = {"state": "SAL-24"}
    _dealer_keep_rule = "SAL-24"
    _dealer_deletable_states = ("draft",)

    name = fields.Char(compute="_compute_period", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(
        string="Period starting",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    period_months = fields.Integer(
        string="Period (months)", required=True, default=3, tracking=True
    )
    period = fields.Char(compute="_compute_period", store=True, index=True)
    period_start = fields.Date(compute="_compute_period", store=True)
    date_to = fields.Date(compute="_compute_period", store=True)
    amount = fields.Monetary(
        string="Department target",
        required=True,
        tracking=True,
        help="The sales (untaxed) the company expects of the sales department "
        "in the period.",
    )
    line_ids = fields.One2many(
        "dealer.sales.target", "plan_id", string="Personal targets", copy=True
    )
    amount_lines = fields.Monetary(
        string="Personal targets total", compute="_compute_amount_lines"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        (
            "period_unique",
            "UNIQUE(company_id, period)",
            "The sales department has one target plan per period (SAL-24).",
        )
    ]

    @api.depends("date_from", "period_months")
    def _compute_period(self):
        for plan in self:
            if not plan.date_from or plan.period_months not in (1, 2, 3, 4, 6, 12):
                plan.period = plan.name = plan.period_start = plan.date_to = False
                continue
            key, start, end = period_of(plan.date_from, plan.period_months)
            plan.period = key
            plan.period_start = start
            plan.date_to = end
            plan.name = self.env._("Sales targets %(period)s", period=key)

    @api.depends("line_ids.amount")
    def _compute_amount_lines(self):
        for plan in self:
            plan.amount_lines = sum(plan.line_ids.mapped("amount"))

    @api.constrains("amount", "period_months")
    def _check_amount(self):
        for plan in self:
            if plan.amount < 0:
                raise ValidationError(
                    self.env._("SAL-24: a sales target cannot be negative.")
                )
            if plan.period_months not in (1, 2, 3, 4, 6, 12):
                raise ValidationError(
                    self.env._(
                        "SAL-24: a target period divides the year (1, 2, 3, 4, "
                        "6 or 12 months)."
                    )
                )

    def write(self, vals):
        if self.filtered(lambda p: p.state == "confirmed") and (
            set(vals) & {"amount", "date_from", "period_months", "company_id"}
        ):
            if not self._dealer_is_trusted():
                raise UserError(
                    self.env._(
                        "SAL-24: a confirmed target plan is kept as it was; "
                        "set it back to draft to change it."
                    )
                )
        return super().write(vals)

    def _dealer_check_head(self):
        if not (
            self.env.su or self.env.user.has_group("dealer_base.group_sales_manager")
        ):
            raise UserError(
                self.env._(
                    "SAL-24: only the head of the sales department confirms or "
                    "reopens its target plan."
                )
            )

    def action_confirm(self):
        """SAL-24: the people's targets meet the department's."""
        self._dealer_check_head()
        for plan in self:
            if plan.state != "draft":
                continue
            if (
                float_compare(
                    plan.amount_lines,
                    plan.amount,
                    precision_rounding=plan.currency_id.rounding or 0.01,
                )
                < 0
            ):
                raise UserError(
                    self.env._(
                        "SAL-24: the personal targets of %(plan)s add up to "
                        "%(lines)s, less than the department's %(amount)s: "
                        "break the whole target down before confirming.",
                        plan=plan.name,
                        lines=plan.amount_lines,
                        amount=plan.amount,
                    )
                )
            plan._dealer_as_action().write(
                {"state": "confirmed", "confirmed_by_id": self.env.user.id}
            )
        return True

    def action_draft(self):
        self._dealer_check_head()
        self._dealer_as_action().write({"state": "draft", "confirmed_by_id": False})
        return True


class DealerSalesTarget(models.Model):
    """A salesperson's target in a plan (ORG-22: a personal sales-target plan
    and its breakdown)."""

    _name = "dealer.sales.target"
    _description = "Personal Sales Target"
    _order = "plan_id, user_id"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "dealer.sales.target.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        check_company=True,
        domain="[('share', '=', False)]",
    )
    amount = fields.Monetary(string="Target", required=True)
    plan_state = fields.Selection(related="plan_id.state")

    _sql_constraints = [
        (
            "user_unique",
            "UNIQUE(plan_id, user_id)",
            "A salesperson has one target per plan.",
        )
    ]

    @api.constrains("amount")
    def _check_amount(self):
        if any(line.amount < 0 for line in self):
            raise ValidationError(
                self.env._("SAL-24: a sales target cannot be negative.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._dealer_check_plan_open()
        return lines

    def write(self, vals):
        self._dealer_check_plan_open()
        return super().write(vals)

    def unlink(self):
        self._dealer_check_plan_open()
        return super().unlink()

    def _dealer_check_plan_open(self):
        if any(line.plan_id.state == "confirmed" for line in self):
            raise UserError(
                self.env._(
                    "SAL-24: the targets of a confirmed plan are kept; set the "
                    "plan back to draft to change them."
                )
            )
