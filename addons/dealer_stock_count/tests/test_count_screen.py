# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install")
class TestCountScreen(DealerStockCountCommon):
    """Issue 20: scans on the phone count screen (STK-13)."""

    def _sheet(self, stocktake, location):
        return stocktake.sheet_ids.filtered(lambda s: s.location_id == location)

    def test_stk_13_scan_is_saved_once_per_scan_id(self):
        """STK-13: each scan is saved at once; the same scan re-sent after a
        lost connection is not counted twice; the answer never shows a book
        quantity."""
        stocktake = self._started(self.shelf_a | self.shelf_b)
        sheet = self._sheet(stocktake, self.shelf_a).with_user(
            self._sheet(stocktake, self.shelf_a).counter_id
        )
        answer = sheet.dealer_scan("KB-1", "scan-1")
        self.assertTrue(answer["ask_quantity"])
        self.assertFalse(sheet.scan_ids)
        answer = sheet.dealer_scan("KB-1", "scan-1", quantity=40)
        self.assertEqual(answer["result"], "counted")
        self.assertEqual(answer["counted"], 40)
        self.assertNotIn("book", str(answer).lower())
        again = sheet.dealer_scan("KB-1", "scan-1", quantity=40)
        self.assertTrue(again["resent"])
        # The same scan ID on another sheet answers nothing of this one.
        other = self._sheet(stocktake, self.shelf_b)
        with self.assertRaisesRegex(UserError, "STK-13"):
            other.with_user(other.counter_id).dealer_scan("KB-1", "scan-1")
        sheet.dealer_scan("KB-1", "scan-2", quantity=2)
        line = self._line(stocktake, self.keyboard, self.shelf_a)
        self.assertEqual(line.draft_qty, 42)
        self.assertEqual(len(sheet.sudo().scan_ids), 2)
        self.assertEqual(answer["sheet"]["counted"], 1)
        self.assertEqual(answer["sheet"]["to_count"], 3)
        with self.assertRaises(ValidationError):
            sheet.dealer_scan("KB-1", "scan-3", quantity=0.005)
        with self.assertRaises(ValidationError):
            sheet.dealer_scan("KB-1", "scan-4", quantity=-1)

    def test_stk_13_serial_found_elsewhere_or_unknown_is_recorded(self):
        """STK-13: a serial the books do not place here is recorded as found;
        one on another sheet, or an unknown code, is kept as a scan for the
        reviewer, not dropped."""
        stocktake = self._started(self.shelf_a | self.shelf_b)
        sheet_b = self._sheet(stocktake, self.shelf_b)
        counter = sheet_b.counter_id
        sheet_b = sheet_b.with_user(counter)
        found = sheet_b.dealer_scan("SN-C2", "s-1")
        self.assertEqual(found["result"], "found")
        line = self._line(stocktake, self.ssd, self.shelf_b, self.serials[2])
        self.assertTrue(line.is_found)
        self.assertEqual(line.draft_qty, 1)
        # Booked on another counted shelf: found here, and said where.
        moved = sheet_b.dealer_scan("SN-C0", "s-2")
        self.assertEqual(moved["result"], "found")
        self.assertIn("Shelf A", moved["message"])
        # Booked where this stocktake does not count: kept as a scan.
        outside = self.env["stock.lot"].create(
            {"name": "SN-C9", "product_id": self.ssd.id}
        )
        self.env["stock.quant"]._update_available_quantity(
            self.ssd, self.pending, 1, lot_id=outside
        )
        elsewhere = sheet_b.dealer_scan("SN-C9", "s-5")
        self.assertEqual(elsewhere["result"], "elsewhere")
        self.assertIn("SN-C9", elsewhere["message"])
        unknown = sheet_b.dealer_scan("NO-SUCH-CODE", "s-3")
        self.assertEqual(unknown["result"], "unknown")
        scans = self.env["dealer.stocktake.scan"].search(
            [("sheet_id", "=", sheet_b.id)]
        )
        self.assertEqual(
            sorted(scans.mapped("result")), ["elsewhere", "found", "found", "unknown"]
        )
        duplicate = sheet_b.dealer_scan("SN-C2", "s-4")
        self.assertEqual(duplicate["result"], "duplicate")

    def test_stk_13_scan_refused_to_other_counters(self):
        """STK-13: only the sheet's counter (or a Warehouse Manager) scans on
        it; scans are never written directly; a submitted sheet takes no
        scan."""
        stocktake = self._started(self.shelf_a)
        sheet = stocktake.sheet_ids
        other = (self.counter | self.counter2) - sheet.counter_id
        with self.assertRaises(AccessError):
            sheet.with_user(other).dealer_scan("KB-1", "x-1", quantity=1)
        with self.assertRaises(AccessError):
            self.env["dealer.stocktake.scan"].with_user(sheet.counter_id).create(
                {
                    "uuid": "x-2",
                    "sheet_id": sheet.id,
                    "barcode": "KB-1",
                    "result": "counted",
                    "counter_id": sheet.counter_id.id,
                }
            )
        sheet.with_user(self.manager).dealer_scan("KB-1", "x-3", quantity=100)
        sheet.with_user(sheet.counter_id).dealer_scan_finish()
        self.assertEqual(sheet.state, "done")
        with self.assertRaises(UserError):
            sheet.with_user(sheet.counter_id).dealer_scan("KB-1", "x-4", quantity=1)

    def test_stk_13_manager_creates_the_serial_of_an_unknown_scan(self):
        """STK-13: an unknown code kept as a scan becomes, by the Warehouse
        Manager's one button, a serial of a known product, and the scan then
        counts on its sheet. A counter cannot; a known code is not
        re-created."""
        stocktake = self._started(self.shelf_a)
        sheet = stocktake.sheet_ids
        sheet.with_user(sheet.counter_id).dealer_scan("SN-NEW", "u-1")
        scan = sheet.sudo().scan_ids
        self.assertEqual(scan.result, "unknown")
        Wizard = self.env["dealer.scan.create.lot"]
        with self.assertRaises(AccessError):
            Wizard.with_user(sheet.counter_id).create(
                {"scan_id": scan.id, "product_id": self.ssd.id}
            ).action_create()
        wizard = (
            Wizard.with_user(self.manager)
            .with_context(default_scan_id=scan.id)
            .create({"product_id": self.ssd.id})
        )
        wizard.action_create()
        self.assertEqual(scan.result, "found")
        self.assertEqual(scan.lot_id.name, "SN-NEW")
        line = self._line(stocktake, self.ssd, self.shelf_a, scan.lot_id)
        self.assertEqual(line.draft_qty, 1)
        self.assertEqual(scan.line_id, line)
        with self.assertRaises(UserError):
            Wizard.with_user(self.manager).create(
                {"scan_id": scan.id, "product_id": self.ssd.id}
            ).action_create()


@tagged("post_install", "-at_install")
class TestCountScreenTour(HttpCase, DealerStockCountCommon):
    browser_size = "390x844"
    touch_enabled = True

    def test_stk_13_counter_counts_a_sheet_on_a_phone_by_scanning(self):
        """STK-13, issue 20: on a phone-sized screen, a counter scans the
        location, a product (and types how many), a serial twice and an
        unknown code, then submits: counts as scanned, the serial once, the
        unscanned serial 0."""
        self.shelf_a.barcode = "LOC-SHELF-A"
        stocktake = self._started(self.shelf_a)
        sheet = stocktake.sheet_ids
        sheet.counter_id.lang = "en_US"
        self.start_tour(
            "/odoo/action-dealer_stock_count.action_dealer_count_screen",
            "dealer_count_screen_tour",
            login=sheet.counter_id.login,
        )
        self.assertEqual(sheet.state, "done")
        counted = {
            (line.product_id, line.lot_id): line.count_ids.quantity
            for line in stocktake.line_ids
        }
        self.assertEqual(counted[self.keyboard, self.env["stock.lot"]], 98)
        self.assertEqual(counted[self.ssd, self.serials[0]], 1)
        self.assertEqual(counted[self.ssd, self.serials[1]], 0)
        self.assertEqual(
            sheet.scan_ids.sorted("id").mapped("result"),
            ["counted", "counted", "duplicate", "unknown"],
        )
