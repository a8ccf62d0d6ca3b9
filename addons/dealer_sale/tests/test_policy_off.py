# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DealerSaleCommon


@tagged("post_install", "-at_install")
class TestPolicyOff(DealerSaleCommon):
    """A company that does not run by the manual (dealer_policy_manual off)
    keeps Odoo's own sales: the same steps the manual refuses go through."""

    def test_policy_off_sales_price_written_directly(self):
        product = self.mouse.product_tmpl_id.with_user(self.sales_manager)
        with self.assertRaisesRegex(UserError, "SAL-17"):
            product.list_price = 90.0
        self.company.dealer_policy_manual = False
        product.list_price = 90.0
        self.assertEqual(product.list_price, 90.0)

    def test_policy_off_big_order_confirms_without_contract_review(self):
        # 10 workstations: above the contract review amount, no clauses, no
        # signed contract.
        order = self._quotation(self.workstation, qty=10)
        self.assertTrue(order.dealer_contract_review_required)
        with self.assertRaises(UserError):
            order.with_user(self.salesperson).action_confirm()
        self.company.dealer_policy_manual = False
        order = self._quotation(self.workstation, qty=10)
        self.assertFalse(order.dealer_contract_review_required)
        self.assertFalse(order.need_validation)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        # Nor does the manual's follow-up happen: no copy to head office.
        self.assertNotIn(self.head_office, order.message_partner_ids)
