# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import DealerSaleCommon


@tagged("post_install", "-at_install")
class TestKpi(DealerSaleCommon):
    """SAL-24, HRM-12: personal sales targets per period, and the sales KPIs
    per salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.seller_b = new_test_user(
            cls.env, login="sa_seller_b", groups="dealer_base.group_sales_user"
        )
        cls.buyer = cls.env["res.partner"].create({"name": "KPI Customer"})
        cls.product = cls.env["product.product"].create(
            {"name": "KPI Monitor", "list_price": 1000.0, "taxes_id": False}
        )
        cls.Plan = cls.env["dealer.sales.target.plan"]

    def _plan(self, amount, targets):
        return self.Plan.with_user(self.sales_manager).create(
            {
                "date_from": date(2026, 4, 1),
                "amount": amount,
                "line_ids": [
                    Command.create({"user_id": user.id, "amount": target})
                    for user, target in targets
                ],
            }
        )

    def _order(self, user, price, when):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.buyer.id,
                "user_id": user.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "price_unit": price,
                        }
                    )
                ],
            }
        )
        # Only the facts the KPI counts: how an order is confirmed is the
        # quotation tests' (approvals, contracts).
        order.write({"state": "sale", "date_order": when})
        return order

    def test_sal_24_plan_below_the_department_target_is_not_confirmed(self):
        plan = self._plan(100000, [(self.salesperson, 60000), (self.seller_b, 30000)])
        self.assertEqual(plan.period, "2026-Q2")
        with self.assertRaisesRegex(UserError, "SAL-24.*less than"):
            plan.with_user(self.sales_manager).action_confirm()
        self.assertEqual(plan.state, "draft")
        # A salesperson does not confirm it, nor sets its state.
        plan.line_ids[1].with_user(self.sales_manager).amount = 40000
        with self.assertRaisesRegex(UserError, "SAL-24"):
            plan.with_user(self.salesperson).action_confirm()
        # Refused by the guard or by the access rights (AccessError is a
        # UserError), whichever checks first.
        with self.assertRaises(UserError):
            plan.with_user(self.salesperson).write({"state": "confirmed"})
        # Positive control: the head confirms once the targets add up.
        plan.with_user(self.sales_manager).action_confirm()
        self.assertEqual(plan.state, "confirmed")
        with self.assertRaisesRegex(UserError, "SAL-24"):
            plan.line_ids[0].with_user(self.sales_manager).amount = 1

    def test_sal_24_one_plan_per_period(self):
        self._plan(10, [(self.salesperson, 10)])
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self._plan(20, [(self.salesperson, 20)])

    def test_hrm_12_revenue_and_sales_against_target(self):
        plan = self._plan(100000, [(self.salesperson, 60000), (self.seller_b, 40000)])
        plan.with_user(self.sales_manager).action_confirm()
        self._order(self.salesperson, 30000, "2026-04-10 02:00:00")
        self._order(self.salesperson, 15000, "2026-06-30 15:30:00")  # 23:30 local
        self._order(self.salesperson, 99000, "2026-06-30 16:30:00")  # 1 July
        self._order(self.seller_b, 10000, "2026-05-10 02:00:00")
        kpis = self.env.ref("dealer_sale.kpi_sale_revenue") | self.env.ref(
            "dealer_sale.kpi_sale_target"
        )
        with freeze_time("2026-07-02 02:00:00"):
            kpis._dealer_refresh()
        Value = self.env["dealer.kpi.value"]

        def value(code, user):
            return Value.search(
                [
                    ("kpi_id.code", "=", code),
                    ("user_id", "=", user.id),
                    ("period", "=", "2026-Q2"),
                ]
            )

        self.assertEqual(value("SALE-REVENUE", self.salesperson).value, 45000.0)
        self.assertEqual(value("SALE-TARGET", self.salesperson).value, 75.0)
        self.assertEqual(value("SALE-TARGET", self.seller_b).value, 25.0)
        # Salespeople read their own values only; the head reads both.
        own = Value.with_user(self.salesperson).search([("period", "=", "2026-Q2")])
        self.assertEqual(own.user_id, self.salesperson)
        team = Value.with_user(self.sales_manager).search([("period", "=", "2026-Q2")])
        self.assertEqual(team.user_id, self.salesperson | self.seller_b)
