# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

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

    def _second_customer(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Futian Design Institute",
                "is_company": True,
                "customer_rank": 1,
                "user_id": self.salesperson.id,
            }
        )
        return partner.dealer_customer_file_id.sudo().card_ids

    def test_cus_21_unusual_access_outside_hours_and_beyond_daily_number(self):
        """CUS-21, CUS-22: the log marks reads outside the company's working
        hours (company time zone) and a person's reads beyond the company's
        daily number of files; a filter lists them."""
        self.company.partner_id.tz = "Asia/Shanghai"
        self.company.write(
            {
                "dealer_file_log_hour_from": 8.0,
                "dealer_file_log_hour_to": 19.0,
                "dealer_file_log_daily_files": 1,
            }
        )
        other_card = self._second_customer()
        Log = self.env["dealer.customer.file.access"]
        # 10:00 in Shanghai: within working hours, first file of the day.
        with freeze_time("2026-03-02 02:00:00"):
            self.card.with_user(self.salesperson).read(["credit_terms"])
        first = self._logs(self.salesperson)
        self.assertEqual(len(first), 1)
        self.assertFalse(first.unusual)
        # 10:30: a second file that day, beyond the daily number of one.
        with freeze_time("2026-03-02 02:30:00"):
            other_card.with_user(self.salesperson).read(["credit_terms"])
        second = Log.search(
            [
                ("user_id", "=", self.salesperson.id),
                ("file_id", "=", other_card.file_id.id),
            ]
        )
        self.assertTrue(second.over_daily_limit)
        self.assertFalse(second.outside_hours)
        self.assertTrue(second.unusual)
        # 22:00 the next day in Shanghai (14:00 UTC): outside working hours;
        # a new day starts a new count.
        with freeze_time("2026-03-03 14:00:00"):
            self.card.with_user(self.salesperson).read(["credit_terms"])
        late = self._logs(self.salesperson) - first
        self.assertTrue(late.outside_hours)
        self.assertFalse(late.over_daily_limit)
        unusual = Log.search(
            [("user_id", "=", self.salesperson.id), ("unusual", "=", True)]
        )
        self.assertEqual(unusual, second | late)
        # The search view offers the filter and the groupings by person and day.
        arch = Log.get_views([(False, "search")])["views"]["search"]["arch"]
        for name in ("unusual", "group_user", "group_day"):
            self.assertIn(f'name="{name}"', arch)

    def test_cus_21_unusual_access_settings_are_company_settings(self):
        """CUS-21: the working hours and the daily number are set in Settings,
        per company, within sensible bounds."""
        with Form(self.env["res.config.settings"]) as form:
            form.dealer_file_log_hour_from = 7.5
            form.dealer_file_log_hour_to = 20.0
            form.dealer_file_log_daily_files = 30
        form.record.execute()
        self.assertEqual(self.company.dealer_file_log_daily_files, 30)
        self.assertEqual(self.company.dealer_file_log_hour_from, 7.5)
        with self.assertRaisesRegex(ValidationError, "CUS-21"):
            self.company.dealer_file_log_daily_files = 0
        with self.assertRaisesRegex(ValidationError, "CUS-21"):
            self.company.dealer_file_log_hour_from = 21.0
