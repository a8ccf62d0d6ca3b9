# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Attacks on the stocktake's rules by every route a user has: the ORM as the
user (what the form, JSON-RPC and XML-RPC call), import (``load``), context
keys and deletes. Each refusal has a positive control."""

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install")
class TestStocktakeRoutes(DealerStockCountCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager3 = new_test_user(
            cls.env,
            login="st_manager3",
            groups="dealer_base.group_warehouse_manager",
        )
        cls.Quant = cls.env["stock.quant"]

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _kb_quant(self, location=None):
        return self.Quant.search(
            [
                ("product_id", "=", self.keyboard.id),
                ("location_id", "=", (location or self.shelf_a).id),
            ]
        )

    def _classified(self, quantities=None, **values):
        """A stocktake of shelf A, counted (keyboards 99 of 100 unless told),
        recounted where needed and every difference explained."""
        stocktake = self._started(self.shelf_a, **values)
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        self._count_all(stocktake, quantities or {line: 99})
        self._recount_all(stocktake)
        stocktake.with_user(self.manager).action_finish_counting()
        for rec in stocktake.line_ids.filtered(
            lambda r: r.count_state == "to_classify"
        ):
            rec.with_user(self.manager).reason_id = self.reason_natural
        return stocktake, line

    def _approve(self, stocktake, user, comment="Agreed."):
        action = stocktake.with_user(user).validate_tier()
        self.env["comment.wizard"].with_user(user).with_context(
            **action["context"]
        ).create({"comment": comment}).add_comment()

    def _quantity(self, location=None):
        return self.Quant._get_available_quantity(
            self.keyboard, location or self.shelf_a, strict=True, allow_negative=True
        )

    # ------------------------------------------------------------------
    # Lines (STK-13, STK-14)
    # ------------------------------------------------------------------
    def test_stk_14_context_key_no_longer_rewrites_lines(self):
        """STK-14: the old context key, or the guard's key sent as a string,
        no longer lets a counter point a line at another quant or product,
        or mark it counted without a count."""
        stocktake = self._started(self.shelf_b)
        line = stocktake.line_ids
        counter = line.sheet_id.counter_id
        other_quant = self._kb_quant(self.shelf_a)
        for context in (
            {"dealer_stocktake_register": True},
            {"dealer_governed": "server"},
        ):
            forged = line.with_user(counter).with_context(**context)
            for vals, rule in (
                ({"count_state": "ok"}, "STK-14"),
                ({"quant_id": other_quant.id}, "STK-13"),
                ({"product_id": self.ssd.id}, "STK-13"),
                ({"location_id": self.shelf_a.id}, "STK-13"),
                ({"draft_qty_set": True}, "STK-13"),
                ({"is_found": True}, "STK-13"),
            ):
                with self.subTest(context=context, vals=vals):
                    with self.assertRaisesRegex(UserError, rule):
                        forged.write(vals)
        self.assertEqual(line.count_state, "to_count")
        self.assertEqual(line.quant_id, self._kb_quant(self.shelf_b))
        # Positive control: the counter enters the count.
        line.with_user(counter).draft_qty = 10
        self.assertTrue(line.draft_qty_set)

    def test_stk_13_manager_cannot_rewrite_figures(self):
        """STK-13, STK-14: a Warehouse Manager, who reads book and variance
        figures, cannot write them nor the recount state."""
        stocktake = self._started(self.shelf_b)
        line = stocktake.line_ids
        self._count(line.sheet_id, {line: 6})
        self.assertEqual(line.count_state, "recount")
        as_manager = line.with_user(self.manager)
        for vals, rule in (
            ({"book_qty": 6}, "STK-13"),
            ({"counted_qty": 10}, "STK-13"),
            ({"variance_qty": 0}, "STK-13"),
            ({"variance_value": 0}, "STK-13"),
            ({"count_state": "to_classify"}, "STK-14"),
            ({"recount_required": False}, "STK-14"),
            ({"recount_sheet_id": False}, "STK-14"),
            ({"count_round": 2}, "STK-14"),
            ({"last_counter_id": self.manager3.id}, "STK-14"),
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, rule):
                as_manager.write(vals)
        # Positive control: the recount by the other counter settles it.
        self._recount_all(stocktake, {line: 6})
        self.assertEqual(line.count_state, "to_classify")
        self.assertEqual(
            line.count_ids.mapped("counter_id"), self.counter | self.counter2
        )

    def test_stk_14_sheet_commands_reach_the_guard(self):
        """STK-13, STK-14: writing lines through their count sheet is the same
        route: refused for governed fields, open for the count."""
        stocktake = self._started(self.shelf_b)
        sheet = stocktake.sheet_ids
        line = sheet.line_ids
        as_counter = sheet.with_user(sheet.counter_id)
        with self.assertRaisesRegex(UserError, "STK-14"):
            as_counter.write(
                {"line_ids": [Command.update(line.id, {"count_state": "ok"})]}
            )
        for vals, rule in (
            ({"state": "done"}, "STK-13"),
            ({"round": "recount"}, "STK-14"),
            ({"location_id": self.shelf_a.id}, "STK-13"),
            ({"submitted_by_id": self.counter2.id}, "STK-13"),
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, rule):
                sheet.with_user(self.manager).write(vals)
        with self.assertRaisesRegex(UserError, "STK-13"):
            self.env["dealer.stocktake.sheet"].with_user(self.manager).create(
                {"stocktake_id": stocktake.id, "location_id": self.shelf_b.id}
            )
        as_counter.write({"line_ids": [Command.update(line.id, {"draft_qty": 10})]})
        as_counter.action_submit()
        self.assertEqual(sheet.state, "done")
        self.assertEqual(line.count_state, "ok")
        # Who a submitted sheet was assigned to stays as it was.
        with self.assertRaisesRegex(UserError, "STK-13"):
            sheet.with_user(self.manager).counter_id = (
                self.counter | self.counter2
            ) - sheet.counter_id

    def test_stk_13_found_line_takes_nothing_but_what_was_found(self):
        """STK-13: a counter adding a found item cannot give it a quant, a
        state or another stocktake; the found item itself is accepted."""
        stocktake = self._started(self.shelf_a)
        other = self._started(self.shelf_b)
        sheet = stocktake.sheet_ids
        Line = self.env["dealer.stocktake.line"].with_user(sheet.counter_id)
        found = {
            "sheet_id": sheet.id,
            "product_id": self.ssd.id,
            "lot_id": self.serials[2].id,
            "draft_qty": 1,
        }
        for extra, rule in (
            ({"quant_id": self._kb_quant().id}, "STK-13"),
            ({"count_state": "ok"}, "STK-14"),
            ({"stocktake_id": other.id}, "STK-13"),
            ({"held_apart": True}, "STK-13"),
        ):
            with self.subTest(extra=extra), self.assertRaisesRegex(UserError, rule):
                Line.create(dict(found, **extra))
        line = Line.create(found)
        self.assertTrue(line.is_found)
        self.assertEqual(line.stocktake_id, stocktake)
        self.assertFalse(line.quant_id)

    def test_stk_14_import_of_lines(self):
        """STK-14: importing lines (load, what the import screen calls) cannot
        set their count state; importing counted quantities works."""
        stocktake = self._started(self.shelf_b)
        line = stocktake.line_ids
        Line = self.env["dealer.stocktake.line"]
        result = Line.with_user(self.manager).load(
            [".id", "count_state"], [[str(line.id), "ok"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn("STK-14", result["messages"][0]["message"])
        result = Line.with_user(line.sheet_id.counter_id).load(
            [".id", "draft_qty"], [[str(line.id), "nan"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn("Counted", result["messages"][0]["message"])
        result = Line.with_user(line.sheet_id.counter_id).load(
            [".id", "draft_qty"], [[str(line.id), "10"]]
        )
        self.assertEqual(result["ids"], line.ids, result["messages"])
        self.assertTrue(line.draft_qty_set)

    # ------------------------------------------------------------------
    # Stocktake (STK-13)
    # ------------------------------------------------------------------
    def test_stk_13_stocktake_state_and_figures_are_governed(self):
        """STK-13: a Warehouse Manager cannot move a stocktake on, or set its
        figures and approval, by writing, creating or importing them."""
        stocktake, __ = self._classified()
        as_manager = stocktake.with_user(self.manager)
        for vals in (
            {"state": "applied"},
            {"date_applied": fields.Datetime.now()},
            {"applied_by_id": self.manager2.id},
            {"snapshot_date": False},
            {"variance_value": 0},
            {"variance_value_abs": 0},
            {"approval_level": "none"},
            {"approval_requested_by_id": self.manager2.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "STK-13"):
                as_manager.write(vals)
        Stocktake = self.env["dealer.stocktake"].with_user(self.manager)
        with self.assertRaisesRegex(UserError, "STK-13"):
            Stocktake.create(
                {
                    "warehouse_id": self.warehouse.id,
                    "deadline": "2026-12-31",
                    "state": "applied",
                }
            )
        result = Stocktake.load([".id", "state"], [[str(stocktake.id), "applied"]])
        self.assertFalse(result["ids"])
        self.assertIn("STK-13", result["messages"][0]["message"])
        self.assertEqual(stocktake.state, "counted")
        # Positive control: the action applies it.
        as_manager.action_apply()
        self.assertEqual(stocktake.state, "applied")
        self.assertEqual(self._quantity(), 99)

    def test_stk_13_scope_and_deadline_are_kept(self):
        """STK-11, STK-13: once counting starts the scope, kind, period and
        blind counting are fixed; once counted, the deadline too."""
        stocktake = self._started(self.shelf_b)
        as_manager = stocktake.with_user(self.manager)
        for vals in (
            {"blind": False},
            {"kind": "monthly"},
            {"period_start": "2026-01-01"},
            {"location_ids": [Command.link(self.shelf_a.id)]},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "STK-13"):
                as_manager.write(vals)
        as_manager.deadline = "2027-01-15"
        self._count_all(stocktake, {})
        as_manager.action_finish_counting()
        with self.assertRaisesRegex(UserError, "STK-11"):
            as_manager.deadline = "2027-02-15"
        as_manager.note = "<p>Counted in one go.</p>"

    def test_stk_13_kept_records_are_not_deleted(self):
        """STK-13: a cancelled stocktake keeps its counts: neither it, nor its
        sheets, lines or counts are deleted, even as superuser; a plan never
        started may be deleted."""
        stocktake = self._started(self.shelf_b)
        self._count_all(stocktake, {})
        stocktake.with_user(self.manager).action_cancel()
        self.assertEqual(stocktake.state, "cancel")
        with self.assertRaisesRegex(UserError, "STK-13"):
            stocktake.with_user(self.manager).unlink()
        for records in (
            stocktake,
            stocktake.sheet_ids,
            stocktake.line_ids,
            stocktake.line_ids.count_ids,
        ):
            with (
                self.subTest(model=records._name),
                self.assertRaisesRegex(UserError, "STK-13"),
            ):
                records.sudo().unlink()
        self.assertTrue(stocktake.line_ids.count_ids.exists())
        plan = self._stocktake(self.shelf_b)
        plan.with_user(self.manager).unlink()
        self.assertFalse(plan.exists())

    # ------------------------------------------------------------------
    # Approval (STK-13, issue 16)
    # ------------------------------------------------------------------
    def test_stk_14_approval_needs_every_cause(self):
        """STK-14: approval is requested only when every difference has its
        cause; the refusal names the lines."""
        self.company.dealer_stocktake_manager_threshold = 0
        stocktake = self._started(self.shelf_a)
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        self._count_all(stocktake, {line: 99})
        stocktake.with_user(self.manager).action_finish_counting()
        self.assertTrue(stocktake.need_validation)
        with self.assertRaisesRegex(UserError, "STK-14") as refusal:
            stocktake.with_user(self.manager).request_validation()
        self.assertIn(line.display_name, str(refusal.exception))
        self.assertFalse(stocktake.review_ids)
        with self.assertRaises(AccessError):
            stocktake.with_user(self.counter).request_validation()
        line.with_user(self.manager).reason_id = self.reason_natural
        stocktake.with_user(self.manager).request_validation()
        self.assertEqual(len(stocktake.review_ids), 1)
        # Classification is locked from the request on.
        with self.assertRaisesRegex(UserError, "under approval"):
            line.with_user(self.manager).reason_id = self.reason_human

    def test_stk_13_approver_neither_counted_nor_requested(self):
        """STK-13: neither the requester nor a Warehouse Manager who counted
        approves or rejects, by the button, the comment wizard or a forged
        review; another Warehouse Manager does, and apply checks it."""
        self.company.dealer_stocktake_manager_threshold = 0
        stocktake, __ = self._classified(
            counter_ids=[Command.set([self.counter.id, self.manager2.id])]
        )
        stocktake.with_user(self.manager).request_validation()
        self.assertEqual(stocktake.approval_requested_by_id, self.manager)
        review = stocktake.review_ids
        for user in (self.manager, self.manager2):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "STK-13"):
                    stocktake.with_user(user).validate_tier()
                with self.assertRaisesRegex(UserError, "STK-13"):
                    stocktake.with_user(user).reject_tier()
                with self.assertRaisesRegex(UserError, "STK-13"):
                    self.env["comment.wizard"].with_user(user).create(
                        {
                            "res_model": stocktake._name,
                            "res_id": stocktake.id,
                            "review_ids": [Command.set(review.ids)],
                            "validate_reject": "validate",
                            "comment": "self-approved",
                        }
                    ).add_comment()
        # A forged review: written, created or deleted by the requester. This
        # addon refuses it; dealer_approval, when installed, refuses it first.
        as_requester = review.with_user(self.manager)
        with self.assertRaises(UserError):
            as_requester.write(
                {
                    "status": "approved",
                    "done_by": self.manager3.id,
                    "reviewed_date": fields.Datetime.now(),
                }
            )
        with self.assertRaises(UserError):
            as_requester.unlink()
        with self.assertRaises(UserError):
            self.env["tier.review"].with_user(self.manager).create(
                {
                    "model": stocktake._name,
                    "res_id": stocktake.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                    "done_by": self.manager3.id,
                }
            )
        self.assertEqual(stocktake.review_ids, review)
        self.assertEqual(review.status, "pending")
        self.assertFalse(review.done_by)
        with self.assertRaisesRegex(UserError, "needs approval"):
            stocktake.with_user(self.manager).action_apply()
        # Positive control: a Warehouse Manager who took no part approves.
        self._approve(stocktake, self.manager3, "Checked the shelf myself.")
        self.assertEqual(review.status, "approved")
        self.assertEqual(review.done_by, self.manager3)
        self.assertEqual(review.comment, "Checked the shelf myself.")
        stocktake.with_user(self.manager).action_apply()
        self.assertEqual(self._quantity(), 99)

    def test_stk_13_level_decided_at_request_and_kept(self):
        """STK-13: the approval level is decided when approval is requested,
        from the figures and thresholds then, and kept: neither Settings nor
        a write (here to "none") changes it."""
        self.company.dealer_stocktake_manager_threshold = 0
        stocktake, __ = self._classified()
        self.assertFalse(stocktake.approval_level)
        self.assertEqual(stocktake.approval_level_expected, "manager")
        stocktake.with_user(self.manager).request_validation()
        self.assertEqual(stocktake.approval_level, "manager")
        self.company.write(
            {
                "dealer_stocktake_manager_threshold": 100000,
                "dealer_stocktake_admin_threshold": 200000,
            }
        )
        self.env.flush_all()
        stocktake.invalidate_recordset()
        self.assertEqual(stocktake.approval_level, "manager")
        with self.assertRaisesRegex(UserError, "STK-13"):
            stocktake.with_user(self.manager).approval_level = "none"
        result = (
            self.env["dealer.stocktake"]
            .with_user(self.manager)
            .load([".id", "approval_level"], [[str(stocktake.id), "none"]])
        )
        self.assertIn("STK-13", result["messages"][0]["message"])
        with self.assertRaisesRegex(UserError, "needs approval"):
            stocktake.with_user(self.manager).action_apply()
        self._approve(stocktake, self.manager2)
        stocktake.with_user(self.manager).action_apply()
        self.assertEqual(stocktake.state, "applied")

    def test_stk_13_settings_never_recompute_applied_stocktakes(self):
        """STK-13: saving Settings leaves an applied stocktake as it was."""
        stocktake, __ = self._classified()
        stocktake.with_user(self.manager).action_apply()
        self.env.flush_all()
        before = stocktake.read(
            [
                "approval_level",
                "variance_value",
                "variance_value_abs",
                "blind",
                "deadline",
                "write_date",
            ]
        )[0]
        settings = self.env["res.config.settings"].create(
            {
                "dealer_stocktake_manager_threshold": 0,
                "dealer_stocktake_admin_threshold": 0,
                "dealer_stocktake_blind": False,
                "dealer_stocktake_tolerance_percent": 50,
            }
        )
        settings.execute()
        self.env.flush_all()
        stocktake.invalidate_recordset()
        after = stocktake.read(list(before))[0]
        self.assertEqual(after, before)
        self.assertEqual(stocktake.approval_level, "none")

    def test_stk_13_skip_validation_check_is_not_for_callers(self):
        """STK-13: base_tier_validation's skip_validation_check context key
        does not let a caller write a stocktake under approval."""
        self.company.dealer_stocktake_manager_threshold = 0
        stocktake, __ = self._classified()
        stocktake.with_user(self.manager).request_validation()
        forged = stocktake.with_user(self.manager).with_context(
            skip_validation_check=True
        )
        with self.assertRaises(ValidationError):
            forged.write({"responsible_id": self.manager2.id})
        self.assertEqual(stocktake.responsible_id, self.manager)

    # ------------------------------------------------------------------
    # Stock adjusted only through stocktakes (STK-13)
    # ------------------------------------------------------------------
    def test_stk_13_physical_inventory_refused_for_managers(self):
        """STK-13: an Inventory manager cannot count, apply, or write stock
        with core's Physical Inventory in a company that adjusts stock only
        through stocktakes; once the company allows it, they can."""
        self.assertTrue(self.manager.has_group("stock.group_stock_manager"))
        quant = self._kb_quant()
        as_manager = quant.with_user(self.manager).with_context(inventory_mode=True)
        Quant = self.Quant.with_user(self.manager).with_context(inventory_mode=True)
        with self.assertRaisesRegex(UserError, "STK-13"):
            as_manager.inventory_quantity = 120
        with self.assertRaisesRegex(UserError, "STK-13"):
            as_manager.inventory_quantity_auto_apply = 120
        with self.assertRaisesRegex(UserError, "STK-13"):
            as_manager.write({"quantity": 120})
        with self.assertRaisesRegex(UserError, "STK-13"):
            Quant.create(
                {
                    "product_id": self.keyboard.id,
                    "location_id": self.shelf_b.id,
                    "inventory_quantity": 50,
                }
            )
        with self.assertRaisesRegex(UserError, "STK-13"):
            Quant.create(
                {
                    "product_id": self.keyboard.id,
                    "location_id": self.shelf_b.id,
                    "quantity": 50,
                }
            )
        # A count left pending (by a data migration, say) is not applied
        # either, but may be cleared.
        quant.inventory_quantity = 120
        with self.assertRaisesRegex(UserError, "STK-13"):
            as_manager.action_apply_inventory()
        as_manager.action_clear_inventory_quantity()
        self.assertFalse(quant.inventory_quantity_set)
        self.assertEqual(self._quantity(), 100)
        # Positive control: the company allows Physical Inventory.
        self.company.dealer_stocktake_allow_inventory_adjustment = True
        as_manager.inventory_quantity = 97
        as_manager.action_apply_inventory()
        self.assertEqual(self._quantity(), 97)

    def test_stk_13_policy_off_physical_inventory_as_in_core(self):
        """Issue 18: in a company that does not run by the manual, core's
        Physical Inventory counts and applies as in core, for an Inventory
        manager; no stocktake is scheduled for its warehouses."""
        self.company.dealer_policy_manual = False
        quant = self._kb_quant()
        as_manager = quant.with_user(self.manager).with_context(inventory_mode=True)
        as_manager.inventory_quantity = 96
        as_manager.action_apply_inventory()
        self.assertEqual(self._quantity(), 96)
        self.warehouse.dealer_stocktake_scheduled = True
        created = self.env["dealer.stocktake"]._cron_schedule()
        self.assertNotIn(self.warehouse, created.warehouse_id)

    def test_stk_13_no_stock_from_the_adjustment_location(self):
        """STK-13: stock does not enter from the inventory-adjustment location
        by a plain move either; scrapping stays open."""
        loss = self.keyboard.with_company(self.company).property_stock_inventory
        move = (
            self.env["stock.move"]
            .with_user(self.manager)
            .create(
                {
                    "name": "stock from nowhere",
                    "product_id": self.keyboard.id,
                    "product_uom_qty": 5,
                    "product_uom": self.keyboard.uom_id.id,
                    "location_id": loss.id,
                    "location_dest_id": self.shelf_a.id,
                }
            )
        )
        move._action_confirm()
        move.quantity = 5
        move.picked = True
        with self.assertRaisesRegex(UserError, "STK-13"):
            move._action_done()
        self.assertEqual(self._quantity(), 100)
        scrap = (
            self.env["stock.scrap"]
            .with_user(self.manager)
            .create(
                {
                    "product_id": self.keyboard.id,
                    "scrap_qty": 1,
                    "location_id": self.shelf_a.id,
                }
            )
        )
        scrap.action_validate()
        self.assertEqual(self._quantity(), 99)

    def test_stk_13_context_key_does_not_attach_moves(self):
        """STK-13: the old dealer_stocktake_id key no longer attaches core
        adjustment moves to a stocktake; its own apply does."""
        stocktake, __ = self._classified()
        self.company.dealer_stocktake_allow_inventory_adjustment = True
        quant = self._kb_quant(self.shelf_b)
        quant.with_user(self.manager).with_context(
            inventory_mode=True, dealer_stocktake_id=stocktake.id
        ).inventory_quantity = 8
        quant.with_user(self.manager).with_context(
            inventory_mode=True, dealer_stocktake_id=stocktake.id
        ).action_apply_inventory()
        self.assertFalse(stocktake.move_ids)
        self.company.dealer_stocktake_allow_inventory_adjustment = False
        stocktake.with_user(self.manager).action_apply()
        self.assertEqual(len(stocktake.move_ids), 1)
        self.assertEqual(stocktake.move_ids.location_id, self.shelf_a)
        with self.assertRaisesRegex(UserError, "STK-13"):
            stocktake.move_ids.with_user(self.manager).dealer_stocktake_id = False

    def test_stk_13_apply_touches_only_its_scope(self):
        """STK-13: a line that points outside the stocktake's locations (which
        no user route can do any more) is refused at apply, and nothing is
        applied."""
        stocktake, line = self._classified()
        # sudo: simulate a line corrupted outside the application.
        line.sudo().write({"quant_id": self._kb_quant(self.shelf_b).id})
        with self.assertRaisesRegex(UserError, "outside the scope"):
            stocktake.with_user(self.manager).action_apply()
        self.assertEqual(stocktake.state, "counted")
        self.assertEqual(self._quantity(self.shelf_b), 10)
        self.assertEqual(self._quantity(), 100)

    # ------------------------------------------------------------------
    # Bad input and companies
    # ------------------------------------------------------------------
    def test_stk_13_bad_numbers_and_dates(self):
        """STK-11, STK-13: NaN, infinity and negative counts, NaN thresholds,
        a deadline before the period and locations of another warehouse are
        refused with the field named."""
        stocktake = self._started(self.shelf_b)
        line = stocktake.line_ids
        as_counter = line.with_user(line.sheet_id.counter_id)
        # write(), as JSON-RPC and XML-RPC call it (both carry NaN).
        for value in (float("nan"), float("inf"), -1):
            with (
                self.subTest(value=value),
                self.assertRaisesRegex(ValidationError, "Counted"),
                mute_logger("odoo.sql_db"),
            ):
                as_counter.write({"draft_qty": value})
        self.env.invalidate_all(flush=False)
        with self.assertRaisesRegex(ValidationError, "STK-13"):
            self.env["dealer.stocktake.line"].with_user(
                line.sheet_id.counter_id
            ).create(
                {
                    "sheet_id": line.sheet_id.id,
                    "product_id": self.ssd.id,
                    "lot_id": self.serials[2].id,
                    "draft_qty": -1,
                }
            )
        with self.assertRaisesRegex(ValidationError, "STK-13"):
            self.company.dealer_stocktake_manager_threshold = float("nan")
        with self.assertRaisesRegex(ValidationError, "STK-11"):
            self._stocktake(period_start="2026-12-01", deadline="2026-11-30")
        other_wh = self.env["stock.warehouse"].create({"name": "Other", "code": "OWH"})
        with self.assertRaisesRegex(ValidationError, "STK-13"):
            self._stocktake(other_wh.lot_stock_id)
        as_counter.draft_qty = 10
        self.assertEqual(line.draft_qty, 10)

    def test_stk_13_company_consistency(self):
        """STK-13: a stocktake, its lines and their causes stay in one
        company."""
        other = self.env["res.company"].create({"name": "Other Count Co"})
        reason = self.env["dealer.stocktake.reason"].create(
            {"name": "Other loss", "code": "other_loss", "company_id": other.id}
        )
        self.manager.company_ids |= other
        stocktake, line = self._classified()
        with self.assertRaises(UserError):
            line.with_user(self.manager).reason_id = reason
        self.assertEqual(line.reason_id, self.reason_natural)
        other_wh = self.env["stock.warehouse"].search(
            [("company_id", "=", other.id)], limit=1
        )
        with self.assertRaises(UserError):
            self._stocktake(other_wh.lot_stock_id)

    # ------------------------------------------------------------------
    # Blind count sheets (STK-13): where they hold
    # ------------------------------------------------------------------
    def test_stk_13_blind_on_every_route_of_the_stocktake(self):
        """STK-13: a counter gets no book or variance figure of the stocktake
        by reading, exporting or grouping its lines."""
        export = self.env.ref("base.group_allow_export")
        (self.counter | self.manager).groups_id = [Command.link(export.id)]
        stocktake = self._started(self.shelf_b)
        Line = self.env["dealer.stocktake.line"].with_user(self.counter)
        lines = Line.search([("stocktake_id", "=", stocktake.id)])
        self.assertTrue(lines)
        with self.assertRaises(AccessError):
            lines.export_data(["book_qty"])
        with self.assertRaises(AccessError):
            Line.read_group(
                [("stocktake_id", "=", stocktake.id)],
                ["book_qty:sum"],
                ["product_id"],
            )
        with self.assertRaises(AccessError):
            stocktake.with_user(self.counter).read(["variance_value_abs"])
        self.assertEqual(lines.read(["book_qty_shown"])[0]["book_qty_shown"], 0)
        exported = lines.with_user(self.manager).export_data(["book_qty"])
        self.assertEqual(exported["datas"][0][0], 10)
