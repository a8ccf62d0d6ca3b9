# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DealerSaleCommon


@tagged("post_install", "-at_install")
class TestCollection(DealerSaleCommon):
    def _invoice(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_user_id": self.salesperson.id,
                "invoice_date": "2026-03-01",
                "invoice_date_due": "2026-03-31",
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": self.mouse.id, "quantity": 10, "price_unit": 80}
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    def test_sal_12_escalation_steps_on_their_days(self):
        """SAL-12: a reminder the day after the due date, a call after 7 days and
        the Sales Manager after 30, each once."""
        invoice = self._invoice()
        Move = self.env["account.move"]
        with freeze_time("2026-03-31"):
            Move._cron_dealer_collection()
        self.assertEqual(invoice.dealer_collection_step, "none")
        with freeze_time("2026-04-01"):
            Move._cron_dealer_collection()
            Move._cron_dealer_collection()
        self.assertEqual(invoice.dealer_collection_step, "reminder")
        self.assertEqual(len(invoice.activity_ids), 1)
        self.assertEqual(invoice.activity_ids.user_id, self.salesperson)
        with freeze_time("2026-04-07"):
            Move._cron_dealer_collection()
        self.assertEqual(invoice.dealer_collection_step, "call")
        with freeze_time("2026-04-30"):
            Move._cron_dealer_collection()
        self.assertEqual(invoice.dealer_collection_step, "escalated")
        self.assertTrue(
            invoice.activity_ids.user_id.filtered(
                lambda u: u.has_group("dealer_base.group_sales_manager")
            )
        )
        self.assertEqual(len(invoice.activity_ids), 3)

    def test_sal_13_payment_difficulty_reaches_the_manager(self):
        """SAL-13: a customer's payment difficulty is reported to the manager."""
        invoice = self._invoice()
        with self.assertRaisesRegex(UserError, "describe"):
            invoice.with_user(self.salesperson).action_dealer_report_difficulty()
        invoice.dealer_payment_difficulty = "School budget released in May"
        invoice.with_user(self.salesperson).action_dealer_report_difficulty()
        self.env.invalidate_all()
        activity = self.env["mail.activity"].search(
            [
                ("res_model", "=", "account.move"),
                ("res_id", "=", invoice.id),
                ("summary", "ilike", invoice.name),
            ]
        )
        # Written in the manager's language (the demo's is Chinese).
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group("dealer_base.group_sales_manager"))
        self.assertIn("May", activity.read(["note"])[0]["note"])
