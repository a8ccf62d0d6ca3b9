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

    dealer_claim_count = fields.Integer(
        string="Return / exchange requests",
        compute="_compute_dealer_claim_count",
    )

    def _compute_dealer_claim_count(self):
        counts = dict(
            self.env["dealer.warranty.claim"]._read_group(
                [("product_id.product_tmpl_id", "in", self.ids)],
                ["product_id"],
                ["__count"],
            )
        )
        for template in self:
            template.dealer_claim_count = sum(
                count
                for product, count in counts.items()
                if product.product_tmpl_id == template
            )

    def action_dealer_view_claims(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_warranty.dealer_warranty_claim_action"
        )
        action["domain"] = [("product_id.product_tmpl_id", "in", self.ids)]
        action["context"] = {"create": False}
        return action
