# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import DealerCustomerFileCommon


@tagged("post_install", "-at_install")
class TestBigCustomerVisit(DealerCustomerFileCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.dealer_customer_class = "important"
        cls.small = cls.env["res.partner"].create(
            {
                "name": "Corner Print Shop",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.salesperson.id,
                "dealer_customer_class": "potential",
            }
        )

    def _visits(self, partner=None):
        return self.env["dealer.customer.file.visit"].search(
            [("partner_id", "=", (partner or self.customer).id)]
        )

    def test_cus_27_cus_07_monthly_visit_due_for_important_customers_twice(self):
        Visit = self.env["dealer.customer.file.visit"]
        with freeze_time("2026-11-05"):
            Visit._cron_schedule_visits()
            Visit._cron_schedule_visits()
        visit = self._visits()
        self.assertEqual(len(visit), 1, "CUS-27: one visit due per month")
        self.assertEqual(visit.date_due, date(2026, 11, 30))
        self.assertEqual(visit.visitor_id, self.salesperson)
        self.assertEqual(visit.activity_ids.user_id, self.salesperson)
        self.assertFalse(self._visits(self.small), "only important customers")
        with freeze_time("2026-12-01"):
            self.assertIn(visit, Visit.search([("is_overdue", "=", True)]))
            Visit._cron_schedule_visits()
        self.assertEqual(len(self._visits()), 2)

    def test_cus_27_a_visit_already_made_counts(self):
        Visit = self.env["dealer.customer.file.visit"]
        with freeze_time("2026-11-05"):
            Visit.with_user(self.salesperson).create(
                {"file_id": self.file.id, "date_visit": "2026-11-03"}
            )
            Visit._cron_schedule_visits()
        self.assertEqual(len(self._visits()), 1)

    def test_cus_29_cus_30_cus_31_visit_record_is_complete(self):
        with freeze_time("2026-11-20"):
            visit = (
                self.env["dealer.customer.file.visit"]
                .with_user(self.salesperson)
                .create({"file_id": self.file.id, "date_visit": "2026-11-20"})
            )
            with self.assertRaisesRegex(ValidationError, "CUS-31"):
                visit.action_done()
            visit.people_met = "Principal Li, IT teacher Zhao"
            with self.assertRaisesRegex(ValidationError, "CUS-29"):
                visit.action_done()
            visit.write({"stock_checked": True, "stock_abnormal": True})
            with self.assertRaisesRegex(ValidationError, "CUS-29"):
                visit.action_done()
            visit.write(
                {
                    "remedial_action": "Two SSDs past shelf life: exchange arranged",
                    "promises": "Quote for 40 monitors by Friday",
                    "escalated_to_id": False,
                }
            )
            with self.assertRaisesRegex(ValidationError, "CUS-30"):
                visit.action_done()
            visit.escalated_to_id = self.sales_manager
            visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.activity_ids.user_id, self.sales_manager)
        self.assertEqual(self.file.last_visit_date, date(2026, 11, 20))

    def test_cus_30_follow_up_after_the_company_days(self):
        """CUS-30: a visit's promises are followed up after the company's
        number of days (a setting, not a literal), refused out of bounds."""
        self.env.company.dealer_file_visit_followup_days = 10
        with freeze_time("2026-11-20"):
            visit = (
                self.env["dealer.customer.file.visit"]
                .with_user(self.salesperson)
                .create({"file_id": self.file.id, "date_visit": "2026-11-20"})
            )
            visit.write(
                {
                    "people_met": "Principal Li",
                    "stock_checked": True,
                    "promises": "Quote for 40 monitors by Friday",
                    "escalated_to_id": self.sales_manager.id,
                }
            )
            visit.action_done()
        self.assertEqual(visit.activity_ids.date_deadline, date(2026, 11, 30))
        with self.assertRaisesRegex(ValidationError, "Follow up visit.*CUS-30"):
            self.env.company.dealer_file_visit_followup_days = 0

    def test_cus_31_no_record_before_the_visit(self):
        with freeze_time("2026-11-20"):
            visit = (
                self.env["dealer.customer.file.visit"]
                .with_user(self.salesperson)
                .create(
                    {
                        "file_id": self.file.id,
                        "date_visit": "2026-11-25",
                        "people_met": "Principal Li",
                        "stock_checked": True,
                    }
                )
            )
            with self.assertRaisesRegex(ValidationError, "CUS-31"):
                visit.action_done()

    def test_cus_27_overdue_visits_per_salesperson(self):
        Visit = self.env["dealer.customer.file.visit"]
        with freeze_time("2026-10-05"):
            Visit._cron_schedule_visits()
        with freeze_time("2026-11-02"):
            groups = Visit._read_group(
                [("is_overdue", "=", True)], ["visitor_id"], ["__count"]
            )
        self.assertIn((self.salesperson, 1), groups)
