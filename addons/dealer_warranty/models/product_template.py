# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    dealer_warranty_term_id = fields.Many2one(
        "dealer.warranty.term",
        string="Warranty terms (override)",
        help="Leave empty to use the terms of the product category.",
    )
    dealer_effective_warranty_term_id = fields.Many2one(
        "dealer.warranty.term",
        string="Warranty terms",
        compute="_compute_dealer_effective_warranty_term_id",
        help="The terms a delivery of this product gets: its own, or its "
        "category's (ASV-22).",
    )

    @api.depends(
        "dealer_warranty_term_id",
        "categ_id.dealer_warranty_term_id",
        "categ_id.parent_id",
    )
    def _compute_dealer_effective_warranty_term_id(self):
        for template in self:
            template.dealer_effective_warranty_term_id = (
                template.dealer_warranty_term_id
                or template.categ_id._dealer_get_warranty_term()
            )
