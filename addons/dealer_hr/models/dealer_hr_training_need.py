# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class DealerHrTrainingNeed(models.Model):
    """A training need (HRM-19): a closed appraisal whose outcome is training
    (dealer_kpi) leaves one need for the next annual training plan; the
    Administration department plans it on a line of that plan."""

    _name = "dealer.hr.training.need"
    _description = "Training Need"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda s: s.env.company
    )
    appraisal_id = fields.Many2one(
        "hr.appraisal", string="Appraisal", readonly=True, index=True
    )
    grade = fields.Selection(related="appraisal_id.dealer_grade")
    reason = fields.Text(
        help="What the appraisal found: its outcome note and improvement plan."
    )
    plan_line_id = fields.Many2one(
        "dealer.hr.training.plan.line",
        string="Planned in",
        tracking=True,
        check_company=True,
        help="The training of the annual plan that answers this need.",
    )
    state = fields.Selection(
        [("open", "To plan"), ("planned", "Planned")],
        compute="_compute_state",
        store=True,
    )

    _sql_constraints = [
        (
            "appraisal_uniq",
            "unique (appraisal_id)",
            "An appraisal leaves one training need (HRM-19).",
        ),
    ]

    @api.depends("employee_id.name", "appraisal_id.dealer_period")
    def _compute_name(self):
        for need in self:
            need.name = " ".join(
                filter(None, [need.employee_id.name, need.appraisal_id.dealer_period])
            )

    @api.depends("plan_line_id")
    def _compute_state(self):
        for need in self:
            need.state = "planned" if need.plan_line_id else "open"
