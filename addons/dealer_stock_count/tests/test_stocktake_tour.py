# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install")
class TestStocktakeTour(HttpCase, DealerStockCountCommon):
    def test_stk_13_counter_counts_a_location_in_the_browser(self):
        """STK-13: in the browser, the counter enters the count of a location
        without seeing its book quantity and submits the sheet."""
        stocktake = self._started(self.shelf_b)
        sheet = stocktake.sheet_ids
        sheet.counter_id.lang = "en_US"
        self.start_tour(
            f"/odoo/action-dealer_stock_count.dealer_stocktake_sheet_action_mine/{sheet.id}",
            "dealer_stocktake_count_tour",
            login=sheet.counter_id.login,
        )
        self.assertEqual(sheet.state, "done")
        line = stocktake.line_ids
        self.assertEqual(line.count_ids.quantity, 9)
        self.assertEqual(line.count_ids.counter_id, sheet.counter_id)
        self.assertEqual(line.variance_qty, -1)
