# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .res_company import STOCKTAKE_AMOUNTS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_stocktake_monthly_day = fields.Integer(
        related="company_id.dealer_stocktake_monthly_day", readonly=False
    )
    dealer_stocktake_monthly_scope = fields.Selection(
        related="company_id.dealer_stocktake_monthly_scope", readonly=False
    )
    dealer_stocktake_location_ids = fields.Many2many(
        related="company_id.dealer_stocktake_location_ids", readonly=False
    )
    dealer_stocktake_category_ids = fields.Many2many(
        related="company_id.dealer_stocktake_category_ids", readonly=False
    )
    dealer_stocktake_quarter_days = fields.Integer(
        related="company_id.dealer_stocktake_quarter_days", readonly=False
    )
    dealer_stocktake_quarter_replaces_month = fields.Boolean(
        related="company_id.dealer_stocktake_quarter_replaces_month", readonly=False
    )
    dealer_stocktake_tolerance_percent = fields.Float(
        related="company_id.dealer_stocktake_tolerance_percent", readonly=False
    )
    dealer_stocktake_tolerance_value = fields.Monetary(
        related="company_id.dealer_stocktake_tolerance_value", readonly=False
    )
    dealer_stocktake_manager_threshold = fields.Monetary(
        related="company_id.dealer_stocktake_manager_threshold", readonly=False
    )
    dealer_stocktake_admin_threshold = fields.Monetary(
        related="company_id.dealer_stocktake_admin_threshold", readonly=False
    )
    dealer_stocktake_blind = fields.Boolean(
        related="company_id.dealer_stocktake_blind", readonly=False
    )
    dealer_stocktake_allow_inventory_adjustment = fields.Boolean(
        related="company_id.dealer_stocktake_allow_inventory_adjustment",
        readonly=False,
    )
    dealer_stocktake_apply_job_threshold = fields.Integer(
        related="company_id.dealer_stocktake_apply_job_threshold", readonly=False
    )
    dealer_stocktake_apply_chunk = fields.Integer(
        related="company_id.dealer_stocktake_apply_chunk", readonly=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.env["res.company"]._dealer_check_stocktake_numbers(
                {fname: vals.get(fname) for fname in STOCKTAKE_AMOUNTS}
            )
        return super().create(vals_list)
