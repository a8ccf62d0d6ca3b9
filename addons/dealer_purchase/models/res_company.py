# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The purchasing settings that are amounts or days, and their rules.
PURCHASE_SETTINGS = {
    "dealer_qualification_warning_days": "PUR-09",
    "dealer_legal_review_amount": "PUR-15",
    "dealer_arrival_notice_days": "PUR-06",
    "dealer_purchase_plan_budget": "PUR-13",
    "dealer_evaluation_grade_a": "PUR-10",
    "dealer_evaluation_grade_b": "PUR-10",
    "dealer_evaluation_grade_c": "PUR-10",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    # PUR-09: documents are renewed before they lapse.
    dealer_qualification_warning_days = fields.Integer(
        string="Warn before a supplier document expires (days)", default=30
    )
    # PUR-10: grades of the periodic evaluation.
    dealer_evaluation_grade_a = fields.Float(string="Grade A from (score)", default=85)
    dealer_evaluation_grade_b = fields.Float(string="Grade B from (score)", default=70)
    dealer_evaluation_grade_c = fields.Float(string="Grade C from (score)", default=55)
    # PUR-15: legal staff review every purchase contract before signature; a
    # company may raise the total from which they do.
    dealer_legal_review_amount = fields.Monetary(
        string="Legal review from (order total)",
        currency_field="currency_id",
        default=0.0,
        help="Purchase orders from this total, and every framework agreement, "
        "need a Legal Reviewer's approval before confirmation (PUR-15). Zero, "
        "as the manual asks: every purchase contract. Orders already sent to "
        "review or confirmed keep what was decided then.",
    )
    # PUR-06: the warehouse hears of arrivals in advance.
    dealer_arrival_notice_days = fields.Integer(
        string="Arrival notice (days before)", default=2
    )
    # PUR-06: a receipt with no warehouse head nor buyer still reaches someone.
    dealer_arrival_notice_user_id = fields.Many2one(
        "res.users",
        string="Arrival notice fallback assignee",
        default=lambda self: self.env.ref("base.user_admin", raise_if_not_found=False),
        help="Told of supplier goods arriving when the company has no warehouse "
        "head and the order no buyer (PUR-06).",
    )
    # PUR-13: the overall purchase budget a plan must fit.
    dealer_purchase_plan_budget = fields.Monetary(
        string="Purchase plan budget",
        currency_field="currency_id",
        default=200000.0,
        help="Budget of one purchase plan; a plan above it is flagged (PUR-13).",
    )

    @api.model
    def _dealer_check_purchase_numbers(self, vals):
        """NaN and infinity are refused with the field's name before the ORM
        rounds them (a monetary NaN would fail there as a server error)."""
        for fname in PURCHASE_SETTINGS.keys() & vals.keys():
            value = vals[fname]
            if isinstance(value, float) and not math.isfinite(value):
                raise ValidationError(
                    self.env._(
                        "%(field)s must be a number from zero up (%(rule)s).",
                        field=self._fields[fname]._description_string(self.env),
                        rule=PURCHASE_SETTINGS[fname],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._dealer_check_purchase_numbers(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._dealer_check_purchase_numbers(vals)
        return super().write(vals)

    @api.constrains(
        "dealer_qualification_warning_days",
        "dealer_legal_review_amount",
        "dealer_arrival_notice_days",
        "dealer_purchase_plan_budget",
    )
    def _check_dealer_purchase_settings(self):
        for company in self:
            for fname, rule in PURCHASE_SETTINGS.items():
                value = company[fname]
                too_big = self._fields[fname].type == "integer" and value >= 2**31
                if not math.isfinite(value) or value < 0 or too_big:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must be a number from zero up (%(rule)s).",
                            field=self._fields[fname]._description_string(self.env),
                            rule=rule,
                        )
                    )

    @api.constrains(
        "dealer_evaluation_grade_a",
        "dealer_evaluation_grade_b",
        "dealer_evaluation_grade_c",
    )
    def _check_dealer_evaluation_grades(self):
        for company in self:
            if not (
                100
                >= company.dealer_evaluation_grade_a
                > company.dealer_evaluation_grade_b
                > company.dealer_evaluation_grade_c
                >= 0
            ):
                raise ValidationError(
                    self.env._(
                        "Supplier grades: A must be above B, B above C, all "
                        "between 0 and 100 (PUR-10)."
                    )
                )
