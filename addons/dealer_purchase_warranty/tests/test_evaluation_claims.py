# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.dealer_warranty.tests.common import DealerWarrantyCommon


@tagged("post_install", "-at_install")
class TestEvaluationClaims(DealerWarrantyCommon):
    """PUR-10: a supplier evaluation counts the quality problems that after-
    sales confirmed on the supplier's products in the evaluated period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._lot(cls.keyboard, "KB-EVAL")
        cls._sell(cls.keyboard, 1, cls.lot)
        cls.supplier = cls.env["res.partner"].create({"name": "Keyboard supplier"})

    def _evaluation(self, date_from, date_to):
        return self.env["dealer.supplier.evaluation"].create(
            {
                "partner_id": self.supplier.id,
                "date_from": date_from,
                "date_to": date_to,
            }
        )

    def _confirmed_claim(self):
        with freeze_time("2026-03-20"):
            claim = self.Claim.with_user(self.after_sales).create(
                {
                    "lot_id": self.lot.id,
                    "claim_type": "return",
                    "description": "Keys do not respond",
                }
            )
        claim.action_confirm()
        self._validate(claim.return_picking_id)
        claim.inspection_note = "Controller board faulty"
        claim.with_user(self.after_sales).action_quality_confirmed()

    def test_pur_10_confirmed_quality_claims_count_in_the_period(self):
        self._confirmed_claim()
        in_period = self._evaluation("2026-01-01", "2026-03-31")
        self.assertEqual(in_period._dealer_quality_claims(self.keyboard), 1)
        # Positive control: another period, and another product, count none.
        later = self._evaluation("2026-04-01", "2026-06-30")
        self.assertEqual(later._dealer_quality_claims(self.keyboard), 0)
        mouse = self.env["product.product"].create({"name": "Mouse"})
        self.assertEqual(in_period._dealer_quality_claims(mouse), 0)
