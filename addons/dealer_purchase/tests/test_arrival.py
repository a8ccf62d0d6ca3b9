# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DealerPurchaseCommon


@tagged("post_install", "-at_install")
class TestArrivalNotice(DealerPurchaseCommon):
    def test_pur_06_warehouse_hears_before_arrival_once(self):
        """PUR-06: the warehouse gets one 'Goods arriving' activity when a
        supplier receipt is due within the notice days; late ones are found."""
        order = self._order(qty=4)
        order.order_line.date_planned = datetime(2026, 3, 10, 9, 0)
        order.button_confirm()
        receipt = order.picking_ids
        Picking = self.env["stock.picking"]
        activity_type = self.env.ref(
            "dealer_purchase.mail_activity_type_arrival_notice"
        )
        with freeze_time("2026-03-07 08:00:00"):
            Picking._cron_dealer_arrival_notices()
            self.assertFalse(receipt.activity_ids)
        with freeze_time("2026-03-08 10:00:00"):
            Picking._cron_dealer_arrival_notices()
            Picking._cron_dealer_arrival_notices()
        notice = receipt.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(notice), 1)
        self.assertTrue(notice.user_id.has_group("dealer_base.group_warehouse_manager"))
        self.assertIn(order.name, str(notice.note))
        with freeze_time("2026-03-12 10:00:00"):
            late = Picking.search(
                [("dealer_is_late", "=", True), ("id", "=", receipt.id)]
            )
            self.assertEqual(late, receipt)
            receipt.invalidate_recordset(["dealer_is_late"])
            self.assertTrue(receipt.dealer_is_late)
        with freeze_time("2026-03-09 10:00:00"):
            self.assertFalse(
                Picking.search([("dealer_is_late", "=", True), ("id", "=", receipt.id)])
            )
