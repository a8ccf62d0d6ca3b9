# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from odoo.addons.dealer_helpdesk.tests.common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestReviewComplaints(DealerHelpdeskCommon):
    """CUS-09: the quarterly customer review counts the customer's complaint
    tickets, all its contacts' included, since the date it looks back to."""

    def test_cus_09_review_counts_complaint_tickets(self):
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.customer.id}
        )
        self._ticket("complaint", when="2026-06-01 08:00:00")
        self._ticket("complaint", when="2026-06-02 08:00:00", partner_id=contact.id)
        # Not counted: another type, and a complaint before the date.
        self._ticket("consultation", when="2026-06-03 08:00:00")
        self._ticket("complaint", when="2026-04-01 08:00:00")
        Review = self.env["dealer.customer.file.review"]
        customer = self.customer.commercial_partner_id
        counts = Review._dealer_complaint_counts(
            customer, date(2026, 5, 1), self.company
        )
        self.assertEqual(counts, {customer: 2})
        # Positive control: looking back further counts the April complaint.
        counts = Review._dealer_complaint_counts(
            customer, date(2026, 3, 1), self.company
        )
        self.assertEqual(counts, {customer: 3})
