# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_hd_hours_consultation = fields.Integer(
        related="company_id.dealer_hd_hours_consultation", readonly=False
    )
    dealer_hd_hours_fault = fields.Integer(
        related="company_id.dealer_hd_hours_fault", readonly=False
    )
    dealer_hd_hours_complaint = fields.Integer(
        related="company_id.dealer_hd_hours_complaint", readonly=False
    )
    dealer_hd_hours_return = fields.Integer(
        related="company_id.dealer_hd_hours_return", readonly=False
    )
    dealer_hd_hours_installation = fields.Integer(
        related="company_id.dealer_hd_hours_installation", readonly=False
    )
    dealer_hd_hours_training = fields.Integer(
        related="company_id.dealer_hd_hours_training", readonly=False
    )
    dealer_hd_pct_low = fields.Integer(
        related="company_id.dealer_hd_pct_low", readonly=False
    )
    dealer_hd_pct_normal = fields.Integer(
        related="company_id.dealer_hd_pct_normal", readonly=False
    )
    dealer_hd_pct_high = fields.Integer(
        related="company_id.dealer_hd_pct_high", readonly=False
    )
    dealer_hd_pct_critical = fields.Integer(
        related="company_id.dealer_hd_pct_critical", readonly=False
    )
    dealer_hd_at_risk_pct = fields.Integer(
        related="company_id.dealer_hd_at_risk_pct", readonly=False
    )
    dealer_hd_promise_calendar_id = fields.Many2one(
        related="company_id.dealer_hd_promise_calendar_id", readonly=False
    )
    dealer_hd_followup_days = fields.Integer(
        related="company_id.dealer_hd_followup_days", readonly=False
    )
    dealer_hd_repeat_fault_days = fields.Integer(
        related="company_id.dealer_hd_repeat_fault_days", readonly=False
    )
    dealer_hd_team_consultation_id = fields.Many2one(
        related="company_id.dealer_hd_team_consultation_id", readonly=False
    )
    dealer_hd_team_fault_id = fields.Many2one(
        related="company_id.dealer_hd_team_fault_id", readonly=False
    )
    dealer_hd_team_complaint_id = fields.Many2one(
        related="company_id.dealer_hd_team_complaint_id", readonly=False
    )
    dealer_hd_team_return_id = fields.Many2one(
        related="company_id.dealer_hd_team_return_id", readonly=False
    )
    dealer_hd_team_installation_id = fields.Many2one(
        related="company_id.dealer_hd_team_installation_id", readonly=False
    )
    dealer_hd_team_training_id = fields.Many2one(
        related="company_id.dealer_hd_team_training_id", readonly=False
    )
    dealer_hd_visit_start_hour = fields.Float(
        related="company_id.dealer_hd_visit_start_hour", readonly=False
    )
    dealer_hd_visit_duration = fields.Float(
        related="company_id.dealer_hd_visit_duration", readonly=False
    )
