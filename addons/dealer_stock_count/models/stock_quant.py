# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.dealer_base.tools import policy_records

# What sets or applies a count in core's Physical Inventory, or books stock
# straight onto a quant.
INVENTORY_FIELDS = ("inventory_quantity", "inventory_quantity_auto_apply", "quantity")


class StockQuant(models.Model):
    _inherit = "stock.quant"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # STK-13: in a company whose stock is adjusted only through stocktakes,
    # core's Physical Inventory neither records counts nor applies them, for
    # Inventory managers too. The stocktake's own apply runs as superuser
    # after its checks; data files and crons run as superuser as well.
    # ------------------------------------------------------------------
    @api.model
    def _dealer_adjusted_by_stocktakes(self, locations):
        """The locations of ``locations`` whose stock only a stocktake adjusts:
        internal and transit locations of a company that runs by the manual
        and does not allow Physical Inventory adjustments (another company
        keeps core's Physical Inventory, issue 18)."""
        # sudo: the company's policy decides, whatever the user may read.
        return policy_records(locations.sudo().filtered("company_id")).filtered(
            lambda loc: loc.usage in ("internal", "transit")
            and loc.company_id
            and not loc.company_id.dealer_stocktake_allow_inventory_adjustment
        )

    @api.model
    def _dealer_refuse_inventory_adjustment(self, locations):
        if self.env.su:
            return
        refused = self._dealer_adjusted_by_stocktakes(locations)
        if refused:
            raise UserError(
                self.env._(
                    "Stock in %(locations)s is adjusted only through a stocktake "
                    "(STK-13): count it in a stocktake, which is explained and "
                    "approved before it is applied. Physical Inventory counts and "
                    "adjustments are refused here unless the company allows them "
                    "(Settings > Management Manual > Stocktakes).",
                    locations=", ".join(refused[:3].mapped("complete_name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if any(vals.get(fname) for fname in INVENTORY_FIELDS):
                    self._dealer_refuse_inventory_adjustment(
                        self.env["stock.location"].browse(vals.get("location_id"))
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._dealer_check_inventory_write(vals)
        return super().write(vals)

    def _dealer_check_inventory_write(self, vals):
        """A count that is set or changed, or stock written onto a quant, is
        refused; clearing a count, or writing the value a quant already has,
        adjusts nothing and passes."""
        clearing = vals.get("inventory_quantity_set") is False
        changed = self.browse()
        for fname in INVENTORY_FIELDS:
            if fname not in vals or (clearing and fname != "quantity"):
                continue
            value = vals[fname] or 0.0
            changed |= self.filtered(
                lambda quant, fname=fname, value=value: float_compare(
                    quant[fname],
                    value,
                    precision_rounding=quant.product_uom_id.rounding or 0.01,
                )
            )
        if vals.get("inventory_quantity_set"):
            changed |= self.filtered(lambda quant: not quant.inventory_quantity_set)
        if changed:
            self._dealer_refuse_inventory_adjustment(changed.location_id)

    def action_clear_inventory_quantity(self):
        # Core clears a count field by field; clearing it in one write first
        # is allowed everywhere (it adjusts nothing), so the field writes that
        # follow change nothing.
        self.write(
            {
                "inventory_quantity": 0,
                "inventory_diff_quantity": 0,
                "inventory_quantity_set": False,
            }
        )
        return super().action_clear_inventory_quantity()

    def _apply_inventory(self):
        self._dealer_refuse_inventory_adjustment(self.location_id)
        return super()._apply_inventory()
