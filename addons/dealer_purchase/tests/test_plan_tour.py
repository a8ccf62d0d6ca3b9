# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import DealerPurchaseCommon


@tagged("post_install", "-at_install")
class TestPlanTour(HttpCase, DealerPurchaseCommon):
    def test_pur_13_plan_to_purchase_orders_in_the_browser(self):
        """PUR-02, PUR-13: in the browser, the buyer adds a department's need and
        sends the plan for review; once the Purchasing Manager reviewed and
        Administration approved it, the buyer creates the requests for
        quotation, one per supplier."""
        self.buyer.lang = "en_US"
        plan = (
            self.env["dealer.purchase.plan"]
            .with_user(self.buyer)
            .create(
                {
                    "warehouse_id": self.warehouse.id,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": self.ssd.id,
                                "quantity": 20,
                                "reason": "Projects",
                            }
                        )
                    ],
                }
            )
        )
        url = f"/odoo/action-dealer_purchase.dealer_purchase_plan_action/{plan.id}"
        self.start_tour(
            url, "dealer_purchase_plan_request_tour", login=self.buyer.login
        )
        self.assertEqual(len(plan.line_ids), 2)
        cable_line = plan.line_ids.filtered(lambda ln: ln.product_id == self.cable)
        self.assertEqual(cable_line.quantity, 40)
        self.assertEqual(cable_line.requested_by_id, self.buyer)
        self.assertEqual(len(plan.review_ids), 2)
        self._validate(plan, self.purchasing_manager)
        self._validate(plan, self.admin_manager)
        self.assertEqual(plan.state, "approved")
        self.start_tour(url, "dealer_purchase_plan_order_tour", login=self.buyer.login)
        self.assertEqual(plan.state, "done")
        self.assertEqual(
            plan.purchase_ids.partner_id, self.supplier | self.other_supplier
        )
