# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import DealerOfficeCommon


class TestArchiveLoan(DealerOfficeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Item = cls.env["dealer.archive.item"]
        cls.contract = Item.create(
            {
                "name": "Framework contract, Nanshan Experimental School",
                "company_id": cls.company.id,
                "category": "contract",
                "location": "Cabinet A, shelf 2",
                "custodian_id": cls.office.id,
            }
        )
        cls.personnel = Item.create(
            {
                "name": "Personnel files 2025",
                "company_id": cls.company.id,
                "category": "personnel",
                "confidential": True,
                "custodian_id": cls.office.id,
                "content": "<p>Salaries and contracts of the sales staff.</p>",
            }
        )

    def _loan(self, item, user=None, days=3):
        user = user or self.sales
        return (
            self.env["dealer.archive.loan"]
            .with_user(user)
            .create(
                {
                    "item_id": item.id,
                    "purpose": "Check the delivery terms",
                    "date_due": fields.Date.today() + timedelta(days=days),
                }
            )
        )

    def test_adm_04_ledger_numbers_and_keeps_items(self):
        """ADM-04: each item gets a ledger number and is never deleted."""
        self.assertTrue(self.contract.code.startswith("DA"))
        with self.assertRaises(UserError):
            self.contract.unlink()

    def test_adm_04_new_item_takes_the_ledger_number_state_and_source(self):
        """ADM-04, ADM-05: Administration files an item by hand, but does not
        type its ledger number, a lent state nor a source record (context
        defaults neither)."""
        Item = self.env["dealer.archive.item"].with_user(self.office)
        vals = {"name": "Lease of the Futian office", "category": "contract"}
        for forged, rule in (
            ({"code": "DA-FORGED"}, "ADM-04"),
            ({"state": "lent"}, "ADM-05"),
            ({"res_model": "res.partner", "res_id": 1}, "ADM-04"),
        ):
            with self.assertRaisesRegex(UserError, rule):
                Item.create(dict(vals, **forged))
        item = Item.with_context(default_state="lent").create(vals)
        self.assertEqual(item.state, "filed")
        # Positive control: the ledger numbers the new item.
        self.assertTrue(item.code.startswith("DA"))
        self.assertFalse(item.res_model)

    def test_adm_05_loan_approved_by_head_then_returned(self):
        """ADM-05: the head of the borrower's department approves; the item is
        lent, then returned, which closes the loan."""
        loan = self._loan(self.contract)
        self.assertEqual(loan.department, "sales")
        loan.action_request()
        self.assertEqual(loan.state, "requested")
        with self.assertRaises(UserError):
            self._validate(loan, self.sales)
        self._validate(loan, self.sales_head)
        self.assertEqual(loan.state, "granted")
        self.assertEqual(self.contract.state, "lent")
        # A second loan of the lent item is not granted.
        second = self._loan(self.contract, user=self.sales_deputy)
        second.action_request()
        with self.assertRaisesRegex(UserError, "ADM-05"):
            self._validate(second, self.sales_head)
        loan.with_user(self.sales).action_return()
        self.assertEqual(loan.state, "returned")
        self.assertTrue(loan.date_returned)
        self.assertEqual(self.contract.state, "filed")

    def test_adm_06_confidential_loan_needs_both_approvers(self):
        """ADM-06: a confidential item needs the Administration Manager after
        the department head."""
        loan = self._loan(self.personnel)
        loan.action_request()
        self.assertEqual(len(loan.review_ids), 2)
        self._validate(loan, self.sales_head)
        self.assertEqual(loan.state, "requested")
        self._validate(loan, self.office_mgr)
        self.assertEqual(loan.state, "granted")
        # An ordinary item needs the head only.
        other = self._loan(self.contract)
        other.action_request()
        self.assertEqual(len(other.review_ids), 1)

    def test_adm_06_confidential_content_read_by_custodian_manager_borrower(self):
        """ADM-06: the title of a confidential item stays visible; its content
        is read only by the custodian, the Administration Manager and the
        borrower of a granted loan, and only while it is lent."""
        Item = self.env["dealer.archive.item"]
        for user in (self.sales, self.tech, self.office_mgr, self.office):
            self.assertEqual(
                Item.with_user(user).browse(self.personnel.id).name,
                "Personnel files 2025",
            )
        as_sales = self.personnel.with_user(self.sales)
        self.assertFalse(as_sales.content)
        self.assertTrue(as_sales.content_restricted)
        self.assertIn("Salaries", self.personnel.with_user(self.office).content)
        self.assertIn("Salaries", self.personnel.with_user(self.office_mgr).content)
        self.assertFalse(
            self.env["dealer.archive.content"]
            .with_user(self.sales)
            .search([("item_id", "=", self.personnel.id)])
        )
        clerk = new_test_user(
            self.env,
            login="off_clerk",
            groups="dealer_base.group_administration_user",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        with self.assertRaisesRegex(AccessError, "ADM-06"):
            self.personnel.with_user(clerk).write({"content": "<p>Nothing.</p>"})
        # An ordinary item's content is read by all staff.
        self.contract.content = "<p>Delivery within 30 days.</p>"
        self.assertIn("30 days", self.contract.with_user(self.tech).content)
        loan = self._loan(self.personnel)
        loan.action_request()
        self.assertFalse(self.personnel.with_user(self.sales).content)
        self._validate(loan, self.sales_head)
        self._validate(loan, self.office_mgr)
        self.assertIn("Salaries", self.personnel.with_user(self.sales).content)
        self.assertFalse(self.personnel.with_user(self.tech).content)
        loan.with_user(self.sales).action_return()
        self.assertFalse(self.personnel.with_user(self.sales).content)

    def test_adm_05_borrower_cannot_lend_to_himself(self):
        """ADM-05: the borrower forges neither the state nor the return date,
        and changes no due date once requested."""
        loan = self._loan(self.contract)
        with self.assertRaisesRegex(UserError, "ADM-05"):
            loan.write({"state": "granted"})
        loan.action_request()
        with self.assertRaisesRegex(UserError, "ADM-05"):
            loan.write({"date_due": fields.Date.today() + timedelta(days=30)})
        with self.assertRaisesRegex(UserError, "ADM-05"):
            loan.action_return()

    def test_adm_05_overdue_loan_one_reminder_per_day(self):
        """ADM-05: an overdue loan gets one reminder a day, however often the
        job runs."""
        loan = self._loan(self.contract)
        loan.action_request()
        self._validate(loan, self.sales_head)
        loan.sudo().write({"date_due": fields.Date.today() - timedelta(days=2)})
        self.assertTrue(loan.is_overdue)
        Loan = self.env["dealer.archive.loan"]
        self.assertIn(loan, Loan.search([("is_overdue", "=", True)]))
        first = Loan._cron_dealer_loan_reminders()
        second = Loan._cron_dealer_loan_reminders()
        self.assertIn(loan, first)
        self.assertNotIn(loan, second)
        reminders = loan.activity_ids.filtered(lambda a: a.user_id == self.sales)
        self.assertEqual(len(reminders), 1)
        # The next day, one more.
        loan.sudo().write(
            {"last_reminder_date": fields.Date.today() - timedelta(days=1)}
        )
        self.assertIn(loan, Loan._cron_dealer_loan_reminders())
        self.assertEqual(
            len(loan.activity_ids.filtered(lambda a: a.user_id == self.sales)), 2
        )
        loan.with_user(self.office).action_return()
        self.assertFalse(loan.activity_ids)
        self.assertNotIn(loan, Loan._cron_dealer_loan_reminders())

    def test_adm_05_requested_item_is_not_swapped(self):
        """ADM-05: the borrower does not swap the item once the loan is asked."""
        loan = self._loan(self.contract)
        loan.action_request()
        with self.assertRaisesRegex(UserError, "already requested"):
            loan.write({"item_id": self.personnel.id})
