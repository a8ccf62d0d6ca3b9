# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DealerPurchaseCommon


@tagged("post_install", "-at_install")
class TestPolicyOff(DealerPurchaseCommon):
    """A company that does not run by the manual (dealer_policy_manual off)
    keeps Odoo's own purchases."""

    def test_policy_off_order_to_supplier_without_documents_confirms(self):
        stranger = self.env["res.partner"].create(
            {"name": "Unknown Parts Ltd", "is_company": True}
        )
        # Above the legal review amount too, with no clauses stated.
        order = self._order(partner=stranger, price=10000.0, qty=10)
        with self.assertRaisesRegex(UserError, "PUR-09"):
            order.with_user(self.buyer).button_confirm()
        self.company.dealer_policy_manual = False
        order = self._order(partner=stranger, price=10000.0, qty=10)
        self.assertFalse(order.dealer_legal_review_required)
        self.assertFalse(order.need_validation)
        order.with_user(self.buyer).button_confirm()
        self.assertEqual(order.state, "purchase")
