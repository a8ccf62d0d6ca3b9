# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestPolicyOff(DealerHelpdeskCommon):
    def _complaint(self):
        return self._ticket(
            "complaint", partner_id=self.customer.id, partner_email="c@example.com"
        )

    def _mails(self, ticket):
        return self.env["mail.mail"].search_count(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )

    def test_cmp02_cmp07_asv05_a_company_off_the_manual_gets_helpdesk_mgmt(self):
        """Issue 18: for a company that does not run by the manual, tickets
        behave as helpdesk_mgmt's: no routing by type, no acknowledgement
        email, a complaint closed without its results, no follow-up, a ticket
        deleted. The same steps with the switch on (the positive control) are
        routed, emailed and refused."""
        on = self._complaint()
        self.assertEqual(on.team_id, self.team_service)
        self.assertTrue(self._mails(on), "CMP-02: the promise is emailed")
        with self.assertRaisesRegex(ValidationError, "CMP-07"):
            on.stage_id = self.stage_done
        with self.assertRaisesRegex(UserError, "ASV-05"):
            on.unlink()

        self.company.dealer_policy_manual = False
        off = self._complaint()
        self.assertNotEqual(off.team_id, self.team_service, "no routing by type")
        self.assertFalse(self._mails(off), "only helpdesk_mgmt's emails")
        off.stage_id = self.stage_done
        self.assertTrue(off.closed)
        self.assertFalse(
            off.activity_ids, "no follow-up call scheduled (CMP-06 is off)"
        )
        off.unlink()
        self.assertFalse(off.exists())
