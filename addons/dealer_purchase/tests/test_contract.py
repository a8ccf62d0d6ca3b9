# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerPurchaseCommon

CLAUSES = {
    "dealer_quality_standard": "GB/T 36355 and factory test report per batch",
    "dealer_after_sales_terms": "36 months warranty, DOA replaced within 15 days",
}


@tagged("post_install", "-at_install")
class TestContractReview(DealerPurchaseCommon):
    def test_pur_15_small_order_needs_no_legal_review(self):
        order = self._order(price=100, qty=10)
        self.assertFalse(order.dealer_legal_review_required)
        order.with_user(self.buyer).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_pur_14_clauses_are_checked_before_legal_review(self):
        """PUR-14: a contract for legal review states every required clause."""
        order = self._order(price=100, qty=600)
        self.assertTrue(order.dealer_legal_review_required)
        with self.assertRaisesRegex(UserError, "quality standard, after-sales service"):
            order.with_user(self.buyer).request_validation()
        with self.assertRaisesRegex(UserError, "quality standard"):
            order.with_user(self.buyer).button_confirm()

    def test_pur_15_legal_reviewer_approves_before_confirmation(self):
        """PUR-15: an order above the threshold is confirmed only after a Legal
        Reviewer approved its terms; the buyer cannot approve them."""
        order = self._order(price=100, qty=600, **CLAUSES)
        self.env.flush_all()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            order.with_user(self.buyer).button_confirm()
        self.env.invalidate_all()
        order.with_user(self.buyer).request_validation()
        review = order.review_ids
        self.assertIn(review.status, ("waiting", "pending"))
        self.assertFalse(order.with_user(self.buyer).can_review)
        self.assertTrue(order.with_user(self.legal).can_review)
        self._validate(order, self.legal)
        self.assertEqual(
            review.status,
            "approved",
            review.read(["status", "reviewer_ids", "done_by"]),
        )
        self.assertEqual(review.done_by, self.legal)
        order.with_user(self.buyer).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_pur_15_framework_agreement_always_reviewed(self):
        """PUR-15: a framework agreement goes to legal review whatever its total."""
        order = self._order(price=5, qty=1, dealer_framework_agreement=True, **CLAUSES)
        self.assertTrue(order.dealer_legal_review_required)
        order.with_user(self.buyer).request_validation()
        self.assertTrue(order.review_ids)
