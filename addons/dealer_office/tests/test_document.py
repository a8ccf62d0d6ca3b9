# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import UserError

from .common import DealerOfficeCommon


class TestOfficeDocument(DealerOfficeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["dealer.office.document.category"].create(
            {"name": "Notices", "code": "TZ", "company_id": cls.company.id}
        )

    def _document(self):
        return (
            self.env["dealer.office.document"]
            .with_user(self.office)
            .create(
                {
                    "name": "Office hours during the Spring Festival",
                    "category_id": self.category.id,
                    "company_id": self.company.id,
                    "body": "<p>The office closes from 28 January to 4 February.</p>",
                    "recipient_ids": [(6, 0, (self.sales | self.tech).ids)],
                }
            )
        )

    def test_adm_03_no_issue_before_approval(self):
        """ADM-03: a document is issued only once approved, never by its
        author's approval, and its state is not forged."""
        document = self._document()
        with self.assertRaisesRegex(UserError, "ADM-03"):
            document.action_issue()
        with self.assertRaisesRegex(UserError, "ADM-03"):
            document.write({"state": "approved"})
        document.action_submit()
        with self.assertRaisesRegex(UserError, "ADM-03"):
            document.action_issue()
        self._validate(document, self.office_mgr)
        self.assertEqual(document.state, "approved")
        document.action_issue()
        self.assertEqual(document.state, "issued")

    def test_adm_03_numbers_and_read_acknowledgements(self):
        """ADM-03: numbered per category and year; each recipient's reading
        is recorded; the filed document is in the archive ledger."""
        year = fields.Date.today().year
        first, second = self._document(), self._document()
        for document in first | second:
            document.action_submit()
            self._validate(document, self.office_mgr)
            document.action_issue()
        self.assertEqual(first.number, f"TZ-{year}-001")
        self.assertEqual(second.number, f"TZ-{year}-002")
        self.assertEqual(first.unread_count, 2)
        self.assertEqual(first.sudo().activity_ids.user_id, self.sales | self.tech)
        first.with_user(self.sales).action_acknowledge()
        receipt = first.receipt_ids.filtered(lambda r: r.user_id == self.sales)
        self.assertTrue(receipt.date_read)
        self.assertEqual(first.unread_count, 1)
        self.assertEqual(first.sudo().activity_ids.user_id, self.tech)
        with self.assertRaisesRegex(UserError, "ADM-03"):
            first.with_user(self.office_mgr).action_acknowledge()
        with self.assertRaisesRegex(UserError, "ADM-03"):
            receipt.with_user(self.tech).write({"date_read": False})
        # Nor is the acknowledgement moved to another document.
        draft = self._document()
        for user in (self.tech, self.sales):
            with self.assertRaisesRegex(UserError, "ADM-03"):
                receipt.with_user(user).write({"document_id": draft.id})
        self.assertEqual(receipt.document_id, first)
        first.action_file()
        self.assertEqual(first.archive_item_id.category, "official_document")

    def test_adm_03_approved_text_is_issued(self):
        """ADM-03: the text and recipients are those approved."""
        document = self._document()
        document.action_submit()
        self._validate(document, self.office_mgr)
        with self.assertRaisesRegex(UserError, "already submitted"):
            document.write({"body": "<p>Another text</p>"})
