# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DealerPurchaseCommon


@tagged("post_install", "-at_install")
class TestPurchasePlan(DealerPurchaseCommon):
    def _plan(self, user=None, lines=None):
        return (
            self.env["dealer.purchase.plan"]
            .with_user(user or self.buyer)
            .create(
                {
                    "warehouse_id": self.warehouse.id,
                    "line_ids": [
                        Command.create(values)
                        for values in lines
                        or [
                            {
                                "product_id": self.ssd.id,
                                "quantity": 20,
                                "reason": "Q3 school projects",
                            },
                            {
                                "product_id": self.cable.id,
                                "quantity": 50,
                                "department": "after_sales",
                                "reason": "Repair parts",
                            },
                        ]
                    ],
                }
            )
        )

    def _approve(self, plan):
        plan.with_user(self.buyer).request_validation()
        self._validate(plan, self.purchasing_manager)
        self._validate(plan, self.admin_manager)

    def test_pur_02_gathers_reorder_rules_and_waiting_deliveries(self):
        """PUR-02: reordering rules and deliveries waiting for stock become lines
        with their department; department requests stay."""
        self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.ssd.id,
                "warehouse_id": self.warehouse.id,
                "location_id": self.warehouse.lot_stock_id.id,
                "product_min_qty": 5,
                "product_max_qty": 15,
                "trigger": "manual",
            }
        )
        customer = self.env["res.partner"].create({"name": "School"})
        delivery = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.out_type_id.id,
                "partner_id": customer.id,
                "location_id": self.warehouse.lot_stock_id.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "cable",
                            "product_id": self.cable.id,
                            "product_uom_qty": 7,
                            "location_id": self.warehouse.lot_stock_id.id,
                            "location_dest_id": self.env.ref(
                                "stock.stock_location_customers"
                            ).id,
                        }
                    )
                ],
            }
        )
        delivery.action_confirm()
        plan = self._plan(
            lines=[
                {
                    "product_id": self.ssd.id,
                    "quantity": 1,
                    "reason": "Demo unit",
                    "department": "sales",
                }
            ]
        )
        plan.with_user(self.buyer).action_gather()
        by_source = {line.source: line for line in plan.line_ids}
        self.assertEqual(set(by_source), {"manual", "reorder", "demand"})
        self.assertEqual(by_source["reorder"].product_id, self.ssd)
        self.assertEqual(by_source["reorder"].quantity, 15)
        self.assertEqual(by_source["reorder"].department, "warehouse")
        self.assertEqual(by_source["demand"].product_id, self.cable)
        self.assertEqual(by_source["demand"].quantity, 7)
        self.assertEqual(by_source["demand"].partner_id, self.other_supplier)
        plan.with_user(self.buyer).action_gather()
        self.assertEqual(len(plan.line_ids), 3, "gathering twice does not duplicate")

    def test_pur_13_review_then_approval_never_by_the_author(self):
        """PUR-13: the Purchasing Manager reviews, then Administration approves;
        the author and other users cannot, and order is kept."""
        plan = self._plan(user=self.purchasing_manager)
        plan.with_user(self.purchasing_manager).request_validation()
        self.assertEqual(len(plan.review_ids), 2)
        self.env.flush_all()
        with self.assertRaisesRegex(UserError, "PUR-13"):
            self._validate(plan, self.purchasing_manager)
        self.assertFalse(
            plan.with_user(self.admin_manager).can_review, "review comes first"
        )
        other_manager = self.purchasing_manager.copy(
            {"login": "pu_manager2", "email": "pu_manager2@example.com"}
        )
        self._validate(plan, other_manager)
        self.assertEqual(plan.state, "draft")
        with self.assertRaises(UserError):
            plan.with_user(self.buyer).action_create_rfqs()
        self.assertTrue(plan.with_user(self.admin_manager).can_review)
        self._validate(plan, self.admin_manager)
        self.assertEqual(plan.state, "approved")
        self.assertEqual(
            plan.review_ids.mapped("done_by"), other_manager | self.admin_manager
        )

    def test_pur_13_approved_lines_cannot_change(self):
        """PUR-13: an approved plan line changes only after the plan goes back to
        draft, which asks for a new review."""
        plan = self._plan()
        self._approve(plan)
        self.assertEqual(plan.state, "approved")
        self.env.flush_all()
        with self.assertRaisesRegex(UserError, "PUR-13"):
            plan.line_ids[0].with_user(self.buyer).quantity = 200
        with self.assertRaisesRegex(UserError, "PUR-13"):
            plan.with_user(self.buyer).write(
                {
                    "line_ids": [
                        Command.create(
                            {"product_id": self.ssd.id, "quantity": 1, "reason": "x"}
                        )
                    ]
                }
            )
        plan.with_user(self.buyer).action_draft()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.review_ids)
        plan.line_ids[0].with_user(self.buyer).quantity = 200
        self.assertEqual(plan.line_ids[0].quantity, 200)

    def test_pur_13_lines_frozen_under_review(self):
        plan = self._plan()
        plan.with_user(self.buyer).request_validation()
        with self.assertRaisesRegex(UserError, "under review"):
            plan.line_ids[0].with_user(self.buyer).quantity = 99

    def test_pur_13_only_approved_plans_become_orders(self):
        """PUR-13: approved lines become requests for quotation, one per supplier."""
        plan = self._plan()
        with self.assertRaisesRegex(UserError, "not approved"):
            plan.with_user(self.buyer).action_create_rfqs()
        self._approve(plan)
        plan.with_user(self.buyer).action_create_rfqs()
        self.assertEqual(plan.state, "done")
        orders = plan.purchase_ids
        self.assertEqual(orders.partner_id, self.supplier | self.other_supplier)
        ssd_line = orders.order_line.filtered(lambda ln: ln.product_id == self.ssd)
        self.assertEqual(ssd_line.product_qty, 20)
        self.assertEqual(ssd_line.price_unit, 100)
        self.assertEqual(set(orders.mapped("origin")), {plan.name})
        self.assertEqual(set(orders.mapped("state")), {"draft"})

    def test_pur_13_over_budget_is_flagged(self):
        """PUR-13: the plan must fit the budget; above it, it is flagged."""
        plan = self._plan(
            lines=[{"product_id": self.ssd.id, "quantity": 2000, "reason": "Big"}]
        )
        self.assertTrue(plan.over_budget)
        self.assertEqual(plan.amount_total, 200000)
        plan.line_ids.quantity = 10
        self.assertFalse(plan.over_budget)

    def test_pur_13_empty_plan_is_not_sent(self):
        plan = self.env["dealer.purchase.plan"].with_user(self.buyer).create({})
        with self.assertRaisesRegex(UserError, "no lines"):
            plan.request_validation()
        with self.assertRaises(UserError):
            plan.write({"state": "approved"})
