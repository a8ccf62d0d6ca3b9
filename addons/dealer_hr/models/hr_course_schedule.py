# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import has_words, policy_records

STARTED = ("waiting_attendees", "in_progress", "in_validation", "completed")


class HrCourseSchedule(models.Model):
    """A training session (OCA hr_course) of an approved training plan
    (HRM-09, HRM-10), closed only once its effect is evaluated (HRM-11)."""

    _inherit = "hr.course.schedule"

    dealer_plan_line_id = fields.Many2one(
        "dealer.hr.training.plan.line",
        string="Training plan line",
        tracking=True,
        help="The training of the approved annual plan this session delivers.",
    )
    dealer_induction = fields.Boolean(
        string="Induction",
        readonly=True,
        help="The induction training of a new employee (HRM-21), planned from "
        "the settings rather than from the annual training plan.",
    )
    dealer_evaluation_method = fields.Selection(
        [
            ("exam", "Exam"),
            ("assessment", "Assessment"),
            ("questionnaire", "Questionnaire"),
            ("feedback", "Feedback"),
        ],
        string="Evaluation method",
        tracking=True,
    )
    dealer_evaluation = fields.Html(
        string="Evaluation of the training",
        help="The training's effect and what the plan should change (HRM-11).",
    )
    dealer_evaluation_date = fields.Date(string="Evaluated on", tracking=True)

    @api.model_create_multi
    def create(self, vals_list):
        # Only the registration of a new employee plans an induction session
        # (HRM-21); nobody marks a session "induction" to skip the plan.
        if not self.env.su and any(vals.get("dealer_induction") for vals in vals_list):
            raise UserError(
                self.env._(
                    "Induction sessions are planned when an employee is "
                    "registered (Induction, HRM-21)."
                )
            )
        sessions = super().create(vals_list)
        # A session created already started or closed passes the same checks
        # as one moved there (HRM-09, HRM-11).
        sessions.filtered(lambda s: s.state in STARTED)._dealer_check_started()
        sessions.filtered(lambda s: s.state == "completed")._dealer_check_evaluated()
        return sessions

    def _dealer_check_started(self):
        for session in policy_records(self).filtered(lambda s: not s.dealer_induction):
            if session.dealer_plan_line_id.plan_id.state != "approved":
                raise UserError(
                    self.env._(
                        "%s: a session delivers a training of an approved "
                        "training plan (Training plan line, HRM-09).",
                        session.name,
                    )
                )

    def _dealer_check_evaluated(self):
        for session in policy_records(self):
            if not (
                session.dealer_evaluation_method
                and has_words(session.dealer_evaluation)
                and session.dealer_evaluation_date
            ):
                raise UserError(
                    self.env._(
                        "%s cannot close before its evaluation (method, "
                        "evaluation and date) is recorded (HRM-11).",
                        session.name,
                    )
                )

    def write(self, vals):
        if "dealer_induction" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "Induction sessions are planned when an employee is "
                    "registered (Induction, HRM-21)."
                )
            )
        target = vals.get("state")
        if target in STARTED:
            self._dealer_check_started()
        res = super().write(vals)
        if target == "completed":
            self._dealer_check_evaluated()
        return res
