# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_risk_assessment_months = fields.Integer(
        related="company_id.dealer_risk_assessment_months", readonly=False
    )
    dealer_risk_indicator_months = fields.Integer(
        related="company_id.dealer_risk_indicator_months", readonly=False
    )
    dealer_risk_likelihood_scale = fields.Integer(
        related="company_id.dealer_risk_likelihood_scale", readonly=False
    )
    dealer_risk_impact_scale = fields.Integer(
        related="company_id.dealer_risk_impact_scale", readonly=False
    )
    dealer_risk_high_strategy_ids = fields.Many2many(
        related="company_id.dealer_risk_high_strategy_ids", readonly=False
    )
    dealer_risk_medium_strategy_ids = fields.Many2many(
        related="company_id.dealer_risk_medium_strategy_ids", readonly=False
    )
    dealer_risk_low_strategy_ids = fields.Many2many(
        related="company_id.dealer_risk_low_strategy_ids", readonly=False
    )
