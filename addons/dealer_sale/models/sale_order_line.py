# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import SQL

from odoo.addons.dealer_base.tools import period_datetimes

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

    # ------------------------------------------------------------------ AUD-05
    def _dealer_compliance_sal_17(self, companies, date_from, date_to):
        """SAL-17 compliance check (dealer_base registry): lines of orders
        confirmed in the period sold, net of discount, below the product's
        approved sales price (the list price, changed only through an approved
        price change), in the company currency and the product's unit. One
        query."""
        start, end = period_datetimes(date_from, date_to)
        self.flush_model(
            ["order_id", "product_id", "price_unit", "discount", "product_uom"]
        )
        self.env["sale.order"].flush_model(
            ["company_id", "state", "date_order", "currency_id"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT l.id
                  FROM sale_order_line l
                  JOIN sale_order o ON o.id = l.order_id
                  JOIN res_company c ON c.id = o.company_id
                  JOIN product_product pp ON pp.id = l.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE o.company_id IN %(companies)s
                   AND o.state = 'sale'
                   AND o.date_order >= %(start)s AND o.date_order < %(end)s
                   AND o.currency_id = c.currency_id
                   AND l.product_uom = pt.uom_id
                   AND l.display_type IS NULL
                   AND pt.list_price > 0
                   AND l.price_unit * (1 - COALESCE(l.discount, 0) / 100.0)
                       < pt.list_price - 0.005
                """,
                companies=tuple(companies.ids) or (0,),
                start=start,
                end=end,
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        return {"count": len(ids), "domain": [("id", "in", ids)]}
