# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import tagged

from odoo.addons.dealer_stock_zone.tests.common import DealerStockZoneCommon


@tagged("post_install", "-at_install")
class TestRejectionTrigger(DealerStockZoneCommon):
    """AUD-03: a product category whose receipts are rejected above the
    company's rate in the quarter gets one proposed special inspection."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "dealer_audit_rejection_percent": 20.0,
                "dealer_audit_rejection_min_qty": 10.0,
            }
        )
        cls.Audit = cls.env["mgmtsystem.audit"]

    def _accept(self, quantity, rejected):
        inspection = self._fill(self._receive(self.keyboard, quantity), rejected)
        inspection.with_user(self.stock_user).action_validate()
        return inspection

    def _propose(self):
        """The inspections proposed for this test's category (the demo
        company's receipts, when installed, may propose others)."""
        ref = f"product.category,{self.category.id}"
        return self.Audit._dealer_propose_special(
            fields.Date.context_today(self.Audit), self.company
        ).filtered(lambda audit: audit.dealer_trigger_ref == ref)

    def test_aud_03_rejections_above_the_rate_propose_one_inspection(self):
        self._accept(10, 2)  # 20 %: at the limit, not above
        self.assertFalse(self._propose())
        self._accept(10, 3)  # 5 of 20 = 25 %
        special = self._propose()
        self.assertEqual(special.dealer_trigger, "rejection")
        self.assertEqual(
            special.dealer_trigger_ref, f"product.category,{self.category.id}"
        )
        self.assertIn("25%", special.dealer_trigger_note)
        # Once per category and quarter, however often the job runs.
        self.assertFalse(self._propose())

    def test_aud_03_a_small_quantity_does_not_count(self):
        self._accept(4, 4)  # 100 % of 4, under the 10 counted
        self.assertFalse(self._propose())
