# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.dealer_stock_zone.tests.common import DealerStockZoneCommon


@tagged("post_install", "-at_install")
class TestReceiptScan(DealerStockZoneCommon):
    """PUR-07, STK-07: receipt acceptance lines counted on the scanning
    screen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.keyboard.barcode = "KBD-R1"

    def test_pur07_stk07_scan_adds_accepted_once_per_scan_id(self):
        """PUR-07, STK-07: each scan adds to the line's accepted quantity
        (untracked goods: the quantity asked); a re-sent scan counts once;
        more than the receipt brought raises the count (a discrepancy)."""
        inspection = self._receive(self.keyboard, 5)
        scanning = inspection.with_user(self.stock_user)
        answer = scanning.dealer_scan("KBD-R1", "r-1")
        self.assertTrue(answer["ask_quantity"])
        self.assertFalse(inspection.scan_ids)
        answer = scanning.dealer_scan("KBD-R1", "r-1", quantity=3)
        self.assertEqual(answer["result"], "counted")
        self.assertEqual(answer["counted"], 3)
        self.assertTrue(scanning.dealer_scan("KBD-R1", "r-1", quantity=3)["resent"])
        line = inspection.line_ids
        self.assertEqual(line.qty_accepted, 3)
        self.assertEqual(answer["sheet"], dict(answer["sheet"], to_count=1, counted=0))
        answer = scanning.dealer_scan("KBD-R1", "r-2", quantity=2)
        self.assertEqual(line.qty_accepted, 5)
        self.assertEqual(answer["sheet"]["counted"], 1)
        self.assertFalse(line.is_discrepancy)
        scanning.dealer_scan("KBD-R1", "r-3", quantity=1)
        self.assertEqual((line.qty_accepted, line.qty_counted), (6, 6))
        self.assertTrue(line.is_discrepancy)
        with self.assertRaises(ValidationError):
            scanning.dealer_scan("KBD-R1", "r-4", quantity=0)
        with self.assertRaises(ValidationError):
            scanning.dealer_scan("KBD-R1", "r-5", quantity=0.001)
        self.assertEqual(len(inspection.scan_ids), 3)

    def test_pur07_stk07_serials_unknown_and_foreign_codes_are_recorded(self):
        """STK-07: a serial counts once; an unknown code, a tracked product's
        own code and a serial of another receipt are recorded for the
        Warehouse Manager, not refused silently."""
        other = self._receive(self.ssd, 1, lots=["SN-OTHER"])
        inspection = self._receive(self.ssd, 2, lots=["SN-R1", "SN-R2"])
        scanning = inspection.with_user(self.stock_user)
        self.assertEqual(scanning.dealer_scan("SN-R1", "s-1")["result"], "counted")
        line = inspection.line_ids.filtered(lambda x: x.lot_id.name == "SN-R1")
        self.assertEqual(line.qty_accepted, 1)
        self.assertEqual(scanning.dealer_scan("SN-R1", "s-2")["result"], "duplicate")
        self.assertEqual(line.qty_accepted, 1)
        self.assertEqual(scanning.dealer_scan("ZZ-404", "s-3")["result"], "unknown")
        self.ssd.default_code = "SSD-R"
        tracked = scanning.dealer_scan("SSD-R", "s-4")
        self.assertEqual(tracked["result"], "unknown")
        self.assertIn("lot or serial", tracked["message"])
        foreign = scanning.dealer_scan("SN-OTHER", "s-5")
        self.assertEqual(foreign["result"], "elsewhere")
        self.assertFalse(other.line_ids.qty_accepted)
        self.assertEqual(
            inspection.scan_ids.sorted("id").mapped("result"),
            ["counted", "duplicate", "unknown", "unknown", "elsewhere"],
        )

    def test_pur07_stk07_scan_refused_outside_the_warehouse(self):
        """STK-07: only the Warehouse department scans an open acceptance;
        scans are never written directly; a validated acceptance takes no
        scan. Positive control: scanned goods validate as accepted."""
        inspection = self._receive(self.keyboard, 2)
        with self.assertRaises(AccessError):
            inspection.with_user(self.sales_user).dealer_scan("KBD-R1", "x-1", 1)
        with self.assertRaises(AccessError):
            self.env["dealer.receipt.inspection.scan"].with_user(
                self.stock_user
            ).create(
                {
                    "uuid": "x-2",
                    "inspection_id": inspection.id,
                    "barcode": "KBD-R1",
                    "result": "counted",
                    "counter_id": self.stock_user.id,
                }
            )
        inspection.with_user(self.stock_user).dealer_scan("KBD-R1", "x-3", 2)
        self._fill(inspection)
        inspection.with_user(self.stock_user).action_validate()
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.qty_accepted, 2)
        with self.assertRaises(UserError):
            inspection.with_user(self.stock_user).dealer_scan("KBD-R1", "x-4", 1)


@tagged("post_install", "-at_install")
class TestReceiptScanTour(HttpCase, DealerStockZoneCommon):
    browser_size = "390x844"
    touch_enabled = True

    def test_pur07_stk07_acceptance_counted_on_a_phone_by_scanning(self):
        """PUR-07, STK-07: on a phone-sized screen, the warehouse inspector
        opens the scanning screen from the acceptance, scans a serial twice
        and an unknown code, and goes back to the form."""
        self.stock_user.lang = "en_US"
        inspection = self._receive(self.ssd, 2, lots=["SN-T1", "SN-T2"])
        url = (
            "/odoo/action-dealer_stock_zone.dealer_receipt_inspection_action/"
            f"{inspection.id}"
        )
        self.start_tour(url, "dealer_receipt_scan_tour", login="zone_stock")
        self.assertEqual(
            inspection.line_ids.sorted(lambda x: x.lot_id.name).mapped("qty_accepted"),
            [1, 0],
        )
        self.assertEqual(
            inspection.scan_ids.sorted("id").mapped("result"),
            ["counted", "duplicate", "unknown"],
        )
