# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_audit_area_ids = fields.Many2many(
        related="company_id.dealer_audit_area_ids", readonly=False
    )
    dealer_audit_rejection_percent = fields.Float(
        related="company_id.dealer_audit_rejection_percent", readonly=False
    )
    dealer_audit_rejection_min_qty = fields.Float(
        related="company_id.dealer_audit_rejection_min_qty", readonly=False
    )
    dealer_audit_product_complaints = fields.Integer(
        related="company_id.dealer_audit_product_complaints", readonly=False
    )
    dealer_audit_price_lines = fields.Integer(
        related="company_id.dealer_audit_price_lines", readonly=False
    )
    dealer_audit_finding_days = fields.Integer(
        related="company_id.dealer_audit_finding_days", readonly=False
    )
