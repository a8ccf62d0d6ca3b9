# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import DEPARTMENTS

TRAINING_METHODS = [
    ("internal", "Internal"),
    ("external", "External"),
    ("online", "Online"),
    ("on_the_job", "On the job"),
]


class DealerHrTrainingPlan(models.Model):
    """The annual training plan (HRM-04, HRM-09): content, method, time and
    trainer of each training; General Management approves it (never who
    prepared it) before its sessions start (HRM-10)."""

    _name = "dealer.hr.training.plan"
    _description = "Annual Training Plan"
    # dealer_approval: submitted by its author, approved by another (HRM-09).
    _inherit = ["dealer.approval.request.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    _state_from = ["submitted"]
    _dealer_approval_rule = "HRM-09"
    _dealer_approval_waiting_state = "submitted"
    _dealer_approval_rejected_state = "draft"
    _dealer_approval_author_fields = ("author_id",)
    # Never cancelled: a draft is deleted, a submitted plan rejected.
    _dealer_request_cancellable = False
    _dealer_governed = {"author_id": "HRM-09"}

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    author_id = fields.Many2one(
        "res.users",
        string="Prepared by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Under approval"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "dealer.hr.training.plan.line", "plan_id", string="Trainings", copy=True
    )

    def _dealer_check_submit(self):
        res = super()._dealer_check_submit()
        for plan in self:
            if not plan.line_ids:
                raise UserError(
                    self.env._("%s: plan at least one training (HRM-09).", plan.name)
                )
        return res


class DealerHrTrainingPlanLine(models.Model):
    _name = "dealer.hr.training.plan.line"
    _description = "Training Plan Line"
    _order = "date_planned, id"

    plan_id = fields.Many2one(
        "dealer.hr.training.plan", required=True, index=True, ondelete="cascade"
    )
    plan_state = fields.Selection(related="plan_id.state")
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    course_id = fields.Many2one("hr.course", string="Course", required=True)
    content = fields.Char(required=True, help="What is taught (HRM-09).")
    method = fields.Selection(TRAINING_METHODS, required=True, default="internal")
    date_planned = fields.Date(string="When", required=True)
    trainer = fields.Char(required=True)
    department = fields.Selection(DEPARTMENTS)

    @api.depends("plan_id.name", "content")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.plan_id.name}: {line.content}"

    def write(self, vals):
        if self.filtered(lambda line: line.plan_state not in ("draft", False)):
            raise UserError(
                self.env._(
                    "A submitted or approved training plan is not changed " "(HRM-09)."
                )
            )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if lines.filtered(lambda line: line.plan_state != "draft"):
            raise UserError(
                self.env._(
                    "A submitted or approved training plan is not changed " "(HRM-09)."
                )
            )
        return lines
