# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install")
class TestStocktakeApplyJob(DealerStockCountCommon):
    """Issue 20: a large apply runs as a background job, shows who started
    it and how far it got, cannot be started twice, and is never half
    applied."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "dealer_stocktake_apply_job_threshold": 0,
                "dealer_stocktake_apply_chunk": 1,
            }
        )
        cls.Job = cls.env["dealer.stocktake.apply.job"]

    def _counted(self, quantities_by_key, locations):
        stocktake = self._started(locations)
        quantities = {
            self._line(stocktake, product, location): qty
            for (product, location), qty in quantities_by_key.items()
        }
        self._count_all(stocktake, quantities)
        self._recount_all(stocktake, quantities)
        stocktake.with_user(self.manager).action_finish_counting()
        stocktake.line_ids.filtered(
            lambda line: line.count_state == "to_classify"
        ).with_user(self.manager).write({"reason_id": self.reason_natural.id})
        return stocktake

    def _quantity(self, product, location):
        return self.env["stock.quant"]._get_available_quantity(
            product, location, strict=True, allow_negative=True
        )

    def test_stk_13_large_apply_is_a_job_with_progress(self):
        """STK-13: above the company's threshold the apply is queued; the
        stocktake shows who started it; the job applies it and reports its
        progress."""
        stocktake = self._counted(
            {(self.keyboard, self.shelf_a): 99, (self.keyboard, self.shelf_b): 9},
            self.shelf_a | self.shelf_b,
        )
        stocktake.with_user(self.manager).action_apply()
        self.assertEqual(stocktake.state, "applying")
        self.assertEqual(stocktake.apply_started_by_id, self.manager)
        self.assertEqual(stocktake.apply_job_state, "queued")
        self.assertEqual(self._quantity(self.keyboard, self.shelf_a), 100)
        self.Job._cron_run()
        stocktake.invalidate_recordset()
        self.assertEqual(stocktake.state, "applied")
        self.assertEqual(stocktake.applied_by_id, self.manager)
        self.assertEqual(stocktake.apply_job_state, "done")
        self.assertEqual(stocktake.apply_progress, 100.0)
        self.assertEqual(self._quantity(self.keyboard, self.shelf_a), 99)
        self.assertEqual(self._quantity(self.keyboard, self.shelf_b), 9)
        self.assertEqual(len(stocktake.move_ids), 2)
        # Safe to run twice: nothing left to do.
        self.Job._cron_run()
        self.assertEqual(self._quantity(self.keyboard, self.shelf_a), 99)

    def test_stk_13_second_start_refused_while_applying(self):
        """STK-13: while a job applies the stocktake, a second start is
        refused to everyone; a counter may not start it at all, nor cancel
        it halfway."""
        stocktake = self._counted(
            {(self.keyboard, self.shelf_a): 99}, self.shelf_a | self.shelf_b
        )
        with self.assertRaises(AccessError):
            stocktake.with_user(self.counter).action_apply()
        stocktake.with_user(self.manager).action_apply()
        with self.assertRaisesRegex(UserError, "cannot be started twice"):
            stocktake.with_user(self.manager2).action_apply()
        with self.assertRaises(AccessError):
            stocktake.with_user(self.counter).action_apply()
        with self.assertRaisesRegex(UserError, "Applying"):
            stocktake.with_user(self.manager).action_cancel()
        self.assertEqual(len(stocktake.apply_job_ids), 1)
        # Jobs are started by the Apply button only.
        with self.assertRaises(AccessError):
            self.Job.with_user(self.manager).create(
                {"stocktake_id": stocktake.id, "user_id": self.manager.id}
            )

    def test_stk_13_crash_leaves_nothing_applied(self):
        """STK-13: a failure in the middle of the apply (here core refuses a
        count of half a unit, in the last chunk) rolls back the chunks
        already applied: stock is as before, no move points to the
        stocktake, which goes back to review, never shown as applied."""
        # Sold by the whole dozen: core refuses to move half a dozen.
        dozen = self.env.ref("uom.product_uom_dozen")
        dozen.rounding = 1.0
        widget = self.env["product.product"].create(
            {
                "name": "Count zz widget",
                "is_storable": True,
                "categ_id": self.category.id,
                "standard_price": 1.0,
                "uom_id": dozen.id,
                "uom_po_id": dozen.id,
            }
        )
        self.env["stock.quant"]._update_available_quantity(widget, self.shelf_b, 3)
        stocktake = self._counted(
            {
                (self.keyboard, self.shelf_a): 99,
                (self.keyboard, self.shelf_b): 9,
                (widget, self.shelf_b): 2.5,
            },
            self.shelf_a | self.shelf_b,
        )
        self.assertEqual(len(stocktake.line_ids.filtered("variance_qty")), 3)
        stocktake.with_user(self.manager).action_apply()
        job = stocktake.apply_job_id
        with self.assertLogs(
            "odoo.addons.dealer_stock_count.models.dealer_stocktake_apply_job",
            level="ERROR",
        ):
            self.Job._cron_run()
        stocktake.invalidate_recordset()
        job.invalidate_recordset()
        self.assertEqual(stocktake.state, "counted")
        self.assertEqual(job.state, "failed")
        self.assertIn("rounding", job.error)
        self.assertFalse(stocktake.move_ids)
        self.assertFalse(stocktake.date_applied)
        self.assertEqual(self._quantity(self.keyboard, self.shelf_a), 100)
        self.assertEqual(self._quantity(self.keyboard, self.shelf_b), 10)
        self.assertEqual(self._quantity(widget, self.shelf_b), 3)
        self.assertFalse(
            self.env["stock.quant"]
            .search([("product_id", "in", (self.keyboard | widget).ids)])
            .filtered("inventory_quantity_set")
        )
        self.assertIn("nothing of it was applied", stocktake.message_ids[0].body)

    def test_stk_13_killed_worker_resumes_to_the_same_result(self):
        """STK-13: a worker killed mid-apply leaves the job running and the
        stocktake applying (its transaction rolled back); the next run
        applies it from the start to the result a single apply gives."""
        stocktake = self._counted(
            {(self.keyboard, self.shelf_a): 97, (self.keyboard, self.shelf_b): 11},
            self.shelf_a | self.shelf_b,
        )
        stocktake.with_user(self.manager).action_apply()
        job = stocktake.apply_job_id
        job.sudo().write({"state": "running", "progress_done": 1})
        self.Job._cron_run()
        stocktake.invalidate_recordset()
        self.assertEqual(stocktake.state, "applied")
        self.assertEqual(job.state, "done")
        self.assertEqual(job.attempts, 1)
        self.assertEqual(self._quantity(self.keyboard, self.shelf_a), 97)
        self.assertEqual(self._quantity(self.keyboard, self.shelf_b), 11)
        self.assertEqual(sorted(stocktake.move_ids.mapped("quantity")), [1.0, 3.0])
