# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Purchase plans (PUR-13) and the legal review of purchase contracts
(PUR-14, PUR-15), tried by the demo roles (issue 16)."""

from odoo import Command
from odoo.exceptions import UserError, ValidationError

from .test_approvals import ApprovalCase


class TestPurchasePlanApproval(ApprovalCase):
    """PUR-01, PUR-02, PUR-13: the Purchasing Manager reviews a plan, then the
    Administration head approves it; whoever prepared or requested it never
    does."""

    def _demo_plan(self):
        """The demo's monthly plan, prepared by the buyer, sent for approval."""
        plan = self.env.ref("dealer_management.purchase_plan_month")
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.user_id, self.user("purchase"))
        self.as_user(plan, "purchase").request_validation()
        plan.invalidate_recordset()
        self.assertEqual(len(plan.review_ids), 2)
        return plan

    def _plan(self, login):
        plan = (
            self.env["dealer.purchase.plan"]
            .with_user(self.user(login))
            .create(
                {
                    "warehouse_id": self.env.ref("stock.warehouse0").id,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": self.env.ref(
                                    "dealer_management.product_kbd_k380"
                                ).product_variant_id.id,
                                "quantity": 30,
                                "department": "after_sales",
                                "reason": "售后换货备机",
                            }
                        )
                    ],
                }
            )
        )
        plan.request_validation()
        return plan

    def test_pur_13_the_author_cannot_approve(self):
        plan = self._plan("purchase_mgr")
        with self.assertRaisesRegex(UserError, "PUR-13"):
            self.as_user(plan, "purchase_mgr").validate_tier()
        with self.assertRaisesRegex(UserError, "PUR-13"):
            self.as_user(plan, "purchase_mgr").reject_tier()
        self.assertCannotDecide(plan, "purchase_mgr")
        self.assertFalse(plan.reviewed_by_id)

    def test_pur_13_another_departments_head_cannot_approve(self):
        plan = self._demo_plan()
        for login in ("sales_mgr", "stock_mgr", "tech_mgr", "legal"):
            with self.subTest(login=login):
                self.assertCannotDecide(plan, login)
        # Administration approves after the Purchasing Manager's review only.
        self.assertFalse(self.as_user(plan, "office_mgr").can_review)
        self.assertCannotDecide(plan, "office_mgr")
        self.assertNotBeforeTurn(plan, "office_mgr")
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.approved_by_id)

    def test_pur_13_the_requester_cannot_forge_reviews(self):
        plan = self._demo_plan()
        self.assertReviewsUnforgeable(plan, "purchase")
        self.assertEqual(plan.state, "draft")

    def test_pur_13_state_and_reviewer_fields_are_not_written(self):
        plan = self._demo_plan()
        for login in ("purchase", "purchase_mgr", "office_mgr"):
            mine = self.as_user(plan, login)
            for vals in (
                {"state": "approved"},
                {"reviewed_by_id": self.user("purchase_mgr").id},
                {"approved_by_id": self.user("office_mgr").id},
                {"user_id": self.user("office").id},
            ):
                with (
                    self.subTest(login=login, vals=vals),
                    self.assertRaisesRegex(UserError, "PUR-13"),
                ):
                    mine.write(vals)
        self.assertEqual(plan.state, "draft")

    def test_pur_13_a_cancelled_plan_is_never_approved(self):
        plan = self._demo_plan()
        self.decide(plan, "purchase_mgr", comment="数量合理。")
        self.as_user(plan, "purchase").action_cancel(reason="预算调整到下季度。")
        self.assertEqual(plan.state, "cancel")
        self.assertCannotDecide(plan, "office_mgr")
        self.assertEqual(plan.state, "cancel")
        self.assertFalse(plan.approved_by_id)
        for target in (self.as_user(plan, "office_mgr"), plan.sudo()):
            with self.assertRaisesRegex(UserError, "PUR-13"):
                target.write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "PUR-13"):
            self.as_user(plan, "purchase").action_create_rfqs()

    def test_pur_13_the_chain_approves_and_records_each_decision(self):
        plan = self._demo_plan()
        self.decide(plan, "purchase_mgr", comment="数量与库存核对无误。")
        self.assertEqual(plan.state, "draft")
        self.decide(plan, "office_mgr", comment="在预算之内，同意。")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.reviewed_by_id, self.user("purchase_mgr"))
        self.assertEqual(plan.approved_by_id, self.user("office_mgr"))
        self.assertTrue(plan.reviewed_on and plan.approved_on)
        self.assertDecisionRecorded(
            plan, "purchase_mgr", "数量与库存核对无误。", rule="PUR-13"
        )
        self.assertDecisionRecorded(
            plan, "office_mgr", "在预算之内，同意。", rule="PUR-13"
        )
        self.assertEqual(
            self.decisions(plan).requested_by_id, self.user("purchase"), "who asked"
        )
        # Every internal user reads plans (the needs of every department), so
        # every demo user reads its decisions; nobody changes them.
        self.assertDecisionsAppendOnly(plan)


class TestPurchaseLegalReviewApproval(ApprovalCase):
    """PUR-14, PUR-15: every purchase contract goes through legal review
    (threshold zero by default) before it is confirmed; the buyer who
    prepared or sent it never approves its terms."""

    def _demo_order(self):
        """The demo's keyboard contract, sent to legal review by the buyer."""
        order = self.env.ref("dealer_management.purchase_order_jielian_keyboards")
        self.assertTrue(order.dealer_legal_review_required)
        self.assertTrue(order.review_ids)
        self.assertEqual(order.review_ids.requested_by, self.user("purchase"))
        return order

    def test_pur_15_the_author_cannot_approve(self):
        order = self._demo_order()
        self.assertCannotDecide(order, "purchase")
        self.assertCannotDecide(order, "purchase_mgr")
        self.assertFalse(order.dealer_legal_approved_by_id)
        # Under review, tier validation refuses the confirmation.
        with self.assertRaises(ValidationError):
            self.as_user(order, "purchase").button_confirm()
        self.assertEqual(order.state, "draft")

    def test_pur_15_another_departments_head_cannot_approve(self):
        order = self._demo_order()
        for login in ("sales_mgr", "office_mgr", "stock_mgr", "tech_mgr"):
            with self.subTest(login=login):
                self.assertCannotDecide(order, login)
        self.assertFalse(order.dealer_legal_approved_by_id)

    def test_pur_15_the_requester_cannot_forge_reviews(self):
        order = self._demo_order()
        self.assertReviewsUnforgeable(order, "purchase")
        self.assertFalse(order.dealer_legal_approved_by_id)
        with self.assertRaises(ValidationError):
            self.as_user(order, "purchase").button_confirm()

    def test_pur_15_state_and_reviewer_fields_are_not_written(self):
        order = self._demo_order()
        mine = self.as_user(order, "purchase")
        for vals in (
            {"dealer_legal_approved_by_id": self.user("legal").id},
            {"dealer_legal_approved_on": "2026-12-01 09:00:00"},
            {"dealer_legal_review_required": False},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "PUR-15"):
                mine.write(vals)
        for state in ("purchase", "done"):
            with (
                self.subTest(state=state),
                self.assertRaises(UserError),
                self.env.cr.savepoint(),
            ):
                self.as_user(order, "purchase_mgr").write({"state": state})
        order.invalidate_recordset()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.dealer_legal_approved_by_id)

    def test_pur_15_a_cancelled_order_is_never_approved(self):
        order = self._demo_order()
        self.as_user(order, "purchase").button_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertCannotDecide(order, "legal")
        self.assertFalse(order.dealer_legal_approved_by_id)
        with self.assertRaisesRegex(ValidationError, "PUR-15"):
            self.as_user(order, "purchase_mgr").write({"state": "purchase"})
        # Back to a quotation, it is reviewed again before it is confirmed.
        self.as_user(order, "purchase").button_draft()
        with self.assertRaises(ValidationError):
            self.as_user(order, "purchase").button_confirm()

    def test_pur_15_the_chain_approves_and_records_each_decision(self):
        order = self._demo_order()
        self.decide(order, "legal", comment="质量标准与售后条款齐全，同意。")
        self.assertEqual(order.dealer_legal_approved_by_id, self.user("legal"))
        self.assertTrue(order.dealer_legal_approved_on)
        self.assertDecisionRecorded(
            order, "legal", "质量标准与售后条款齐全，同意。", rule="PUR-15"
        )
        self.assertEqual(self.decisions(order).requested_by_id, self.user("purchase"))
        self.as_user(order, "purchase").button_confirm()
        self.assertEqual(order.state, "purchase")
        self.assertDecisionsAppendOnly(order)

    def test_pur_15_decisions_stay_with_the_order(self):
        """Who may not read the purchase order does not read its decisions."""
        order = self._demo_order()
        self.decide(order, "legal", comment="同意。")
        self.assertDecisionsHidden(order, reader="purchase")
