# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.selections import TICKET_TYPES


class DealerHelpdeskTypeChange(models.TransientModel):
    """ASV-05: a helpdesk manager reclassifies a ticket taken under the wrong
    type, with the reason."""

    _name = "dealer.helpdesk.type.change"
    _description = "Change the Ticket Type"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True)
    current_type = fields.Selection(
        related="ticket_id.dealer_ticket_type", string="Current type"
    )
    new_type = fields.Selection(TICKET_TYPES, string="New type", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        # The ticket checks the manager's right, that it is open and that the
        # reason has words (ASV-05).
        self.ticket_id._dealer_change_type(self.new_type, self.reason)
        return {"type": "ir.actions.act_window_close"}
