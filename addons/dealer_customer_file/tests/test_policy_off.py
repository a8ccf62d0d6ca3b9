# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import DealerCustomerFileCommon


@tagged("post_install", "-at_install")
class TestPolicyOff(DealerCustomerFileCommon):
    def test_cus_01_no_file_for_a_company_off_the_manual(self):
        """Issue 18: a company that does not run by the manual opens no
        customer file for a new customer, and changing a customer's
        salesperson is Odoo's plain write; with the switch on (the positive
        control) the file is opened."""
        Partner = self.env["res.partner"]
        Files = self.env["dealer.customer.file"].with_context(active_test=False)
        on = Partner.create({"name": "Runs by the manual", "customer_rank": 1})
        self.assertEqual(Files.search_count([("partner_id", "=", on.id)]), 1)

        self.company.dealer_policy_manual = False
        off = Partner.create({"name": "Odoo's own way", "customer_rank": 1})
        off._increase_rank("customer_rank")
        self.assertFalse(Files.search_count([("partner_id", "=", off.id)]))
