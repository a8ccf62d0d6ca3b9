# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerCustomerFileCommon


@tagged("post_install", "-at_install")
class TestQuarterlyReview(DealerCustomerFileCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        product = cls.env["product.product"].create(
            {
                "name": "Managed switch 48p",
                "list_price": 30000.0,
                "standard_price": 20000.0,
            }
        )
        for _index in range(2):
            order = cls.env["sale.order"].create(
                {
                    "partner_id": cls.customer.id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": 2})
                    ],
                }
            )
            order.action_confirm()
        cls.customer.dealer_customer_class = "general"

    def _reviews(self):
        return self.env["dealer.customer.file.review"].search(
            [("file_id", "=", self.file.id)]
        )

    def test_cus_09_a_review_per_file_per_quarter_run_twice(self):
        Review = self.env["dealer.customer.file.review"]
        today = date.today()
        with freeze_time(today):
            Review._cron_open_reviews()
            Review._cron_open_reviews()
        review = self._reviews()
        self.assertEqual(len(review), 1, "CUS-09: the cron is idempotent")
        quarter = (today.month - 1) // 3 + 1
        self.assertEqual(review.period, f"{today.year}-Q{quarter}")
        self.assertEqual(review.user_id, self.salesperson)
        self.assertTrue(review.activity_ids, "the reviewer is reminded")
        all_files = self.env["dealer.customer.file"].search([])
        self.assertEqual(
            Review.search_count([("period", "=", review.period)]), len(all_files)
        )

    def test_cus_03_cus_15_facts_and_suggested_class(self):
        self.env["dealer.customer.file.review"]._cron_open_reviews()
        review = self._reviews()
        self.assertAlmostEqual(review.revenue_12m, 120000.0)
        self.assertAlmostEqual(review.margin_12m, 40000.0)
        self.assertEqual(review.order_count_12m, 2)
        self.assertEqual(review.current_class, "general")
        self.assertEqual(review.suggested_class, "important")

    def test_cus_09_look_back_follows_the_company_setting(self):
        """CUS-09, CUS-15: the review's facts cover the company's look-back
        months (a setting, not a literal), refused out of bounds."""
        Review = self.env["dealer.customer.file.review"]
        partner = self.customer.commercial_partner_id
        later = date.today() + relativedelta(months=4)
        self.env.company.dealer_file_lookback_months = 3
        with freeze_time(later):
            facts = Review._dealer_facts(partner, self.env.company)[partner]
        self.assertEqual(facts["order_count_12m"], 0)
        self.env.company.dealer_file_lookback_months = 6
        with freeze_time(later):
            facts = Review._dealer_facts(partner, self.env.company)[partner]
        self.assertEqual(facts["order_count_12m"], 2)
        self.assertAlmostEqual(facts["revenue_12m"], 120000.0)
        with self.assertRaisesRegex(ValidationError, "Look back.*CUS-09"):
            self.env.company.dealer_file_lookback_months = 0

    def test_cus_09_changing_the_suggested_class_needs_a_reason(self):
        self.env["dealer.customer.file.review"]._cron_open_reviews()
        review = self._reviews().with_user(self.salesperson)
        review.decided_class = "general"
        with self.assertRaisesRegex(ValidationError, "CUS-09"):
            review.action_confirm()
        review.reason = "Two one-off lab projects; no recurring business yet"
        review.action_confirm()
        self.assertEqual(review.state, "done")
        self.assertEqual(review.done_by_id, self.salesperson)
        self.assertEqual(self.file.last_review_date, review.date_done)
        self.assertEqual(self.customer.dealer_customer_class, "general")

    def test_cus_09_confirming_applies_the_class(self):
        self.env["dealer.customer.file.review"]._cron_open_reviews()
        review = self._reviews().with_user(self.salesperson)
        review.action_confirm()
        self.assertEqual(self.customer.dealer_customer_class, "important")
        with self.assertRaises(UserError):
            review.action_confirm()

    def test_cus_09_only_reviewer_manager_or_custodian_decides(self):
        self.env["dealer.customer.file.review"]._cron_open_reviews()
        review = self._reviews()
        with self.assertRaises(UserError):
            review.with_user(self.other_sales).action_confirm()
        self.assertFalse(
            review.with_user(self.other_sales).search([("id", "=", review.id)]),
            "revenue and margin are not shown to other salespeople",
        )

    def test_cus_09_overdue_reviews_are_listed(self):
        with freeze_time("2026-02-10"):
            self.env["dealer.customer.file.review"]._cron_open_reviews()
        review = self._reviews()
        self.assertEqual(review.date_due, date(2026, 3, 31))
        Review = self.env["dealer.customer.file.review"]
        with freeze_time("2026-03-31"):
            self.assertNotIn(review, Review.search([("is_overdue", "=", True)]))
        with freeze_time("2026-04-01"):
            self.assertIn(review, Review.search([("is_overdue", "=", True)]))
            Review._cron_open_reviews()
            self.assertEqual(self._reviews().mapped("period"), ["2026-Q2", "2026-Q1"])

    def test_cus_09_without_salesperson_a_custodian_reviews(self):
        orphan = self.env["res.partner"].create(
            {"name": "Walk-in Studio", "customer_rank": 1, "is_company": True}
        )
        self.env["dealer.customer.file.review"]._cron_open_reviews()
        review = self.env["dealer.customer.file.review"].search(
            [("partner_id", "=", orphan.id)]
        )
        self.assertEqual(review.user_id, self.custodian)
        self.assertEqual(review.activity_ids.user_id, self.custodian)
