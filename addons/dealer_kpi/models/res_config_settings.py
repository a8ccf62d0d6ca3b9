# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_appraisal_grade_a = fields.Float(
        related="company_id.dealer_appraisal_grade_a", readonly=False
    )
    dealer_appraisal_grade_b = fields.Float(
        related="company_id.dealer_appraisal_grade_b", readonly=False
    )
    dealer_appraisal_grade_c = fields.Float(
        related="company_id.dealer_appraisal_grade_c", readonly=False
    )
