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
        # Only the superuser (a database migration, say) may.
        log.sudo().write({"detail": "migrated"})
        self.assertEqual(log.detail, "migrated")

    def test_cus_21_log_hidden_from_other_staff(self):
        self.card.with_user(self.custodian).read(["credit_terms"])
        for user in self.sales_manager | self.salesperson | self.technician:
            with self.assertRaises(AccessError, msg=user.login):
                self.env["dealer.customer.file.access"].with_user(user).search([])

    def test_cus_21_logging_costs_a_fixed_number_of_queries(self):
        """Reading 1 or 5 cards costs the same queries: the log is one insert."""
        cards = self.card
        for index in range(4):
            partner = self.env["res.partner"].create(
                {
                    "name": f"School {index}",
                    "is_company": True,
                    "customer_rank": 1,
                    "user_id": self.salesperson.id,
                }
            )
            cards |= partner.dealer_customer_file_id.sudo().card_ids
        Card = self.env["dealer.customer.file.card"].with_user(self.salesperson)
        Card.search_read([("id", "in", cards[1:2].ids)], ["credit_terms"])  # warm-up
        for batch in (cards[:1], cards):
            self.env.invalidate_all()
            with self.assertQueryCount(10):
                Card.search_read([("id", "in", batch.ids)], ["credit_terms"])
        logs = self.env["dealer.customer.file.access"].search(
            [("user_id", "=", self.salesperson.id)]
        )
        self.assertEqual(len(logs), 7, "one entry per file and read")
