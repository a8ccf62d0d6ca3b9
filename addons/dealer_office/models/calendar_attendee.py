# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.dealer_base.tools import policy_records


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"

    def write(self, vals):
        declining = (
            self.filtered(lambda att: att.state != "declined")
            if vals.get("state") == "declined"
            else self.browse()
        )
        res = super().write(vals)
        if declining:
            # sudo: any attendee's answer reaches the meeting it belongs to.
            meetings = policy_records(
                self.env["dealer.meeting"]
                .sudo()
                .search([("event_id", "in", declining.event_id.ids)])
            )
            for meeting in meetings:
                chair = meeting.series_id.chair_id.partner_id
                if (
                    chair
                    in declining.filtered(
                        lambda att, m=meeting: att.event_id == m.event_id
                    ).partner_id
                ):
                    meeting._dealer_chair_declined()
        return res
