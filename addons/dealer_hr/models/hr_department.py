# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hr_job import check_headcount_owner


class HrDepartment(models.Model):
    _inherit = "hr.department"

    dealer_approved_headcount = fields.Integer(
        string="Approved headcount",
        tracking=True,
        help="How many people the department may have (ORG-23: 13 in the "
        "business department); 0: not limited.",
    )

    def write(self, vals):
        check_headcount_owner(self, vals)
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_headcount_owner(self, vals)
        return super().create(vals_list)
