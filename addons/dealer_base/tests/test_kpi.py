# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

from .common import load_fake_models

# One KPI: the lock, the companies, the two periods' statements and what the
# ORM reads of the KPI and the companies; not one query per person.
REFRESH_QUERIES = 8


@tagged("post_install", "-at_install")
class TestKpi(BaseCommon):
    """HRM-05, HRM-18: the KPI engine computes values per company, KPI,
    period and person, set-wise; refreshing twice gives the same rows; final
    values never change; periods count in the company's time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def import_models():
            from .kpi_tester import DealerKpiTester

            return (DealerKpiTester,)

        load_fake_models(cls, cls.__module__, import_models)
        cls.company = cls.env.company
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.kpi = cls.env["dealer.kpi"].create(
            {
                "code": "TST-ONTIME",
                "name": "On time",
                "unit": "percent",
                "model": "dealer.kpi.tester",
                "period_months": 3,
            }
        )
        cls.tech = new_test_user(
            cls.env, login="kpi_tech", groups="dealer_base.group_technical_user"
        )
        cls.colleague = new_test_user(
            cls.env, login="kpi_colleague", groups="dealer_base.group_technical_user"
        )
        cls.head = new_test_user(
            cls.env, login="kpi_head", groups="dealer_base.group_technical_manager"
        )
        cls.clerk = new_test_user(
            cls.env, login="kpi_clerk", groups="dealer_base.group_warehouse_user"
        )
        cls.Tester = cls.env["dealer.kpi.tester"]

    def _fact(self, user, done_on, on_time=True):
        return self.Tester.create(
            {
                "company_id": self.company.id,
                "user_id": user.id,
                "done_on": done_on,
                "on_time": on_time,
            }
        )

    def _values(self, user=None, period="2026-Q4"):
        domain = [("kpi_id", "=", self.kpi.id), ("period", "=", period)]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["dealer.kpi.value"].search(domain)

    def _rows(self):
        self.env.cr.execute(
            "SELECT kpi_id, company_id, user_id, period, numerator, denominator,"
            " value, state FROM dealer_kpi_value WHERE kpi_id = %s ORDER BY 1, 2,"
            " 3, 4",
            [self.kpi.id],
        )
        return self.env.cr.fetchall()

    @freeze_time("2026-11-15 04:00:00")
    def test_hrm_05_three_of_four_on_time_is_75_percent(self):
        for on_time in (True, True, True, False):
            self._fact(self.tech, datetime(2026, 11, 2, 3, 0), on_time)
        self.kpi._dealer_refresh()
        value = self._values(self.tech)
        self.assertEqual(value.value, 75.0)
        self.assertEqual((value.numerator, value.denominator), (3.0, 4.0))
        self.assertEqual(value.state, "open")
        self.assertEqual(
            (value.date_from, value.date_to), (date(2026, 10, 1), date(2026, 12, 31))
        )

    @freeze_time("2027-01-05 04:00:00")
    def test_hrm_05_period_counts_in_the_company_time_zone(self):
        """23:30 in Shanghai on 31 December is 15:30 UTC: the fact counts in
        Q4, not in Q1; 00:30 on 1 January (16:30 UTC on the 31st) in Q1."""
        self._fact(self.tech, datetime(2026, 12, 31, 15, 30))
        self._fact(self.tech, datetime(2026, 12, 31, 16, 30), on_time=False)
        self.kpi._dealer_refresh()
        q4 = self._values(self.tech, "2026-Q4")
        q1 = self._values(self.tech, "2027-Q1")
        self.assertEqual((q4.numerator, q4.denominator), (1.0, 1.0))
        self.assertEqual((q1.numerator, q1.denominator), (0.0, 1.0))
        self.assertEqual(q4.state, "provisional")
        self.assertEqual(q1.state, "open")

    @freeze_time("2026-11-15 04:00:00")
    def test_hrm_05_refresh_twice_gives_the_same_rows(self):
        self._fact(self.tech, datetime(2026, 11, 2, 3, 0))
        self._fact(self.colleague, datetime(2026, 11, 3, 3, 0), on_time=False)
        self.kpi._dealer_refresh()
        first = self._rows()
        self.kpi._dealer_refresh()
        self.assertEqual(self._rows(), first)
        self.assertEqual(len(first), 2)

    @freeze_time("2026-11-15 04:00:00")
    def test_hrm_05_a_fact_moved_away_leaves_a_zero_value(self):
        fact = self._fact(self.tech, datetime(2026, 11, 2, 3, 0))
        self.kpi._dealer_refresh()
        fact.user_id = self.colleague
        self.kpi._dealer_refresh()
        self.assertEqual(self._values(self.tech).denominator, 0.0)
        self.assertEqual(self._values(self.colleague).denominator, 1.0)

    def test_hrm_18_final_values_do_not_change_when_the_source_changes(self):
        with freeze_time("2026-12-20 04:00:00"):
            fact = self._fact(self.tech, datetime(2026, 11, 2, 3, 0))
            self.kpi._dealer_refresh()
        with freeze_time("2027-01-05 04:00:00"):
            self.kpi._dealer_refresh()
            value = self._values(self.tech)
            self.assertEqual(value.state, "provisional")
            self.env["dealer.kpi.value"]._dealer_finalize_due()
            self.assertEqual(value.state, "provisional", "10 days are not over")
        with freeze_time("2027-01-12 04:00:00"):
            self.env["dealer.kpi.value"]._dealer_finalize_due()
            self.assertEqual(value.state, "final")
            fact.on_time = False
            self._fact(self.tech, datetime(2026, 11, 5, 3, 0), on_time=False)
            before = self._rows()
            self.kpi._dealer_refresh(day=date(2026, 12, 1))
            self.assertEqual(self._rows(), before)
            self.assertEqual((value.numerator, value.denominator), (1.0, 1.0))

    @freeze_time("2026-11-15 04:00:00")
    def test_hrm_05_refresh_query_count_does_not_grow_with_people(self):
        users = [
            new_test_user(self.env, login=f"kpi_many_{i}", groups="base.group_user")
            for i in range(50)
        ]
        for user in users[:5]:
            self._fact(user, datetime(2026, 11, 2, 3, 0))
        self.kpi._dealer_refresh()
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=REFRESH_QUERIES):
            self.kpi._dealer_refresh()
        for user in users[5:]:
            self._fact(user, datetime(2026, 11, 2, 3, 0))
        self.kpi._dealer_refresh()
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=REFRESH_QUERIES):
            self.kpi._dealer_refresh()
        self.assertEqual(len(self._values()), 50)

    @freeze_time("2026-11-15 04:00:00")
    def test_hrm_05_python_rows_of_a_company_kpi(self):
        kpi = self.env["dealer.kpi"].create(
            {
                "code": "TST-COUNT",
                "name": "Count",
                "unit": "count",
                "scope": "company",
                "model": "dealer.kpi.tester",
            }
        )
        kpi._dealer_refresh()
        kpi._dealer_refresh()
        values = self.env["dealer.kpi.value"].search(
            [("kpi_id", "=", kpi.id), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(values), 2, "current and previous quarter")
        self.assertFalse(values.user_id)
        self.assertEqual(values.mapped("value"), [1.0, 1.0])

    @freeze_time("2026-11-15 04:00:00")
    def test_org_15_own_values_and_the_team_of_the_head_only(self):
        self._fact(self.tech, datetime(2026, 11, 2, 3, 0))
        self._fact(self.colleague, datetime(2026, 11, 2, 3, 0))
        self._fact(self.clerk, datetime(2026, 11, 2, 3, 0))
        self.kpi._dealer_refresh()
        Value = self.env["dealer.kpi.value"]
        domain = [("kpi_id", "=", self.kpi.id)]
        # The technician reads their own value, not the colleague's.
        mine = Value.with_user(self.tech).search(domain)
        self.assertEqual(mine.user_id, self.tech)
        colleague_value = self._values(self.colleague)
        with self.assertRaises(AccessError):
            colleague_value.with_user(self.tech).read(["value"])
        # The technical head reads the technicians', not the warehouse's.
        team = Value.with_user(self.head).search(domain)
        self.assertEqual(team.user_id, self.tech | self.colleague)
        # A change of department is seen at once (no cached team).
        self.clerk.groups_id = [
            Command.link(self.env.ref("dealer_base.group_technical_user").id)
        ]
        team = Value.with_user(self.head).search(domain)
        self.assertIn(self.clerk, team.user_id)
        # General management reads all.
        gm = new_test_user(
            self.env, login="kpi_gm", groups="dealer_base.group_general_management"
        )
        self.assertEqual(len(Value.with_user(gm).search(domain)), 3)

    def test_org_15_only_managers_refresh_and_finalise(self):
        with self.assertRaises(AccessError):
            self.kpi.with_user(self.tech).action_refresh()
        with self.assertRaises(AccessError):
            self.env["dealer.kpi.value"].with_user(self.tech).action_finalize()
        # Positive control: the head refreshes.
        self.kpi.with_user(self.head).action_refresh()
