# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.dealer_base.tools import policy_records


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_done(self, cancel_backorder=False):
        moves = super()._action_done(cancel_backorder=cancel_backorder)
        # A company off the manual keeps no warranty register (issue 18).
        done = policy_records(moves).filtered(lambda m: m.state == "done")
        done._dealer_warranty_deliveries()._dealer_create_warranties()
        done._dealer_warranty_returns()._dealer_void_returned_warranties()
        return moves

    def _dealer_warranty_deliveries(self):
        """Sales to customers; claim transfers carry their own warranty."""
        return self.filtered(
            lambda m: m.location_dest_id.usage == "customer"
            and m.location_id.usage == "internal"
            and not m.origin_returned_move_id
            and not m.repair_id
            and not m.picking_id.dealer_warranty_claim_id
        )

    def _dealer_warranty_returns(self):
        """Plain returns of a delivery, outside any claim."""
        return self.filtered(
            lambda m: m.location_id.usage == "customer"
            and m.origin_returned_move_id
            and not m.picking_id.dealer_warranty_claim_id
        )

    def _dealer_create_warranties(self):
        if self:
            self.env["dealer.warranty"]._dealer_create_from_moves(self)

    def _dealer_void_returned_warranties(self):
        """A unit the customer sent back outside a claim keeps no warranty."""
        if not self:
            return
        Warranty = self.env[
            "dealer.warranty"
        ].sudo()  # warehouse staff validate returns
        warranties = Warranty.search(
            [
                ("move_id", "in", self.origin_returned_move_id.ids),
                ("state", "!=", "void"),
            ]
        )
        for move in self:
            for line in move.move_line_ids.filtered("quantity"):
                warranty = warranties.filtered(
                    lambda w, m=move, lot=line.lot_id: w.move_id
                    == m.origin_returned_move_id
                    and w.lot_id == lot
                )[:1]
                if not warranty:
                    continue
                reason = self.env._(
                    "Returned on %s", move.picking_id.name or move.reference
                )
                if warranty.is_serial or line.quantity >= warranty.quantity:
                    warranty._dealer_void(reason)
                else:
                    qty, total = f"{line.quantity:g}", f"{warranty.quantity:g}"
                    warranty.message_post(
                        body=self.env._(
                            "%(qty)s of %(total)s units returned in %(ref)s.",
                            qty=qty,
                            total=total,
                            ref=move.picking_id.name or move.reference,
                        )
                    )
