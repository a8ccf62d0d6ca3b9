# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


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

    # HRM-14: the weights of the self, superior, peer and customer
    # evaluations (they total 100), and the share of the KPI score in the
    # appraisal's total score (the evaluations have the rest).
    dealer_eval_weight_self = fields.Float(
        string="Self evaluation weight", default=10.0
    )
    dealer_eval_weight_superior = fields.Float(
        string="Superior evaluation weight", default=50.0
    )
    dealer_eval_weight_peer = fields.Float(
        string="Peer evaluation weight", default=20.0
    )
    dealer_eval_weight_customer = fields.Float(
        string="Customer evaluation weight", default=20.0
    )
    dealer_appraisal_kpi_share = fields.Float(
        string="KPI share of the score",
        default=60.0,
        help="Percent of the appraisal's score that comes from the KPI results; "
        "the evaluations make up the rest.",
    )
    dealer_appraisal_survey_id = fields.Many2one(
        "survey.survey",
        string="Customer evaluation survey",
        help="The scored survey a customer answers, by a link without login, to "
        "evaluate an employee (HRM-14).",
    )

    @api.constrains(
        "dealer_eval_weight_self",
        "dealer_eval_weight_superior",
        "dealer_eval_weight_peer",
        "dealer_eval_weight_customer",
        "dealer_appraisal_kpi_share",
    )
    def _check_dealer_eval_weights(self):
        for company in self:
            weights = company._dealer_eval_weights()
            if min(weights.values()) < 0 or float_compare(
                sum(weights.values()), 100.0, precision_digits=2
            ):
                raise ValidationError(
                    self.env._(
                        "Evaluation weights: self, superior, peer and customer "
                        "must be positive or zero and total 100, not %(total)s "
                        "(rule HRM-14).",
                        total=sum(weights.values()),
                    )
                )
            if not 0 <= company.dealer_appraisal_kpi_share <= 100:
                raise ValidationError(
                    self.env._(
                        "KPI share of the score: a percent between 0 and 100 "
                        "(rule HRM-14)."
                    )
                )

    def _dealer_eval_weights(self):
        self.ensure_one()
        return {
            "self": self.dealer_eval_weight_self,
            "superior": self.dealer_eval_weight_superior,
            "peer": self.dealer_eval_weight_peer,
            "customer": self.dealer_eval_weight_customer,
        }

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
