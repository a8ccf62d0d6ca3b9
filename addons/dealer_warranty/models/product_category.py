# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    dealer_warranty_term_id = fields.Many2one(
        "dealer.warranty.term",
        string="Warranty terms",
        help="Terms of the products of this category and its sub-categories, "
        "unless a product or a closer category sets its own (ASV-22).",
    )

    def _dealer_get_warranty_term(self):
        """Closest terms up the category tree."""
        self.ensure_one()
        category = self
        while category and not category.dealer_warranty_term_id:
            category = category.parent_id
        return category.dealer_warranty_term_id
