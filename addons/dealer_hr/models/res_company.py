# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.dealer_base.tools import has_words


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_induction_days = fields.Integer(
        string="Induction training within (days)",
        default=7,
        help="A new employee's induction training is planned within this many "
        "days; the employee's manager gets the reminder (HRM-20).",
    )
    dealer_induction_course_id = fields.Many2one(
        "hr.course",
        string="Induction course",
        help="The induction training every new employee attends: the company's "
        "rules, the post's workflow and the skills it needs (HRM-21). A session "
        "of it is planned for each new employee within the induction days.",
    )
    dealer_recruitment_channels = fields.Integer(
        string="Recruitment channels per plan",
        default=2,
        help="A recruitment plan names at least this many channels (HRM-02).",
    )
    dealer_lighting_office_id = fields.Many2one(
        "hr.department",
        string="Lighting office",
        help="The department that is the lighting office: one manager and its "
        "teams as sub-departments (ORG-08).",
    )
    dealer_lighting_teams = fields.Integer(
        string="Teams of the lighting office",
        default=3,
        help="Sales, technical support and after-sales (ORG-08).",
    )

    @api.constrains("dealer_induction_course_id")
    def _check_dealer_induction_course(self):
        for company in self:
            course = company.dealer_induction_course_id
            if course and not has_words(course.content):
                raise ValidationError(
                    self.env._(
                        "Induction course %s: write its content (the company's "
                        "rules, the post's workflow, the skills) first (HRM-21).",
                        course.name,
                    )
                )
