# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CMP-07, CMP-08: how a complaint ends: root cause, supplier, corrective
action and the customer's confirmation."""

from odoo import api, fields, models

from .helpdesk_ticket import ROOT_CAUSE_CATEGORIES


class HelpdeskTicket(models.Model):
    # One file per concern of the ticket (issue 18), not one class per model.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # CMP-07, CMP-08: how a complaint ends.
    dealer_root_cause = fields.Text(string="Root cause", tracking=True)
    dealer_root_cause_category = fields.Selection(
        ROOT_CAUSE_CATEGORIES, string="Root cause category", tracking=True
    )
    dealer_supplier_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        compute="_compute_dealer_supplier_id",
        store=True,
        readonly=False,
        help="The supplier of the product, for the root-cause analysis.",
    )
    dealer_corrective_action = fields.Text(string="Corrective action", tracking=True)
    dealer_customer_confirmation = fields.Selection(
        [
            ("confirmed", "Customer confirmed the solution"),
            ("attempted", "Customer not reached (attempt recorded)"),
        ],
        string="Customer confirmation",
        tracking=True,
        copy=False,
    )
    dealer_confirmation_note = fields.Text(
        string="Confirmation note",
        copy=False,
        help="Who confirmed, or when and how the customer was tried.",
    )

    @api.depends("product_id")
    def _compute_dealer_supplier_id(self):
        for ticket in self:
            if ticket.product_id:
                ticket.dealer_supplier_id = ticket.product_id.seller_ids[:1].partner_id
