# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CMP-11: every complaint gets a responsibility finding before it closes: the
accountable person, department or supplier. The complaint rate counts against
that person (dealer_base's KPI engine), not against the ticket's handler."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.dealer_base.tools import DEPARTMENTS, policy_records

from .helpdesk_ticket_closing import HelpdeskTicket as ClosingTicket

ACCOUNTABLE_KINDS = [
    ("person", "Person"),
    ("department", "Department"),
    ("supplier", "Supplier"),
]


class HelpdeskTicket(models.Model):
    # One file per concern of the ticket (issue 18), not one class per model.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # The finding is a result of the complaint: kept once it is closed.
    _dealer_kept_when_closed = {
        **ClosingTicket._dealer_kept_when_closed,
        "dealer_accountable_kind": "CMP-11",
        "dealer_accountable_user_id": "CMP-11",
        "dealer_accountable_department": "CMP-11",
    }

    dealer_accountable_kind = fields.Selection(
        ACCOUNTABLE_KINDS,
        string="Accountable",
        compute="_compute_dealer_accountable",
        store=True,
        readonly=False,
        tracking=True,
        help="Who answers for the complaint (CMP-11). Proposed from the root "
        "cause (the supplier for product or supplier causes, else the team's "
        "department); name the person when one is responsible.",
    )
    dealer_accountable_user_id = fields.Many2one(
        "res.users",
        string="Accountable person",
        tracking=True,
        check_company=True,
        domain="[('share', '=', False)]",
        help="The complaint counts in this person's complaint rate.",
    )
    dealer_accountable_department = fields.Selection(
        DEPARTMENTS,
        string="Accountable department",
        compute="_compute_dealer_accountable",
        store=True,
        readonly=False,
        tracking=True,
    )

    @api.depends(
        "dealer_ticket_type", "dealer_root_cause_category", "dealer_supplier_id"
    )
    def _compute_dealer_accountable(self):
        """A proposal for what is still empty; a choice made is kept."""
        for ticket in self:
            kind = ticket.dealer_accountable_kind
            department = ticket.dealer_accountable_department
            if ticket.dealer_ticket_type == "complaint":
                supplier_cause = ticket.dealer_root_cause_category in (
                    "product_quality",
                    "supplier",
                )
                kind = kind or (
                    "supplier"
                    if supplier_cause and ticket.dealer_supplier_id
                    else "department"
                )
                department = department or ticket.dealer_department
            ticket.dealer_accountable_kind = kind
            ticket.dealer_accountable_department = department

    @api.constrains(
        "stage_id",
        "dealer_accountable_kind",
        "dealer_accountable_user_id",
        "dealer_accountable_department",
        "dealer_supplier_id",
    )
    def _check_dealer_accountable(self):
        """CMP-11: a closed complaint names who answers for it."""
        _ = self.env._
        for ticket in policy_records(self).filtered(
            lambda t: t.stage_id.closed and t.dealer_ticket_type == "complaint"
        ):
            kind = ticket.dealer_accountable_kind
            missing = {
                False: "dealer_accountable_kind",
                "person": not ticket.dealer_accountable_user_id
                and "dealer_accountable_user_id",
                "department": not ticket.dealer_accountable_department
                and "dealer_accountable_department",
                "supplier": not ticket.dealer_supplier_id and "dealer_supplier_id",
            }[kind]
            if missing:
                raise ValidationError(
                    _(
                        "CMP-11: complaint %(ticket)s cannot be closed without "
                        "its %(field)s: every complaint names who answers for it.",
                        ticket=ticket.display_name,
                        field=ticket._fields[missing]._description_string(self.env),
                    )
                )
