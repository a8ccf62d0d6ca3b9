# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class DealerBudgetProfile(models.Model):
    """How a year's budget is spread over its months (FIN-03): equally, or by
    a percentage per month that totals 100. Quarters are the sums of their
    months."""

    _name = "dealer.budget.profile"
    _description = "Budget Distribution Profile"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Empty: every company.")
    method = fields.Selection(
        [("equal", "Equally over the months"), ("percent", "By month percentages")],
        required=True,
        default="percent",
    )
    line_ids = fields.One2many("dealer.budget.profile.line", "profile_id", copy=True)
    total_percent = fields.Float(
        string="Total (%)", compute="_compute_total_percent", digits=(16, 4)
    )

    @api.depends("line_ids.percent")
    def _compute_total_percent(self):
        for profile in self:
            profile.total_percent = sum(profile.line_ids.mapped("percent"))

    @api.constrains("method", "line_ids")
    def _check_total(self):
        for profile in self.filtered(lambda p: p.method == "percent"):
            months = profile.line_ids.mapped("month")
            if len(months) != len(set(months)):
                raise ValidationError(
                    self.env._(
                        "Profile %(name)s: each month appears once (field "
                        "Percentages, rule FIN-03).",
                        name=profile.name,
                    )
                )
            total = sum(profile.line_ids.mapped("percent"))
            if float_compare(total, 100.0, precision_digits=2):
                raise ValidationError(
                    self.env._(
                        "Profile %(name)s: the month percentages total %(total)s, "
                        "they must total 100 (field Percentages, rule FIN-03).",
                        name=profile.name,
                        total=round(total, 4),
                    )
                )

    def _dealer_month_shares(self, amount, rounding):
        """``amount`` split over the 12 months: {month: amount}. Rounded to
        the currency; the last month takes the rounding difference so that
        the months add up to the year exactly."""
        self.ensure_one()
        if self.method == "equal":
            weights = {month: 1.0 / 12 for month in range(1, 13)}
        else:
            weights = {line.month: line.percent / 100.0 for line in self.line_ids}
        shares = {}
        for month in range(1, 13):
            shares[month] = rounding(amount * weights.get(month, 0.0))
        last = max(month for month in range(1, 13) if weights.get(month))
        shares[last] = rounding(amount - sum(v for m, v in shares.items() if m != last))
        return shares


class DealerBudgetProfileLine(models.Model):
    _name = "dealer.budget.profile.line"
    _description = "Budget Distribution Profile Month"
    _order = "profile_id, month"

    profile_id = fields.Many2one(
        "dealer.budget.profile", required=True, ondelete="cascade", index=True
    )
    month = fields.Integer(required=True, help="1 to 12.")
    percent = fields.Float(string="Percentage", digits=(16, 4), required=True)

    @api.constrains("percent", "month")
    def _check_percent(self):
        for line in self:
            if not 1 <= line.month <= 12:
                raise ValidationError(
                    self.env._(
                        "A month is numbered 1 to 12 (field Month, rule FIN-03)."
                    )
                )
            if line.percent < 0 or line.percent > 100:
                raise ValidationError(
                    self.env._(
                        "A month's percentage is between 0 and 100 (field "
                        "Percentage, rule FIN-03)."
                    )
                )
