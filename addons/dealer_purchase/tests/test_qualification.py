# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerPurchaseCommon


@tagged("post_install", "-at_install")
class TestQualification(DealerPurchaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new_supplier = cls.env["res.partner"].create(
            {"name": "Jielian Peripherals", "is_company": True}
        )

    def _status(self, partner, day):
        with freeze_time(day):
            partner.invalidate_recordset()
            return partner.dealer_qualification_status

    def test_pur_09_status_at_boundary_dates(self):
        """PUR-09: valid, then expiring within the warning days, then expired the
        day after its last valid day."""
        with freeze_time("2026-01-01"):
            documents = self._qualify(self.new_supplier, date_to="2026-06-30")
        # 30 warning days: 31 days before the end it is still plainly qualified.
        self.assertEqual(self._status(self.new_supplier, "2026-05-30"), "qualified")
        self.assertEqual(self._status(self.new_supplier, "2026-05-31"), "expiring")
        self.assertEqual(self._status(self.new_supplier, "2026-06-30"), "expiring")
        self.assertEqual(self._status(self.new_supplier, "2026-07-01"), "expired")
        with freeze_time("2026-07-01"):
            self.assertEqual(set(documents.mapped("state")), {"expired"})
            found = self.Qualification.search(
                [("state", "=", "expired"), ("partner_id", "=", self.new_supplier.id)]
            )
            self.assertEqual(found, documents)
        with freeze_time("2026-06-15"):
            found = self.Qualification.search(
                [("state", "=", "expiring"), ("partner_id", "=", self.new_supplier.id)]
            )
            self.assertEqual(found, documents)

    def test_pur_09_missing_and_unverified_documents_are_named(self):
        """PUR-09: a supplier without its mandatory documents, or with documents
        nobody verified, is not qualified, and the reason names them."""
        self.assertEqual(self.new_supplier.dealer_qualification_status, "not_qualified")
        self.assertIn(
            "Business licence is missing", self.new_supplier.dealer_qualification_issues
        )
        self.Qualification.create(
            {
                "partner_id": self.new_supplier.id,
                "type_id": self.licence.id,
                "number": "91440300X",
                "date_from": "2024-01-01",
            }
        )
        self.new_supplier.invalidate_recordset()
        issues = self.new_supplier.dealer_qualification_issues
        self.assertIn("Business licence is not verified yet", issues)
        self.assertIn("Quality system certificate is missing", issues)

    def test_pur_09_production_licence_only_where_applicable(self):
        """PUR-09: the production licence is mandatory only for suppliers of the
        categories that need one."""
        production = self.env.ref("dealer_purchase.document_type_production_licence")
        production.write(
            {"mandatory": True, "category_ids": [(6, 0, self.category.ids)]}
        )
        self.supplier.invalidate_recordset()
        self.other_supplier.invalidate_recordset()
        self.assertEqual(self.supplier.dealer_qualification_status, "not_qualified")
        self.assertIn("Production licence", self.supplier.dealer_qualification_issues)
        self.assertEqual(self.other_supplier.dealer_qualification_status, "qualified")

    def test_pur_09_bad_documents_are_refused(self):
        """Validity dates in the wrong order and duplicate numbers are refused; a
        changed document must be verified again."""
        with self.assertRaisesRegex(ValidationError, "Valid until"):
            self.Qualification.create(
                {
                    "partner_id": self.new_supplier.id,
                    "type_id": self.licence.id,
                    "number": "A-0",
                    "date_from": "2026-01-01",
                    "date_to": "2025-12-31",
                }
            )
        document = self.Qualification.create(
            {
                "partner_id": self.new_supplier.id,
                "type_id": self.licence.id,
                "number": "A-1",
                "date_from": "2026-01-01",
            }
        )
        with self.assertRaisesRegex(ValidationError, "already has Business licence"):
            self.Qualification.create(
                {
                    "partner_id": self.new_supplier.id,
                    "type_id": self.licence.id,
                    "number": "A-1",
                    "date_from": "2026-02-01",
                }
            )
        document.with_user(self.buyer).action_verify()
        self.assertEqual(document.verified_by_id, self.buyer)
        document.date_to = "2031-01-01"
        self.assertFalse(
            document.verified_by_id, "A changed document is verified again."
        )

    def test_pur_09_confirming_with_unqualified_supplier_is_refused(self):
        """PUR-09: a buyer cannot confirm an order to an unqualified supplier;
        a Purchasing Manager other than the buyer records the decision to order
        anyway (who, when, why, in the chatter), then it is confirmed."""
        order = self._order(partner=self.new_supplier).with_user(self.buyer)
        order.user_id = self.buyer
        with self.assertRaisesRegex(UserError, "Business licence is missing"):
            order.button_confirm()
        self.assertEqual(order.state, "draft")
        with self.assertRaisesRegex(UserError, "PUR-09"):
            order.action_dealer_override(reason="urgent")
        with self.assertRaisesRegex(UserError, "PUR-09"):
            order.write({"dealer_qualification_override": "urgent"})
        with self.assertRaisesRegex(UserError, "Purchasing Manager"):
            order.with_user(self.purchasing_manager).button_confirm()
        with self.assertRaisesRegex(ValidationError, "PUR-09"):
            order.with_user(self.purchasing_manager).action_dealer_override(
                reason="  \n "
            )
        order.with_user(self.purchasing_manager).action_dealer_override(
            reason="Sole source of this SSD; documents requested"
        )
        self.assertEqual(order.dealer_override_user_id, self.purchasing_manager)
        self.assertTrue(order.dealer_override_date)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")
        self.assertTrue(any("Sole source" in (m.body or "") for m in order.message_ids))

    def test_pur_09_qualified_supplier_is_ordered_from(self):
        order = self._order()
        order.with_user(self.buyer).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_pur_09_expiry_reminder_once(self):
        """PUR-09: the buyer is reminded once before a document expires."""
        with freeze_time("2026-01-01"):
            documents = self._qualify(self.new_supplier, date_to="2026-06-30")
        activity_type = self.env.ref(
            "dealer_purchase.mail_activity_type_renew_document"
        )
        with freeze_time("2026-05-20"):
            self.Qualification._cron_expiry_reminders()
            self.assertFalse(documents.activity_ids)
        with freeze_time("2026-06-05"):
            self.Qualification._cron_expiry_reminders()
            self.Qualification._cron_expiry_reminders()
        self.assertEqual(len(documents.activity_ids), 2)
        self.assertEqual(documents.activity_ids.activity_type_id, activity_type)
        self.assertEqual(
            set(documents.activity_ids.mapped("date_deadline")), {date(2026, 6, 30)}
        )

    def test_pur_09_only_purchasing_verifies(self):
        document = self._qualify(self.new_supplier)[:1]
        document.date_to = "2032-01-01"
        with self.assertRaisesRegex(UserError, "Only Purchasing"):
            document.with_user(self.warehouse_user).action_verify()
