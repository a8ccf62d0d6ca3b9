# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerRiskCommon


@tagged("post_install", "-at_install")
class TestIndicator(DealerRiskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.risk = cls._risk(3, 3, name="Receivables overdue")
        cls.review_type = cls.env.ref("dealer_risk.mail_activity_type_risk_review")

    def _indicator(self, **vals):
        return (
            self.env["dealer.risk.indicator"]
            .with_user(self.office_mgr)
            .create(
                {
                    "name": "Safety stock (weeks)",
                    "code": "manual",
                    "risk_id": self.risk.id,
                    "company_id": self.company.id,
                    "direction": "below",
                    "limit": 4,
                    "manual_value": 6,
                    **vals,
                }
            )
        )

    def _reviews(self):
        return self.risk.activity_ids.filtered(
            lambda a: a.activity_type_id == self.review_type
        )

    def test_rsk_07_indicator_opens_one_review_per_period(self):
        """RSK-07: an indicator beyond its limit opens one review of its risk
        per period, however often the job runs; the next period, one more."""
        indicator = self._indicator()
        with freeze_time("2026-11-10"):
            indicator._dealer_evaluate()
            self.assertFalse(indicator.breached)
            self.assertFalse(self._reviews())
            indicator.with_user(self.office_mgr).manual_value = 3
            indicator._dealer_evaluate()
            indicator._dealer_evaluate()
            self.env["dealer.risk.indicator"]._cron_evaluate()
            self.assertTrue(indicator.breached)
            self.assertEqual(indicator.value, 3)
            self.assertEqual(len(self._reviews()), 1)
            self.assertEqual(self._reviews().user_id, self.owner)
            self.assertEqual(self.risk.next_review_date, fields.Date.today())
        with freeze_time("2026-12-02"):
            indicator._dealer_evaluate()
            self.assertEqual(len(self._reviews()), 2)
            self.assertEqual(indicator.last_breach_period, "2026-12")

    def test_rsk_07_indicator_values_are_read_not_written(self):
        """RSK-07: the value and the breach flag come from the job only; an
        employee cannot read an indicator by hand."""
        indicator = self._indicator()
        with self.assertRaisesRegex(UserError, "RSK-07"):
            indicator.with_user(self.office_mgr).write({"breached": True})
        with self.assertRaisesRegex(ValidationError, "RSK-07"):
            indicator.with_user(self.staff).action_evaluate()
        indicator.with_user(self.office_mgr).action_evaluate()
        self.assertEqual(indicator.value, 6)

    def test_rsk_07_indicator_without_provider_is_not_available(self):
        """RSK-07: an indicator whose code no installed addon computes (the
        complaint rate without the after-sales bridge) says so, and opens no
        review."""
        indicator = self._indicator(code="complaint_rate", direction="above", limit=1)
        indicator._dealer_evaluate()
        self.assertFalse(indicator.available)
        self.assertFalse(indicator.breached)
        self.assertFalse(self._reviews())

    def test_rsk_07_overdue_receivables(self):
        """RSK-07: overdue receivables are read from Accounting's open items."""
        if "account.move" not in self.env:
            self.skipTest("Accounting is not installed")
        env = self.env(context={})
        company = env.ref("base.main_company")
        journal = env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
        )
        if not journal:
            self.skipTest("no chart of accounts in this company")
        risk = env["dealer.risk"].create(
            {"name": "Overdue receivables", "company_id": company.id}
        )
        indicator = env["dealer.risk.indicator"].create(
            {
                "name": "Overdue receivables",
                "code": "overdue_receivables",
                "risk_id": risk.id,
                "company_id": company.id,
                "limit": 0,
            }
        )
        before = indicator._dealer_compute_value()
        partner = env["res.partner"].create({"name": "School"})
        today = fields.Date.today()
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "journal_id": journal.id,
                "invoice_date": today - timedelta(days=60),
                "invoice_date_due": today - timedelta(days=30),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "NVMe SSD",
                            "quantity": 1,
                            "price_unit": 1000,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        self.assertAlmostEqual(
            indicator._dealer_compute_value() - before,
            invoice.amount_residual_signed,
        )
