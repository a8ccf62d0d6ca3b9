# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_policy_manual = fields.Boolean(
        related="company_id.dealer_policy_manual", readonly=False
    )
    dealer_manual_owner_id = fields.Many2one(
        related="company_id.dealer_manual_owner_id", readonly=False
    )
    dealer_manual_revision = fields.Char(
        related="company_id.dealer_manual_revision", readonly=False
    )
    dealer_manual_revision_date = fields.Date(
        related="company_id.dealer_manual_revision_date", readonly=False
    )
    dealer_manual_review_months = fields.Integer(
        related="company_id.dealer_manual_review_months", readonly=False
    )
    dealer_manual_next_review_date = fields.Date(
        related="company_id.dealer_manual_next_review_date"
    )
