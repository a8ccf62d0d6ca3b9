# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import GOVERNED_KEY, GOVERNED_TOKEN


class DealerMeetingAttendance(models.Model):
    """Who attended (ADM-18: attendance counts in appraisals)."""

    _name = "dealer.meeting.attendance"
    _description = "Meeting Attendance"
    _order = "meeting_id, id"

    meeting_id = fields.Many2one(
        "dealer.meeting", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    meeting_date = fields.Date(related="meeting_id.meeting_date", store=True)
    user_id = fields.Many2one("res.users", string="Participant", required=True)
    status = fields.Selection(
        [
            ("present", "Present"),
            ("late", "Late"),
            ("excused", "Excused"),
            ("absent", "Absent"),
        ],
        default="present",
        required=True,
    )

    _sql_constraints = [
        (
            "meeting_user_uniq",
            "unique (meeting_id, user_id)",
            "A participant is recorded once per meeting (ADM-18).",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        # The series plans attendance as its own action; anyone else is one
        # of the meeting's people.
        trusted = self.env.su or self.env.context.get(GOVERNED_KEY) is GOVERNED_TOKEN
        if not trusted:
            records.meeting_id._dealer_check_may_manage()
        return records

    def write(self, vals):
        self.meeting_id._dealer_check_may_manage()
        if self.meeting_id.filtered(lambda m: m.state in ("closed", "cancel")):
            raise UserError(
                self.env._(
                    "The attendance of a closed meeting is not changed (ADM-18)."
                )
            )
        return super().write(vals)
