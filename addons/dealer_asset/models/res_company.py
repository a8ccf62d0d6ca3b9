# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_asset_count_months = fields.Integer(
        string="Asset count every (months)",
        default=12,
        help="The period of the asset counts (FIN-12): a scheduled job opens one "
        "count per department holding assets at the start of each period.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_asset_count_months = fields.Integer(
        related="company_id.dealer_asset_count_months", readonly=False
    )
