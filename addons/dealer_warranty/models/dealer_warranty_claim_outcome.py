# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ASV-20: how a request ends (return, exchange, repair, shipped back) and the quality
claims counted for suppliers (dealer.warranty.claim)."""

from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


class DealerWarrantyClaim(models.Model):
    _inherit = "dealer.warranty.claim"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ outcomes
    def _dealer_to_nonconforming(self):
        warehouse = self._dealer_warehouse()
        return self._dealer_new_picking(
            warehouse.int_type_id,
            warehouse.dealer_pending_location_id,
            warehouse.dealer_nonconforming_location_id,
        )

    def _dealer_resolve_return(self):
        """Refund: the faulty unit is non-conforming, the warranty ends, and
        Sales issues the credit note from the order (returned quantity)."""
        self._dealer_to_nonconforming()
        moves = self.return_picking_id.move_ids.filtered(lambda m: not m.to_refund)
        if moves:
            moves.write({"to_refund": True})
            lines = moves.sale_line_id
            self.env.add_to_compute(lines._fields["qty_delivered"], lines)
        # After-sales decides the refund; the warranty itself is read-only to them.
        warranty = self.warranty_id.sudo()
        if warranty.is_serial or self.quantity >= warranty.quantity:
            warranty._dealer_void(
                self.env._("Returned for a refund under request %s", self.name)
            )
        else:
            # Part of an untracked quantity: the rest stays under warranty.
            qty, total = f"{self.quantity:g}", f"{warranty.quantity:g}"
            warranty.message_post(
                body=self.env._(
                    "%(qty)s of %(total)s units returned for a refund under "
                    "request %(name)s.",
                    qty=qty,
                    total=total,
                    name=self.name,
                )
            )

    def _dealer_resolve_exchange(self):
        """Exchange: a replacement unit leaves stock; its delivery carries the
        warranty over (see stock.picking._action_done)."""
        self._dealer_to_nonconforming()
        warehouse = self._dealer_warehouse()
        replacement = self._dealer_new_picking(
            warehouse.out_type_id,
            warehouse.lot_stock_id,
            self.env.ref("stock.stock_location_customers"),
            lot=False,
        )
        self._dealer_as_action().write({"replacement_picking_id": replacement.id})

    def _dealer_resolve_repair(self):
        """Repair: the unit is repaired where it waits, free under warranty."""
        warehouse = self._dealer_warehouse()
        pending = warehouse.dealer_pending_location_id
        # The link to the request is governed on repairs (it dates the
        # coverage and releases the unit from pending): set by this action.
        repair = (
            self.env["repair.order"]
            ._dealer_as_action()
            .create(
                {
                    "product_id": self.product_id.id,
                    "product_qty": self.quantity,
                    "lot_id": self.lot_id.id,
                    "partner_id": self.partner_id.id,
                    "picking_type_id": warehouse.repair_type_id.id,
                    "location_id": pending.id,
                    "product_location_src_id": pending.id,
                    "product_location_dest_id": pending.id,
                    "dealer_warranty_claim_id": self.id,
                    "schedule_date": fields.Datetime.now(),
                    "user_id": (self.user_id or self.env.user).id,
                    "internal_notes": self.inspection_note,
                }
            )
            .with_env(self.env)
        )
        self._dealer_as_action().write({"repair_id": repair.id})

    def _dealer_ship_back(self):
        """The customer's own unit goes back (rejected, or repaired)."""
        warehouse = self._dealer_warehouse()
        return self._dealer_new_picking(
            warehouse.out_type_id,
            warehouse.dealer_pending_location_id,
            self.env.ref("stock.stock_location_customers"),
        )

    def _dealer_inform_sales(self):
        """ASV-21: Sales hears of every return and exchange."""
        self.ensure_one()
        labels = dict(self._fields["resolution"]._description_selection(self.env))
        if self.state == "rejected":
            summary = _lt(
                "Request %s: no quality problem found, the unit goes back", self.name
            )
        else:
            summary = _lt(
                "Request %(name)s: %(outcome)s decided",
                name=self.name,
                outcome=labels[self.resolution],
            )
        note = ""
        if self.state != "rejected" and self.resolution == "return":
            note = _lt("Issue the credit note from the sale order.")
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            note=note,
            user_id=(self.salesperson_id or self.user_id or self.env.user).id,
        )

    def _dealer_after_picking_done(self, picking):
        """Move the request on when one of its transfers is done."""
        self.ensure_one()
        if picking == self.return_picking_id:
            self._dealer_on_returned()
        elif picking == self.replacement_picking_id:
            line = picking.move_line_ids.filtered("quantity")[:1]
            if line and line.lot_id:
                new = self.warranty_id._dealer_transfer_to(line, self)
                self._dealer_as_action().write({"new_warranty_id": new.id})
            elif line:
                # Untracked units are interchangeable: the warranty goes on.
                qty = f"{self.quantity:g}"
                self.warranty_id.sudo().message_post(
                    body=self.env._(
                        "%(qty)s units replaced under request %(name)s; the "
                        "warranty goes on.",
                        qty=qty,
                        name=self.name,
                    )
                )
        self._dealer_check_done()

    def _dealer_on_repaired(self):
        for claim in self.filtered(lambda c: c.state == "processing"):
            claim._dealer_ship_back()

    def _dealer_check_done(self):
        for claim in self.filtered(lambda c: c.state == "processing"):
            open_pickings = claim.picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            )
            repair_open = claim.repair_id and claim.repair_id.state != "done"
            if not open_pickings and not repair_open:
                claim._dealer_as_action().write({"state": "done"})

    # ------------------------------------------------------------------ quality
    @api.model
    def _dealer_quality_claim_counts(self, products, date_from=None, date_to=None):
        """Requests whose inspection confirmed a quality problem, per product:
        the figure product quality and supplier evaluation read.

        :return: {product.product id: count}
        """
        domain = [
            ("product_id", "in", products.ids),
            ("state", "in", ("processing", "done")),
        ]
        if date_from:
            domain.append(("request_date", ">=", date_from))
        if date_to:
            domain.append(("request_date", "<=", date_to))
        return {
            product.id: count
            for product, count in self._read_group(domain, ["product_id"], ["__count"])
        }
