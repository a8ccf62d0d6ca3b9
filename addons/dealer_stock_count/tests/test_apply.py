# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install")
class TestStocktakeApply(DealerStockCountCommon):
    def _counted(self, quantities, locations=None):
        stocktake = self._started(locations)
        self._count_all(stocktake, quantities)
        self._recount_all(stocktake, quantities)
        stocktake.with_user(self.manager).action_finish_counting()
        for line in stocktake.line_ids.filtered(
            lambda rec: rec.count_state == "to_classify"
        ):
            line.with_user(self.manager).reason_id = self.reason_natural
        return stocktake

    def _approve(self, stocktake, user, comment):
        action = stocktake.with_user(user).validate_tier()
        wizard = (
            self.env["comment.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": comment})
        )
        wizard.add_comment()

    def _quantity(self, product, location, lot=None):
        return self.env["stock.quant"]._get_available_quantity(
            product, location, lot_id=lot, strict=True, allow_negative=True
        )

    def test_stk_01_apply_adjusts_stock_and_valuation(self):
        """STK-01, STK-13: applying moves stock to the counted quantities
        through inventory mode, valued at cost, with the session as reference;
        a found serial enters stock."""
        stocktake = self._started(self.shelf_a)
        kb_line = self._line(stocktake, self.keyboard, self.shelf_a)
        lost_serial = self._line(stocktake, self.ssd, self.shelf_a, self.serials[1])
        sheet = stocktake.sheet_ids
        self.env["dealer.stocktake.line"].with_user(sheet.counter_id).create(
            {
                "sheet_id": sheet.id,
                "product_id": self.ssd.id,
                "lot_id": self.serials[2].id,
                "draft_qty": 1,
            }
        )
        self._count_all(stocktake, {kb_line: 98, lost_serial: 0})
        # Serial differences are 100 %: recounted by the other counter.
        self._recount_all(stocktake)
        stocktake.with_user(self.manager).action_finish_counting()
        for line in stocktake.line_ids.filtered(
            lambda r: r.count_state == "to_classify"
        ):
            line.with_user(self.manager).reason_id = self.reason_natural
        self.assertEqual(stocktake.variance_value, -200)
        self.assertFalse(stocktake.approval_level, "decided at request or apply")
        self.assertEqual(stocktake.approval_level_expected, "none")
        stocktake.with_user(self.manager).action_apply()
        self.assertEqual(stocktake.state, "applied")
        self.assertEqual(stocktake.approval_level, "none")
        self.assertEqual(self._quantity(self.keyboard, self.shelf_a), 98)
        self.assertEqual(self._quantity(self.ssd, self.shelf_a, self.serials[1]), 0)
        self.assertEqual(self._quantity(self.ssd, self.shelf_a, self.serials[2]), 1)
        moves = stocktake.move_ids
        self.assertEqual(len(moves), 3)
        self.assertTrue(all(move.is_inventory for move in moves))
        self.assertTrue(all(stocktake.name in move.reference for move in moves))
        layers = moves.stock_valuation_layer_ids
        self.assertAlmostEqual(sum(layers.mapped("value")), -200)
        kb_layer = layers.filtered(lambda layer: layer.product_id == self.keyboard)
        self.assertAlmostEqual(kb_layer.value, -200)
        self.assertAlmostEqual(kb_layer.quantity, -2)

    def test_stk_13_apply_accounts_for_moves_after_the_count(self):
        """STK-13: goods received after the count are not overwritten by the
        adjustment: the difference is added to today's quantity."""
        stocktake = self._counted({}, self.shelf_b)
        line = stocktake.line_ids
        self.assertEqual(line.variance_qty, 0)
        stocktake2 = stocktake  # no difference: nothing to apply
        self.env["stock.quant"]._update_available_quantity(
            self.keyboard, self.shelf_b, 5
        )
        stocktake2.with_user(self.manager).action_apply()
        self.assertEqual(self._quantity(self.keyboard, self.shelf_b), 15)
        # With a difference, the receipt after the count is kept.
        self.company.dealer_stocktake_tolerance_percent = 20
        other = self._started(self.shelf_b)
        line = other.line_ids
        self._count(line.sheet_id, {line: 14})
        other.with_user(self.manager).action_finish_counting()
        line.with_user(self.manager).reason_id = self.reason_natural
        self.env["stock.quant"]._update_available_quantity(
            self.keyboard, self.shelf_b, 10
        )
        other.with_user(self.manager).action_apply()
        self.assertEqual(self._quantity(self.keyboard, self.shelf_b), 24)

    def test_stk_13_apply_twice_is_refused(self):
        """STK-13: a stocktake is applied once."""
        stocktake = self._counted({}, self.shelf_b)
        stocktake.with_user(self.manager).action_apply()
        with self.assertRaisesRegex(UserError, "already been applied"):
            stocktake.with_user(self.manager).action_apply()

    def test_stk_13_failure_in_apply_leaves_nothing_applied(self):
        """STK-13: when apply fails half-way (here a count pending in Physical
        Inventory on the second quant), nothing is applied, even for a caller
        that catches the error and carries on."""
        stocktake = self._started(self.shelf_a | self.shelf_b)
        line_a = self._line(stocktake, self.keyboard, self.shelf_a)
        line_b = self._line(stocktake, self.keyboard, self.shelf_b)
        self._count_all(stocktake, {line_a: 99, line_b: 9})
        self._recount_all(stocktake)
        stocktake.with_user(self.manager).action_finish_counting()
        (line_a | line_b).with_user(self.manager).write(
            {"reason_id": self.reason_natural.id}
        )
        line_b.quant_id.with_context(inventory_mode=True).inventory_quantity = 3
        try:
            stocktake.with_user(self.manager).action_apply()
        except UserError as error:
            self.assertIn("Physical Inventory", str(error))
        else:
            self.fail("apply should have failed")
        self.assertEqual(stocktake.state, "counted")
        self.assertFalse(stocktake.move_ids)
        self.assertEqual(self._quantity(self.keyboard, self.shelf_a), 100)
        self.assertEqual(line_b.quant_id.inventory_quantity, 3)

    def test_stk_13_big_difference_needs_manager_then_administration(self):
        """STK-13: above the thresholds the adjustment needs the approval of a
        Warehouse Manager who neither counted nor requested it, then
        Administration's, each recorded with who, when and a comment, before
        it can be applied."""
        self.company.dealer_stocktake_admin_threshold = 5000.0
        stocktake = self._started(self.shelf_a)
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        self._count(
            line.sheet_id,
            {
                rec: (40 if rec == line else rec.book_qty)
                for rec in line.sheet_id.line_ids
            },
        )
        self._count(line.recount_sheet_id, {line: 40})
        stocktake.with_user(self.manager).action_finish_counting()
        line.with_user(self.manager).write(
            {
                "reason_id": self.reason_human.id,
                "responsible_user_id": self.counter.id,
                "accountability_note": "Pallet booked twice.",
            }
        )
        self.assertEqual(stocktake.variance_value_abs, 6000)
        self.assertEqual(stocktake.approval_level_expected, "admin")
        with self.assertRaisesRegex(UserError, "needs approval"):
            stocktake.with_user(self.manager).action_apply()
        stocktake.with_user(self.manager).request_validation()
        self.assertEqual(stocktake.approval_level, "admin")
        self.assertEqual(stocktake.approval_requested_by_id, self.manager)
        # Classification is locked while under approval.
        with self.assertRaisesRegex(UserError, "under approval"):
            line.with_user(self.manager).accountability_note = "changed"
        # Administration cannot approve before the Warehouse Manager.
        self.assertFalse(stocktake.with_user(self.admin_manager).can_review)
        # The requester does not approve their own request.
        with self.assertRaisesRegex(UserError, "STK-13"):
            stocktake.with_user(self.manager).validate_tier()
        self._approve(stocktake, self.manager2, "Counted twice, agreed.")
        self.assertTrue(stocktake.with_user(self.admin_manager).can_review)
        # Administration finds it under Stocktakes to Approve.
        to_approve = (
            self.env["dealer.stocktake"]
            .with_user(self.admin_manager)
            .search([("can_review", "=", True)])
        )
        self.assertEqual(to_approve, stocktake)
        with self.assertRaisesRegex(UserError, "needs approval"):
            stocktake.with_user(self.manager).action_apply()
        self._approve(stocktake, self.admin_manager, "Write-off approved.")
        self.assertEqual(stocktake.validation_status, "validated")
        reviews = stocktake.review_ids.sorted("sequence")
        self.assertEqual(reviews.mapped("done_by"), self.manager2 | self.admin_manager)
        self.assertEqual(
            reviews.mapped("comment"), ["Counted twice, agreed.", "Write-off approved."]
        )
        self.assertTrue(all(reviews.mapped("reviewed_date")))
        stocktake.with_user(self.manager).action_apply()
        self.assertEqual(self._quantity(self.keyboard, self.shelf_a), 40)

    def test_stk_13_small_difference_needs_manager_only(self):
        """STK-13: between the two thresholds only the Warehouse Manager
        approves."""
        stocktake = self._counted({}, self.shelf_b)
        self.assertEqual(stocktake.approval_level_expected, "none")
        self.company.dealer_stocktake_manager_threshold = 0
        other = self._started(self.shelf_a)
        line = self._line(other, self.keyboard, self.shelf_a)
        self._count_all(other, {line: 99})
        other.with_user(self.manager).action_finish_counting()
        line.with_user(self.manager).reason_id = self.reason_natural
        self.assertEqual(other.approval_level_expected, "manager")
        other.with_user(self.manager).request_validation()
        self.assertEqual(other.approval_level, "manager")
        self.assertEqual(len(other.review_ids), 1)
        self.assertEqual(
            other.review_ids.definition_id,
            self.env.ref(
                "dealer_stock_count.tier_definition_stocktake_warehouse_manager"
            ),
        )
