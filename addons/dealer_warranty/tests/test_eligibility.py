# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import DealerWarrantyCommon


@tagged("post_install", "-at_install")
class TestEligibility(DealerWarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._lot(cls.keyboard, "KB-ELIG")
        _order, picking = cls._sell(cls.keyboard, 1, cls.lot)
        cls.warranty = picking.dealer_warranty_ids

    def _check(self, day, claim_type, **kwargs):
        with freeze_time(day):
            return self.Warranty.check_eligibility(
                lot=self.lot, claim_type=claim_type, **kwargs
            )

    def test_asv23_warranty_period_boundaries(self):
        """ASV-23: 12 months from 15 March cover until 15 March next year
        inclusive; the next day is out."""
        last_in = self._check("2027-03-15", "repair")
        self.assertTrue(last_in["eligible"])
        self.assertTrue(last_in["covered"])
        self.assertEqual(last_in["warranty_id"], self.warranty.id)
        first_out = self._check("2027-03-16", "repair")
        self.assertFalse(first_out["eligible"])
        self.assertFalse(first_out["covered"])
        self.assertEqual(first_out["reasons"], ["expired"])
        self.assertIn("ended", first_out["message"])

    def test_asv19_return_window_boundaries(self):
        """ASV-19: a 7-day return window after delivery on 15 March closes after
        22 March."""
        self.assertTrue(self._check("2026-03-22", "return")["eligible"])
        out = self._check("2026-03-23", "return")
        self.assertFalse(out["eligible"])
        self.assertEqual(out["reasons"], ["return_closed"])
        self.assertTrue(out["covered"], "Still under warranty for repair.")
        self.assertTrue(out["windows"]["exchange"])
        self.assertIn("return window closed", out["message"])

    def test_asv19_exchange_window_boundaries(self):
        """ASV-19: a 15-day exchange window closes after 30 March."""
        last_in = self._check("2026-03-30", "exchange")
        self.assertTrue(last_in["eligible"])
        self.assertFalse(last_in["windows"]["return"])
        out = self._check("2026-03-31", "exchange")
        self.assertFalse(out["eligible"])
        self.assertEqual(out["reasons"], ["exchange_closed"])
        self.assertTrue(self._check("2026-03-31", "repair")["eligible"])

    def test_asv19_date_before_delivery_is_refused(self):
        """A claim dated before the delivery is not covered."""
        out = self._check("2026-03-14", "repair")
        self.assertFalse(out["eligible"])
        self.assertIn("before_delivery", out["reasons"])
        self.assertTrue(self._check("2026-03-15", "return")["eligible"])

    def test_asv19_unknown_serial_has_a_clear_answer(self):
        """An unknown serial is not covered, and the sentence names it."""
        out = self.Warranty.check_eligibility(lot="NO-SUCH-SERIAL")
        self.assertFalse(out["eligible"])
        self.assertFalse(out["warranty_id"])
        self.assertEqual(out["reasons"], ["unknown"])
        self.assertIn("NO-SUCH-SERIAL", out["message"])
        # The serial typed as text finds the same warranty as the record.
        with freeze_time("2026-04-01"):
            by_name = self.Warranty.check_eligibility(lot="KB-ELIG")
        self.assertEqual(by_name["warranty_id"], self.warranty.id)

    def test_asv19_other_customer_and_void(self):
        """A unit claimed by another customer, or with a void warranty, is not
        eligible, and the message says why."""
        out = self._check("2026-03-20", "exchange", partner=self.other_customer)
        self.assertFalse(out["eligible"])
        self.assertIn("other_customer", out["reasons"])
        self.assertIn(self.customer.name, out["message"])
        self.warranty._dealer_void("Stolen unit")
        out = self._check("2026-03-20", "repair")
        self.assertFalse(out["eligible"])
        self.assertEqual(out["reasons"], ["void"])
        self.assertIn("Stolen unit", out["message"])

    def test_asv22_untracked_product_found_by_customer(self):
        """Untracked products are checked by product and customer."""
        self._sell(self.cable, 3)
        with freeze_time("2026-03-18"):
            out = self.Warranty.check_eligibility(
                product=self.cable, partner=self.customer, claim_type="return"
            )
        self.assertTrue(out["eligible"])
        out = self.Warranty.check_eligibility(
            product=self.cable, partner=self.other_customer
        )
        self.assertEqual(out["reasons"], ["unknown"])
