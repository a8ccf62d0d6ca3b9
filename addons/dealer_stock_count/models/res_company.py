# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

MONTHLY_SCOPES = [
    ("locations", "Chosen locations"),
    ("categories", "Chosen product categories"),
    ("high_value", "High-value products"),
    ("rotating", "Rotating third of the locations"),
]

# Amounts of the stocktake policy (tolerances and approval thresholds).
STOCKTAKE_AMOUNTS = (
    "dealer_stocktake_tolerance_percent",
    "dealer_stocktake_tolerance_value",
    "dealer_stocktake_manager_threshold",
    "dealer_stocktake_admin_threshold",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    # STK-11: the small monthly stocktake.
    dealer_stocktake_monthly_day = fields.Integer(
        string="Monthly count day",
        default=25,
        help="Day of the month by which the monthly stocktake must be counted.",
    )
    dealer_stocktake_monthly_scope = fields.Selection(
        MONTHLY_SCOPES,
        string="Monthly count scope",
        default="rotating",
        required=True,
        help="Rotating: each month counts a third of the warehouse's locations, "
        "so every location is counted at least once a quarter.",
    )
    dealer_stocktake_location_ids = fields.Many2many(
        "stock.location",
        "res_company_dealer_stocktake_location_rel",
        string="Monthly count locations",
        domain="[('usage', '=', 'internal'), ('company_id', 'in', [id, False])]",
    )
    dealer_stocktake_category_ids = fields.Many2many(
        "product.category",
        "res_company_dealer_stocktake_category_rel",
        string="Monthly count categories",
    )
    # STK-12: the big quarterly stocktake.
    dealer_stocktake_quarter_days = fields.Integer(
        string="Quarterly count window (days)",
        default=10,
        help="The full stocktake is counted within the first days of each quarter.",
    )
    dealer_stocktake_quarter_replaces_month = fields.Boolean(
        string="Quarterly count replaces that month's count",
        default=True,
    )
    # STK-13, STK-14: when a difference must be counted again by someone else.
    dealer_stocktake_tolerance_percent = fields.Float(
        string="Recount above (% of quantity)", default=5.0
    )
    dealer_stocktake_tolerance_value = fields.Monetary(
        string="Recount above (value)",
        currency_field="currency_id",
        default=1000.0,
    )
    # Approval of the adjustment by its absolute value.
    dealer_stocktake_manager_threshold = fields.Monetary(
        string="Warehouse Manager approval above",
        currency_field="currency_id",
        default=2000.0,
    )
    dealer_stocktake_admin_threshold = fields.Monetary(
        string="Administration approval above",
        currency_field="currency_id",
        default=20000.0,
    )
    dealer_stocktake_blind = fields.Boolean(
        string="Blind count sheets",
        default=True,
        help="Count sheets and stocktake lines do not show book quantities to "
        "counters. Inventory's own stock screens still show on-hand quantities "
        "to users with Inventory access.",
    )
    # STK-13: stock is adjusted through stocktakes, which are explained and
    # approved, not through core's Physical Inventory.
    dealer_stocktake_allow_inventory_adjustment = fields.Boolean(
        string="Allow Physical Inventory adjustments",
        help="Off (the manual's rule): stock is adjusted only through stocktakes; "
        "Physical Inventory counts and adjustments are refused, for Inventory "
        "managers too.",
    )

    # Issue 20: a large apply runs as a background job, in chunks.
    dealer_stocktake_apply_job_threshold = fields.Integer(
        string="Apply in the background above (differences)",
        default=2000,
        help="A stocktake with more lines to adjust than this is applied by a "
        "background job, which shows its progress; 0 applies every stocktake "
        "in the background.",
    )
    dealer_stocktake_apply_chunk = fields.Integer(
        string="Apply chunk size",
        default=2000,
        help="Quants adjusted per step of an apply: memory stays flat however "
        "large the count.",
    )

    @api.constrains(
        "dealer_stocktake_apply_job_threshold", "dealer_stocktake_apply_chunk"
    )
    def _check_dealer_stocktake_apply(self):
        for company in self:
            if (
                company.dealer_stocktake_apply_job_threshold < 0
                or company.dealer_stocktake_apply_chunk < 1
            ):
                raise ValidationError(
                    self.env._(
                        "Apply in the background above: 0 or more differences; "
                        "Apply chunk size: at least 1 (STK-13)."
                    )
                )

    @api.constrains(
        "dealer_stocktake_monthly_day",
        "dealer_stocktake_quarter_days",
        "dealer_stocktake_tolerance_percent",
        "dealer_stocktake_tolerance_value",
        "dealer_stocktake_manager_threshold",
        "dealer_stocktake_admin_threshold",
    )
    def _check_dealer_stocktake_policy(self):
        for company in self:
            amounts = (
                company.dealer_stocktake_tolerance_percent,
                company.dealer_stocktake_tolerance_value,
                company.dealer_stocktake_manager_threshold,
                company.dealer_stocktake_admin_threshold,
            )
            if not all(math.isfinite(amount) for amount in amounts):
                raise ValidationError(
                    self.env._(
                        "Recount tolerances and approval thresholds must be "
                        "numbers (STK-13, STK-14)."
                    )
                )
            if not 1 <= company.dealer_stocktake_monthly_day <= 28:
                raise ValidationError(
                    self.env._("Monthly count day must lie between 1 and 28 (STK-11).")
                )
            if not 1 <= company.dealer_stocktake_quarter_days <= 90:
                raise ValidationError(
                    self.env._(
                        "Quarterly count window must lie between 1 and 90 days "
                        "(STK-12)."
                    )
                )
            if (
                company.dealer_stocktake_tolerance_percent < 0
                or company.dealer_stocktake_tolerance_value < 0
            ):
                raise ValidationError(
                    self.env._("Recount tolerances cannot be negative (STK-14).")
                )
            if (
                company.dealer_stocktake_manager_threshold < 0
                or company.dealer_stocktake_admin_threshold
                < company.dealer_stocktake_manager_threshold
            ):
                raise ValidationError(
                    self.env._(
                        "Administration approval threshold must be at least the "
                        "Warehouse Manager threshold, and neither may be negative."
                    )
                )

    @api.model
    def _dealer_check_stocktake_numbers(self, vals):
        """NaN and infinity are refused with the field's name before Odoo
        rounds them (which would fail as a server error)."""
        for fname in STOCKTAKE_AMOUNTS:
            value = vals.get(fname)
            if isinstance(value, float) and not math.isfinite(value):
                raise ValidationError(
                    self.env._(
                        "%(field)s must be a number (STK-13, STK-14).",
                        field=self._fields[fname]._description_string(self.env),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._dealer_check_stocktake_numbers(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._dealer_check_stocktake_numbers(vals)
        return super().write(vals)

    def _dealer_stocktake_kinds_due(self, day):
        """The session kinds a warehouse of this company owes for ``day``."""
        self.ensure_one()
        kinds = ["quarterly"]
        first_month_of_quarter = (day.month - 1) % 3 == 0
        if not (
            first_month_of_quarter and self.dealer_stocktake_quarter_replaces_month
        ):
            kinds.append("monthly")
        return kinds
