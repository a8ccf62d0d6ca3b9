# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_induction_days = fields.Integer(
        string="Induction training within (days)",
        default=7,
        help="A new employee's induction training is planned within this many "
        "days; the employee's manager gets the reminder (HRM-20).",
    )
