# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_meeting_horizon_days = fields.Integer(
        related="company_id.dealer_meeting_horizon_days", readonly=False
    )
    dealer_loan_default_days = fields.Integer(
        related="company_id.dealer_loan_default_days", readonly=False
    )
    dealer_report_grace_days = fields.Integer(
        related="company_id.dealer_report_grace_days", readonly=False
    )
