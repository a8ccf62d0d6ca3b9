# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerFinanceCommon


@tagged("post_install", "-at_install")
class TestTravel(DealerFinanceCommon):
    def _trip(self, employee, start, days=3):
        return (
            self.env["dealer.travel.request"]
            .with_user(employee.user_id)
            .create(
                {
                    "employee_id": employee.id,
                    "destination": "Guangzhou",
                    "itinerary": "Visit the lighting distributor, trade fair",
                    "date_start": start,
                    "date_end": start + timedelta(days=days),
                    "estimate": 3000,
                }
            )
        )

    def test_adm_12_trip_approved_before_it_starts(self):
        """ADM-12: a trip that already started is not sent for approval; a
        future one is approved by the office manager, never by the traveller."""
        late = self._trip(self.claimant_employee, self.today - timedelta(days=1))
        with self.assertRaisesRegex(UserError, "ADM-12"):
            late.with_user(self.claimant).request_validation()
        trip = self._trip(self.claimant_employee, self.today + timedelta(days=2))
        trip.with_user(self.claimant).request_validation()
        with self.assertRaises(UserError):
            self._validate(trip, self.claimant)
        with self.assertRaisesRegex(UserError, "ADM-12"):
            trip.with_user(self.claimant).write({"state": "approved"})
        self._validate(trip, self.office_mgr)
        self.assertEqual(trip.state, "approved")
        with self.assertRaisesRegex(UserError, "ADM-12"):
            trip.with_user(self.claimant).write({"date_end": self.today})

    def test_adm_13_travel_expense_outside_an_approved_trip_refused(self):
        """ADM-13: a travel expense is submitted only within an approved trip of
        the same employee; positive control inside the trip."""
        start = self.today + timedelta(days=2)
        trip = self._trip(self.claimant_employee, start)
        trip.with_user(self.claimant).request_validation()
        self._validate(trip, self.office_mgr)
        other = self._trip(self.colleague_employee, start)
        other.with_user(self.colleague).request_validation()
        self._validate(other, self.office_mgr)

        no_trip = self._expense(
            self.claimant_employee, 150, product=self.travel_product, date=start
        )
        with self.assertRaisesRegex(ValidationError, "ADM-13"):
            self._sheet(no_trip).with_user(self.claimant).action_submit_sheet()
        # Someone else's trip does not cover it.
        foreign = self._expense(
            self.claimant_employee,
            150,
            product=self.travel_product,
            date=start,
            dealer_travel_request_id=other.id,
        )
        with self.assertRaisesRegex(ValidationError, "ADM-13"):
            self._sheet(foreign).with_user(self.claimant).action_submit_sheet()
        # Outside the trip's dates.
        after = self._expense(
            self.claimant_employee,
            150,
            product=self.travel_product,
            date=start + timedelta(days=10),
            dealer_travel_request_id=trip.id,
        )
        with self.assertRaisesRegex(ValidationError, "ADM-13"):
            self._sheet(after).with_user(self.claimant).action_submit_sheet()
        within = self._expense(
            self.claimant_employee,
            150,
            product=self.travel_product,
            date=start + timedelta(days=1),
            dealer_travel_request_id=trip.id,
        )
        sheet = self._sheet(within)
        sheet.with_user(self.claimant).action_submit_sheet()
        self.assertEqual(sheet.state, "submit")

    def test_adm_13_one_reminder_for_an_overdue_travel_report(self):
        """ADM-13: the travel report is due N days after return; the job reminds
        the traveller once, however often it runs; a report needs words and is
        kept once submitted."""
        self.company.dealer_travel_report_days = 3
        start = self.today + timedelta(days=1)
        trip = self._trip(self.claimant_employee, start, days=2)
        trip.with_user(self.claimant).request_validation()
        self._validate(trip, self.office_mgr)
        due = start + timedelta(days=5)
        self.assertEqual(trip.report_due_date, due)
        Trip = self.env["dealer.travel.request"]
        self.assertFalse(Trip._dealer_remind_reports(due - timedelta(days=1)))
        self.assertEqual(Trip._dealer_remind_reports(due), trip)
        self.assertFalse(Trip._dealer_remind_reports(due + timedelta(days=1)))
        activities = trip.activity_ids.filtered(lambda a: a.user_id == self.claimant)
        self.assertEqual(len(activities), 1)
        with self.assertRaisesRegex(UserError, "ADM-13"):
            trip.with_user(self.claimant).write({"report_reminded": False})
        with self.assertRaisesRegex(UserError, "ADM-13"):
            trip.with_user(self.claimant).write(
                {"report_due_date": due + timedelta(days=30)}
            )
        self.assertEqual(trip.report_due_date, due)
        trip.with_user(self.claimant).write({"report": "<p> </p>"})
        with self.assertRaisesRegex(UserError, "ADM-13"):
            trip.with_user(self.claimant).action_submit_report()
        trip.with_user(self.claimant).write(
            {"report": "<p>Met two distributors at the Guangzhou fair.</p>"}
        )
        trip.with_user(self.claimant).action_submit_report()
        self.assertEqual(trip.report_date, self.today)
        with self.assertRaisesRegex(UserError, "ADM-13"):
            trip.with_user(self.claimant).write({"report": "<p>Changed</p>"})
