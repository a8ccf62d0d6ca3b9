# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    dealer_needs_installation = fields.Boolean(
        string="Needs installation or configuration",
        help="Confirmed orders of this product give Technical an activity (SAL-05).",
    )
    dealer_price_change_ids = fields.One2many(
        "dealer.price.change", "product_tmpl_id", string="Price changes"
    )

    def write(self, vals):
        # SAL-17: a published sales price changes only through an approved price
        # change (or by the system, e.g. data loading).
        if (
            "list_price" in vals
            and not self.env.su
            and not self.env.context.get("dealer_price_change_apply")
            and any(
                template.list_price != vals["list_price"]
                and template.sale_ok
                and template.create_date
                for template in self
            )
        ):
            raise UserError(
                self.env._(
                    "Sales prices change through an approved price change "
                    "(Sales > Products > Price Changes), announced to customers "
                    "in advance (SAL-17, SAL-18)."
                )
            )
        return super().write(vals)
