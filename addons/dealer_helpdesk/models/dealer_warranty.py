# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""ASV-06, ASV-23: a ticket's warranty and serial check are stored (they are
filtered on) and computed from the warranties; when a warranty is created or
changes, the open tickets of its unit are checked again, set-wise."""

from odoo import api, models
from odoo.osv import expression


class DealerWarranty(models.Model):
    _inherit = "dealer.warranty"

    # What decides which warranty speaks for a unit and whether the serial is
    # ours and sold to the ticket's customer (_dealer_find, check_eligibility).
    _DEALER_HD_TICKET_KEYS = frozenset(
        {"lot_id", "product_id", "partner_id", "state", "start_date"}
    )

    @api.model_create_multi
    def create(self, vals_list):
        warranties = super().create(vals_list)
        warranties._dealer_hd_recheck_tickets(warranties._dealer_hd_tickets())
        return warranties

    def write(self, vals):
        if not self._DEALER_HD_TICKET_KEYS.intersection(vals):
            return super().write(vals)
        before = self._dealer_hd_tickets()
        result = super().write(vals)
        self._dealer_hd_recheck_tickets(before | self._dealer_hd_tickets())
        return result

    def _dealer_hd_tickets(self):
        """The open tickets about these warranties' units: one search. A
        closed ticket keeps the check it was closed with."""
        Ticket = self.env["helpdesk.ticket"].sudo()
        if not self:
            return Ticket
        warranties = self.sudo()
        parts = []
        if warranties.lot_id:
            parts += [
                [("lot_id", "in", warranties.lot_id.ids)],
                [("dealer_serial", "in", warranties.lot_id.mapped("name"))],
            ]
        if warranties.product_id:
            parts.append(
                [
                    ("lot_id", "=", False),
                    ("product_id", "in", warranties.product_id.ids),
                ]
            )
        if not parts:
            return Ticket
        return Ticket.search(
            expression.AND([expression.OR(parts), [("stage_id.closed", "=", False)]])
        )

    def _dealer_hd_recheck_tickets(self, tickets):
        if not tickets:
            return
        Ticket = self.env["helpdesk.ticket"]
        for fname in ("dealer_warranty_id", "dealer_serial_flag"):
            self.env.add_to_compute(Ticket._fields[fname], tickets)
