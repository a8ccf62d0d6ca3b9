# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import DealerWarrantyCommon


@tagged("post_install", "-at_install")
class TestExchangeTour(HttpCase, DealerWarrantyCommon):
    def test_asv19_asv21_exchange_in_the_browser(self):
        """ASV-19/20/21: in the browser, After-sales takes an exchange request,
        receives the unit, confirms the quality problem and decides the
        exchange; the replacement's delivery carries the warranty over."""
        self.customer.name = "Tour Customer"
        lot = self._lot(self.keyboard, "KB-TOUR")
        _order, delivery = self._sell(self.keyboard, 1, lot, when="2026-11-20 09:00:00")
        old = delivery.dealer_warranty_ids
        replacement_lot = self._lot(self.keyboard, "KB-TOUR-NEW")
        self._stock(self.keyboard, 1, replacement_lot)
        self.after_sales.lang = "en_US"
        self.start_tour(
            "/odoo/action-dealer_warranty.dealer_warranty_claim_action/new",
            "dealer_warranty_exchange_tour",
            login=self.after_sales.login,
        )
        claim = self.Claim.search([("lot_id", "=", lot.id)])
        self.assertEqual(claim.state, "processing")
        self.assertEqual(claim.resolution, "exchange")
        self.assertEqual(claim.inspected_by_id, self.after_sales)
        for picking in claim.picking_ids.filtered(lambda p: p.state != "done"):
            self._validate(picking)
        self.assertEqual(claim.state, "done")
        self.assertEqual(old.state, "void")
        self.assertEqual(claim.new_warranty_id.lot_id, replacement_lot)
        self.assertEqual(claim.new_warranty_id.end_date, old.end_date)
