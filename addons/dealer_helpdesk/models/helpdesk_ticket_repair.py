# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""ASV-06, ASV-07, ASV-10, ASV-11: the unit returned for repair and the
repaired unit shipped back, the customer told of the shipment."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class HelpdeskTicket(models.Model):
    # One file per concern of the ticket (issue 18), not one class per model.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    _dealer_governed = {
        "dealer_shipment_notified": "ASV-11",
    }

    dealer_repair_ids = fields.One2many(
        "repair.order", "dealer_ticket_id", string="Repair orders"
    )
    dealer_repair_count = fields.Integer(compute="_compute_dealer_repair_count")
    dealer_repair_state = fields.Char(
        string="Repair status", compute="_compute_dealer_repair_state"
    )

    # ASV-11: the repaired unit on its way back.
    dealer_carrier = fields.Char(string="Carrier", tracking=True, copy=False)
    dealer_tracking_ref = fields.Char(
        string="Tracking number", tracking=True, copy=False
    )
    dealer_expected_arrival = fields.Date(
        string="Expected arrival", tracking=True, copy=False
    )
    dealer_shipment_notified = fields.Datetime(
        string="Customer told of shipment", readonly=True, copy=False
    )

    @api.depends("dealer_repair_ids")
    def _compute_dealer_repair_count(self):
        for ticket in self:
            ticket.dealer_repair_count = len(ticket.dealer_repair_ids)

    @api.depends("dealer_repair_ids.state")
    def _compute_dealer_repair_state(self):
        for ticket in self:
            repair = ticket.dealer_repair_ids.sorted("id")[-1:]
            ticket.dealer_repair_state = (
                dict(repair._fields["state"]._description_selection(self.env)).get(
                    repair.state
                )
                if repair
                else False
            )

    @api.constrains("dealer_expected_arrival", "dealer_received_date")
    def _check_dealer_expected_arrival(self):
        """ASV-11, bad input: the unit cannot arrive before the request came in."""
        for ticket in self.filtered("dealer_expected_arrival"):
            received = fields.Date.to_date(
                ticket.dealer_received_date or ticket.create_date
            )
            if received and ticket.dealer_expected_arrival < received:
                raise ValidationError(
                    self.env._(
                        "%(field)s of %(ticket)s cannot be before the day the "
                        "request was received, %(day)s (ASV-11).",
                        field=self._fields[
                            "dealer_expected_arrival"
                        ]._description_string(self.env),
                        ticket=ticket.display_name,
                        day=received,
                    )
                )

    def _prepare_dealer_repair_vals(self):
        self.ensure_one()
        vals = {
            "product_id": self.product_id.id,
            "lot_id": self.lot_id.id,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "dealer_ticket_id": self.id,
            "internal_notes": self.dealer_diagnosis or False,
            # ASV-23: the warranty is judged on the day the customer called.
            "dealer_claim_date": fields.Date.to_date(
                self.dealer_received_date or self.create_date
            ),
        }
        if self.user_id:
            vals["user_id"] = self.user_id.id
        return vals

    def action_create_repair(self):
        """ASV-06, ASV-07: the unit comes back for repair; the warranty decides
        whether the repair is charged (dealer_warranty)."""
        self.ensure_one()
        if not self.product_id:
            raise UserError(
                self.env._(
                    "ASV-06: set the Product of %(ticket)s before creating a repair "
                    "order.",
                    ticket=self.display_name,
                )
            )
        if self.product_id.tracking != "none" and not self.lot_id:
            raise UserError(
                self.env._(
                    "ASV-06: the Serial number of %(ticket)s is not one of ours; "
                    "find the unit's serial before creating a repair order.",
                    ticket=self.display_name,
                )
            )
        self.check_access("write")
        # The claim date is the ticket's received date, which only the ticket
        # decides (CMP-02): the repair takes it as the ticket's action.
        repair = (
            self._dealer_as_action()
            .env["repair.order"]
            .create(self._prepare_dealer_repair_vals())
        )
        self._dealer_as_action().write({"dealer_resolution": "repair"})
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "res_id": repair.id,
            "view_mode": "form",
        }

    def action_notify_shipment(self):
        """ASV-10, ASV-11: the customer learns the carrier, tracking number and
        expected arrival of the repaired unit."""
        template = self.env.ref("dealer_helpdesk.mail_template_ticket_shipment")
        self.check_access("write")
        for ticket in self:
            missing = [
                ticket._fields[name].get_description(self.env)["string"]
                for name in (
                    "dealer_carrier",
                    "dealer_tracking_ref",
                    "dealer_expected_arrival",
                )
                if not ticket[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "ASV-11: %(ticket)s needs %(fields)s before the customer is "
                        "told of the shipment.",
                        ticket=ticket.display_name,
                        fields=", ".join(missing),
                    )
                )
            template.send_mail(ticket.id, force_send=False)
            ticket.message_post(
                body=self.env._(
                    "Shipment sent to the customer: %(carrier)s %(ref)s, expected "
                    "%(date)s.",
                    carrier=ticket.dealer_carrier,
                    ref=ticket.dealer_tracking_ref,
                    date=ticket.dealer_expected_arrival,
                )
            )
        self._dealer_as_action().write(
            {"dealer_shipment_notified": fields.Datetime.now()}
        )

    def action_view_repairs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Repair orders"),
            "res_model": "repair.order",
            "view_mode": "list,form",
            "domain": [("dealer_ticket_id", "=", self.id)],
        }
