# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import DealerSaleCommon


@tagged("post_install", "-at_install")
class TestSaleSettings(DealerSaleCommon):
    """Values the manual leaves to the company are its settings (issue 18)."""

    def test_sal_18_customer_look_back_is_a_setting(self):
        with freeze_time("2026-03-01"):
            order = self._quotation(qty=2)
            order.with_user(self.salesperson).action_confirm()
        with freeze_time("2026-12-01"):
            change = self.env["dealer.price.change"].create(
                {
                    "product_tmpl_id": self.mouse.product_tmpl_id.id,
                    "new_price": 84,
                    "effective_date": "2026-12-20",
                    "reason": "Supplier raised its price",
                }
            )
            self.assertEqual(self.company.dealer_price_customer_months, 12)
            self.assertEqual(change._dealer_customers(), self.customer)
            self.company.dealer_price_customer_months = 6
            self.assertFalse(change._dealer_customers())

    def test_sal_12_fallback_assignee_is_a_setting(self):
        self.assertEqual(
            self.company.dealer_collection_user_id, self.env.ref("base.user_admin")
        )
        self.company.dealer_collection_user_id = self.sales_manager
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_user_id": False,
                "invoice_date": "2026-03-01",
                "invoice_date_due": "2026-03-31",
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": self.mouse.id, "quantity": 1, "price_unit": 80}
                    )
                ],
            }
        )
        invoice.action_post()
        with freeze_time("2026-04-01"):
            self.env["account.move"]._cron_dealer_collection()
        self.assertEqual(invoice.activity_ids.user_id, self.sales_manager)
