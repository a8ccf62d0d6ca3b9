# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestManualSettings(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = new_test_user(
            cls.env,
            login="manual_owner",
            groups="dealer_base.group_administration_manager",
        )
        cls.other_company = cls.env["res.company"].create(
            {"name": "Lighting Office Co."}
        )

    def _settings_form(self, company=None):
        env = self.env(
            context=dict(
                self.env.context, allowed_company_ids=(company or self.env.company).ids
            )
        )
        return Form(env["res.config.settings"])

    def test_adm_24_settings_round_trip(self):
        """ADM-24, ADM-25: the manual owner, revision and review interval set in
        Settings are stored on the company and shown again when Settings reopen."""
        form = self._settings_form()
        form.dealer_manual_owner_id = self.owner
        form.dealer_manual_revision = "DX-GL-2026-02"
        form.dealer_manual_revision_date = date(2026, 3, 1)
        form.dealer_manual_review_months = 6
        form.save().execute()

        company = self.env.company
        self.assertEqual(company.dealer_manual_owner_id, self.owner)
        self.assertEqual(company.dealer_manual_revision, "DX-GL-2026-02")
        self.assertEqual(company.dealer_manual_review_months, 6)
        self.assertEqual(company.dealer_manual_next_review_date, date(2026, 9, 1))

        reopened = self._settings_form()
        self.assertEqual(reopened.dealer_manual_owner_id, self.owner)
        self.assertEqual(reopened.dealer_manual_revision, "DX-GL-2026-02")
        self.assertEqual(reopened.dealer_manual_revision_date, date(2026, 3, 1))
        self.assertEqual(reopened.dealer_manual_review_months, 6)
        self.assertEqual(reopened.dealer_manual_next_review_date, date(2026, 9, 1))

    def test_adm_24_policies_are_per_company(self):
        """ADM-24: each company keeps its own manual policy."""
        self.other_company.dealer_manual_review_months = 3
        form = self._settings_form()
        form.dealer_manual_review_months = 24
        form.save().execute()
        self.assertEqual(self.env.company.dealer_manual_review_months, 24)
        self.assertEqual(self.other_company.dealer_manual_review_months, 3)
        self.assertEqual(
            self._settings_form(self.other_company).dealer_manual_review_months, 3
        )

    def test_adm_24_review_interval_default(self):
        """ADM-24: a new company reviews its manual every 12 months by default."""
        self.assertEqual(self.other_company.dealer_manual_review_months, 12)
        self.assertFalse(self.other_company.dealer_manual_next_review_date)

    def test_adm_24_review_interval_must_be_positive(self):
        """ADM-24: an interval below one month is refused, naming field and rule."""
        with self.assertRaisesRegex(
            ValidationError, r"Review every \(months\).*ADM-24"
        ):
            self.env.company.dealer_manual_review_months = 0

    def test_adm_24_only_settings_administrators_change_the_policy(self):
        """ADM-24: department heads cannot change the company's manual policy."""
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.owner).create(
                {"dealer_manual_review_months": 1}
            )
        with self.assertRaises(AccessError):
            self.env.company.with_user(self.owner).write(
                {"dealer_manual_review_months": 1}
            )
        self.assertEqual(self.env.company.dealer_manual_review_months, 12)
