# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import DealerCustomerFileCommon


@tagged("post_install", "-at_install")
class TestCustomerFile(DealerCustomerFileCommon):
    def test_cus_01_cus_08_creating_a_customer_opens_its_file(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.salesperson)
            .with_context(res_partner_search_mode="customer")
            .create({"name": "Bao'an Logistics", "is_company": True})
        )
        file = partner.dealer_customer_file_id
        self.assertTrue(file, "CUS-01: a file opens with the customer")
        self.assertTrue(file.name.startswith("CF"), "CUS-13: files are numbered")
        self.assertEqual(file.custodian_ids, self.custodian)
        self.assertEqual(len(file.sudo().card_ids), 1, "CUS-12: with its data card")

    def test_cus_01_customers_with_a_file_are_in_the_customer_list(self):
        """CUS-01, CUS-08: a partner with a customer file appears under Sales >
        Customers by default (Odoo's filter is the customer rank), with its
        customer class."""
        partner = self.env["res.partner"].create(
            {"name": "Longgang Hospital", "is_company": True}
        )
        self.assertFalse(partner.customer_rank)
        self.env["dealer.customer.file"].create({"partner_id": partner.id})
        self.assertGreater(partner.customer_rank, 0)
        action = self.env.ref("account.res_partner_action_customer")
        Partner = self.env["res.partner"].with_user(self.salesperson)
        search = Partner.get_views([(False, "search")])["views"]["search"]["arch"]
        self.assertIn('name="customer"', search)
        self.assertIn("'search_default_customer': 1", action.context)
        self.assertIn(partner, Partner.search([("customer_rank", ">", 0)]))
        views = Partner.get_views([(False, "list"), (False, "kanban")])["views"]
        self.assertIn("dealer_customer_class", views["list"]["arch"])
        self.assertIn("dealer_customer_class", views["kanban"]["arch"])

    def test_cus_08_contacts_and_suppliers_get_no_file_until_they_buy(self):
        supplier = self.env["res.partner"].create({"name": "Kingston Distributor"})
        self.assertFalse(supplier.dealer_customer_file_id)
        person = self.env["res.partner"].create(
            {"name": "Ms Wang", "parent_id": self.customer.id, "customer_rank": 1}
        )
        self.assertEqual(
            person.dealer_customer_file_id,
            self.file,
            "CUS-08: a contact person shares its company's file",
        )
        supplier._increase_rank("customer_rank")
        self.assertTrue(
            supplier.dealer_customer_file_id, "CUS-01: the first sale opens the file"
        )

    def test_cus_08_one_file_per_customer_and_never_deleted(self):
        with self.assertRaisesRegex(UserError, "CUS-08"):
            self.file.unlink()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env["dealer.customer.file"].create({"partner_id": self.customer.id})

    def test_cus_17_custodians_are_chosen_among_the_company_custodians(self):
        with self.assertRaisesRegex(ValidationError, "CUS-17"):
            self.file.write({"custodian_ids": [Command.set(self.salesperson.ids)]})
        second = new_test_user(
            self.env, login="cf_custodian2", groups="dealer_base.group_file_custodian"
        )
        with self.assertRaisesRegex(ValidationError, "CUS-17"):
            self.file.write({"custodian_ids": [Command.link(second.id)]})
        self.company.dealer_file_custodian_ids = [Command.link(second.id)]
        self.file.write({"custodian_ids": [Command.link(second.id)]})
        with self.assertRaisesRegex(ValidationError, "CUS-17"):
            self.company.dealer_file_custodian_ids = [Command.link(self.salesperson.id)]

    def test_cus_14_register_is_public_and_says_who_may_read(self):
        """Everybody sees the register entry and their own access basis."""
        file = self.file.with_user(self.technician)
        self.assertEqual(file.partner_id, self.customer)
        self.assertEqual(file.access_basis, "none")
        self.assertEqual(
            self.file.with_user(self.salesperson).access_basis, "salesperson"
        )
        self.assertEqual(self.file.with_user(self.custodian).access_basis, "custodian")
        with self.assertRaisesRegex(UserError, "CUS-18"):
            file.action_open_card()
        action = self.file.with_user(self.salesperson).action_open_card()
        self.assertEqual(action["res_id"], self.card.id)

    def test_cus_15_purchase_history_summary(self):
        product = self.env["product.product"].create(
            {"name": "NVMe SSD 1TB", "list_price": 600.0}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 10})
                ],
            }
        )
        order.action_confirm()
        card = self.card.with_user(self.salesperson)
        self.assertEqual(card.order_count, 1)
        self.assertAlmostEqual(card.revenue_12m, 6000.0)
        self.assertIn("NVMe SSD 1TB", card.top_products)

    def test_cus_10_card_changes_are_tracked(self):
        # The test class disables tracking in its context; users do not.
        env = self.env(context={})
        partner = env["res.partner"].create(
            {
                "name": "Longgang Hospital",
                "customer_rank": 1,
                "user_id": self.salesperson.id,
            }
        )
        card = partner.dealer_customer_file_id.sudo().card_ids.with_user(
            self.salesperson
        )
        # Odoo tracks records from the transaction after their creation.
        env.flush_all()
        env.cr.precommit.run()
        card.credit_limit = 150000.0
        # Tracking values are written when the transaction commits.
        card.env.flush_all()
        card.env.cr.precommit.run()
        card.invalidate_recordset()
        tracked = card.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "credit_limit"
        )
        self.assertTrue(tracked, "CUS-10: every update of the card is on record")

    def test_cus_17_appointing_custodians_gives_orphan_files_a_keeper(self):
        self.company.dealer_file_custodian_ids = False
        orphan = self.env["res.partner"].create(
            {"name": "Pingshan Clinic", "customer_rank": 1}
        )
        self.assertFalse(orphan.dealer_customer_file_id.custodian_ids)
        self.company.dealer_file_custodian_ids = self.custodian
        self.assertEqual(orphan.dealer_customer_file_id.custodian_ids, self.custodian)
        self.assertEqual(
            self.file.custodian_ids, self.custodian, "kept files keep their keepers"
        )
