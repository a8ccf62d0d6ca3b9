# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    dealer_is_special = fields.Boolean(
        string="Special parts",
        help="Special or high-value parts: stored in the special parts area (STK-05).",
    )
    dealer_performance_test = fields.Boolean(
        string="Performance test on receipt",
        help="Receipt acceptance must record a performance test (STK-08).",
    )

    def write(self, vals):
        res = super().write(vals)
        if "dealer_is_special" in vals:
            self.env["stock.warehouse"].search(
                [("dealer_zones_enabled", "=", True)]
            )._dealer_sync_putaway_rules()
        return res
