# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo import Command
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

    def test_pur_06_fallback_assignee_is_a_setting(self):
        """A company with no warehouse head (nobody works in it yet) and an
        order without a buyer: its fallback assignee hears of the arrival
        (issue 18: a setting, not the administrator)."""
        company = self.env["res.company"].create({"name": "New Branch"})
        self.assertEqual(
            company.dealer_arrival_notice_user_id, self.env.ref("base.user_admin")
        )
        # A small order: no legal review in the way (PUR-15).
        company.write(
            {
                "dealer_arrival_notice_user_id": self.purchasing_manager.id,
                "dealer_legal_review_amount": 1000.0,
            }
        )
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )
        order = (
            self.env["purchase.order"]
            .with_company(company)
            .create(
                {
                    "partner_id": self.supplier.id,
                    "company_id": company.id,
                    "user_id": False,
                    "picking_type_id": warehouse.in_type_id.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.cable.id,
                                "product_qty": 4,
                                "price_unit": 5.0,
                                "date_planned": datetime(2026, 3, 10, 9, 0),
                            }
                        )
                    ],
                }
            )
        )
        order.button_confirm()
        with freeze_time("2026-03-08 10:00:00"):
            self.env["stock.picking"]._cron_dealer_arrival_notices()
        self.assertEqual(
            order.picking_ids.activity_ids.user_id, self.purchasing_manager
        )
