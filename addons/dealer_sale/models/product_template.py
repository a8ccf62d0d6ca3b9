# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.dealer_base.tools import policy_on


class ProductTemplate(models.Model):
    _name = "product.template"
    _inherit = ["product.template", "dealer.governed.mixin"]

    # SAL-17: a published sales price changes only through an approved price
    # change (dealer.price.change applies it); a new product gets its first
    # price when it is created. product.product writes its template's price,
    # so variants are held by the same guard.
    _dealer_governed = {"list_price": "SAL-17"}

    dealer_needs_installation = fields.Boolean(
        string="Needs installation or configuration",
        help="Confirmed orders of this product give Technical an activity (SAL-05).",
    )
    dealer_price_change_ids = fields.One2many(
        "dealer.price.change", "product_tmpl_id", string="Price changes"
    )

    @api.model
    def _dealer_check_governed_create(self, vals_list):
        # The first sales price of a new product is free (SAL-17 governs changes).
        return super()._dealer_check_governed_create(
            [
                {key: value for key, value in vals.items() if key != "list_price"}
                for vals in vals_list
            ]
        )

    def _dealer_refuse_governed(self, fname, rule):
        if fname != "list_price":
            return super()._dealer_refuse_governed(fname, rule)
        raise UserError(
            self.env._(
                "%(field)s: sales prices change through an approved price change "
                "(Sales > Products > Price Changes), announced to customers in "
                "advance (SAL-17, SAL-18).",
                field=self._fields[fname]._description_string(self.env),
            )
        )


class ProductTemplateAttributeValue(models.Model):
    _inherit = "product.template.attribute.value"

    def write(self, vals):
        # A variant's extra price is part of its sales price (SAL-17): set when
        # the value is added, not changed afterwards except by the system.
        if "price_extra" in vals and not self.env.su and policy_on(self):
            changed = self.filtered(
                lambda value: float_compare(
                    value.price_extra,
                    vals["price_extra"] or 0.0,
                    precision_digits=6,
                )
            )
            if changed:
                raise UserError(
                    self.env._(
                        "%(field)s is set when the value is added to the product "
                        "and then kept: sales prices change through an approved "
                        "price change of the product (SAL-17).",
                        field=self._fields["price_extra"]._description_string(self.env),
                    )
                )
        return super().write(vals)
