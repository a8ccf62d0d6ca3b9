# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerSaleCommon


@tagged("post_install", "-at_install")
class TestPriceChange(DealerSaleCommon):
    def _change(self, price, day="2026-12-20", user=None):
        return (
            self.env["dealer.price.change"]
            .with_user(user or self.salesperson)
            .create(
                {
                    "product_tmpl_id": self.mouse.product_tmpl_id.id,
                    "new_price": price,
                    "effective_date": day,
                    "reason": "Supplier raised its price",
                }
            )
        )

    @freeze_time("2026-12-01")
    def test_sal_17_price_changes_only_through_approval(self):
        """SAL-17: Sales cannot change a published price directly."""
        with self.assertRaisesRegex(UserError, "SAL-17"):
            self.mouse.product_tmpl_id.with_user(self.sales_manager).list_price = 90

    @freeze_time("2026-12-01")
    def test_sal_18_dates_in_the_past_or_too_soon_are_refused(self):
        """SAL-18: no change in the past; customers are told the notice days ahead."""
        with self.assertRaisesRegex(ValidationError, "past"):
            self._change(85, day="2026-11-30")
        change = self._change(85, day="2026-12-05")
        with self.assertRaisesRegex(UserError, "SAL-18"):
            change.with_user(self.salesperson).request_validation()

    @freeze_time("2026-12-01")
    def test_sal_17_sal_18_approval_notice_and_application(self):
        """SAL-17, SAL-18: the Sales Manager approves (never the author), the
        customers of the product are emailed, the price applies on its date and
        the change stays as history."""
        order = self._quotation(qty=3)
        order.with_user(self.salesperson).action_confirm()
        change = self._change(84)  # +5 %: Sales Manager only
        self.assertEqual(change.current_price, 80)
        self.assertEqual(change.change_percent, 5.0)
        change.with_user(self.salesperson).request_validation()
        self.assertEqual(len(change.review_ids), 1)
        self.env.flush_all()
        with self.assertRaisesRegex(UserError, "SAL-17"):
            self._validate(change, self.salesperson)
        self._validate(change, self.sales_manager)
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.notified_partner_ids, self.customer)
        notice = change.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertIn("84", notice.body)
        self.assertEqual(self.mouse.list_price, 80, "not before its date")
        self.env["dealer.price.change"]._cron_apply()
        self.assertEqual(self.mouse.list_price, 80)
        with freeze_time("2026-12-20"):
            self.env["dealer.price.change"]._cron_apply()
        self.assertEqual(self.mouse.list_price, 84)
        self.assertEqual(change.state, "applied")
        self.assertEqual(self.mouse.product_tmpl_id.dealer_price_change_ids, change)

    @freeze_time("2026-12-01")
    def test_sal_17_big_change_needs_administration(self):
        """SAL-17: above the settings' percentage, Administration approves after
        the Sales Manager."""
        change = self._change(100)  # +25 %
        self.assertTrue(change.admin_approval_required)
        change.with_user(self.salesperson).request_validation()
        self.assertEqual(len(change.review_ids), 2)
        self._validate(change, self.sales_manager)
        self.assertEqual(change.state, "draft")
        self._validate(change, self.admin_manager)
        self.assertEqual(change.state, "approved")
