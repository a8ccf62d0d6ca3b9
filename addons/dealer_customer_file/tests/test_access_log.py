# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DealerCustomerFileCommon


@tagged("post_install", "-at_install")
class TestAccessLog(DealerCustomerFileCommon):
    def test_cus_21_every_read_is_logged_custodians_included(self):
        self.card.with_user(self.custodian).read(["credit_terms"])
        self.card.with_user(self.salesperson).read(["bank_details"])
        custodian_log = self._logs(self.custodian)
        self.assertTrue(custodian_log)
        self.assertEqual(set(custodian_log.mapped("basis")), {"custodian"})
        self.assertEqual(set(custodian_log.mapped("channel")), {"other"})
        self.assertEqual(
            set(self._logs(self.salesperson).mapped("basis")), {"salesperson"}
        )
        request = self._granted()
        self.card.with_user(self.technician).export_data(["credit_terms"])
        log = self._logs(self.technician)
        self.assertIn("export", log.mapped("channel"))
        self.assertEqual(set(log.mapped("basis")), {"grant"})
        self.assertEqual(log.grant_id, request.grant_id)

    def test_cus_21_register_reads_are_not_logged(self):
        """Reading the public register entry reads nothing confidential."""
        self.file.with_user(self.technician).read(["name", "partner_id"])
        self.card.with_user(self.custodian).read(["display_name", "file_id"])
        self.assertFalse(self._logs(self.technician) | self._logs(self.custodian))

    def test_cus_21_log_is_append_only_even_for_managers(self):
        self.card.with_user(self.custodian).read(["credit_terms"])
        log = self._logs(self.custodian)[:1]
        for user in (
            self.admin_manager | self.custodian | self.env.ref("base.user_admin")
        ):
            entry = log.with_user(user)
            self.assertTrue(entry.read(["channel"]), "they may read the log")
            with self.assertRaises(AccessError, msg=user.login):
                entry.write({"channel": "form"})
            with self.assertRaises(AccessError, msg=user.login):
                entry.unlink()
            with self.assertRaises(AccessError, msg=user.login):
                entry.create(
                    {
                        "file_id": self.file.id,
                        "user_id": user.id,
                        "channel": "form",
                    }
                )
        self.assertEqual(log.channel, "other", "nothing was changed")
        # Nor the superuser: only a migration does (test_routes).
        with self.assertRaises(AccessError):
            log.sudo().write({"detail": "migrated"})

    def test_cus_21_log_hidden_from_other_staff(self):
        self.card.with_user(self.custodian).read(["credit_terms"])
        for user in self.sales_manager | self.salesperson | self.technician:
            with self.assertRaises(AccessError, msg=user.login):
                self.env["dealer.customer.file.access"].with_user(user).search([])
