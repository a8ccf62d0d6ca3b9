# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestHelpdeskSecurity(DealerHelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.article = cls.env["dealer.helpdesk.article"].create(
            {"name": "Monitor flickers", "answer": "<p>Change the cable.</p>"}
        )

    def test_knw04_sales_read_but_do_not_write_articles(self):
        """KNW-04: Sales read the knowledge base; only helpdesk staff write it;
        an employee outside the helpdesk does not see it."""
        self.assertTrue(
            self.salesperson.has_group("helpdesk_mgmt.group_helpdesk_user_own")
        )
        article = self.article.with_user(self.salesperson)
        self.assertEqual(article.name, "Monitor flickers")
        with self.assertRaises(AccessError):
            article.name = "Changed by sales"
        with self.assertRaises(AccessError):
            self.env["dealer.helpdesk.article"].with_user(self.salesperson).create(
                {"name": "X", "answer": "Y"}
            )
        outsider = new_test_user(
            self.env, login="hd_outsider", groups="base.group_user"
        )
        with self.assertRaises(AccessError):
            self.article.with_user(outsider).read(["name"])
        self.article.with_user(self.hd_agent).name = "Monitor flickers (DP)"

    def test_cmp02_other_company_tickets_articles_reports_hidden(self):
        """Multi-company: another company's agent sees none of our articles,
        handovers or report lines."""
        other = self.env["res.company"].create({"name": "Other Dealer HD"})
        outsider = new_test_user(
            self.env,
            login="hd_other_company",
            groups="dealer_base.group_after_sales_manager",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        self.article.company_id = self.company
        ticket = self._ticket("installation")
        self.env["dealer.helpdesk.handover"].create({"ticket_id": ticket.id})
        self.env.flush_all()
        for model in (
            "dealer.helpdesk.article",
            "dealer.helpdesk.handover",
            "dealer.helpdesk.ticket.report",
            "dealer.helpdesk.complaint.rate",
        ):
            found = self.env[model].with_user(outsider).search([])
            self.assertFalse(found, model)

    def test_cmp04_only_helpdesk_staff_see_reports(self):
        """CMP-04, CMP-10: the analyses are for helpdesk staff, not for Sales."""
        with self.assertRaises(AccessError):
            self.env["dealer.helpdesk.ticket.report"].with_user(
                self.salesperson
            ).search([])
        self.env["dealer.helpdesk.ticket.report"].with_user(self.hd_agent).search([])
