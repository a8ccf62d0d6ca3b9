# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from odoo.addons.dealer_helpdesk.tests.common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestComplaintTrigger(DealerHelpdeskCommon):
    """AUD-03: a product with the company's number of complaints in the
    quarter gets one proposed special inspection."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.dealer_audit_product_complaints = 2
        cls.Audit = cls.env["mgmtsystem.audit"]

    def _propose(self):
        return self.Audit._dealer_propose_special(date(2026, 6, 30), self.company)

    def test_aud_03_complaints_about_a_product_propose_one_inspection(self):
        self._ticket("complaint", product_id=self.keyboard.id)
        self._ticket("fault", product_id=self.keyboard.id)  # not a complaint
        self.assertFalse(self._propose())
        self._ticket("complaint", product_id=self.keyboard.id)
        special = self._propose()
        self.assertEqual(special.dealer_trigger, "complaints")
        self.assertEqual(
            special.dealer_trigger_ref, f"product.product,{self.keyboard.id}"
        )
        self.assertFalse(self._propose(), "once per product and quarter")
        # Complaints of the next quarter start counting again.
        self.assertFalse(
            self.Audit._dealer_propose_special(date(2026, 7, 2), self.company)
        )
