# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import DealerStockZoneCommon


@tagged("post_install", "-at_install")
class TestReceiptInspectionTour(HttpCase, DealerStockZoneCommon):
    def test_stk_09_receipt_walks_through_acceptance_in_the_browser(self):
        """STK-09, PUR-07: in the browser, the technical inspector signs with
        their own login and records a damaged unit; Purchasing signs; the
        warehouse inspector validates."""
        tech = new_test_user(
            self.env,
            login="tour_tech",
            name="Tech Inspector",
            groups="dealer_base.group_technical_user",
            lang="en_US",
        )
        self.stock_user.lang = "en_US"
        inspection = self._receive(self.keyboard, 3)
        url = (
            "/odoo/action-dealer_stock_zone.dealer_receipt_inspection_action/"
            f"{inspection.id}"
        )
        self.start_tour(url, "dealer_receipt_inspection_tech_tour", login="tour_tech")
        self.assertEqual(inspection.technical_inspector_id, tech)
        inspection.with_user(self.purchase_user).action_sign_purchasing()
        self.start_tour(url, "dealer_receipt_inspection_tour", login="zone_stock")
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.qty_rejected, 1)
        self.assertEqual(inspection.warehouse_inspector_id, self.stock_user)
