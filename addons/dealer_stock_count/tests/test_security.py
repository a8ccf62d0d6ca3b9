# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install")
class TestStocktakeSecurity(DealerStockCountCommon):
    def test_stk_13_only_managers_start_and_apply(self):
        """STK-13: a counter can neither start, cancel nor apply a stocktake."""
        stocktake = self._stocktake(self.shelf_b)
        with self.assertRaises(AccessError):
            stocktake.with_user(self.counter).write({"deadline": "2027-01-01"})
        with self.assertRaises(AccessError):
            self.env["dealer.stocktake"].with_user(self.counter).create(
                {"warehouse_id": self.warehouse.id, "deadline": "2027-01-01"}
            )

    def test_stk_13_a_sheet_is_counted_by_its_counter(self):
        """STK-13: another counter cannot enter or submit counts on a sheet
        that is not theirs; the manager can."""
        stocktake = self._started(self.shelf_b)
        sheet = stocktake.sheet_ids
        other = (self.counter | self.counter2) - sheet.counter_id
        with self.assertRaises(AccessError):
            stocktake.line_ids.with_user(other).draft_qty = 3
        with self.assertRaises(AccessError):
            sheet.with_user(other).action_submit()
        stocktake.line_ids.with_user(self.manager).draft_qty = 10
        self.assertTrue(stocktake.line_ids.draft_qty_set)

    def test_stk_13_variance_report_is_for_reviewers(self):
        """STK-13: the variance report (PDF or XLSX) is refused to counters,
        even when called directly."""
        stocktake = self._started(self.shelf_b)
        self._count_all(stocktake, {})
        Report = self.env["ir.actions.report"].with_user(self.counter)
        with self.assertRaises(AccessError):
            Report._render_qweb_html(
                "dealer_stock_count.report_stocktake_variance", stocktake.ids
            )
        with self.assertRaises(AccessError):
            Report._render("dealer_stock_count.stocktake_variance_xlsx", stocktake.ids)
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_qweb_html(
                "dealer_stock_count.report_stocktake_variance", stocktake.ids
            )
        )
        self.assertIn(stocktake.name, html.decode())

    def test_stk_13_other_departments_and_companies_see_nothing(self):
        """STK-13: sales staff have no access; another company's warehouse
        user does not see this company's stocktakes."""
        stocktake = self._started(self.shelf_b)
        sales = new_test_user(
            self.env, login="st_sales", groups="dealer_base.group_sales_user"
        )
        with self.assertRaises(AccessError):
            stocktake.with_user(sales).read(["name"])
        other_company = self.env["res.company"].create({"name": "Other Count Co"})
        outsider = new_test_user(
            self.env,
            login="st_outsider",
            groups="dealer_base.group_warehouse_user",
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        self.assertFalse(
            self.env["dealer.stocktake"]
            .with_user(outsider)
            .search([("id", "=", stocktake.id)])
        )
        self.assertFalse(
            self.env["dealer.stocktake.line"]
            .with_user(outsider)
            .search([("stocktake_id", "=", stocktake.id)])
        )

    def test_stk_13_counters_do_not_reassign_sheets(self):
        """STK-13: a counter cannot hand their sheet to someone else."""
        stocktake = self._started(self.shelf_b)
        sheet = stocktake.sheet_ids
        with self.assertRaises(AccessError):
            sheet.with_user(sheet.counter_id).counter_id = (
                self.counter | self.counter2
            ) - sheet.counter_id
        sheet.with_user(self.manager).counter_id = self.counter2
        self.assertEqual(sheet.counter_id, self.counter2)
