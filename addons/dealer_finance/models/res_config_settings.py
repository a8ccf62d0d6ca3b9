# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_expense_large_amount = fields.Monetary(
        related="company_id.dealer_expense_large_amount",
        currency_field="currency_id",
        readonly=False,
    )
    dealer_expense_attachment_amount = fields.Monetary(
        related="company_id.dealer_expense_attachment_amount",
        currency_field="currency_id",
        readonly=False,
    )
    dealer_travel_report_days = fields.Integer(
        related="company_id.dealer_travel_report_days", readonly=False
    )
    dealer_budget_review_months = fields.Integer(
        related="company_id.dealer_budget_review_months", readonly=False
    )
    dealer_budget_variance_percent = fields.Float(
        related="company_id.dealer_budget_variance_percent", readonly=False
    )
