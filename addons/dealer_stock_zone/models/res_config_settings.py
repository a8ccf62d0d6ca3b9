# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_check_spec_required = fields.Boolean(
        related="company_id.dealer_check_spec_required", readonly=False
    )
    dealer_check_appearance_required = fields.Boolean(
        related="company_id.dealer_check_appearance_required", readonly=False
    )
    dealer_purchasing_cosign_always = fields.Boolean(
        related="company_id.dealer_purchasing_cosign_always", readonly=False
    )
