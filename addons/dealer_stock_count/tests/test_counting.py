# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install")
class TestStocktakeCounting(DealerStockCountCommon):
    def test_stk_13_snapshot_freezes_every_quant_in_scope(self):
        """STK-13: starting freezes the book quantity of each quant of the
        scope, one sheet per location; inspection-zone stock is held apart."""
        stocktake = self._started()
        self.assertEqual(stocktake.state, "counting")
        self.assertEqual(len(stocktake.line_ids), 5)
        self.assertEqual(
            stocktake.sheet_ids.location_id, self.shelf_a | self.shelf_b | self.pending
        )
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        self.assertEqual(line.book_qty, 100)
        self.assertTrue(self._line(stocktake, self.keyboard, self.pending).held_apart)
        self.assertFalse(line.held_apart)
        # Scope by category and high value.
        other = self._stocktake(self.shelf_b, high_value_only=True)
        other.with_user(self.manager).action_start()
        self.assertFalse(other.line_ids)

    def test_stk_13_empty_location_sheet_is_submitted(self):
        """STK-13: a location with no book stock still gets a sheet, which its
        counter submits empty when nothing is found there."""
        empty = self.env["stock.location"].create(
            {"name": "Shelf Z", "location_id": self.stock.id, "usage": "internal"}
        )
        stocktake = self._started(empty | self.shelf_b)
        sheet = stocktake.sheet_ids.filtered(lambda s: s.location_id == empty)
        self.assertFalse(sheet.line_ids)
        sheet.with_user(sheet.counter_id).action_submit()
        self.assertEqual(sheet.state, "done")

    def test_stk_13_counters_count_blind(self):
        """STK-13: a counter cannot read book or variance figures by any
        route; the manager can."""
        stocktake = self._started()
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        as_counter = line.with_user(self.counter)
        with self.assertRaises(AccessError):
            as_counter.read(["book_qty"])
        with self.assertRaises(AccessError):
            self.env["dealer.stocktake.line"].with_user(self.counter).search_read(
                [("id", "=", line.id)], ["variance_qty"]
            )
        self.assertEqual(as_counter.read(["book_qty_shown"])[0]["book_qty_shown"], 0)
        self.assertEqual(
            line.with_user(self.manager).read(["book_qty"])[0]["book_qty"], 100
        )
        # Not blind: the counter sees the book quantity through the window field.
        stocktake.blind = False
        line.invalidate_recordset()
        self.assertEqual(as_counter.read(["book_qty_shown"])[0]["book_qty_shown"], 100)
        with self.assertRaises(AccessError):
            as_counter.read(["book_qty"])

    def test_stk_13_counter_sees_only_own_counts(self):
        """STK-13: the second counter of a recount cannot read the first count."""
        stocktake = self._started(self.shelf_b)
        line = stocktake.line_ids
        self._count(line.sheet_id, {line: 5}, user=self.counter)
        self.assertEqual(
            self.env["dealer.stocktake.count"]
            .with_user(self.counter2)
            .search([("line_id", "=", line.id)]),
            self.env["dealer.stocktake.count"],
        )
        self.assertEqual(
            len(
                self.env["dealer.stocktake.count"]
                .with_user(self.counter)
                .search([("line_id", "=", line.id)])
            ),
            1,
        )

    def test_stk_13_submitted_sheet_shows_the_counted_quantities(self):
        """STK-13: a submitted sheet shows its counter and the manager what was
        counted on it (not 0.00); blind counting hides the book quantities,
        not the counts. The recount counter sees their recount, never the
        first count (STK-14)."""
        stocktake = self._started(self.shelf_b)
        line = stocktake.line_ids
        sheet = line.sheet_id
        self._count(sheet, {line: 6}, user=self.counter)
        self.assertEqual(sheet.state, "done")
        for user in (self.counter, self.manager):
            with self.subTest(user=user.login):
                as_user = line.with_user(user)
                as_user.invalidate_recordset()
                self.assertEqual(
                    as_user.read(["sheet_counted_qty"])[0]["sheet_counted_qty"], 6
                )
        # The sheet's form, as the web client reads it.
        lines = sheet.with_user(self.counter).web_read(
            {"line_ids": {"fields": {"sheet_counted_qty": {}, "draft_qty": {}}}}
        )[0]["line_ids"]
        self.assertEqual(lines[0]["sheet_counted_qty"], 6)
        with self.assertRaises(AccessError):
            line.with_user(self.counter).read(["book_qty"])
        recount = line.recount_sheet_id
        self._count(recount, {line: 7}, user=self.counter2)
        as_second = line.with_user(self.counter2)
        self.assertEqual(as_second.recount_counted_qty, 7)
        self.assertEqual(as_second.sheet_counted_qty, 0, "the first count stays hidden")
        line.invalidate_recordset()
        self.assertEqual(line.with_user(self.manager).sheet_counted_qty, 6)
        self.assertEqual(line.with_user(self.manager).recount_counted_qty, 7)

    def test_stk_14_difference_beyond_tolerance_needs_recount_by_another(self):
        """STK-14: a difference beyond the tolerance goes to a recount sheet
        for another counter; the first counter may not recount; both counts
        are kept; only then can the line be classified."""
        stocktake = self._started(self.shelf_b)
        line = stocktake.line_ids
        sheet = line.sheet_id
        self._count(sheet, {line: 6}, user=self.counter)
        self.assertEqual(line.count_state, "recount")
        self.assertEqual(line.variance_qty, -4)
        recount = line.recount_sheet_id
        self.assertEqual(recount.round, "recount")
        self.assertEqual(recount.counter_id, self.counter2)
        with self.assertRaisesRegex(ValidationError, "STK-14"):
            line.with_user(self.manager).reason_id = self.reason_natural
        # The first counter cannot do the recount, even when assigned to it.
        recount.counter_id = self.counter
        line.with_user(self.counter).draft_qty = 6
        with self.assertRaisesRegex(UserError, "STK-14"):
            recount.with_user(self.counter).action_submit()
        recount.counter_id = self.counter2
        self._count(recount, {line: 7}, user=self.counter2)
        self.assertEqual(line.count_ids.mapped("quantity"), [6, 7])
        self.assertEqual(line.counted_qty, 7)
        self.assertEqual(line.variance_qty, -3)
        self.assertEqual(line.count_state, "to_classify")
        line.with_user(self.manager).reason_id = self.reason_natural
        self.assertEqual(line.count_state, "classified")
        # Who gave which cause is in the stocktake's chatter.
        message = stocktake.message_ids[0]
        self.assertEqual(message.author_id, self.manager.partner_id)
        self.assertIn(self.reason_natural.name, message.body)

    def test_stk_14_small_difference_needs_no_recount(self):
        """STK-14: within both tolerances a difference is classified directly."""
        stocktake = self._started(
            self.shelf_a,
        )
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        self._count_all(stocktake, {line: 98})
        self.assertEqual(line.count_state, "to_classify")
        self.assertFalse(line.recount_sheet_id)
        self.assertEqual(line.variance_value, -200)

    def test_stk_15_human_error_names_the_responsible(self):
        """STK-15: a human-error difference is complete only with the person
        responsible and an accountability note; apply refuses it before."""
        stocktake = self._started(self.shelf_a)
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        self._count_all(stocktake, {line: 99})
        stocktake.with_user(self.manager).action_finish_counting()
        line.with_user(self.manager).reason_id = self.reason_human
        self.assertEqual(line.count_state, "to_classify")
        with self.assertRaisesRegex(ValidationError, "STK-14"):
            stocktake.with_user(self.manager).action_apply()
        line.with_user(self.manager).write(
            {
                "responsible_user_id": self.counter.id,
                "accountability_note": "Shipped one without scanning it.",
            }
        )
        self.assertEqual(line.count_state, "classified")

    def test_stk_14_counters_do_not_classify(self):
        """STK-14: only a Warehouse Manager explains differences."""
        stocktake = self._started(self.shelf_a)
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        self._count_all(stocktake, {line: 99})
        with self.assertRaises(AccessError):
            line.with_user(self.counter).write({"reason_id": self.reason_natural.id})

    def test_stk_13_moves_during_the_count_are_not_differences(self):
        """STK-13: goods issued between the snapshot and the count lower the
        expected quantity, so a correct count shows no difference."""
        stocktake = self._started(self.shelf_a)
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        customer = self.env.ref("stock.stock_location_customers")
        move = self.env["stock.move"].create(
            {
                "name": "sold during count",
                "product_id": self.keyboard.id,
                "product_uom_qty": 3,
                "product_uom": self.keyboard.uom_id.id,
                "location_id": self.shelf_a.id,
                "location_dest_id": customer.id,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.move_line_ids.quantity = 3
        move.picked = True
        move._action_done()
        self._count_all(stocktake, {line: 97})
        self.assertEqual(line.moved_qty, -3)
        self.assertEqual(line.expected_qty, 97)
        self.assertEqual(line.variance_qty, 0)
        self.assertEqual(line.count_state, "ok")

    def test_stk_13_refusals(self):
        """STK-13: negative counts, a serial counted twice, duplicate lines,
        an incomplete sheet and changing a submitted count are all refused."""
        stocktake = self._started(self.shelf_a)
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        serial_line = self._line(stocktake, self.ssd, self.shelf_a, self.serials[0])
        sheet = line.sheet_id
        with (
            self.assertRaisesRegex(ValidationError, "negative"),
            mute_logger("odoo.sql_db"),
        ):
            line.with_user(self.counter).draft_qty = -1
        with self.assertRaisesRegex(ValidationError, "0 or 1"):
            serial_line.with_user(sheet.counter_id).draft_qty = 2
        with self.assertRaisesRegex(ValidationError, "already on this stocktake"):
            self.env["dealer.stocktake.line"].with_user(sheet.counter_id).create(
                {"sheet_id": sheet.id, "product_id": self.keyboard.id, "draft_qty": 1}
            )
        self.env.invalidate_all(flush=False)  # forget the refused values
        line.with_user(sheet.counter_id).draft_qty = 100
        with self.assertRaisesRegex(UserError, "every line"):
            sheet.with_user(sheet.counter_id).action_submit()
        self._count_all(stocktake, {line: 100})
        with self.assertRaisesRegex(UserError, "submitted"):
            line.with_user(sheet.counter_id).draft_qty = 90
        with self.assertRaisesRegex(UserError, "already been submitted"):
            sheet.with_user(sheet.counter_id).action_submit()
        count = line.count_ids
        with self.assertRaises(UserError):
            count.with_user(self.manager).write({"quantity": 5})
        with self.assertRaises(AccessError):
            count.with_user(self.manager).unlink()
        self.assertEqual(count.quantity, 100)

    def test_stk_13_found_serial_becomes_a_found_line(self):
        """STK-13: a serial on the shelf without a book quant is added as a
        found line; a tracked product without its serial is refused."""
        stocktake = self._started(self.shelf_a)
        sheet = stocktake.sheet_ids
        Line = self.env["dealer.stocktake.line"].with_user(sheet.counter_id)
        with self.assertRaisesRegex(ValidationError, "tracked"):
            Line.create(
                {"sheet_id": sheet.id, "product_id": self.ssd.id, "draft_qty": 1}
            )
        found = Line.create(
            {
                "sheet_id": sheet.id,
                "product_id": self.ssd.id,
                "lot_id": self.serials[2].id,
                "draft_qty": 1,
            }
        )
        self.assertTrue(found.is_found)
        self.assertEqual(found.location_id, self.shelf_a)
        self.assertEqual(found.sudo().book_qty, 0)

    def test_stk_13_found_serial_booked_elsewhere(self):
        """STK-13: a serial found here but booked in a location this stocktake
        does not count is refused with where the books have it; booked in a
        location it does count, it is accepted (the two lines move it)."""
        stocktake = self._started(self.shelf_b)
        sheet = stocktake.sheet_ids
        Line = self.env["dealer.stocktake.line"].with_user(sheet.counter_id)
        with self.assertRaisesRegex(ValidationError, "Shelf A"):
            Line.create(
                {
                    "sheet_id": sheet.id,
                    "product_id": self.ssd.id,
                    "lot_id": self.serials[0].id,
                    "draft_qty": 1,
                }
            )
        both = self._started(self.shelf_a | self.pending)
        pending_sheet = both.sheet_ids.filtered(lambda s: s.location_id == self.pending)
        found = (
            self.env["dealer.stocktake.line"]
            .with_user(pending_sheet.counter_id)
            .create(
                {
                    "sheet_id": pending_sheet.id,
                    "product_id": self.ssd.id,
                    "lot_id": self.serials[0].id,
                    "draft_qty": 1,
                }
            )
        )
        self.assertTrue(found.is_found)

    def test_stk_13_two_open_sessions_may_not_share_a_quant(self):
        """STK-13: a second session over the same quants cannot start."""
        self._started(self.shelf_a)
        second = self._stocktake(self.shelf_a | self.shelf_b)
        with self.assertRaisesRegex(UserError, "overlaps"):
            second.with_user(self.manager).action_start()
        self.assertEqual(second.state, "draft")

    def test_stk_13_import_counted_quantities_from_xlsx(self):
        """STK-13: the sheet's XLSX export, filled in, enters the counts."""
        import base64
        import io

        import openpyxl

        stocktake = self._started(self.shelf_b)
        sheet = stocktake.sheet_ids
        content, report_type = self.env["ir.actions.report"]._render(
            "dealer_stock_count.stocktake_sheet_xlsx", sheet.ids
        )
        self.assertEqual(report_type, "xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        worksheet = workbook.worksheets[0]
        self.assertEqual(worksheet.cell(2, 1).value, stocktake.line_ids.id)
        worksheet.cell(2, 7).value = 9
        out = io.BytesIO()
        workbook.save(out)
        wizard = (
            self.env["dealer.stocktake.import"]
            .with_user(sheet.counter_id)
            .create({"sheet_id": sheet.id, "file": base64.b64encode(out.getvalue())})
        )
        wizard.action_import()
        self.assertEqual(stocktake.line_ids.draft_qty, 9)
        self.assertTrue(stocktake.line_ids.draft_qty_set)
        worksheet.cell(2, 7).value = -2
        out = io.BytesIO()
        workbook.save(out)
        wizard.file = base64.b64encode(out.getvalue())
        with self.assertRaisesRegex(UserError, "negative"):
            wizard.action_import()
