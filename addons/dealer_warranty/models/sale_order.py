# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _dealer_warranty_terms(self):
        """Terms of the products on the order, printed for the customer (ASV-22)."""
        self.ensure_one()
        return (
            self.order_line.product_id.product_tmpl_id.dealer_effective_warranty_term_id
        )
