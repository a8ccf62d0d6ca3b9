# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""HRM-12 (issue 21): reviews and visits done on time, as KPIs of the
engine, with frozen dates."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DealerCustomerFileCommon


@tagged("post_install", "-at_install")
class TestKpiCustomerFile(DealerCustomerFileCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partners = cls.env["res.partner"].create(
            [
                {
                    "name": f"KPI customer {n}",
                    "is_company": True,
                    "customer_rank": 1,
                    "user_id": cls.salesperson.id,
                }
                for n in range(5)
            ]
        )
        cls.files = partners.dealer_customer_file_id
        cls.Value = cls.env["dealer.kpi.value"]

    def _value(self, xmlid, user):
        return self.Value.search(
            [
                ("kpi_id", "=", self.env.ref(xmlid).id),
                ("user_id", "=", user.id),
                ("period", "=", "2026-Q2"),
            ]
        )

    def test_hrm_12_reviews_done_on_time_three_of_four(self):
        Review = self.env["dealer.customer.file.review"]._dealer_as_action()
        due = date(2026, 6, 30)
        rows = [
            # (due, state, done on): three on time, one late, one next quarter.
            (due, "done", date(2026, 6, 20)),
            (due, "done", due),
            (date(2026, 4, 15), "done", date(2026, 4, 1)),
            (date(2026, 4, 15), "done", date(2026, 5, 2)),
            (date(2026, 7, 1), "done", date(2026, 6, 1)),
        ]
        Review.create(
            [
                {
                    "file_id": file.id,
                    "period": f"K{n}",
                    "user_id": self.salesperson.id,
                    "date_due": day,
                    "state": state,
                    "date_done": done,
                }
                for n, (file, (day, state, done)) in enumerate(
                    zip(self.files, rows, strict=True)
                )
            ]
        )
        kpi = self.env.ref("dealer_customer_file.kpi_cus_review_ontime")
        with freeze_time("2026-07-02 02:00:00"):
            kpi._dealer_refresh()
            kpi._dealer_refresh()
        value = self._value(
            "dealer_customer_file.kpi_cus_review_ontime", self.salesperson
        )
        self.assertEqual(len(value), 1)
        self.assertEqual((value.numerator, value.denominator), (3, 4))
        self.assertEqual(value.value, 75)

    def test_hrm_12_scheduled_visits_done_on_time(self):
        Visit = self.env["dealer.customer.file.visit"]
        rows = [
            # (due, visited, state, scheduled)
            (date(2026, 5, 31), date(2026, 5, 30), "done", True),
            (date(2026, 5, 31), date(2026, 6, 2), "done", True),
            (date(2026, 6, 30), date(2026, 6, 30), "planned", True),
            (date(2026, 6, 30), date(2026, 6, 30), "cancel", True),
            (date(2026, 6, 30), date(2026, 6, 1), "done", False),
        ]
        Visit.create(
            [
                {
                    "file_id": file.id,
                    "visitor_id": self.salesperson.id,
                    "date_due": due,
                    "date_visit": visited,
                    "state": state,
                    "scheduled": scheduled,
                }
                for file, (due, visited, state, scheduled) in zip(
                    self.files, rows, strict=True
                )
            ]
        )
        kpi = self.env.ref("dealer_customer_file.kpi_cus_visit_ontime")
        with freeze_time("2026-06-30 20:00:00"):
            kpi._dealer_refresh(day=date(2026, 6, 30))
        value = self._value(
            "dealer_customer_file.kpi_cus_visit_ontime", self.salesperson
        )
        self.assertEqual((value.numerator, value.denominator), (1, 3))
        self.assertAlmostEqual(value.value, 33.33, places=2)
