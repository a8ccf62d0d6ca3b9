# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.dealer_base.tools import policy_records


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _compute_price_unit(self):
        res = super()._compute_price_unit()
        # ASV-23: a repair under warranty charges neither parts nor labour.
        for line in policy_records(self):
            repairs = line.order_id.repair_order_ids
            if (
                repairs
                and all(repairs.mapped("under_warranty"))
                and not line.display_type
            ):
                line.price_unit = 0.0
                line.technical_price_unit = 0.0
        return res
