# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""HRM-14: self, superior, peer and customer evaluations of an appraisal.

Each evaluation is a score from 0 to 100 given by its evaluator: the
appraisee (self), a manager (superior), a colleague (peer), or a customer who
answers the company's scored survey by a link without login (the survey's
score in percent). Peers are anonymous to the appraisee: the record rules do
not show peer evaluations to them, only the appraisal's peer average.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

KINDS = [
    ("self", "Self"),
    ("superior", "Superior"),
    ("peer", "Peer"),
    ("customer", "Customer"),
]
# What the evaluator fills in; the rest is the managers'.
EVALUATOR_FIELDS = {"score", "comment"}


class DealerAppraisalEvaluation(models.Model):
    _name = "dealer.appraisal.evaluation"
    _description = "Appraisal Evaluation"
    _order = "appraisal_id, kind, id"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", string="Appraisee"
    )
    kind = fields.Selection(KINDS, required=True)
    evaluator_user_id = fields.Many2one(
        "res.users",
        string="Evaluator",
        index=True,
        help="Who evaluates: the appraisee, a manager or a colleague. A "
        "customer evaluates by the survey link.",
    )
    partner_id = fields.Many2one("res.partner", string="Customer")
    survey_user_input_id = fields.Many2one(
        "survey.user_input", string="Survey answer", readonly=True, copy=False
    )
    survey_url = fields.Char(
        string="Survey link",
        compute="_compute_survey_url",
        help="Send this link to the customer: it opens the survey without login.",
    )
    score = fields.Float(help="From 0 to 100.")
    comment = fields.Text()
    state = fields.Selection(
        [("requested", "Requested"), ("done", "Done")],
        default="requested",
        required=True,
        readonly=True,
    )

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score >= 0 AND score <= 100)",
            "An evaluation scores from 0 to 100.",
        )
    ]

    @api.depends("survey_user_input_id")
    def _compute_survey_url(self):
        base = self.get_base_url()
        for evaluation in self:
            answer = evaluation.sudo().survey_user_input_id
            evaluation.survey_url = answer and base + answer.get_start_url()

    # ------------------------------------------------------------- guards
    def _dealer_managed(self):
        """The evaluations whose appraisal the current user manages: one of
        its managers, or above the appraisee in hr's hierarchy."""
        if self.env.su or self.env.user.has_group(
            "hr_appraisal_oca.group_appraisal_hr_officer"
        ):
            return self
        employees = self.env.user.employee_ids
        # child_of on parent_id counts the employees themselves: the
        # appraisee is excluded by name (they do not manage their evaluations).
        managed = self.env["hr.appraisal"].search(
            [
                ("id", "in", self.appraisal_id.ids),
                ("employee_id.user_id", "!=", self.env.user.id),
                "|",
                ("manager_ids", "in", employees.ids),
                ("employee_id.parent_id", "child_of", employees.ids),
            ]
        )
        return self.filtered(lambda e: e.appraisal_id in managed)

    def _dealer_check_managed(self):
        if self - self._dealer_managed():
            raise AccessError(
                self.env._(
                    "Evaluations: only the appraisee's managers ask for them "
                    "and set who evaluates (rule HRM-14)."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = super().create(vals_list)
        evaluations._dealer_check_managed()
        evaluations.filtered(
            lambda e: e.kind == "customer" and not e.survey_user_input_id
        )._dealer_create_survey_answers()
        return evaluations

    def write(self, vals):
        if not self.env.su:
            if set(vals) - EVALUATOR_FIELDS:
                self._dealer_check_managed()
            if self.filtered(lambda e: e.state == "done"):
                raise UserError(
                    self.env._(
                        "A submitted evaluation stays as it was given (rule " "HRM-14)."
                    )
                )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._dealer_check_managed()
            if self.filtered(lambda e: e.state == "done"):
                raise UserError(
                    self.env._(
                        "A submitted evaluation stays as it was given (rule HRM-14)."
                    )
                )
        return super().unlink()

    # ------------------------------------------------------------ actions
    def action_submit(self):
        """The evaluator gives the score; it is final from then on."""
        for evaluation in self:
            if evaluation.kind == "customer" or (
                evaluation.evaluator_user_id != self.env.user and not self.env.su
            ):
                raise AccessError(
                    self.env._(
                        "Evaluation of %(employee)s: only its evaluator submits "
                        "it (rule HRM-14).",
                        employee=evaluation.employee_id.name,
                    )
                )
        # sudo: the evaluator may not write the state (it is read-only).
        self.sudo().write({"state": "done"})

    def _dealer_create_survey_answers(self):
        """One token answer per customer evaluation, on the company's scored
        survey: the link opens it without login (HRM-14)."""
        for evaluation in self:
            survey = evaluation.company_id.dealer_appraisal_survey_id
            if not survey:
                raise UserError(
                    self.env._(
                        "Customer evaluation: set the customer evaluation survey "
                        "in the settings first (rule HRM-14)."
                    )
                )
            # sudo: managers are not survey officers; the answer only carries
            # the token the customer's link opens.
            answer = survey.sudo()._create_answer(
                partner=evaluation.partner_id, check_attempts=False
            )
            evaluation.sudo().survey_user_input_id = answer


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    def _mark_done(self):
        res = super()._mark_done()
        # sudo: the customer answers as the public user; the score they gave
        # goes into the evaluation it was asked for.
        evaluations = (
            self.env["dealer.appraisal.evaluation"]
            .sudo()
            .search(
                [("survey_user_input_id", "in", self.ids), ("state", "=", "requested")]
            )
        )
        for evaluation in evaluations:
            evaluation.write(
                {
                    "score": evaluation.survey_user_input_id.scoring_percentage,
                    "state": "done",
                }
            )
        return res
