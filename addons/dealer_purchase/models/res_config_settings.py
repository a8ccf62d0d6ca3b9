# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_qualification_warning_days = fields.Integer(
        related="company_id.dealer_qualification_warning_days", readonly=False
    )
    dealer_evaluation_grade_a = fields.Float(
        related="company_id.dealer_evaluation_grade_a", readonly=False
    )
    dealer_evaluation_grade_b = fields.Float(
        related="company_id.dealer_evaluation_grade_b", readonly=False
    )
    dealer_evaluation_grade_c = fields.Float(
        related="company_id.dealer_evaluation_grade_c", readonly=False
    )
    dealer_legal_review_amount = fields.Monetary(
        related="company_id.dealer_legal_review_amount", readonly=False
    )
    dealer_arrival_notice_days = fields.Integer(
        related="company_id.dealer_arrival_notice_days", readonly=False
    )
    dealer_arrival_notice_user_id = fields.Many2one(
        related="company_id.dealer_arrival_notice_user_id", readonly=False
    )
    dealer_purchase_plan_budget = fields.Monetary(
        related="company_id.dealer_purchase_plan_budget", readonly=False
    )
