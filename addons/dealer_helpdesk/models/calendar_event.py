# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    # ASV-04, ASV-13: an on-site service visit of a ticket.
    dealer_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Helpdesk ticket", index="btree_not_null"
    )
    dealer_parts_to_bring = fields.Text(string="Parts to bring")
