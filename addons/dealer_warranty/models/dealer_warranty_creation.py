# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Warranties made from deliveries, with their dates (dealer.warranty)."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class DealerWarranty(models.Model):
    _inherit = "dealer.warranty"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ dates
    @api.model
    def _dealer_compute_dates(self, delivery_date, term_values, start_date=None):
        """Periods start the day after delivery (Civil Code art. 201): 12 months
        from 15 March cover until 15 March of the next year inclusive."""
        start = start_date or delivery_date
        return {
            "delivery_date": delivery_date,
            "start_date": start,
            "end_date": start + relativedelta(months=term_values["period_months"]),
            "return_deadline": delivery_date
            + timedelta(days=term_values["return_days"]),
            "exchange_deadline": delivery_date
            + timedelta(days=term_values["exchange_days"]),
        }

    # ------------------------------------------------------------------ creation
    @api.model
    def _dealer_create_from_moves(self, moves):
        """One warranty per delivered serial or lot, or per move when untracked."""
        vals_list = []
        existing = self.search_fetch(
            [("move_id", "in", moves.ids), ("state", "!=", "void")],
            ["move_id", "lot_id"],
        )
        done_keys = {(w.move_id.id, w.lot_id.id) for w in existing}
        # One read for every line; iterating move by move would read them one
        # by one.
        moves.move_line_ids.fetch(["quantity", "lot_id", "product_uom_id"])
        for move in moves:
            term = move.product_id.product_tmpl_id.dealer_effective_warranty_term_id
            if not term:
                continue
            picking = move.picking_id
            partner = (
                move.sale_line_id.order_id.partner_id
                or picking.partner_id
                or move.partner_id
            ).commercial_partner_id
            delivery_date = fields.Date.context_today(
                self, timestamp=move.date or fields.Datetime.now()
            )
            # Conditions and exclusions are kept in the customer's language:
            # the warranty card is theirs.
            term_values = term.with_context(
                lang=partner.lang or self.env.lang
            )._snapshot_values()
            common = dict(
                term_values,
                **self._dealer_compute_dates(delivery_date, term_values),
                company_id=move.company_id.id,
                partner_id=partner.id,
                product_id=move.product_id.id,
                sale_line_id=move.sale_line_id.id,
                sale_order_id=move.sale_line_id.order_id.id,
                picking_id=picking.id,
                move_id=move.id,
                is_serial=move.product_id.tracking == "serial",
            )
            quantities = {}
            for line in move.move_line_ids:
                qty = line.product_uom_id._compute_quantity(
                    line.quantity, move.product_id.uom_id
                )
                quantities[line.lot_id] = quantities.get(line.lot_id, 0.0) + qty
            for lot, qty in quantities.items():
                if qty <= 0 or (move.id, lot.id) in done_keys:
                    continue
                vals_list.append(dict(common, lot_id=lot.id, quantity=qty))
        if not vals_list:
            return self
        # Whoever validates the delivery creates the warranty, but only
        # After-sales may otherwise create or change warranties.
        return self.sudo().create(vals_list).sudo(False)
