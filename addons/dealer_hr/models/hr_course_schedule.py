# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import has_words

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

    def write(self, vals):
        target = vals.get("state")
        if target in STARTED:
            for session in self:
                if session.dealer_plan_line_id.plan_id.state != "approved":
                    raise UserError(
                        self.env._(
                            "%s: a session delivers a training of an approved "
                            "training plan (Training plan line, HRM-09).",
                            session.name,
                        )
                    )
        res = super().write(vals)
        if target == "completed":
            for session in self:
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
        return res
