# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_contract_review_amount = fields.Monetary(
        related="company_id.dealer_contract_review_amount", readonly=False
    )
    dealer_contract_legal_review = fields.Boolean(
        related="company_id.dealer_contract_legal_review", readonly=False
    )
    dealer_contract_signed_required = fields.Boolean(
        related="company_id.dealer_contract_signed_required", readonly=False
    )
    dealer_contract_copy_partner_id = fields.Many2one(
        related="company_id.dealer_contract_copy_partner_id", readonly=False
    )
    dealer_collection_reminder_days = fields.Integer(
        related="company_id.dealer_collection_reminder_days", readonly=False
    )
    dealer_collection_call_days = fields.Integer(
        related="company_id.dealer_collection_call_days", readonly=False
    )
    dealer_collection_escalation_days = fields.Integer(
        related="company_id.dealer_collection_escalation_days", readonly=False
    )
    dealer_price_notice_days = fields.Integer(
        related="company_id.dealer_price_notice_days", readonly=False
    )
    dealer_price_admin_percent = fields.Float(
        related="company_id.dealer_price_admin_percent", readonly=False
    )
    dealer_channel_evaluation_months = fields.Integer(
        related="company_id.dealer_channel_evaluation_months", readonly=False
    )
    dealer_price_customer_months = fields.Integer(
        related="company_id.dealer_price_customer_months", readonly=False
    )
    dealer_collection_user_id = fields.Many2one(
        related="company_id.dealer_collection_user_id", readonly=False
    )
