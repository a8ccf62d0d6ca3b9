# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Stocktake adjustments (STK-13, STK-14), tried by the demo roles (issue 16):
the Warehouse Manager runs, counts and requests; another Warehouse Manager
(in the demo, the administrator) approves, then the Administration head
above the second threshold."""

from odoo import Command
from odoo.exceptions import UserError

from .test_approvals import ApprovalCase


class TestStocktakeApproval(ApprovalCase):
    """STK-13: the approval level is decided at request from the figures and
    stored; the approver never counted nor requested; the adjustment applies
    only after the last tier approved."""

    def _counted(self):
        """A spot count of a new shelf of the demo warehouse, run by the demo
        Warehouse Manager and counted by the demo counters (the clerk, the
        manager recounting): 40 keyboards where the books say 200 (cost 140:
        22,400 of difference, above the demo's Administration threshold),
        explained, and sent for approval by the manager."""
        warehouse = self.env.ref("stock.warehouse0")
        shelf = self.env["stock.location"].create(
            {
                "name": "审批测试货架",
                "location_id": warehouse.lot_stock_id.id,
                "usage": "internal",
            }
        )
        keyboard = self.env.ref("dealer_management.product_kbd_k380").product_variant_id
        self.env["stock.quant"]._update_available_quantity(keyboard, shelf, 200)
        counters = self.user("stock") | self.user("stock_mgr")
        stocktake = (
            self.env["dealer.stocktake"]
            .with_user(self.user("stock_mgr"))
            .create(
                {
                    "warehouse_id": warehouse.id,
                    "kind": "spot",
                    "responsible_id": self.user("stock_mgr").id,
                    "counter_ids": [Command.set(counters.ids)],
                    "location_ids": [Command.set(shelf.ids)],
                }
            )
        )
        stocktake.action_start()
        for round_ in ("count", "recount"):
            for sheet in stocktake.sudo().sheet_ids.filtered(
                lambda s, r=round_: s.round == r and s.state == "todo"
            ):
                counter = sheet.counter_id
                lines = (
                    sheet.recount_line_ids if round_ == "recount" else sheet.line_ids
                )
                for line in lines:
                    line.with_user(counter).draft_qty = (
                        40 if line.product_id == keyboard else line.book_qty
                    )
                sheet.with_user(counter).action_submit()
        stocktake.action_finish_counting()
        for line in stocktake.sudo().line_ids.filtered(
            lambda rec: rec.count_state == "to_classify"
        ):
            line.with_user(self.user("stock_mgr")).write(
                {
                    "reason_id": self.env.ref(
                        "dealer_stock_count.reason_human_error"
                    ).id,
                    "responsible_user_id": self.user("stock").id,
                    "accountability_note": "整箱出库未登记。",
                }
            )
        stocktake.request_validation()
        stocktake.invalidate_recordset()
        self.assertEqual(stocktake.approval_level, "admin")
        self.assertEqual(stocktake.approval_requested_by_id, self.user("stock_mgr"))
        self.assertEqual(len(stocktake.review_ids), 2)
        return stocktake.sudo(False).with_user(self.env.user)

    def test_stk_13_the_author_cannot_approve(self):
        stocktake = self._counted()
        for method in ("validate_tier", "reject_tier"):
            with (
                self.subTest(method=method),
                self.assertRaisesRegex(UserError, "STK-13"),
            ):
                getattr(self.as_user(stocktake, "stock_mgr"), method)()
        self.assertCannotDecide(stocktake, "stock_mgr")
        # The clerk who counted has no review to decide either.
        self.assertCannotDecide(stocktake, "stock")
        with self.assertRaisesRegex(UserError, "STK-13"):
            self.as_user(stocktake, "stock_mgr").action_apply()
        self.assertEqual(stocktake.state, "counted")

    def test_stk_13_another_departments_head_cannot_approve(self):
        stocktake = self._counted()
        for login in ("sales_mgr", "purchase_mgr", "tech_mgr", "legal"):
            with self.subTest(login=login):
                self.assertCannotDecide(stocktake, login)
        # Administration approves after a Warehouse Manager only.
        self.assertFalse(self.as_user(stocktake, "office_mgr").can_review)
        self.assertCannotDecide(stocktake, "office_mgr")
        self.assertNotBeforeTurn(stocktake, "office_mgr")
        self.assertEqual(stocktake.state, "counted")

    def test_stk_13_the_requester_cannot_forge_reviews(self):
        stocktake = self._counted()
        self.assertReviewsUnforgeable(stocktake, "stock_mgr")
        with self.assertRaisesRegex(UserError, "STK-13"):
            self.as_user(stocktake, "stock_mgr").action_apply()

    def test_stk_13_state_and_reviewer_fields_are_not_written(self):
        stocktake = self._counted()
        mine = self.as_user(stocktake, "stock_mgr")
        for vals in (
            {"state": "applied"},
            {"approval_level": "none"},
            {"approval_level": "manager"},
            {"approval_requested_by_id": self.user("stock").id},
            {"variance_value_abs": 0.0},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "STK-13"):
                mine.write(vals)
        self.assertEqual(stocktake.state, "counted")
        self.assertEqual(stocktake.approval_level, "admin")

    def test_stk_13_a_cancelled_stocktake_is_never_approved(self):
        stocktake = self._counted()
        self.decide(stocktake, "admin", comment="复核无误。")
        self.as_user(stocktake, "stock_mgr").action_cancel()
        self.assertEqual(stocktake.state, "cancel")
        self.assertCannotDecide(stocktake, "office_mgr")
        for target in (self.as_user(stocktake, "stock_mgr"), stocktake.sudo()):
            with self.assertRaisesRegex(UserError, "STK-13"):
                target.write({"state": "applied"})
        with self.assertRaises(UserError):
            self.as_user(stocktake, "stock_mgr").action_apply()
        self.assertEqual(stocktake.state, "cancel")

    def test_stk_13_the_chain_approves_and_records_each_decision(self):
        stocktake = self._counted()
        self.decide(stocktake, "admin", comment="已到货架复核，同意。")
        with self.assertRaisesRegex(UserError, "STK-13"):
            self.as_user(stocktake, "stock_mgr").action_apply()
        self.assertTrue(self.as_user(stocktake, "office_mgr").can_review)
        self.decide(stocktake, "office_mgr", comment="同意报损，按制度追责。")
        self.assertEqual(stocktake.validation_status, "validated")
        self.assertDecisionRecorded(
            stocktake, "admin", "已到货架复核，同意。", "STK-13"
        )
        self.assertDecisionRecorded(
            stocktake, "office_mgr", "同意报损，按制度追责。", "STK-13"
        )
        self.assertEqual(
            self.decisions(stocktake).requested_by_id, self.user("stock_mgr")
        )
        self.as_user(stocktake, "stock_mgr").action_apply()
        self.assertEqual(stocktake.state, "applied")
        self.assertDecisionsAppendOnly(stocktake)
        # Sales, Purchasing... may not read stocktakes: nor their decisions.
        self.assertIn(
            "sales", self.assertDecisionsHidden(stocktake, reader="stock_mgr")
        )
