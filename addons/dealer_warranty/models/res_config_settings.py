# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_warranty_return_days = fields.Integer(
        related="company_id.dealer_warranty_return_days", readonly=False
    )
    dealer_warranty_exchange_days = fields.Integer(
        related="company_id.dealer_warranty_exchange_days", readonly=False
    )
    dealer_warranty_allow_override = fields.Boolean(
        related="company_id.dealer_warranty_allow_override", readonly=False
    )
    dealer_repair_followup_days = fields.Integer(
        related="company_id.dealer_repair_followup_days", readonly=False
    )
