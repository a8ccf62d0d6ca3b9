# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockMove(models.Model):
    _name = "stock.move"
    _inherit = ["stock.move", "dealer.governed.mixin"]

    # The adjustment moves of a stocktake point back to it; only its apply
    # links them (STK-13).
    _dealer_governed = {"dealer_stocktake_id": "STK-13"}

    dealer_stocktake_id = fields.Many2one(
        "dealer.stocktake",
        string="Stocktake",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )

    def _action_done(self, cancel_backorder=False):
        self._dealer_check_adjustment_moves()
        return super()._action_done(cancel_backorder=cancel_backorder)

    def _dealer_check_adjustment_moves(self):
        """STK-13: stock enters or leaves a company that adjusts stock only
        through stocktakes from or to the inventory-adjustment location only
        through a stocktake (whose apply runs as superuser), whatever the
        route: Physical Inventory, a transfer from that location, the API.
        Scrapping is an issue, not an adjustment, and stays open."""
        if self.env.su:
            return
        Quant = self.env["stock.quant"]
        for move in self:
            source, dest = move.location_id, move.location_dest_id
            if source.usage == "inventory" and not source.scrap_location:
                Quant._dealer_refuse_inventory_adjustment(dest)
            if dest.usage == "inventory" and not dest.scrap_location:
                Quant._dealer_refuse_inventory_adjustment(source)
