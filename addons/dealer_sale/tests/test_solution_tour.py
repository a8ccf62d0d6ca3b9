# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import DealerSaleCommon


@tagged("post_install", "-at_install")
class TestSolutionTour(HttpCase, DealerSaleCommon):
    def test_sal_03_solution_through_technical_review_to_confirmation(self):
        """SAL-03, SAL-05: in the browser, Sales marks a quotation as a solution
        and asks for the technical review, Technical comments and approves it,
        and Sales confirms it."""
        for user in (self.salesperson, self.technician):
            user.lang = "en_US"
        order = self._quotation(product=self.workstation, qty=2)
        url = f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}"
        self.start_tour(
            url, "dealer_sale_solution_request_tour", login=self.salesperson.login
        )
        self.assertTrue(order.dealer_is_solution)
        self.assertEqual(order.dealer_technical_state, "requested")
        self.start_tour(
            url, "dealer_sale_solution_review_tour", login=self.technician.login
        )
        self.assertEqual(order.dealer_technical_state, "approved")
        self.assertEqual(order.dealer_technical_reviewer_id, self.technician)
        self.assertIn("DisplayPort", order.dealer_technical_comment)
        self.start_tour(
            url, "dealer_sale_solution_confirm_tour", login=self.salesperson.login
        )
        self.assertEqual(order.state, "sale")
