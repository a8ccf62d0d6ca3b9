# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DealerMeetingAgenda(models.Model):
    """An agenda item with the person who presents it, set in advance (ADM-08,
    ADM-19)."""

    _name = "dealer.meeting.agenda"
    _description = "Meeting Agenda Item"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    owner_id = fields.Many2one("res.users", string="Presented by", required=True)
    series_id = fields.Many2one("dealer.meeting.series", index=True, ondelete="cascade")
    meeting_id = fields.Many2one("dealer.meeting", index=True, ondelete="cascade")
    notes = fields.Text()
