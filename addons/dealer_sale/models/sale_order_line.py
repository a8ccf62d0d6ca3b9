# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# What a customer is offered: the lines Technical and the contract review saw.
QUOTED_FIELDS = {
    "product_id",
    "product_template_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
    "tax_id",
    "name",
    "display_type",
    "product_no_variant_attribute_value_ids",
    "product_custom_attribute_value_ids",
}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _dealer_changes_quotation(self, vals):
        """The lines whose quoted content ``vals`` really changes (writing the
        value a line already has, as an import of an export does, is no change)."""
        changed = self.browse()
        if not self:
            return changed
        for fname in vals.keys() & QUOTED_FIELDS:
            field = self._fields[fname]
            if field.type in ("one2many", "many2many"):
                return self
            new = field.convert_to_cache(vals[fname], self[:1], validate=False)
            changed |= self.filtered(
                lambda line, f=field, v=new: f.convert_to_cache(
                    line[f.name], line, validate=False
                )
                != v
            )
        return changed

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        orders._dealer_check_lines_editable()
        lines = super().create(vals_list)
        lines.order_id._dealer_quotation_changed()
        return lines

    def write(self, vals):
        changed = self._dealer_changes_quotation(vals)
        orders = changed.order_id
        orders._dealer_check_lines_editable()
        res = super().write(vals)
        orders._dealer_quotation_changed()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_dealer_under_review(self):
        self.order_id._dealer_check_lines_editable()

    def unlink(self):
        orders = self.order_id
        res = super().unlink()
        orders.exists()._dealer_quotation_changed()
        return res
