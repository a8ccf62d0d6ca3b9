# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


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
    # PUR-15: contracts legal reviews before signature.
    dealer_legal_review_amount = fields.Monetary(
        string="Legal review from (order total)",
        currency_field="currency_id",
        default=50000.0,
        help="Purchase orders from this total, and every framework agreement, "
        "need a Legal Reviewer's approval before confirmation (PUR-15).",
    )
    # PUR-06: the warehouse hears of arrivals in advance.
    dealer_arrival_notice_days = fields.Integer(
        string="Arrival notice (days before)", default=2
    )
    # PUR-13: the overall purchase budget a plan must fit.
    dealer_purchase_plan_budget = fields.Monetary(
        string="Purchase plan budget",
        currency_field="currency_id",
        default=200000.0,
        help="Budget of one purchase plan; a plan above it is flagged (PUR-13).",
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
