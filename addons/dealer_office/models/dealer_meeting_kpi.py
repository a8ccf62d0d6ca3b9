# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""ADM-18: the weekly meeting counts in the appraisal; attendance is a KPI of
dealer_base's engine, computed set-wise through the hook below."""

from odoo import models
from odoo.tools import SQL


class DealerMeetingAttendance(models.Model):
    # One file per concern of the attendance (issue 18), not one class per model.
    _inherit = "dealer.meeting.attendance"  # pylint: disable=consider-merging-classes-inherited

    def _dealer_kpi_adm_attend(self, kpi, bounds):
        """ADM-18 attendance rate: the held meetings (held or minutes
        published) a person attended, present or late, out of those they were
        due at, in the period (the meeting's day in the company's time zone).
        An excused absence is not counted against the person."""
        return SQL(
            """
            SELECT a.company_id, a.user_id,
                   COUNT(*) FILTER (WHERE a.status IN ('present', 'late')),
                   COUNT(*)
              FROM dealer_meeting_attendance a
              JOIN dealer_meeting m
                ON m.id = a.meeting_id AND m.state IN ('held', 'closed')
              JOIN %(bounds)s b
                ON b.company_id = a.company_id
               AND a.meeting_date >= b.date_from AND a.meeting_date <= b.date_to
             WHERE a.status != 'excused'
             GROUP BY 1, 2
            """,
            bounds=bounds,
        )
