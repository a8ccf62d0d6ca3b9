# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Attacks on every route a user has (issue 15): writes of governed fields,
state transitions, context keys, import (``load``) and deletes, each by the
least-privileged user who could try it, with a positive control."""

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import DealerPurchaseCommon

CLAUSES = {
    "dealer_quality_standard": "GB/T 36355 and factory test report per batch",
    "dealer_after_sales_terms": "36 months warranty, DOA replaced within 15 days",
}


@tagged("post_install", "-at_install")
class TestRoutes(DealerPurchaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = new_test_user(
            cls.env, login="pu_employee", groups="base.group_user"
        )
        cls.other_manager = new_test_user(
            cls.env,
            login="pu_manager_other",
            groups="dealer_base.group_purchasing_manager",
        )
        cls.unqualified = cls.env["res.partner"].create(
            {"name": "Shenzhen Unverified Networks", "is_company": True}
        )
        cls.Order = cls.env["purchase.order"]
        cls.Plan = cls.env["dealer.purchase.plan"]
        cls.Evaluation = cls.env["dealer.supplier.evaluation"]
        cls.Breach = cls.env["dealer.supplier.breach"]

    # ------------------------------------------------------------------ helpers
    def _buyer_order(self, partner=None, **values):
        """An RFQ the buyer asked for (the buyer is its requester)."""
        order = self._order(partner=partner, **values)
        order.user_id = self.buyer
        return order.with_user(self.buyer)

    def _legal_order(self):
        """An order the legal review applies to (above the test threshold)."""
        order = self._buyer_order(price=100, qty=600, **CLAUSES)
        self.assertTrue(order.dealer_legal_review_required)
        return order

    def _plan(self, user=None):
        return self.Plan.with_user(user or self.buyer).create(
            {
                "warehouse_id": self.warehouse.id,
                "line_ids": [
                    Command.create(
                        {
                            "product_id": self.ssd.id,
                            "quantity": 20,
                            "reason": "Q3 school projects",
                        }
                    ),
                    Command.create(
                        {
                            "product_id": self.cable.id,
                            "quantity": 50,
                            "reason": "Repair parts",
                        }
                    ),
                ],
            }
        )

    def _approved_plan(self):
        plan = self._plan()
        plan.request_validation()
        self._validate(plan, self.purchasing_manager)
        self._validate(plan, self.admin_manager)
        self.assertEqual(plan.state, "approved")
        return plan

    def _evaluation(self, partner=None, date_from="2026-01-01", date_to="2026-03-31"):
        return self.Evaluation.with_user(self.buyer).create(
            {
                "partner_id": (partner or self.supplier).id,
                "date_from": date_from,
                "date_to": date_to,
            }
        )

    def _scored(self, evaluation, score="5"):
        evaluation.write(
            {
                name: score
                for name in (
                    "score_performance",
                    "score_reliability",
                    "score_durability",
                    "score_service",
                )
            }
        )
        return evaluation

    # ------------------------------------------------------------------ PUR-09
    def test_pur_09_state_written_to_confirmed_is_refused(self):
        """PUR-09: writing the state of an RFQ to an unqualified supplier (as the
        external API can) is refused for every confirmed state, for a Purchasing
        Manager too; a qualified supplier's RFQ is confirmed (positive)."""
        order = self._buyer_order(partner=self.unqualified)
        for state in ("purchase", "done", "to approve"):
            with self.subTest(state=state), self.assertRaisesRegex(UserError, "PUR-09"):
                order.write({"state": state})
        with self.assertRaisesRegex(UserError, "PUR-09"):
            order.with_user(self.purchasing_manager).write({"state": "purchase"})
        self.assertEqual(order.state, "draft")
        good = self._buyer_order()
        good.write({"state": "purchase"})
        self.assertEqual(good.state, "purchase")

    def test_pur_09_confirmed_order_created_or_imported_is_refused(self):
        """PUR-09: an order created or imported already confirmed goes through
        the same check."""
        with self.assertRaisesRegex(UserError, "PUR-09"):
            self.Order.with_user(self.buyer).create(
                {"partner_id": self.unqualified.id, "state": "purchase"}
            )
        result = self.Order.with_user(self.buyer).load(
            ["partner_id/.id", "state"], [[self.unqualified.id, "purchase"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn("PUR-09", result["messages"][0]["message"])
        order = self._buyer_order(partner=self.unqualified)
        result = self.Order.with_user(self.buyer).load(
            [".id", "state"], [[order.id, "purchase"]]
        )
        self.assertFalse(result["ids"])
        self.assertEqual(order.state, "draft")
        # Positive control: an import of RFQs is not refused.
        result = self.Order.with_user(self.buyer).load(
            ["partner_id/.id", "state"], [[self.unqualified.id, "draft"]]
        )
        self.assertEqual(len(result["ids"]), 1, result["messages"])

    def test_pur_09_override_fields_are_governed(self):
        """PUR-09: the decision's fields are written by the decision only: not
        by write, create, import or a forged context key, not even by a
        Purchasing Manager."""
        order = self._buyer_order(partner=self.unqualified)
        manager_order = order.with_user(self.purchasing_manager)
        for vals in (
            {"dealer_qualification_override": "urgent"},
            {"dealer_override_user_id": self.purchasing_manager.id},
            {"dealer_override_date": fields.Datetime.now()},
            {"dealer_override_partner_id": self.unqualified.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "PUR-09"):
                manager_order.write(vals)
        with self.assertRaisesRegex(UserError, "PUR-09"):
            manager_order.with_context(dealer_governed="server").write(
                {"dealer_override_user_id": self.purchasing_manager.id}
            )
        with self.assertRaisesRegex(UserError, "PUR-09"):
            self.Order.with_user(self.purchasing_manager).create(
                {
                    "partner_id": self.unqualified.id,
                    "dealer_qualification_override": "urgent",
                }
            )
        result = self.Order.with_user(self.purchasing_manager).load(
            [".id", "dealer_qualification_override"], [[order.id, "urgent"]]
        )
        self.assertIn("PUR-09", result["messages"][0]["message"])

    def test_pur_09_override_never_by_the_requester(self):
        """PUR-09, issue 16: the decision is taken by a Purchasing Manager who
        did not ask for the order, with words, and it is in the chatter."""
        order = self._buyer_order(partner=self.unqualified)
        with self.assertRaisesRegex(UserError, "Purchasing Manager"):
            order.action_dealer_override(reason="urgent")
        own = self._order(partner=self.unqualified)
        own.user_id = self.purchasing_manager
        with self.assertRaisesRegex(UserError, r"cannot decide it \(rule PUR-09\)"):
            own.with_user(self.purchasing_manager).action_dealer_override(
                reason="urgent"
            )
        with self.assertRaisesRegex(ValidationError, "PUR-09"):
            order.with_user(self.purchasing_manager).action_dealer_override(
                reason=" \t "
            )
        with self.assertRaisesRegex(ValidationError, "PUR-09"):
            order.with_user(self.purchasing_manager).action_dealer_override(
                reason="<p>   </p>"
            )
        order.with_user(self.purchasing_manager).action_dealer_override(
            reason="Sole source of the router; documents requested"
        )
        self.assertEqual(order.dealer_override_user_id, self.purchasing_manager)
        self.assertEqual(order.dealer_override_partner_id, self.unqualified)
        self.assertTrue(
            any("Sole source" in (m.body or "") for m in order.message_ids),
            "the decision is in the chatter",
        )
        own.with_user(self.other_manager).action_dealer_override(reason="Urgent repair")
        order.button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_pur_09_decision_while_under_legal_review(self):
        """PUR-09, PUR-15: the manager's decision is taken while the contract is
        in legal review; the terms stay frozen."""
        order = self._buyer_order(partner=self.unqualified, qty=600, **CLAUSES)
        order.request_validation()
        order.with_user(self.purchasing_manager).action_dealer_override(
            reason="Sole source"
        )
        self._validate(order, self.legal)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_pur_09_override_holds_for_its_supplier_only(self):
        """PUR-09: a decision for one supplier does not carry over when the
        order's supplier is changed."""
        other = self.env["res.partner"].create(
            {"name": "Another Unverified Co.", "is_company": True}
        )
        order = self._buyer_order(partner=self.unqualified)
        order.with_user(self.purchasing_manager).action_dealer_override(
            reason="Sole source"
        )
        order.partner_id = other
        with self.assertRaisesRegex(UserError, "PUR-09"):
            order.button_confirm()
        with self.assertRaisesRegex(UserError, "PUR-09"):
            order.write({"state": "purchase"})

    def test_pur_10_suspension_is_governed(self):
        """PUR-10: a suspended supplier cannot be lifted by writing the flag;
        only a Purchasing Manager's action on a requalified supplier lifts it."""
        self.supplier._dealer_suspend("grade D in a test evaluation")
        partner = self.supplier.with_user(self.buyer)
        for vals in (
            {"dealer_supplier_suspended": False},
            {"dealer_suspension_reason": False},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "PUR-10"):
                partner.write(vals)
        with self.assertRaisesRegex(UserError, "PUR-10"):
            self.env["res.partner"].with_user(self.buyer).create(
                {"name": "Pre-suspended", "dealer_supplier_suspended": True}
            )
        order = self._buyer_order()
        with self.assertRaisesRegex(UserError, "suspended"):
            order.write({"state": "purchase"})
        self.supplier.with_user(self.purchasing_manager).action_dealer_reinstate()
        self.assertFalse(self.supplier.dealer_supplier_suspended)
        order.write({"state": "purchase"})
        self.assertEqual(order.state, "purchase")

    def test_pur_09_verification_is_governed(self):
        """PUR-09: who verified a document is set by the verification only; a
        document moved to another supplier must be verified again."""
        document = self.Qualification.with_user(self.buyer).create(
            {
                "partner_id": self.unqualified.id,
                "type_id": self.licence.id,
                "number": "91440300MA5XXXXX1",
                "date_from": "2024-01-01",
            }
        )
        with self.assertRaisesRegex(UserError, "PUR-09"):
            document.write({"verified_by_id": self.buyer.id})
        with self.assertRaisesRegex(UserError, "PUR-09"):
            self.Qualification.with_user(self.buyer).create(
                {
                    "partner_id": self.unqualified.id,
                    "type_id": self.certificate.id,
                    "number": "ISO-1",
                    "date_from": "2024-01-01",
                    "verified_by_id": self.buyer.id,
                }
            )
        result = self.Qualification.with_user(self.buyer).load(
            [".id", "verified_on"], [[document.id, "2026-01-01 10:00:00"]]
        )
        self.assertIn("PUR-09", result["messages"][0]["message"])
        document.action_verify()
        self.assertEqual(document.verified_by_id, self.buyer)
        document.partner_id = self.other_supplier
        self.assertFalse(document.verified_by_id, "moved: verified again")

    # ------------------------------------------------------------------ PUR-15
    def test_pur_15_every_contract_reviewed_by_default(self):
        """PUR-15, issue 16: a new company reviews every purchase contract (the
        threshold starts at zero); a company may raise it."""
        company = self.env["res.company"].create({"name": "Lighting office"})
        self.assertEqual(company.dealer_legal_review_amount, 0.0)
        self.company.dealer_legal_review_amount = 0.0
        order = self._buyer_order(price=1, qty=1)
        self.assertTrue(order.dealer_legal_review_required)
        with self.assertRaises(UserError):
            order.button_confirm()
        with self.assertRaises(UserError):
            order.write({"state": "purchase"})
        self.assertEqual(order.state, "draft")

    def test_pur_15_review_required_is_governed(self):
        """PUR-15: the review flag cannot be written to False, given on create,
        or imported."""
        order = self._legal_order()
        with self.assertRaisesRegex(UserError, "PUR-15"):
            order.write({"dealer_legal_review_required": False})
        with self.assertRaisesRegex(UserError, "PUR-15"):
            self.Order.with_user(self.buyer).create(
                {"partner_id": self.supplier.id, "dealer_legal_review_required": False}
            )
        result = self.Order.with_user(self.buyer).load(
            [".id", "dealer_legal_review_required"], [[order.id, "0"]]
        )
        self.assertIn("PUR-15", result["messages"][0]["message"])
        self.assertTrue(order.dealer_legal_review_required)
        for vals in (
            {"dealer_legal_approved_by_id": self.legal.id},
            {"dealer_legal_approved_on": fields.Datetime.now()},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "PUR-15"):
                order.write(vals)

    def test_pur_15_forged_review_records_do_not_confirm(self):
        """PUR-15, issue 16: the buyer cannot mark the review approved in the
        Legal Reviewer's name (dealer_approval); and a review marked approved
        by any other way than the Legal Reviewer's validation does not confirm
        the order, by the button or by writing its state."""
        order = self._legal_order()
        order.request_validation()
        forged = {"status": "approved", "done_by": self.legal.id, "comment": "OK"}
        with self.assertRaises(AccessError):
            order.review_ids.write(forged)
        order.review_ids.sudo().write(forged)
        with self.assertRaisesRegex(ValidationError, "PUR-15"):
            order.button_confirm()
        with self.assertRaisesRegex(ValidationError, "PUR-15"):
            order.write({"state": "purchase"})
        self.assertEqual(order.state, "draft")

    def test_pur_15_forged_reviewer_list_does_not_make_a_reviewer(self):
        """PUR-15: adding oneself to a review's reviewers does not let anyone
        but a Legal Reviewer approve the terms."""
        order = self._legal_order()
        order.request_validation()
        forged = {"reviewer_ids": [Command.link(self.buyer.id)]}
        with self.assertRaises(AccessError):
            order.review_ids.write(forged)
        order.review_ids.sudo().write(forged)
        with self.assertRaisesRegex(UserError, "Only a Legal Reviewer"):
            self._validate(order, self.buyer)
        self.assertFalse(order.dealer_legal_approved_by_id)

    def test_pur_15_author_never_approves_the_terms(self):
        """PUR-15, issue 16: a Legal Reviewer who prepared the order or asked
        for its review does not approve it; another Legal Reviewer does, and
        the decision is recorded and in the chatter."""
        lawyer_buyer = new_test_user(
            self.env,
            login="pu_lawyer_buyer",
            groups="dealer_base.group_purchasing_user,dealer_base.group_legal_reviewer",
        )
        order = self._legal_order()
        order.user_id = lawyer_buyer
        order.with_user(lawyer_buyer).request_validation()
        with self.assertRaisesRegex(UserError, r"cannot decide it \(rule PUR-15\)"):
            self._validate(order, lawyer_buyer)
        self.assertFalse(order.dealer_legal_approved_by_id)
        self._validate(order, self.legal, comment="Clauses conform.")
        self.assertEqual(order.dealer_legal_approved_by_id, self.legal)
        self.assertTrue(order.dealer_legal_approved_on)
        self.assertTrue(
            any("Clauses conform." in (m.body or "") for m in order.message_ids)
        )
        order.with_user(lawyer_buyer).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_pur_15_terms_frozen_while_reviewed(self):
        """PUR-15: once sent to review, the lines and the contract's clauses do
        not change, whatever context key the caller sends
        (``skip_validation_check`` is base_tier_validation's); after restarting
        the validation they do, and the approval is gone."""
        order = self._legal_order()
        order.request_validation()
        self._validate(order, self.legal)
        with self.assertRaisesRegex(UserError, "PUR-15"):
            order.order_line.price_unit = 1
        with self.assertRaises(UserError):
            order.write({"order_line": [Command.create({"product_id": self.cable.id})]})
        with self.assertRaises(ValidationError):
            order.with_context(skip_validation_check=True).write(
                {"dealer_framework_agreement": True, "partner_ref": "X"}
            )
        with self.assertRaises(ValidationError):
            order.with_context(skip_validation_check=True).write(
                {"dealer_quality_standard": "none"}
            )
        order.restart_validation()
        self.assertFalse(order.dealer_legal_approved_by_id)
        order.order_line.price_unit = 90
        self.assertEqual(order.order_line.price_unit, 90)

    def test_pur_15_settings_apply_forward(self):
        """PUR-15: a confirmed order keeps the review decided then when the
        threshold is raised; an RFQ follows the new setting."""
        order = self._legal_order()
        order.request_validation()
        self._validate(order, self.legal)
        order.button_confirm()
        draft = self._legal_order()
        self.company.dealer_legal_review_amount = 1000000
        self.env.flush_all()
        order.invalidate_recordset()
        draft.invalidate_recordset()
        self.assertTrue(order.dealer_legal_review_required)
        self.assertFalse(draft.dealer_legal_review_required)

    def test_pur_15_cancelled_and_reset_order_is_reviewed_again(self):
        """PUR-15: a cancelled order set back to a quotation loses its approval:
        it is reviewed again before it is confirmed."""
        order = self._legal_order()
        order.request_validation()
        self._validate(order, self.legal)
        order.button_cancel()
        self.assertFalse(order.dealer_legal_approved_by_id)
        order.button_draft()
        with self.assertRaises(ValidationError):
            order.button_confirm()

    def test_settings_bad_input_is_refused(self):
        """PUR-06/09/13/15: negative, NaN or overflowing settings are refused
        with the field named, not stored."""
        for fname, value, rule in (
            ("dealer_legal_review_amount", -1.0, "PUR-15"),
            ("dealer_purchase_plan_budget", float("nan"), "PUR-13"),
            ("dealer_qualification_warning_days", -5, "PUR-09"),
            ("dealer_arrival_notice_days", 2**31, "PUR-06"),
        ):
            with (
                self.subTest(field=fname),
                self.assertRaisesRegex(ValidationError, rule),
            ):
                self.company.write({fname: value})

    # ------------------------------------------------------------------ PUR-13
    def test_pur_13_cancelled_plan_cannot_be_written_to_approved(self):
        """PUR-13, issue 16: a cancelled plan is never written or imported to
        approved, by anyone; it is cancelled with a reason, and goes back to
        draft to be approved again."""
        plan = self._plan()
        with self.assertRaisesRegex(ValidationError, "PUR-13"):
            plan.action_cancel(reason="   ")
        plan.action_cancel(reason="Budget moved to next quarter")
        self.assertEqual(plan.state, "cancel")
        self.assertEqual(plan.cancel_reason, "Budget moved to next quarter")
        for user in (self.buyer, self.purchasing_manager, self.admin_manager):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(UserError, "PUR-13"),
            ):
                plan.with_user(user).write({"state": "approved"})
        result = self.Plan.with_user(self.admin_manager).load(
            [".id", "state"], [[plan.id, "approved"]]
        )
        self.assertIn("PUR-13", result["messages"][0]["message"])
        with self.assertRaisesRegex(UserError, "PUR-13"):
            self.Plan.with_user(self.buyer).create(
                {"warehouse_id": self.warehouse.id, "state": "approved"}
            )
        plan.action_draft()
        self.assertEqual(plan.state, "draft")

    def test_pur_13_plan_governed_fields(self):
        """PUR-13: author, totals and the recorded decisions are the actions'."""
        plan = self._plan()
        for vals in (
            {"user_id": self.purchasing_manager.id},
            {"amount_total": 1.0},
            {"over_budget": True},
            {"reviewed_by_id": self.purchasing_manager.id},
            {"approved_by_id": self.admin_manager.id},
            {"cancel_reason": "x"},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "PUR-13"):
                plan.with_user(self.purchasing_manager).write(vals)

    def test_pur_13_forged_review_does_not_approve(self):
        """PUR-13, issue 16: the buyer cannot mark the Purchasing Manager's
        review approved (dealer_approval); a review marked approved other than
        by its reviewer's validation does not count: Administration's approval
        alone leaves the plan in draft, and it is not ordered."""
        plan = self._plan()
        plan.request_validation()
        first = plan.review_ids.sorted("sequence")[:1]
        forged = {"status": "approved", "done_by": self.purchasing_manager.id}
        with self.assertRaises(AccessError):
            first.write(forged)
        first.sudo().write(forged)
        self._validate(plan, self.admin_manager)
        self.assertFalse(plan.reviewed_by_id)
        self.assertEqual(plan.state, "draft")
        with self.assertRaisesRegex(UserError, "not approved"):
            plan.action_create_rfqs()

    def test_pur_13_decisions_are_recorded(self):
        """PUR-13: who reviewed and who approved, and when, are on the plan and
        in its chatter; the requester never approves."""
        plan = self._plan(user=self.purchasing_manager)
        plan.request_validation()
        with self.assertRaisesRegex(UserError, "PUR-13"):
            self._validate(plan, self.purchasing_manager)
        self._validate(plan, self.other_manager, comment="Quantities checked")
        self._validate(plan, self.admin_manager, comment="Within budget")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.reviewed_by_id, self.other_manager)
        self.assertEqual(plan.approved_by_id, self.admin_manager)
        self.assertTrue(plan.reviewed_on and plan.approved_on)
        bodies = " ".join(plan.message_ids.mapped("body"))
        self.assertIn("Quantities checked", bodies)
        self.assertIn("Within budget", bodies)

    def test_pur_13_approved_plan_is_never_deleted(self):
        """PUR-13: approved and cancelled plans are kept, for a manager and the
        superuser too; a draft is deleted (positive)."""
        plan = self._approved_plan()
        with self.assertRaisesRegex(UserError, "PUR-13"):
            plan.with_user(self.purchasing_manager).unlink()
        with self.assertRaisesRegex(UserError, "PUR-13"):
            plan.sudo().unlink()
        plan.action_cancel(reason="Supplier stopped the model")
        with self.assertRaisesRegex(UserError, "PUR-13"):
            plan.with_user(self.purchasing_manager).unlink()
        draft = self._plan()
        draft.with_user(self.purchasing_manager).unlink()
        self.assertFalse(draft.exists())
        under_review = self._plan()
        under_review.request_validation()
        reviews = under_review.review_ids
        under_review.with_user(self.purchasing_manager).unlink()
        self.assertFalse(under_review.exists() or reviews.exists())

    def test_pur_13_approved_plan_keeps_its_terms(self):
        """PUR-13: an approved plan's budget, warehouse and date stay; under
        review the tier check holds even with its skip key."""
        plan = self._plan()
        plan.request_validation()
        with self.assertRaises(ValidationError):
            plan.with_context(skip_validation_check=True).write({"budget": 1e9})
        self._validate(plan, self.purchasing_manager)
        self._validate(plan, self.admin_manager)
        with self.assertRaisesRegex(UserError, "PUR-13"):
            plan.write({"budget": 1e9})
        with self.assertRaisesRegex(UserError, "PUR-13"):
            plan.write({"date": "2020-01-01"})
        plan.write({"note": "Seasonality noted"})

    def test_pur_13_cancel_and_reopen_by_purchasing_only(self):
        """PUR-13: an employee cannot cancel or reopen an approved plan."""
        plan = self._approved_plan()
        with self.assertRaisesRegex(UserError, "Only Purchasing"):
            plan.with_user(self.employee).action_cancel(reason="Not needed")
        with self.assertRaisesRegex(UserError, "Only Purchasing"):
            plan.with_user(self.employee).action_draft()
        self.assertEqual(plan.state, "approved")

    def test_pur_02_plan_line_link_and_source_are_governed(self):
        """PUR-02, PUR-13: a line's source, requester, total and order link are
        set by the actions; the removed ``dealer_plan_ordering`` key no longer
        opens an approved plan's lines."""
        plan = self._approved_plan()
        line = plan.line_ids[:1]
        po_line = self._order().order_line
        for vals in (
            {"purchase_line_id": po_line.id},
            {"source": "reorder"},
            {"requested_by_id": self.purchasing_manager.id},
            {"subtotal": 1.0},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "PUR-"):
                line.with_user(self.buyer).write(vals)
        with self.assertRaisesRegex(UserError, "PUR-13"):
            line.with_user(self.buyer).with_context(dealer_plan_ordering=True).write(
                {"quantity": 500}
            )
        with self.assertRaisesRegex(UserError, "PUR-02"):
            self.env["dealer.purchase.plan.line"].with_user(self.buyer).create(
                {
                    "plan_id": self._plan().id,
                    "product_id": self.ssd.id,
                    "quantity": 1,
                    "reason": "x",
                    "source": "reorder",
                }
            )
        plan.action_create_rfqs()
        self.assertTrue(line.purchase_line_id)

    def test_pur_02_bad_plan_input(self):
        """PUR-02, PUR-13: zero or negative quantities, negative costs, a need
        before the plan and a blank reason are refused with the field named."""
        plan = self._plan()
        line = plan.line_ids[:1]
        for vals, message in (
            ({"quantity": -3}, "Quantity"),
            ({"quantity": 0}, "Quantity"),
            ({"price_unit": -1}, "Estimated unit cost"),
            ({"needed_date": "2000-01-01"}, "Needed by"),
            ({"reason": "   "}, "Reason"),
            ({"quantity": float("nan")}, "Quantity"),
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, message),
            ):
                line.write(vals)
        with self.assertRaisesRegex(ValidationError, "PUR-13"):
            plan.write({"budget": -1})

    def test_company_consistency(self):
        """A plan, a breach and an evaluation refer only to records of their
        company (as core's stock documents do)."""
        company = self.env["res.company"].create({"name": "Lighting office"})
        self.buyer.company_ids |= company
        foreign_warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )
        foreign_supplier = self.env["res.partner"].create(
            {"name": "Lighting supplier", "company_id": company.id}
        )
        with self.assertRaisesRegex(UserError, "compan"):
            self.Plan.with_user(self.buyer).create(
                {"warehouse_id": foreign_warehouse.id, "company_id": self.company.id}
            )
        with self.assertRaisesRegex(UserError, "compan"):
            self.Breach.with_user(self.buyer).create(
                {
                    "partner_id": foreign_supplier.id,
                    "company_id": self.company.id,
                    "description": "Late",
                }
            )
        with self.assertRaisesRegex(UserError, "compan"):
            self.Evaluation.with_user(self.buyer).create(
                {
                    "partner_id": foreign_supplier.id,
                    "company_id": self.company.id,
                    "date_from": "2026-01-01",
                    "date_to": "2026-03-31",
                }
            )

    # ------------------------------------------------------------------ PUR-10
    def test_pur_10_evaluation_facts_grade_state_are_governed(self):
        """PUR-10, PUR-11: the facts, the grade, the state and the evaluator
        are the actions'; import of a closed evaluation is refused."""
        evaluation = self._evaluation()
        evaluation.action_compute_facts()
        for vals in (
            {"acceptance_rate": 50.0},
            {"on_time_rate": 50.0},
            {"price_variance": -50.0},
            {"breach_count": 5},
            {"grade": "A"},
            {"total_score": 99.0},
            {"state": "done"},
            {"evaluator_id": self.purchasing_manager.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "PUR-1"):
                evaluation.with_user(self.purchasing_manager).write(vals)
        result = self.Evaluation.with_user(self.purchasing_manager).load(
            ["partner_id/.id", "date_from", "date_to", "state"],
            [[self.supplier.id, "2025-01-01", "2025-03-31", "done"]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("PUR-10", result["messages"][0]["message"])

    def test_pur_10_closed_evaluation_keeps_scores_and_grade(self):
        """PUR-10: a closed evaluation keeps its scores, supplier and period;
        its grade does not follow later threshold changes (settings apply
        forward); a draft's does."""
        closed = self._scored(self._evaluation())
        closed.with_user(self.purchasing_manager).action_done()
        self.assertEqual(closed.grade, "A")
        with self.assertRaisesRegex(UserError, "PUR-10"):
            closed.with_user(self.purchasing_manager).write({"score_service": "1"})
        with self.assertRaisesRegex(UserError, "PUR-10"):
            closed.with_user(self.purchasing_manager).write({"date_to": "2026-06-30"})
        draft = self._evaluation(partner=self.other_supplier)
        draft.action_compute_facts()
        # 40% of 100 (no receipts: full rates) + 60% of 60.
        self._scored(draft, score="3")
        self.assertEqual(draft.total_score, 76.0)
        self.assertEqual(draft.grade, "B")
        self.company.write(
            {
                "dealer_evaluation_grade_a": 99,
                "dealer_evaluation_grade_b": 98,
                "dealer_evaluation_grade_c": 97,
            }
        )
        self.env.flush_all()
        closed.invalidate_recordset()
        draft.invalidate_recordset()
        self.assertEqual(closed.grade, "A")
        self.assertEqual(draft.grade, "D")

    def test_pur_10_evaluations_are_never_deleted(self):
        """PUR-10: evaluations are kept, drafts too; a draft is cancelled by a
        Purchasing Manager with a reason; reopening is a manager's."""
        evaluation = self._evaluation()
        with self.assertRaisesRegex(UserError, "PUR-10"):
            evaluation.with_user(self.purchasing_manager).unlink()
        with self.assertRaisesRegex(UserError, "Purchasing Manager"):
            evaluation.action_cancel(reason="Supplier delivered nothing")
        with self.assertRaisesRegex(ValidationError, "PUR-10"):
            evaluation.with_user(self.purchasing_manager).action_cancel(reason=" ")
        evaluation.with_user(self.purchasing_manager).action_cancel(
            reason="Supplier delivered nothing"
        )
        self.assertEqual(evaluation.state, "cancel")
        closed = self._scored(
            self._evaluation(date_from="2026-04-01", date_to="2026-06-30")
        )
        closed.with_user(self.purchasing_manager).action_done()
        with self.assertRaisesRegex(UserError, "Purchasing Manager"):
            closed.action_draft()
        closed.with_user(self.purchasing_manager).action_draft()
        self.assertEqual(closed.state, "draft")

    def test_pur_10_period_in_order(self):
        with self.assertRaisesRegex(ValidationError, "PUR-10"):
            self.Evaluation.with_user(self.buyer).create(
                {
                    "partner_id": self.supplier.id,
                    "date_from": "2026-03-31",
                    "date_to": "2026-01-01",
                }
            )

    # ------------------------------------------------------------------ PUR-16
    def test_pur_16_breaches_are_never_deleted(self):
        """PUR-16: breaches are the supplier's record: kept, for a manager and
        the superuser too."""
        breach = self.Breach.with_user(self.buyer).create(
            {"partner_id": self.supplier.id, "description": "Wrong labels"}
        )
        with self.assertRaisesRegex(UserError, "PUR-16"):
            breach.with_user(self.purchasing_manager).unlink()
        with self.assertRaisesRegex(UserError, "PUR-16"):
            breach.sudo().unlink()

    def test_pur_16_recorded_breach_is_kept_as_recorded(self):
        """PUR-16: what Odoo recorded from a receipt is not rewritten, and no
        user records a breach as Odoo's; what was done about it is written
        (positive)."""
        breach = self.Breach.sudo().create(
            {
                "partner_id": self.supplier.id,
                "kind": "late",
                "description": "WH/IN/0001 arrived late",
                "automatic": True,
            }
        )
        breach = breach.with_user(self.buyer)
        for vals in (
            {"kind": "other"},
            {"date": "2025-01-01"},
            {"partner_id": self.other_supplier.id},
            {"description": "nothing"},
            {"automatic": False},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "PUR-16"):
                breach.write(vals)
        with self.assertRaisesRegex(UserError, "PUR-16"):
            self.Breach.with_user(self.buyer).create(
                {
                    "partner_id": self.supplier.id,
                    "description": "Forged",
                    "automatic": True,
                }
            )
        breach.action_taken = "Penalty of 2% under clause 9"
        self.assertEqual(breach.action_taken, "Penalty of 2% under clause 9")

    def test_pur_16_bad_breach_input(self):
        """PUR-16: a breach in the future or without words is refused."""
        with self.assertRaisesRegex(ValidationError, "PUR-16"):
            self.Breach.with_user(self.buyer).create(
                {
                    "partner_id": self.supplier.id,
                    "description": "Late",
                    "date": fields.Date.add(fields.Date.today(), days=30),
                }
            )
        with self.assertRaisesRegex(ValidationError, "PUR-16"):
            self.Breach.with_user(self.buyer).create(
                {"partner_id": self.supplier.id, "description": " \n "}
            )
