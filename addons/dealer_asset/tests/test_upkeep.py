# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval
from datetime import date, datetime, timedelta

from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestUpkeep(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.extinguisher = cls.env["maintenance.equipment"].create(
            {
                "name": "Warehouse extinguisher A1",
                "category_id": cls.env.ref("dealer_asset.equipment_category_fire").id,
            }
        )
        cls.done_stage = cls.env["maintenance.stage"].search(
            [("done", "=", True)], limit=1
        )

    def _check(self, when):
        return self.env["maintenance.request"].create(
            {
                "name": "Monthly fire equipment check",
                "equipment_id": self.extinguisher.id,
                "maintenance_type": "preventive",
                "recurring_maintenance": True,
                "repeat_interval": 1,
                "repeat_unit": "month",
                "repeat_type": "forever",
                "schedule_date": when,
            }
        )

    def test_stk_17_monthly_check_creates_the_next_one_when_done(self):
        """STK-17: a monthly preventive fire check, done, opens next month's."""
        check = self._check(datetime(2026, 11, 5, 9, 0))
        self.assertEqual(check.dealer_upkeep_kind, "fire")
        check.stage_id = self.done_stage
        following = self.env["maintenance.request"].search(
            [
                ("equipment_id", "=", self.extinguisher.id),
                ("id", "!=", check.id),
                ("stage_id.done", "=", False),
            ]
        )
        self.assertEqual(len(following), 1)
        self.assertEqual(following.schedule_date, datetime(2026, 12, 5, 9, 0))
        self.assertTrue(following.recurring_maintenance)

    def test_stk_17_overdue_check_shows_in_the_compliance_view(self):
        """STK-17, ADM-02: an overdue check is counted by the registry's check
        and listed by the compliance view; a check done is not."""
        overdue = self._check(datetime.now() - timedelta(days=3))
        on_time = self._check(datetime.now() + timedelta(days=3))
        Request = self.env["maintenance.request"]
        company = self.env.company
        today = date.today()
        result = Request._dealer_compliance_stk_17(company, today.replace(day=1), today)
        found = Request.search(result["domain"])
        self.assertIn(overdue, found)
        self.assertNotIn(on_time, found)
        action = self.env.ref("dealer_asset.maintenance_request_action_compliance")
        self.assertIn(overdue, Request.search(literal_eval(action.domain)))
        overdue.stage_id = self.done_stage
        result = Request._dealer_compliance_stk_17(company, today.replace(day=1), today)
        self.assertNotIn(overdue, Request.search(result["domain"]))
        self.assertEqual(
            Request._dealer_compliance_adm_02(company, today, today)["count"], 0
        )
