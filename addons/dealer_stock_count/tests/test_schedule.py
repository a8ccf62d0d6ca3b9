# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install")
class TestStocktakeSchedule(DealerStockCountCommon):
    def _sessions(self):
        return self.env["dealer.stocktake"].search(
            [("warehouse_id", "=", self.warehouse.id)]
        )

    def test_stk_12_quarter_start_opens_the_full_count_only(self):
        """STK-12: on the first day of a quarter the quarterly session opens,
        with the inspection zones, due at the end of the count window; its
        month has no separate monthly count by default."""
        self.company.dealer_stocktake_quarter_days = 10
        with freeze_time("2027-01-01 06:00:00"):
            self.env["dealer.stocktake"]._cron_schedule()
        sessions = self._sessions()
        self.assertEqual(sessions.mapped("kind"), ["quarterly"])
        self.assertEqual(sessions.period_start, date(2027, 1, 1))
        self.assertEqual(sessions.period_end, date(2027, 3, 31))
        self.assertEqual(sessions.deadline, date(2027, 1, 10))
        self.assertIn(self.pending, sessions.location_ids)
        self.assertIn(self.shelf_a, sessions.location_ids)
        self.assertEqual(sessions.counter_ids, self.counter | self.counter2)
        activities = sessions.activity_ids
        self.assertEqual(
            activities.user_id, self.counter | self.counter2 | self.manager
        )
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2027, 1, 10)})

    def test_stk_12_job_activities_in_the_counters_language(self):
        """STK-12, issue 19: the scheduled job writes each counter's activity
        in the counter's language, not in the job's."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.counter.lang = "zh_CN"
        with freeze_time("2027-01-01 06:00:00"):
            self.env["dealer.stocktake"].with_context(lang="en_US")._cron_schedule()
        session = self._sessions()
        by_user = {a.user_id: a.summary for a in session.activity_ids}
        self.assertEqual(by_user[self.counter], f"盘点 {session.name}")
        # Positive control: an English counter reads English.
        self.assertEqual(by_user[self.counter2], f"Stocktake {session.name}")

    def test_stk_11_month_boundaries(self):
        """STK-11: the second month of a quarter gets its monthly count due on
        the count day; the last day of a month still belongs to it."""
        self.company.dealer_stocktake_monthly_day = 20
        Stocktake = self.env["dealer.stocktake"]
        Stocktake._schedule_sessions(self.warehouse, date(2027, 1, 1))
        Stocktake._schedule_sessions(self.warehouse, date(2027, 2, 28))
        monthly = self._sessions().filtered(lambda s: s.kind == "monthly")
        self.assertEqual(monthly.period_start, date(2027, 2, 1))
        self.assertEqual(monthly.period_end, date(2027, 2, 28))
        self.assertEqual(monthly.deadline, date(2027, 2, 20))
        Stocktake._schedule_sessions(self.warehouse, date(2027, 3, 1))
        self.assertEqual(
            sorted(self._sessions().mapped("period_start")),
            [date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1)],
        )

    def test_stk_11_quarter_month_keeps_monthly_when_configured(self):
        """STK-11: a company that wants the monthly count in a quarter's first
        month too gets both sessions."""
        self.company.dealer_stocktake_quarter_replaces_month = False
        self.env["dealer.stocktake"]._schedule_sessions(
            self.warehouse, date(2027, 4, 2)
        )
        self.assertEqual(
            sorted(self._sessions().mapped("kind")), ["monthly", "quarterly"]
        )

    def test_stk_11_job_run_twice_creates_one_session(self):
        """STK-11, STK-12: the scheduler run twice (or by two workers) leaves
        one session per warehouse, kind and period."""
        with freeze_time("2027-05-03 06:00:00"):
            self.env["dealer.stocktake"]._cron_schedule()
            self.env["dealer.stocktake"]._cron_schedule()
        self.assertEqual(len(self._sessions()), 2)
        # A concurrent worker that already passed the search is stopped by
        # the database, not by luck.
        existing = self._sessions().filtered(lambda s: s.kind == "monthly")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                existing.copy({"name": "dup"})

    def test_stk_11_rotating_scope_covers_every_location_each_quarter(self):
        """STK-11: with the rotating scope, the three monthly counts of a
        quarter cover every location of the warehouse exactly once."""
        self.company.write(
            {
                "dealer_stocktake_monthly_scope": "rotating",
                "dealer_stocktake_quarter_replaces_month": False,
            }
        )
        Stocktake = self.env["dealer.stocktake"]
        for month in (7, 8, 9):
            Stocktake._schedule_sessions(self.warehouse, date(2027, month, 1))
        monthly = self._sessions().filtered(lambda s: s.kind == "monthly")
        self.assertEqual(len(monthly), 3)
        covered = monthly.mapped("location_ids")
        self.assertEqual(covered, self.warehouse._dealer_stocktake_locations())
        self.assertEqual(sum(len(s.location_ids) for s in monthly), len(covered))

    def test_stk_11_overdue_sessions_are_flagged(self):
        """STK-11: a session not counted by its deadline is overdue and is
        listed by the Overdue filter."""
        stocktake = self._stocktake(deadline="2027-01-05")
        with freeze_time("2027-01-06"):
            self.assertTrue(stocktake.is_overdue)
            overdue = self.env["dealer.stocktake"].search([("is_overdue", "=", True)])
            self.assertIn(stocktake, overdue)
        with freeze_time("2027-01-05"):
            stocktake.invalidate_recordset(["is_overdue"])
            self.assertFalse(stocktake.is_overdue)

    def test_stk_11_compliance_lists_missing_periods(self):
        """STK-11, STK-12: the compliance view shows a period without a
        stocktake as missing, and a counted one as done."""
        self.warehouse.flush_recordset()
        self.env.cr.execute(
            "UPDATE stock_warehouse SET create_date = '2026-09-15' WHERE id = %s",
            [self.warehouse.id],
        )
        stocktake = self._started(
            kind="monthly",
            period_start="2026-11-01",
            deadline=date.today().replace(day=28),
        )
        self._count_all(stocktake, {})
        stocktake.with_user(self.manager).action_finish_counting()
        self.env.flush_all()
        rows = self.env["dealer.stocktake.compliance"].search(
            [("warehouse_id", "=", self.warehouse.id)]
        )
        by_period = {(r.kind, r.period_start): r.status for r in rows}
        self.assertEqual(by_period[("quarterly", date(2026, 7, 1))], "missing")
        self.assertEqual(by_period[("monthly", date(2026, 9, 1))], "missing")
        self.assertEqual(by_period[("monthly", date(2026, 11, 1))], "on_time")

    def test_stk_11_compliance_check_counts_missing_months(self):
        """STK-11, AUD-05: the registry's STK-11 check counts the months of a
        period without their monthly stocktake, and opens them."""
        self.warehouse.flush_recordset()
        self.env.cr.execute(
            "UPDATE stock_warehouse SET create_date = '2026-09-15' WHERE id = %s",
            [self.warehouse.id],
        )
        mechanism = self.env.ref("dealer_stock_count.mechanism_stk_11_monthly")
        count, domain = mechanism._dealer_run_checks(
            self.company, date(2026, 9, 1), date(2026, 9, 30)
        )[mechanism.id]
        rows = self.env["dealer.stocktake.compliance"].search(domain)
        self.assertEqual(count, len(rows))
        self.assertIn(
            (self.warehouse, date(2026, 9, 1), "missing"),
            [(r.warehouse_id, r.period_start, r.status) for r in rows],
        )
        self.assertEqual(set(rows.mapped("kind")), {"monthly"})
        self.assertEqual(mechanism.rule_id.code, "STK-11")

    def test_stk_11_policy_values_are_checked(self):
        """STK-11: a monthly count day outside 1-28 is refused with the rule."""
        with self.assertRaisesRegex(ValidationError, "STK-11"):
            self.company.dealer_stocktake_monthly_day = 31
