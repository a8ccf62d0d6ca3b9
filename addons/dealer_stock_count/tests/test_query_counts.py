# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install", "is_query_count")
class TestStocktakeQueryCounts(DealerStockCountCommon):
    """Count entry and apply must not cost a query per line."""

    def _location_with(self, lines):
        location = self.env["stock.location"].create(
            {"name": f"Bin {lines}", "location_id": self.stock.id, "usage": "internal"}
        )
        products = self.env["product.product"].create(
            [
                {
                    "name": f"Q{lines}-{n}",
                    "is_storable": True,
                    "categ_id": self.category.id,
                    "standard_price": 10.0,
                }
                for n in range(lines)
            ]
        )
        for product in products:
            self.env["stock.quant"]._update_available_quantity(product, location, 50)
        return location

    def _counted_session(self, location):
        stocktake = self._started(location)
        sheet = stocktake.sheet_ids
        for line in sheet.line_ids:
            line.with_user(sheet.counter_id).draft_qty = 49
        self.env.flush_all()
        return stocktake, sheet

    def _submit_queries(self, lines):
        stocktake, sheet = self._counted_session(self._location_with(lines))
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        sheet.with_user(sheet.counter_id).action_submit()
        self.env.flush_all()
        return self.cr.sql_log_count - before, stocktake

    # Submitting a sheet: locks, reads the sheet in one go, one INSERT of the
    # counts, one UPDATE of the lines, chatter and activities. Whatever its
    # number of lines, it stays under this budget.
    SUBMIT_BUDGET = 95

    def test_stk_13_count_entry_queries_do_not_grow_with_lines(self):
        """STK-13: submitting a sheet of 100 lines costs what one of 10 lines
        costs: no query per line."""
        self._submit_queries(3)  # warm the caches of the first call
        for lines in (10, 100):
            stocktake, sheet = self._counted_session(self._location_with(lines))
            self.env.invalidate_all()
            with self.assertQueryCount(self.SUBMIT_BUDGET):
                sheet.with_user(sheet.counter_id).action_submit()
            self.assertEqual(len(stocktake.line_ids.count_ids), lines)
        small, __ = self._submit_queries(10)
        large, __ = self._submit_queries(100)
        # A query per line would add 90; batching may differ by one or two.
        self.assertLess(large - small, 5)

    def _apply_overhead(self, lines):
        """Queries of our apply minus those of core's action_apply_inventory
        on the same kind of quants: what the stocktake adds."""
        stocktake, sheet = self._counted_session(self._location_with(lines))
        sheet.with_user(sheet.counter_id).action_submit()
        stocktake.with_user(self.manager).action_finish_counting()
        stocktake.line_ids.with_user(self.manager).write(
            {"reason_id": self.reason_natural.id}
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        stocktake.with_user(self.manager).action_apply()
        self.env.flush_all()
        ours = self.cr.sql_log_count - before
        # Core on a twin location, counted the core way (which the company
        # allows for the comparison: STK-13 refuses it by default).
        self.company.dealer_stocktake_allow_inventory_adjustment = True
        location = self._location_with(lines)
        quants = self.env["stock.quant"].search([("location_id", "=", location.id)])
        quants.with_context(inventory_mode=True).write({"inventory_quantity": 49})
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        quants.with_user(self.manager).with_context(
            inventory_mode=True
        ).action_apply_inventory()
        self.env.flush_all()
        core = self.cr.sql_log_count - before
        self.company.dealer_stocktake_allow_inventory_adjustment = False
        return ours - core

    def test_stk_13_apply_adds_a_fixed_number_of_queries_to_core(self):
        """STK-13, issue 20: the stocktake's set-wise apply costs fewer
        queries than core's own inventory apply, and saves more the more
        lines it applies (core reserves, moves and reads each quant apart)."""
        self._apply_overhead(3)
        small = self._apply_overhead(10)
        large = self._apply_overhead(100)
        self.assertLessEqual(large, small)
        self.assertLess(large, 0)
