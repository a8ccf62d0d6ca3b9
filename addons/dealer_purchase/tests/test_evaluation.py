# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DealerPurchaseCommon


@tagged("post_install", "-at_install")
class TestSupplierEvaluation(DealerPurchaseCommon):
    def _receive(self, order, rejected=0, when=None):
        """Receive the order into pending inspection and accept it, rejecting
        ``rejected`` units."""
        receipt = order.picking_ids
        receipt.move_ids.quantity = receipt.move_ids.product_uom_qty
        receipt.move_ids.picked = True
        if when:
            with freeze_time(when):
                receipt.with_user(self.warehouse_user).button_validate()
        else:
            receipt.with_user(self.warehouse_user).button_validate()
        inspection = receipt.dealer_inspection_ids
        inspection.write(
            {
                "technical_inspector_id": self.technician.id,
                "purchasing_inspector_id": self.buyer.id,
            }
        )
        for line in inspection.line_ids:
            # STK-07: the inspectors enter the accepted quantity.
            line.write(
                {
                    "spec_check": "pass",
                    "appearance_check": "pass",
                    "performance_check": "pass",
                    "qty_accepted": line.qty_counted,
                }
            )
        if rejected:
            inspection.line_ids.write(
                {
                    "appearance_check": "fail",
                    "qty_rejected": rejected,
                    "qty_accepted": inspection.line_ids.qty_counted - rejected,
                    "reason_id": self.env.ref(
                        "dealer_stock_zone.rejection_reason_damaged"
                    ).id,
                }
            )
        inspection.with_user(self.warehouse_user).action_validate()
        return receipt

    def _evaluation(self, partner=None):
        return self.env["dealer.supplier.evaluation"].create(
            {
                "partner_id": (partner or self.supplier).id,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
            }
        )

    def test_pur_10_facts_from_receipts_and_acceptances(self):
        """PUR-10, PUR-11, PUR-16: acceptance rate from the acceptances, on-time
        rate from the receipts, price against the other supplier, breaches."""
        order = self._order(price=100, qty=10)
        order.button_confirm()
        receipt = self._receive(order, rejected=2)
        breach = self.env["dealer.supplier.breach"].search(
            [("picking_id", "=", receipt.id)]
        )
        self.assertEqual(breach.kind, "quality")
        self.assertIn("× 2", breach.description)
        other = self._order(partner=self.other_supplier, price=80, qty=10)
        other.button_confirm()
        evaluation = self._evaluation()
        evaluation.with_user(self.buyer).action_compute_facts()
        self.assertEqual(evaluation.receipt_count, 1)
        self.assertEqual(evaluation.qty_received, 10)
        self.assertEqual(evaluation.qty_rejected, 2)
        self.assertEqual(evaluation.acceptance_rate, 80.0)
        self.assertEqual(evaluation.on_time_rate, 100.0)
        self.assertEqual(evaluation.price_variance, 25.0)
        self.assertEqual(evaluation.breach_count, 1)

    def test_pur_16_late_delivery_is_a_breach(self):
        """PUR-16: a receipt done after its deadline is recorded as late and
        lowers the on-time rate."""
        order = self._order(qty=5)
        order.order_line.date_planned = datetime(2026, 3, 1, 10, 0)
        order.button_confirm()
        receipt = self._receive(order, when="2026-03-05 09:00:00")
        breach = self.env["dealer.supplier.breach"].search(
            [("picking_id", "=", receipt.id)]
        )
        self.assertEqual(breach.kind, "late")
        self.assertEqual(breach.date, date(2026, 3, 5))
        evaluation = self._evaluation()
        evaluation.action_compute_facts()
        self.assertEqual(evaluation.on_time_rate, 0.0)

    def test_pur_10_grades_and_suspension(self):
        """PUR-10: scores give the grade with the company thresholds; closing a
        grade D suspends the supplier, who is then refused new orders until a
        Purchasing Manager lifts the suspension."""
        evaluation = self._evaluation()
        evaluation.action_compute_facts()
        evaluation.write(
            {
                "score_performance": "5",
                "score_reliability": "5",
                "score_durability": "4",
                "score_service": "4",
            }
        )
        # 40% of 100 (no receipts: full rates) + 60% of 90.
        self.assertEqual(evaluation.total_score, 94.0)
        self.assertEqual(evaluation.grade, "A")
        evaluation.write(
            {
                name: "1"
                for name in (
                    "score_performance",
                    "score_reliability",
                    "score_durability",
                    "score_service",
                )
            }
        )
        self.assertEqual(evaluation.total_score, 52.0)
        self.assertEqual(evaluation.grade, "D")
        with self.assertRaisesRegex(UserError, "Purchasing Manager"):
            evaluation.with_user(self.buyer).action_done()
        evaluation.with_user(self.purchasing_manager).action_done()
        self.assertEqual(evaluation.state, "done")
        self.assertTrue(self.supplier.dealer_supplier_suspended)
        order = self._order()
        with self.assertRaisesRegex(UserError, "suspended"):
            order.with_user(self.buyer).button_confirm()
        with self.assertRaisesRegex(UserError, "Purchasing Manager"):
            self.supplier.with_user(self.buyer).action_dealer_reinstate()
        self.supplier.with_user(self.purchasing_manager).action_dealer_reinstate()
        self.assertFalse(self.supplier.dealer_supplier_suspended)
        order.with_user(self.buyer).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_pur_10_scores_required_to_close(self):
        evaluation = self._evaluation()
        with self.assertRaisesRegex(UserError, "Performance"):
            evaluation.with_user(self.purchasing_manager).action_done()

    def test_pur_10_quarterly_evaluations_open_once(self):
        """PUR-10: the scheduled action opens last quarter's evaluation for each
        supplier that delivered, once."""
        order = self._order(qty=3)
        order.order_line.date_planned = datetime(2026, 8, 10, 10, 0)
        order.button_confirm()
        self._receive(order, when="2026-08-10 09:00:00")
        Evaluation = self.env["dealer.supplier.evaluation"]
        with freeze_time("2026-10-02"):
            opened = Evaluation._cron_open_evaluations()
            Evaluation._cron_open_evaluations()
        mine = Evaluation.search([("partner_id", "=", self.supplier.id)])
        self.assertEqual(mine, opened.filtered(lambda e: e.partner_id == self.supplier))
        self.assertEqual(len(mine), 1)
        self.assertEqual(
            (mine.date_from, mine.date_to), (date(2026, 7, 1), date(2026, 9, 30))
        )
        self.assertEqual(mine.qty_received, 3)
