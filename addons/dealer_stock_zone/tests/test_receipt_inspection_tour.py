# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import DealerStockZoneCommon


@tagged("post_install", "-at_install")
class TestReceiptInspectionTour(HttpCase, DealerStockZoneCommon):
    def test_stk_09_receipt_walks_through_acceptance_in_the_browser(self):
        """STK-09, PUR-07: in the browser, the warehouse inspector records a damaged
        unit, names the technical inspector and validates."""
        new_test_user(
            self.env,
            login="tour_tech",
            name="Tech Inspector",
            groups="dealer_base.group_technical_user",
        )
        self.stock_user.lang = "en_US"
        inspection = self._receive(self.keyboard, 3)
        self.start_tour(
            f"/odoo/action-dealer_stock_zone.dealer_receipt_inspection_action/{inspection.id}",
            "dealer_receipt_inspection_tour",
            login="zone_stock",
        )
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.qty_rejected, 1)
        self.assertEqual(inspection.technical_inspector_id.login, "tour_tech")
