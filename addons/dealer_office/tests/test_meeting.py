# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import DealerOfficeCommon


class TestMeeting(DealerOfficeCommon):
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
                "date_start": fields.Date.today() - timedelta(days=21),
                "chair_id": cls.sales_head.id,
                "deputy_chair_id": cls.sales_deputy.id,
                "minute_taker_id": cls.office.id,
                "attendee_ids": [(6, 0, cls.sales.ids)],
                "agenda_ids": [
                    (0, 0, {"name": "Sales of the week", "owner_id": cls.sales.id}),
                ],
            }
        )

    def _next_meeting(self):
        meetings = self.series._dealer_plan_meetings()
        return meetings.sorted("start")[:1]

    def test_adm_16_business_series_saturday_1500_company_tz(self):
        """ADM-16: Saturday 15:00-16:00 in the company's time zone (Asia/Shanghai
        is UTC+8: 07:00-08:00 UTC), in the calendar with the participants and
        the standing agenda; planning twice creates nothing more."""
        meetings = self.series._dealer_plan_meetings()
        self.assertTrue(meetings)
        for meeting in meetings:
            self.assertEqual(meeting.meeting_date.weekday(), 5)
            self.assertEqual(meeting.start.hour, 7)
            self.assertEqual(meeting.stop - meeting.start, timedelta(hours=1))
            self.assertEqual(meeting.event_id.start, meeting.start)
            self.assertIn(self.sales.partner_id, meeting.event_id.partner_ids)
            self.assertEqual(meeting.agenda_ids.owner_id, self.sales)
            self.assertIn(self.sales, meeting.attendance_ids.user_id)
        self.assertFalse(self.series._dealer_plan_meetings())
        self.env["dealer.meeting.series"]._cron_plan_meetings()
        self.assertEqual(self.series.meeting_count, len(meetings))

    def test_adm_16_declined_chair_hands_over_to_deputy(self):
        """ADM-16/ADM-17: the chair declines the event; the deputy chairs and
        gets an activity."""
        meeting = self._next_meeting()
        self.assertEqual(meeting.acting_chair_id, self.sales_head)
        attendee = meeting.event_id.attendee_ids.filtered(
            lambda a: a.partner_id == self.sales_head.partner_id
        )
        attendee.with_user(self.sales_head).do_decline()
        self.assertEqual(meeting.acting_chair_id, self.sales_deputy)
        self.assertEqual(
            meeting.activity_ids.filtered(
                lambda a: a.user_id == self.sales_deputy
            ).mapped("user_id"),
            self.sales_deputy,
        )

    def test_adm_09_meeting_without_minutes_cannot_close(self):
        """ADM-09: no minutes, no closing; published minutes are filed in the
        archive ledger (ADM-21) and cannot be changed."""
        meeting = self._next_meeting().with_user(self.office)
        meeting.action_hold()
        with self.assertRaisesRegex(UserError, "ADM-09"):
            meeting.action_close()
        meeting.minutes = "<p> </p>"
        with self.assertRaisesRegex(UserError, "ADM-09"):
            meeting.action_close()
        meeting.minutes = "<p>Sales up 5%; Li Na visits the school on Monday.</p>"
        meeting.action_close()
        self.assertEqual(meeting.state, "closed")
        item = meeting.archive_item_id
        self.assertEqual(item.category, "minutes")
        self.assertEqual((item.res_model, item.res_id), ("dealer.meeting", meeting.id))
        self.assertIn("Sales up 5%", item.content)
        with self.assertRaisesRegex(UserError, "ADM-21"):
            meeting.minutes = "<p>Changed afterwards</p>"

    def test_adm_21_only_the_meeting_people_manage_it(self):
        """ADM-21: a colleague of another department neither holds, closes
        nor forges the state of the meeting."""
        meeting = self._next_meeting()
        with self.assertRaisesRegex(UserError, "ADM-21"):
            meeting.with_user(self.tech).action_hold()
        with self.assertRaisesRegex(UserError, "ADM-09"):
            meeting.with_user(self.tech).write({"state": "closed"})
        meeting.with_user(self.sales_head).action_hold()
        self.assertEqual(meeting.state, "held")

    def test_adm_21_agenda_changed_by_the_meeting_people_until_closed(self):
        """ADM-19, ADM-21: a salesperson or a colleague of another department
        neither adds, rewrites nor deletes the meeting's agenda items nor the
        series' standing ones; the minute-taker does until the meeting is
        closed, then nobody does."""
        meeting = self._next_meeting()
        item = meeting.agenda_ids[:1]
        Agenda = self.env["dealer.meeting.agenda"]
        for user in (self.sales, self.tech):
            with self.assertRaisesRegex(UserError, "ADM-21"):
                item.with_user(user).name = "Rewritten"
            with self.assertRaisesRegex(UserError, "ADM-21"):
                item.with_user(user).unlink()
            with self.assertRaisesRegex(UserError, "ADM-21"):
                Agenda.with_user(user).create(
                    {"meeting_id": meeting.id, "name": "Mine", "owner_id": user.id}
                )
        with self.assertRaises(AccessError):
            self.series.agenda_ids.with_user(self.sales).unlink()
        # Positive control: the minute-taker adds an item before the meeting.
        added = Agenda.with_user(self.office).create(
            {"meeting_id": meeting.id, "name": "Tender", "owner_id": self.sales.id}
        )
        by_office = meeting.with_user(self.office)
        by_office.action_hold()
        by_office.minutes = "<p>Tender for the Futian schools.</p>"
        by_office.action_close()
        with self.assertRaisesRegex(UserError, "closed meeting.*ADM-21"):
            added.with_user(self.office).unlink()
        with self.assertRaisesRegex(UserError, "ADM-21"):
            item.with_user(self.sales_head).name = "Rewritten"
        self.assertTrue(item.exists())
        self.assertEqual(item.name, "Sales of the week")
        self.assertIn(added, meeting.agenda_ids)

    def test_adm_20_escalated_action_creates_one_activity(self):
        """ADM-20: escalated once, with a reason, as one activity of General
        Management."""
        meeting = self._next_meeting()
        action = self.env["dealer.meeting.action"].create(
            {
                "meeting_id": meeting.id,
                "name": "Customer asks for 90-day payment terms",
                "owner_id": self.sales.id,
                "deadline": fields.Date.today() + timedelta(days=7),
            }
        )
        with self.assertRaisesRegex(ValidationError, "ADM-20"):
            action.with_user(self.sales_head).action_escalate()
        action.escalation_reason = "Payment terms beyond 60 days are the company's."
        action.with_user(self.sales_head).action_escalate()
        self.assertEqual(action.state, "escalated")
        self.assertEqual(action.escalated_to_id, self.gm)
        self.assertEqual(len(action.activity_ids), 1)
        self.assertEqual(action.activity_ids.user_id, self.gm)
        with self.assertRaisesRegex(UserError, "ADM-20"):
            action.with_user(self.sales_head).action_escalate()
        self.assertEqual(len(action.activity_ids), 1)
        with self.assertRaisesRegex(UserError, "ADM-20"):
            action.with_user(self.sales).write({"state": "open"})

    def test_adm_16_missing_weekly_meeting_in_compliance_view(self):
        """ADM-16: the weeks that ended without a held meeting are listed and
        counted by the registry's check; a held meeting removes its week."""
        today = fields.Date.today()
        meetings = self.series._dealer_plan_meetings(self.series.date_start, today)
        Compliance = self.env["dealer.meeting.compliance"]
        Compliance.flush_model()
        weeks = Compliance.search([("series_id", "=", self.series.id)])
        self.assertGreaterEqual(len(weeks), 2)
        held = meetings.sorted("start")[0]
        held.action_hold()
        self.env.flush_all()
        self.assertEqual(
            len(Compliance.search([("series_id", "=", self.series.id)])),
            len(weeks) - 1,
        )
        self.assertFalse(
            Compliance.search(
                [
                    ("series_id", "=", self.series.id),
                    ("week_start", "<=", held.meeting_date),
                    ("week_end", ">=", held.meeting_date),
                ]
            )
        )
        mechanism = self.env.ref("dealer_office.mechanism_adm_16_weekly")
        domain = Compliance._dealer_compliance_adm_16(
            self.company, today - timedelta(days=60), today
        )
        self.assertEqual(Compliance.search_count(domain), len(weeks) - 1)
        self.assertEqual(mechanism.check_method, "_dealer_compliance_adm_16")

    def test_adm_16_series_times_in_company_tz(self):
        """ADM-16: the start follows the company's zone, not the user's."""
        start, stop = self.series._dealer_start_stop(datetime(2026, 12, 5).date())
        self.assertEqual(start, datetime(2026, 12, 5, 7, 0))
        self.assertEqual(stop, datetime(2026, 12, 5, 8, 0))

    def test_adm_18_attendance_and_actions_by_the_meeting_people(self):
        """ADM-18, ADM-20: a colleague of another department neither changes the
        attendance nor adds action items; the minute-taker does."""
        meeting = self._next_meeting()
        line = meeting.attendance_ids[:1]
        with self.assertRaisesRegex(UserError, "ADM-21"):
            line.with_user(self.tech).status = "absent"
        with self.assertRaisesRegex(UserError, "ADM-21"):
            self.env["dealer.meeting.action"].with_user(self.tech).create(
                {
                    "meeting_id": meeting.id,
                    "name": "Buy a projector",
                    "owner_id": self.tech.id,
                    "deadline": fields.Date.today(),
                }
            )
        line.with_user(self.office).status = "late"
        self.assertEqual(line.status, "late")
