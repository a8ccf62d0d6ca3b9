# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""ASV-06, ASV-19, ASV-20, ASV-23: the unit's serial, checked against our
deliveries and warranties, and the return/exchange request handed to
dealer_warranty."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


class HelpdeskTicket(models.Model):
    # One file per concern of the ticket (issue 18), not one class per model.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    _dealer_governed = {
        "dealer_warranty_id": "ASV-23",
        "dealer_serial_flag": "ASV-06",
        "dealer_warranty_claim_id": "ASV-20",
    }

    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial",
        compute="_compute_lot_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
    )

    dealer_warranty_id = fields.Many2one(
        "dealer.warranty",
        string="Warranty",
        compute="_compute_dealer_warranty",
        store=True,
        index="btree_not_null",
    )
    dealer_serial_flag = fields.Selection(
        [
            ("ok", "Ours, sold to this customer"),
            ("unknown", "Not delivered by us"),
            ("other_customer", "Sold to another customer"),
        ],
        string="Serial check",
        compute="_compute_dealer_warranty",
        store=True,
        tracking=True,
    )
    # Live: the warranty check is made again each time the ticket is read.
    dealer_warranty_message = fields.Char(
        string="Warranty check", compute="_compute_dealer_warranty_message"
    )
    dealer_warranty_covered = fields.Boolean(
        string="In warranty", compute="_compute_dealer_warranty_message"
    )

    # ASV-19, ASV-20: a return/exchange ticket becomes a dealer_warranty request,
    # checked there against its window and inspected before any outcome.
    dealer_warranty_claim_id = fields.Many2one(
        "dealer.warranty.claim",
        string="Return / exchange request",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )

    @api.depends("dealer_serial", "product_id")
    def _compute_lot_id(self):
        """The serial the customer gave, among our lots: one search for the
        whole recordset (the first lot by name and id, as a search would)."""
        serials = {(t.dealer_serial or "").strip() for t in self} - {""}
        if not serials:
            return
        lots = self.env["stock.lot"].search(
            [
                ("name", "in", list(serials)),
                ("company_id", "in", self.company_id.ids + [False]),
            ],
            order="name, id",
        )
        by_name = defaultdict(list)
        for lot in lots:
            by_name[lot.name].append(lot)
        Lot = self.env["stock.lot"]
        for ticket in self:
            serial = (ticket.dealer_serial or "").strip()
            if not serial:
                continue
            lot = next(
                (
                    lot
                    for lot in by_name[serial]
                    if lot.company_id in (ticket.company_id, Lot.company_id)
                    and (not ticket.product_id or lot.product_id == ticket.product_id)
                ),
                Lot,
            )
            if lot or ticket.lot_id.name != serial:
                ticket.lot_id = lot

    def _dealer_warranty_day(self):
        """The day the customer called, in the company's time zone (warranties
        are dated by the local day of their delivery), else the user's."""
        self.ensure_one()
        received = self.dealer_received_date or self.create_date
        if not received:
            return None
        tz = self.company_id.partner_id.tz or self.env.user.tz or "UTC"
        return fields.Date.context_today(self.with_context(tz=tz), received)

    def _dealer_warranty_candidates(self):
        """The warranties that may speak for these tickets' units: one search
        for the whole recordset (no search per ticket in a compute)."""
        lots = self.lot_id
        serials = {(t.dealer_serial or "").strip() for t in self if not t.lot_id} - {""}
        products = self.filtered(
            lambda t: not t.lot_id and not (t.dealer_serial or "").strip()
        ).product_id
        parts = []
        if lots:
            parts.append([("lot_id", "in", lots.ids)])
        if serials:
            parts.append([("lot_id.name", "in", list(serials))])
        if products:
            parts.append([("product_id", "in", products.ids)])
        if not parts:
            return self.env["dealer.warranty"]
        return self.env["dealer.warranty"].search(
            expression.OR(parts), order="start_date desc, id desc"
        )

    def _dealer_find_warranty(self, candidates, day):
        """dealer.warranty._dealer_find, on candidates already read: the newest
        non-void warranty of the unit that started on or before the day, else
        the newest one at all."""
        self.ensure_one()
        serial = (self.dealer_serial or "").strip()
        if self.lot_id:
            mine = candidates.filtered(lambda w: w.lot_id == self.lot_id)
        elif serial:
            mine = candidates.filtered(
                lambda w: w.lot_id.name == serial
                and (not self.product_id or w.product_id == self.product_id)
            )
        elif self.product_id:
            partner = self.partner_id.commercial_partner_id
            mine = candidates.filtered(
                lambda w: w.product_id == self.product_id
                and (not partner or w.partner_id == partner)
            )
        else:
            return candidates.browse()
        live = mine.filtered(lambda w: w.state != "void")
        if day:
            live = live.filtered(lambda w: w.start_date <= day) or live
        return live[:1] or mine[:1]

    def _dealer_eligibility_by_ticket(self):
        """ASV-06, ASV-23: the warranty check of each ticket, as
        dealer.warranty.check_eligibility gives it, with one search for the
        recordset. {ticket id: result, or False when there is nothing to
        check}."""
        candidates = self._dealer_warranty_candidates()
        results = {}
        for ticket in self:
            serial = ticket.lot_id or (ticket.dealer_serial or "").strip()
            if not (serial or (ticket.product_id and ticket.partner_id)):
                results[ticket.id] = False
                continue
            day = ticket._dealer_warranty_day()
            warranty = ticket._dealer_find_warranty(candidates, day)
            partner = ticket.partner_id or None
            if warranty:
                results[ticket.id] = warranty._dealer_eligibility(
                    day or fields.Date.context_today(ticket), "repair", partner
                )
            else:
                # No warranty: check_eligibility's own answer, which finds
                # nothing without searching when given no unit to look for.
                results[ticket.id] = ticket._dealer_no_warranty_result(serial)
        return results

    def _dealer_no_warranty_result(self, serial):
        """check_eligibility's answer when no warranty speaks for the unit
        (asked with no unit, so that it does not search again), with the
        sentence that names the unit."""
        self.ensure_one()
        result = self.env["dealer.warranty"].check_eligibility(
            lot=None, product=None, partner=None, claim_type="repair"
        )
        if serial:
            result["message"] = self.env._(
                "No warranty is recorded for serial %(serial)s: it was not "
                "delivered by us, or not yet.",
                serial=serial if isinstance(serial, str) else serial.name,
            )
        else:
            result["message"] = self.env._(
                "No warranty is recorded for %(product)s delivered to " "%(partner)s.",
                product=self.product_id.display_name,
                partner=self.partner_id.display_name,
            )
        return result

    def _dealer_eligibility(self):
        self.ensure_one()
        return self._dealer_eligibility_by_ticket()[self.id]

    @api.depends("lot_id", "dealer_serial", "product_id", "partner_id")
    def _compute_dealer_warranty(self):
        results = self._dealer_eligibility_by_ticket()
        for ticket in self:
            result = results[ticket.id]
            if not result:
                ticket.dealer_warranty_id = False
                ticket.dealer_serial_flag = False
                continue
            ticket.dealer_warranty_id = result["warranty_id"]
            reasons = result["reasons"]
            if not (ticket.lot_id or ticket.dealer_serial):
                ticket.dealer_serial_flag = False
            elif "unknown" in reasons:
                ticket.dealer_serial_flag = "unknown"
            elif "other_customer" in reasons:
                ticket.dealer_serial_flag = "other_customer"
            else:
                ticket.dealer_serial_flag = "ok"

    @api.depends("dealer_warranty_id", "lot_id", "dealer_serial", "partner_id")
    def _compute_dealer_warranty_message(self):
        results = self._dealer_eligibility_by_ticket()
        for ticket in self:
            result = results[ticket.id]
            ticket.dealer_warranty_message = result and result["message"]
            ticket.dealer_warranty_covered = bool(result and result["covered"])

    def action_create_warranty_claim(self):
        """ASV-19, ASV-20: hand a return or exchange to dealer_warranty, judged on
        the day the customer asked."""
        self.ensure_one()
        if not (self.lot_id or (self.product_id and self.partner_id)):
            raise UserError(
                self.env._(
                    "ASV-20: set the Product and Customer, or a Serial number of "
                    "ours, on %(ticket)s before creating a return request.",
                    ticket=self.display_name,
                )
            )
        self.check_access("write")
        # The request date is the ticket's received date (CMP-02), which the
        # caller cannot choose: the request takes it as the ticket's action.
        claim = (
            self._dealer_as_action()
            .env["dealer.warranty.claim"]
            .create(
                {
                    "lot_id": self.lot_id.id,
                    "product_id": self.product_id.id or self.lot_id.product_id.id,
                    "partner_id": self.partner_id.commercial_partner_id.id,
                    "request_date": fields.Date.to_date(
                        self.dealer_received_date or self.create_date
                    ),
                    "description": self.name,
                    "company_id": self.company_id.id,
                }
            )
        )
        self._dealer_as_action().write({"dealer_warranty_claim_id": claim.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.warranty.claim",
            "res_id": claim.id,
            "view_mode": "form",
        }
