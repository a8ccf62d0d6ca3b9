# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_induction_days = fields.Integer(
        related="company_id.dealer_induction_days", readonly=False
    )
    dealer_induction_course_id = fields.Many2one(
        related="company_id.dealer_induction_course_id", readonly=False
    )
    dealer_recruitment_channels = fields.Integer(
        related="company_id.dealer_recruitment_channels", readonly=False
    )
    dealer_lighting_office_id = fields.Many2one(
        related="company_id.dealer_lighting_office_id", readonly=False
    )
    dealer_lighting_teams = fields.Integer(
        related="company_id.dealer_lighting_teams", readonly=False
    )
