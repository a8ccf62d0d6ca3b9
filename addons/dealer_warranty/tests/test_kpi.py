# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import DealerWarrantyCommon


@tagged("post_install", "-at_install")
class TestKpi(DealerWarrantyCommon):
    """HRM-13: repair timeliness, and rework of the same serial within the
    window charged to the technician of the first repair."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.ontime = cls.env.ref("dealer_warranty.kpi_repair_ontime")
        cls.rework = cls.env.ref("dealer_warranty.kpi_repair_rework")
        cls.ontime.window_days = 3
        cls.rework.window_days = 30
        cls.tech_a = new_test_user(
            cls.env, login="kpi_tech_a", groups="dealer_base.group_technical_user"
        )
        cls.tech_b = new_test_user(
            cls.env, login="kpi_tech_b", groups="dealer_base.group_technical_user"
        )
        cls.lots = {
            name: cls._lot(cls.keyboard, name) for name in ("L1", "L2", "L3", "L4")
        }
        cls.Value = cls.env["dealer.kpi.value"]

    def _repair(self, user, lot, claim, done):
        """A repair claimed on ``claim`` (a local day) and done at ``done``
        (UTC)."""
        with freeze_time(f"{claim} 02:00:00"):
            repair = self.env["repair.order"].create(
                {
                    "product_id": self.keyboard.id,
                    "lot_id": self.lots[lot].id,
                    "partner_id": self.customer.id,
                    "picking_type_id": self.warehouse.repair_type_id.id,
                    "user_id": user.id,
                }
            )
        # The repair's own rules (record, test, parts) are dealer_warranty's
        # tests; here only the facts the KPIs count.
        repair.write({"state": "done", "dealer_done_date": done})
        return repair

    def _value(self, kpi, user):
        return self.Value.search(
            [
                ("kpi_id", "=", kpi.id),
                ("user_id", "=", user.id),
                ("period", "=", "2026-Q2"),
            ]
        )

    def _refresh(self):
        with freeze_time("2026-06-30 04:00:00"):
            (self.ontime | self.rework)._dealer_refresh()

    def test_hrm_13_repair_ontime_three_of_four(self):
        self._repair(self.tech_a, "L1", "2026-04-01", "2026-04-02 02:00:00")
        self._repair(self.tech_a, "L2", "2026-04-01", "2026-04-10 02:00:00")
        self._repair(self.tech_a, "L3", "2026-04-03", "2026-04-05 02:00:00")
        # 23:30 on 4 April in Shanghai is still the third day after the claim.
        self._repair(self.tech_a, "L4", "2026-04-01", "2026-04-04 15:30:00")
        self._refresh()
        value = self._value(self.ontime, self.tech_a)
        self.assertEqual((value.numerator, value.denominator), (3.0, 4.0))
        self.assertEqual(value.value, 75.0)

    def test_hrm_13_repair_rework_is_charged_to_the_first_technician(self):
        # L1: repaired by A on 2 April, back on 20 April (inside 30 days),
        # repaired again by B: A is charged, B is not.
        self._repair(self.tech_a, "L1", "2026-04-01", "2026-04-02 02:00:00")
        self._repair(self.tech_b, "L1", "2026-04-20", "2026-04-21 02:00:00")
        # L3: repaired by A on 5 April, back on 20 May (45 days): no rework.
        self._repair(self.tech_a, "L3", "2026-04-03", "2026-04-05 02:00:00")
        self._repair(self.tech_b, "L3", "2026-05-20", "2026-05-21 02:00:00")
        self._refresh()
        a = self._value(self.rework, self.tech_a)
        b = self._value(self.rework, self.tech_b)
        self.assertEqual((a.numerator, a.denominator), (1.0, 2.0))
        self.assertEqual(a.value, 50.0)
        self.assertEqual((b.numerator, b.denominator), (0.0, 2.0))

    def test_hrm_13_rework_window_is_the_kpi_parameter(self):
        self._repair(self.tech_a, "L3", "2026-04-03", "2026-04-05 02:00:00")
        self._repair(self.tech_b, "L3", "2026-05-20", "2026-05-21 02:00:00")
        self.rework.window_days = 60
        self._refresh()
        self.assertEqual(self._value(self.rework, self.tech_a).numerator, 1.0)

    def test_hrm_13_done_date_is_stamped_by_the_repair_only(self):
        repair = self._repair(self.tech_a, "L1", "2026-04-01", "2026-04-02 02:00:00")
        self.assertEqual(repair.dealer_done_date.date(), date(2026, 4, 2))
        with self.assertRaisesRegex(UserError, "HRM-13"):
            repair.with_user(self.after_sales).write(
                {"dealer_done_date": "2026-04-01 00:00:00"}
            )
