# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    dealer_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic account",
        check_company=True,
        help="The department's account in the Departments analytic plan: its "
        "budget lines and expenses are reported on it (FIN-01).",
    )
