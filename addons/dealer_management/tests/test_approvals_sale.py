# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Price changes (SAL-17), the review of sales contracts (SAL-04, SAL-09,
SAL-19, SAL-20, SAL-25) and the technical review of solutions (SAL-03,
the technical review), tried by the demo roles (issue 16)."""

import base64
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError

from .test_approvals import DEMO_LOGINS, ApprovalCase


class TestPriceChangeApproval(ApprovalCase):
    """SAL-17, SAL-18: a price change is approved by the Sales Manager, and by
    the Administration head above the settings' percentage; who proposed it
    never approves it."""

    def _demo_change(self):
        """The demo's keyboard price change (+5 %), proposed by Sales."""
        change = self.env.ref("dealer_management.price_change_k380")
        self.assertEqual(change.state, "draft")
        self.assertEqual(change.user_id, self.user("sales"))
        self.as_user(change, "sales").request_validation()
        change.invalidate_recordset()
        self.assertTrue(change.review_ids)
        return change

    def _change(self, login, price):
        change = (
            self.env["dealer.price.change"]
            .with_user(self.user(login))
            .create(
                {
                    "product_tmpl_id": self.env.ref(
                        "dealer_management.product_kbd_k380"
                    ).id,
                    "new_price": price,
                    "effective_date": fields.Date.context_today(self.env.user)
                    + timedelta(days=14),
                    "reason": "供应商全线调价，竞品已同步上调。",
                }
            )
        )
        change.request_validation()
        return change

    def test_sal_17_the_author_cannot_approve(self):
        change = self._change("sales_mgr", 209)
        with self.assertRaisesRegex(UserError, "SAL-17"):
            self.as_user(change, "sales_mgr").validate_tier()
        with self.assertRaisesRegex(UserError, "SAL-17"):
            self.as_user(change, "sales_mgr").reject_tier()
        self.assertCannotDecide(change, "sales_mgr")
        self.assertEqual(change.state, "draft")

    def test_sal_17_another_departments_head_cannot_approve(self):
        change = self._demo_change()
        for login in ("purchase_mgr", "stock_mgr", "tech_mgr", "legal", "office_mgr"):
            with self.subTest(login=login):
                self.assertCannotDecide(change, login)
        self.assertEqual(change.state, "draft")

    def test_sal_17_the_requester_cannot_forge_reviews(self):
        change = self._demo_change()
        self.assertReviewsUnforgeable(change, "sales")
        self.assertEqual(change.state, "draft")

    def test_sal_17_state_and_reviewer_fields_are_not_written(self):
        change = self._demo_change()
        for login in ("sales", "sales_mgr", "office_mgr"):
            mine = self.as_user(change, login)
            for vals in (
                {"state": "approved"},
                {"state": "applied"},
                {"admin_approval_required": True},
                {"change_percent": 0.0},
                {"user_id": self.user("sales_mgr").id},
            ):
                with (
                    self.subTest(login=login, vals=vals),
                    self.assertRaisesRegex(UserError, "SAL-17"),
                ):
                    mine.write(vals)
        self.assertEqual(change.state, "draft")

    def test_sal_17_a_cancelled_change_is_never_approved(self):
        change = self._demo_change()
        mine = self.as_user(change, "sales")
        mine.cancel_reason = "供应商撤回了调价通知。"
        mine.action_cancel()
        self.assertEqual(change.state, "cancel")
        self.assertCannotDecide(change, "sales_mgr")
        self.assertEqual(change.state, "cancel")
        for target in (self.as_user(change, "sales_mgr"), change.sudo()):
            with self.assertRaisesRegex(UserError, "SAL-17"):
                target.write({"state": "approved"})

    def test_sal_17_the_chain_approves_and_records_each_decision(self):
        change = self._demo_change()
        self.assertFalse(change.admin_approval_required, "+5 %: Sales Manager only")
        self.decide(change, "sales_mgr", comment="毛利合理，同意调价。")
        self.assertEqual(change.state, "approved")
        self.assertDecisionRecorded(
            change, "sales_mgr", "毛利合理，同意调价。", rule="SAL-17"
        )
        self.assertEqual(self.decisions(change).requested_by_id, self.user("sales"))
        # Every internal user reads price changes (the price list is public
        # inside the company): nobody changes their decisions.
        self.assertDecisionsAppendOnly(change)

    def test_sal_17_big_change_goes_on_to_administration(self):
        change = self._change("sales", 249)  # +25 %
        self.assertTrue(change.admin_approval_required)
        self.assertFalse(self.as_user(change, "office_mgr").can_review)
        self.assertCannotDecide(change, "office_mgr")
        self.assertNotBeforeTurn(change, "office_mgr")
        self.decide(change, "sales_mgr", comment="市场价已到 259 元。")
        self.assertEqual(change.state, "draft")
        self.decide(change, "office_mgr", comment="同意。")
        self.assertEqual(change.state, "approved")
        self.assertDecisionRecorded(
            change, "sales_mgr", "市场价已到 259 元。", "SAL-17"
        )
        self.assertDecisionRecorded(change, "office_mgr", "同意。", "SAL-17")


class TestSalesContractReviewApproval(ApprovalCase):
    """SAL-09, SAL-25, SAL-20: every sales contract is reviewed by the Sales
    Manager then by legal staff before it is confirmed (amount zero by
    default); who sells it never reviews it."""

    def _contract(self, login):
        order = (
            self.env["sale.order"]
            .with_user(self.user(login))
            .create(
                {
                    "user_id": self.user(login).id,
                    "partner_id": self.env.ref(
                        "dealer_management.customer_chuangyuan"
                    ).id,
                    "commitment_date": fields.Datetime.now() + timedelta(days=10),
                    "payment_term_id": self.env.ref(
                        "account.account_payment_term_30days"
                    ).id,
                    "dealer_after_sales_terms": "整机保修三年，上门服务。",
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.env.ref(
                                    "dealer_management.product_kbd_k380"
                                ).product_variant_id.id,
                                "product_uom_qty": 20,
                            }
                        )
                    ],
                }
            )
        )
        self.assertTrue(order.dealer_contract_review_required)
        self.assertTrue(order.dealer_legal_review_required)
        order.request_validation()
        order.invalidate_recordset()
        self.assertEqual(len(order.review_ids), 2)
        return order

    def test_sal_25_the_author_cannot_approve(self):
        order = self._contract("sales_mgr")
        with self.assertRaisesRegex(UserError, "SAL-25"):
            self.decide(order, "sales_mgr")
        self.assertCannotDecide(order, "sales_mgr")
        self.assertNotEqual(order.validation_status, "validated")

    def test_sal_25_another_departments_head_cannot_approve(self):
        order = self._contract("sales")
        for login in ("purchase_mgr", "stock_mgr", "tech_mgr", "office_mgr"):
            with self.subTest(login=login):
                self.assertCannotDecide(order, login)
        # Legal staff review after the Sales Manager only.
        self.assertFalse(self.as_user(order, "legal").can_review)
        self.assertCannotDecide(order, "legal")
        self.assertNotBeforeTurn(order, "legal")
        self.assertNotEqual(order.validation_status, "validated")

    def test_sal_09_the_requester_cannot_forge_reviews(self):
        order = self._contract("sales")
        self.assertReviewsUnforgeable(order, "sales")
        self.assertNotEqual(order.validation_status, "validated")

    def test_sal_09_state_and_reviewer_fields_are_not_written(self):
        order = self._contract("sales")
        mine = self.as_user(order, "sales")
        for vals, rule in (
            ({"dealer_contract_review_required": False}, "SAL-09"),
            ({"dealer_legal_review_required": False}, "SAL-20"),
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, rule):
                mine.write(vals)
        for login in ("sales", "sales_mgr"):
            with (
                self.subTest(login=login),
                self.assertRaises(UserError),
                self.env.cr.savepoint(),
            ):
                self.as_user(order, login).write({"state": "sale"})
        order.invalidate_recordset()
        self.assertEqual(order.state, "draft")

    def test_sal_09_a_cancelled_contract_is_never_approved(self):
        order = self._contract("sales")
        self.decide(order, "sales_mgr", comment="价格与交期可以。")
        self.as_user(order, "sales").action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertCannotDecide(order, "legal")
        self.assertNotEqual(order.validation_status, "validated")
        with self.assertRaises(UserError):
            self.as_user(order, "sales_mgr").write({"state": "sale"})

    def test_sal_20_the_chain_approves_and_records_each_decision(self):
        order = self._contract("sales")
        self.decide(order, "sales_mgr", comment="价格与交期可以。")
        self.assertNotEqual(order.validation_status, "validated")
        self.decide(order, "legal", comment="合同条款合法，同意签订。")
        self.assertEqual(order.validation_status, "validated")
        self.assertDecisionRecorded(order, "sales_mgr", "价格与交期可以。", "SAL-25")
        self.assertDecisionRecorded(
            order, "legal", "合同条款合法，同意签订。", "SAL-25"
        )
        self.assertEqual(self.decisions(order).requested_by_id, self.user("sales"))
        self.assertEqual(self.decisions(order), order.sudo().dealer_decision_ids)
        # Confirmed with the contract signed by both parties (SAL-04).
        signed = (
            self.env["ir.attachment"]
            .with_user(self.user("sales"))
            .create(
                {
                    "name": "合同-双方签字.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 signed"),
                    "res_model": order._name,
                    "res_id": order.id,
                }
            )
        )
        mine = self.as_user(order, "sales")
        mine.dealer_signed_contract_ids = [Command.link(signed.id)]
        mine.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertDecisionsAppendOnly(order)

    def test_sal_09_decisions_stay_with_the_order(self):
        """A warehouse clerk, who may not read the order, does not read its
        decisions; the salesperson does."""
        order = self._contract("sales")
        self.decide(order, "sales_mgr", comment="同意。")
        self.assertDecisionsHidden(order, reader="sales")


class TestSolutionTechnicalReview(ApprovalCase):
    """SAL-03: a solution quotation is reviewed by Technical, never by
    who asked for the review or sells it; the decision is recorded (who,
    when, why) in dealer.decision and the chatter."""

    def _solution(self):
        """The demo's computer-lab solution, whose review Sales requested."""
        order = self.env.ref("dealer_management.sale_order_lab_solution")
        self.assertEqual(order.dealer_technical_state, "requested")
        self.assertEqual(order.dealer_technical_requester_id, self.user("sales"))
        return order

    def _approve(self, order, login, comment="双显示器方案可行，电源按 650 W 配置。"):
        mine = self.as_user(order, login)
        mine.dealer_technical_comment = comment
        mine.action_dealer_technical_approve()
        order.invalidate_recordset()

    def test_sal_03_the_requester_cannot_approve(self):
        order = self._solution()
        mine = self.as_user(order, "sales")
        with self.assertRaisesRegex(UserError, "SAL-03"):
            mine.dealer_technical_comment = "我看可以。"
        for action in (
            "action_dealer_technical_approve",
            "action_dealer_technical_reject",
        ):
            with (
                self.subTest(action=action),
                self.assertRaisesRegex(UserError, "SAL-03"),
            ):
                getattr(mine, action)()
        self.assertEqual(order.dealer_technical_state, "requested")
        self.assertFalse(self.decisions(order))

    def test_sal_03_another_departments_head_cannot_approve(self):
        order = self._solution()
        self.as_user(order, "tech_mgr").dealer_technical_comment = "待定。"
        for login in ("stock_mgr", "sales_mgr", "purchase_mgr", "office_mgr"):
            with (
                self.subTest(login=login),
                self.assertRaises(UserError),
            ):
                self.as_user(order, login).action_dealer_technical_approve()
        order.invalidate_recordset()
        self.assertEqual(order.dealer_technical_state, "requested")
        self.assertFalse(self.decisions(order))

    def test_sal_03_review_fields_are_not_written(self):
        order = self._solution()
        for login in ("sales", "sales_mgr", "tech_mgr", "tech"):
            mine = self.as_user(order, login)
            for vals in (
                {"dealer_technical_state": "approved"},
                {"dealer_technical_reviewer_id": self.user("tech_mgr").id},
                {"dealer_technical_requester_id": self.user("sales_mgr").id},
                {"dealer_technical_date": fields.Datetime.now()},
            ):
                with (
                    self.subTest(login=login, vals=vals),
                    self.assertRaisesRegex(UserError, "SAL-03"),
                ):
                    mine.write(vals)
        self.assertEqual(order.dealer_technical_state, "requested")

    def test_sal_03_decisions_are_never_forged(self):
        """No demo user creates, writes or deletes a recorded decision, before
        or after Technical decided."""
        order = self._solution()
        values = {
            "company_id": order.company_id.id,
            "res_model_id": self.env["ir.model"]._get_id(order._name),
            "res_id": order.id,
            "kind": "technical_review",
            "outcome": "approved",
            "rule": "SAL-03",
            "reason": "代技术部批准",
            "decided_on": fields.Datetime.now(),
        }
        for login in DEMO_LOGINS:
            Decision = self.env["dealer.decision"].with_user(self.user(login))
            with self.subTest(login=login), self.assertRaises(AccessError):
                Decision.create(dict(values, decided_by_id=self.user("tech_mgr").id))
        self.assertFalse(self.decisions(order))
        self.assertEqual(order.dealer_technical_state, "requested")
        self._approve(order, "tech_mgr")
        self.assertDecisionsAppendOnly(order)

    def test_sal_03_a_cancelled_quotation_is_never_approved(self):
        order = self._solution()
        self.as_user(order, "sales").action_cancel()
        self.assertEqual(order.state, "cancel")
        with self.assertRaises(UserError):
            self._approve(order, "tech_mgr")
        order.invalidate_recordset()
        self.assertNotEqual(order.dealer_technical_state, "approved")
        self.assertFalse(order.dealer_technical_reviewer_id)
        self.assertFalse(self.decisions(order))

    def test_sal_03_technical_approves_and_the_decision_is_recorded(self):
        order = self._solution()
        comment = "双显示器方案可行，电源按 650 W 配置。"
        self._approve(order, "tech_mgr", comment)
        self.assertEqual(order.dealer_technical_state, "approved")
        self.assertEqual(order.dealer_technical_reviewer_id, self.user("tech_mgr"))
        self.assertTrue(order.dealer_technical_date)
        decision = order.sudo().dealer_decision_ids
        self.assertEqual(len(decision), 1)
        self.assertEqual(
            (decision.kind, decision.outcome, decision.rule, decision.reason),
            ("technical_review", "approved", "SAL-03", comment),
        )
        self.assertEqual(decision.decided_by_id, self.user("tech_mgr"))
        self.assertEqual(decision.requested_by_id, self.user("sales"))
        self.assertEqual(decision.decided_on, order.dealer_technical_date)
        self.assertTrue(
            order.message_ids.filtered(
                lambda message: message.author_id == self.user("tech_mgr").partner_id
                and "SAL-03" in (message.body or "")
                and "650 W" in message.body
            ),
            "the decision is in the chatter",
        )
        # The salesperson and Technical read it with the solution; the
        # warehouse, which may not read the order, does not.
        self.assertEqual(
            self.as_user(order, "sales").dealer_decision_ids.sudo(), decision
        )
        self.assertEqual(
            self.as_user(order, "tech").dealer_decision_ids.sudo(), decision
        )
        self.assertDecisionsHidden(order, reader="sales")
