# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT, HttpCaseWithUserPortal


@tagged("post_install", "-at_install")
class TestHelpdeskPortal(HttpCaseWithUserPortal):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.other_portal = new_test_user(
            cls.env, login="hd_other_portal", groups="base.group_portal"
        )
        cls.own = cls.env["helpdesk.ticket"].create(
            {
                "name": "My monitor flickers",
                "description": "<p>Since Monday</p>",
                "dealer_ticket_type": "fault",
                "partner_id": cls.partner_portal.id,
            }
        )
        cls.foreign = cls.env["helpdesk.ticket"].create(
            {
                "name": "Someone else's complaint",
                "description": "<p>Secret</p>",
                "dealer_ticket_type": "complaint",
                "partner_id": cls.other_portal.partner_id.id,
            }
        )

    def test_cmp05_customer_sees_type_and_promised_time(self):
        """CMP-05, ASV-02: the customer sees their ticket's type and promised
        time in the portal."""
        self.authenticate("portal", "portal")
        response = self.url_open(f"/my/ticket/{self.own.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Promised by", response.text)
        self.assertIn("Fault / repair", response.text)
        self.assertIn('name="ticket_close_buttons"', response.text)
        listing = self.url_open("/my/tickets")
        self.assertIn("My monitor flickers", listing.text)
        self.assertNotIn("Someone else", listing.text)

    def test_cmp05_other_customers_ticket_is_refused(self):
        """Security: a portal customer cannot open another customer's ticket."""
        self.authenticate("portal", "portal")
        response = self.url_open(f"/my/ticket/{self.foreign.id}")
        self.assertNotIn("Someone else", response.text)
        self.assertNotIn("Secret", response.text)
        self.assertFalse(
            self.env["helpdesk.ticket"]
            .with_user(self.user_portal)
            .search([("id", "=", self.foreign.id)])
        )

    def test_cmp07_customer_cannot_close_a_complaint_from_the_portal(self):
        """CMP-07, CMP-08: a complaint is closed by staff with its resolution;
        the portal offers the customer no close button for it."""
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "Late delivery",
                "description": "<p>Two weeks late</p>",
                "dealer_ticket_type": "complaint",
                "partner_id": self.partner_portal.id,
            }
        )
        self.authenticate("portal", "portal")
        response = self.url_open(f"/my/ticket/{complaint.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Promised by", response.text)
        self.assertNotIn('name="ticket_close_buttons"', response.text)
