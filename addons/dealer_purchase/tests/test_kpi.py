# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import DealerPurchaseCommon


@tagged("post_install", "-at_install")
class TestKpi(DealerPurchaseCommon):
    """PUR-10: the suppliers' on-time rate per buyer and the receipt rejection
    rate, per quarter in the company's time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.ontime = cls.env.ref("dealer_purchase.kpi_pur_ontime")
        cls.reject = cls.env.ref("dealer_stock_zone.kpi_rcv_reject")

    def _receive(self, order, deadline, when, rejected=0):
        """Receive the order at ``when`` (UTC) against ``deadline`` and accept
        it, rejecting ``rejected`` units."""
        with freeze_time(when):
            receipt = order.picking_ids
            receipt.move_ids.date_deadline = deadline
            receipt.move_ids.quantity = receipt.move_ids.product_uom_qty
            receipt.move_ids.picked = True
            receipt.with_user(self.warehouse_user).button_validate()
            inspection = receipt.dealer_inspection_ids
            inspection.write(
                {
                    "technical_inspector_id": self.technician.id,
                    "purchasing_inspector_id": self.buyer.id,
                }
            )
            for line in inspection.line_ids:
                line.write(
                    {
                        "spec_check": "pass",
                        "appearance_check": "fail" if rejected else "pass",
                        "performance_check": "pass",
                        "qty_rejected": rejected,
                        "qty_accepted": line.qty_counted - rejected,
                        "reason_id": rejected
                        and self.env.ref(
                            "dealer_stock_zone.rejection_reason_damaged"
                        ).id,
                    }
                )
            inspection.with_user(self.warehouse_user).action_validate()
        return receipt

    def test_pur_10_supplier_on_time_per_buyer_and_rejection_rate(self):
        first = self._order(user_id=self.buyer.id)
        second = self._order(user_id=self.buyer.id)
        (first | second).button_confirm()
        # 23:30 in Shanghai on the deadline day: on time.
        self._receive(first, "2026-05-10 04:00:00", "2026-05-10 15:30:00", 2)
        # Half past midnight the day after (16:30 UTC): late.
        self._receive(second, "2026-05-10 04:00:00", "2026-05-10 16:30:00")
        with freeze_time("2026-05-20 02:00:00"):
            (self.ontime | self.reject)._dealer_refresh()
            (self.ontime | self.reject)._dealer_refresh()
        Value = self.env["dealer.kpi.value"]
        ontime = Value.search(
            [("kpi_id", "=", self.ontime.id), ("period", "=", "2026-Q2")]
        )
        self.assertEqual(ontime.user_id, self.buyer)
        self.assertEqual((ontime.numerator, ontime.denominator), (1.0, 2.0))
        self.assertEqual(ontime.value, 50.0)
        reject = Value.search(
            [
                ("kpi_id", "=", self.reject.id),
                ("period", "=", "2026-Q2"),
                ("company_id", "=", self.company.id),
            ]
        )
        self.assertFalse(reject.user_id)
        self.assertEqual((reject.numerator, reject.denominator), (2.0, 20.0))
        self.assertEqual(reject.value, 10.0)
