# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestComplaintTour(HttpCase, DealerHelpdeskCommon):
    def test_cmp02_cmp07_cmp08_complaint_in_the_browser(self):
        """CMP-02/03/07/08: in the browser, an agent takes a complaint (promised
        time shown, routed to After-sales), fills the resolution and closes
        it."""
        self.customer.name = "Tour Complaint Customer"
        # Helpdesk's own stage emails are sent from the company address.
        self.company.email = "service@example.com"
        self.hd_agent.lang = "en_US"
        self.start_tour(
            "/odoo/action-helpdesk_mgmt.helpdesk_ticket_action/new",
            "dealer_helpdesk_complaint_tour",
            login=self.hd_agent.login,
        )
        ticket = self.Ticket.search([("name", "=", "Wrong cable delivered")])
        self.assertEqual(ticket.dealer_ticket_type, "complaint")
        self.assertEqual(ticket.team_id, self.team_service)
        self.assertTrue(ticket.dealer_promised_date)
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.dealer_root_cause, "Picking list misread")
        self.assertEqual(ticket.dealer_customer_confirmation, "confirmed")
