# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import tagged

from odoo.addons.dealer_base.tools import period_of

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install")
class TestKpi(DealerStockCountCommon):
    """STK-13: the value of the differences applied by the period's
    stocktakes, for the company."""

    def test_stk_13_variance_value_of_the_quarter(self):
        stocktake = self._started(self.shelf_a)
        kb_line = self._line(stocktake, self.keyboard, self.shelf_a)
        self._count_all(stocktake, {kb_line: 98})
        self._recount_all(stocktake)
        stocktake.with_user(self.manager).action_finish_counting()
        for line in stocktake.line_ids.filtered(
            lambda r: r.count_state == "to_classify"
        ):
            line.with_user(self.manager).reason_id = self.reason_natural
        kpi = self.env.ref("dealer_stock_count.kpi_stk_variance")
        kpi._dealer_refresh()
        Value = self.env["dealer.kpi.value"]
        period = period_of(fields.Date.context_today(kpi), 3)[0]
        domain = [
            ("kpi_id", "=", kpi.id),
            ("company_id", "=", self.env.company.id),
            ("period", "=", period),
        ]
        # What other stocktakes of the quarter applied (the demo's) stays.
        before = Value.search(domain)
        before_value, before_lines = before.value, before.denominator
        stocktake.with_user(self.manager).action_apply()
        kpi._dealer_refresh()
        value = Value.search(domain)
        self.assertFalse(value.user_id)
        self.assertEqual(value.value - before_value, 200.0)
        self.assertEqual(value.denominator - before_lines, len(stocktake.line_ids))
        self.assertEqual(value.state, "open")
