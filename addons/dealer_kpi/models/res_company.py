# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # HRM-05, HRM-15: the grade of an appraisal's weighted KPI score; below
    # grade C the appraisal fails and needs an outcome.
    dealer_appraisal_grade_a = fields.Float(string="Grade A from", default=90.0)
    dealer_appraisal_grade_b = fields.Float(string="Grade B from", default=75.0)
    dealer_appraisal_grade_c = fields.Float(string="Grade C (pass) from", default=60.0)

    @api.constrains(
        "dealer_appraisal_grade_a",
        "dealer_appraisal_grade_b",
        "dealer_appraisal_grade_c",
    )
    def _check_dealer_appraisal_grades(self):
        for company in self:
            if not (
                100
                >= company.dealer_appraisal_grade_a
                > company.dealer_appraisal_grade_b
                > company.dealer_appraisal_grade_c
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "Appraisal grades: A, B and C must be scores between 0 "
                        "and 100, A above B above C (rule HRM-05)."
                    )
                )

    def _dealer_appraisal_grade(self, score):
        """The grade of ``score`` (0 to 100) on this company's thresholds."""
        self.ensure_one()
        if score >= self.dealer_appraisal_grade_a:
            return "a"
        if score >= self.dealer_appraisal_grade_b:
            return "b"
        if score >= self.dealer_appraisal_grade_c:
            return "c"
        return "d"
