# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from .common import DealerOfficeCommon


class TestMeetingKpi(DealerOfficeCommon):
    """ADM-18: meeting attendance feeds the KPI engine, per person and
    quarter, counted on held meetings only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.series = cls.env["dealer.meeting.series"].create(
            {
                "name": "Business weekly meeting",
                "company_id": cls.company.id,
                "department": "sales",
                "kind": "weekly",
                "weekday": "5",
                "hour_start": 15.0,
                "duration": 1.0,
                "date_start": date(2026, 6, 1),
                "chair_id": cls.sales_head.id,
                "deputy_chair_id": cls.sales_deputy.id,
                "minute_taker_id": cls.office.id,
                "attendee_ids": [(6, 0, (cls.sales | cls.sales_deputy).ids)],
            }
        )
        cls.kpi = cls.env.ref("dealer_office.kpi_adm_attend")
        cls.Value = cls.env["dealer.kpi.value"]

    def _value(self, user, period):
        return self.Value.search(
            [
                ("kpi_id", "=", self.kpi.id),
                ("user_id", "=", user.id),
                ("period", "=", period),
            ]
        )

    def _status(self, meeting, user, status):
        meeting.attendance_ids.filtered(lambda a: a.user_id == user).with_user(
            self.office
        ).status = status

    def test_adm_18_attendance_rate_per_person_and_quarter(self):
        """Four Saturdays of June 2026 planned; three held. The salesperson
        attended two of the three (66.67 %); the deputy
        was excused once (2 of 2: 100 %). The planned meeting and July's
        meeting do not count in Q2."""
        with freeze_time("2026-06-01 02:00:00"):
            meetings = self.series._dealer_plan_meetings(
                date(2026, 6, 1), date(2026, 7, 10)
            ).sorted("meeting_date")
        june = meetings.filtered(lambda m: m.meeting_date.month == 6)
        self.assertEqual(len(june), 4)
        held = june[:3] | meetings.filtered(lambda m: m.meeting_date.month == 7)[:1]
        held.with_user(self.office).action_hold()
        self._status(june[1], self.sales, "absent")
        self._status(june[2], self.sales, "late")
        self._status(june[0], self.sales_deputy, "excused")
        with freeze_time("2026-06-30 02:00:00"):
            self.kpi._dealer_refresh()
            self.kpi._dealer_refresh()
        sales = self._value(self.sales, "2026-Q2")
        self.assertEqual(len(sales), 1)
        self.assertEqual((sales.numerator, sales.denominator), (2.0, 3.0))
        self.assertAlmostEqual(sales.value, 66.67, places=2)
        deputy = self._value(self.sales_deputy, "2026-Q2")
        self.assertEqual((deputy.numerator, deputy.denominator), (2.0, 2.0))
        self.assertEqual(deputy.value, 100.0)
        # A colleague outside the series has no value.
        self.assertFalse(self._value(self.tech, "2026-Q2"))
