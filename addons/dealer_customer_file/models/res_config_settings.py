# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_file_important_revenue = fields.Monetary(
        related="company_id.dealer_file_important_revenue",
        readonly=False,
    )
    dealer_file_important_orders = fields.Integer(
        related="company_id.dealer_file_important_orders", readonly=False
    )
    dealer_file_general_revenue = fields.Monetary(
        related="company_id.dealer_file_general_revenue",
        readonly=False,
    )
    dealer_file_grant_default_hours = fields.Integer(
        related="company_id.dealer_file_grant_default_hours", readonly=False
    )
    dealer_file_grant_max_hours = fields.Integer(
        related="company_id.dealer_file_grant_max_hours", readonly=False
    )
    dealer_file_review_months = fields.Integer(
        related="company_id.dealer_file_review_months", readonly=False
    )
    dealer_file_visit_months = fields.Integer(
        related="company_id.dealer_file_visit_months", readonly=False
    )
    dealer_file_custodian_ids = fields.Many2many(
        related="company_id.dealer_file_custodian_ids", readonly=False
    )
    dealer_file_leak_deduction_percent = fields.Float(
        related="company_id.dealer_file_leak_deduction_percent", readonly=False
    )
    dealer_file_log_hour_from = fields.Float(
        related="company_id.dealer_file_log_hour_from", readonly=False
    )
    dealer_file_log_hour_to = fields.Float(
        related="company_id.dealer_file_log_hour_to", readonly=False
    )
    dealer_file_log_daily_files = fields.Integer(
        related="company_id.dealer_file_log_daily_files", readonly=False
    )
    dealer_file_lookback_months = fields.Integer(
        related="company_id.dealer_file_lookback_months", readonly=False
    )
    dealer_file_visit_followup_days = fields.Integer(
        related="company_id.dealer_file_visit_followup_days", readonly=False
    )
