# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestCompliance(BaseCommon):
    """AUD-05: the registry knows whether rules are kept. Run after every addon
    is installed, these tests check the mechanisms of all of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Mechanism = cls.env["dealer.manual.rule.mechanism"]
        cls.company = cls.env.company
        # The counts cover the companies one works in: here, one.
        cls.rule_adm_24 = cls.env.ref("dealer_base.rule_adm_24").with_context(
            allowed_company_ids=cls.company.ids
        )
        cls.staff = new_test_user(
            cls.env, login="compliance_staff", groups="dealer_base.group_sales_user"
        )

    def test_aud_05_mechanisms_name_what_exists(self):
        """AUD-05: every mechanism's model, methods, fields and records, and
        every compliance check, exist in the installed addons; a mechanism
        naming something that does not exist is reported (positive control)."""
        self.maxDiff = None
        self.assertEqual(self.Mechanism.search([])._dealer_reference_problems(), [])
        fake = self.Mechanism.create(
            [
                {
                    "rule_id": self.rule_adm_24.id,
                    "module": "dealer_base",
                    "name": "Fake model",
                    "reference": "dealer.no.such.model action_x",
                },
                {
                    "rule_id": self.rule_adm_24.id,
                    "module": "dealer_base",
                    "name": "Fake method",
                    "reference": "dealer.manual.rule _no_such_method",
                    "check_model": "dealer.manual.rule",
                    "check_method": "_dealer_compliance_no_such_check",
                },
            ]
        )
        problems = fake._dealer_reference_problems()
        self.assertEqual(len(problems), 3, problems)
        self.assertIn("dealer.no.such.model", problems[0])
        self.assertIn("_no_such_method", problems[1])
        self.assertIn("_dealer_compliance_no_such_check", problems[2])

    def test_aud_05_check_names_are_checks(self):
        """AUD-05: a mechanism calls only methods named _dealer_compliance_*."""
        with self.assertRaisesRegex(ValidationError, "_dealer_compliance_"):
            self.Mechanism.create(
                {
                    "rule_id": self.rule_adm_24.id,
                    "module": "dealer_base",
                    "name": "Not a check",
                    "check_model": "res.company",
                    "check_method": "unlink",
                }
            )

    def test_aud_05_every_check_counts_in_a_period(self):
        """AUD-05: every installed check runs for a company and a period and
        gives a count and a domain that opens the offending records."""
        checks = self.Mechanism.search([("check_method", "!=", False)])
        self.assertTrue(checks)
        results = checks._dealer_run_checks(
            self.company, date(2025, 1, 1), date(2026, 12, 31)
        )
        self.assertEqual(set(results), set(checks.ids))
        for mechanism in checks:
            count, domain = results[mechanism.id]
            self.assertGreaterEqual(count, 0, mechanism.rule_id.code)
            self.assertEqual(
                self.env[mechanism.check_model].search_count(domain),
                count,
                mechanism.rule_id.code,
            )
            action = mechanism._dealer_violations_action(domain)
            self.assertEqual(action["res_model"], mechanism.check_model)

    def test_adm_24_overdue_manual_review_is_counted_and_opened(self):
        """ADM-24, AUD-05: a manual never revised, or past its review, counts
        as one violation on the rule; once revised it counts none."""
        self.company.write(
            {"dealer_manual_revision_date": False, "dealer_manual_review_months": 12}
        )
        self.rule_adm_24.invalidate_recordset(["violation_count"])
        self.assertTrue(self.rule_adm_24.has_check)
        self.assertEqual(self.rule_adm_24.violation_count, 1)
        action = self.rule_adm_24.action_open_violations()
        self.assertEqual(action["res_model"], "res.company")
        self.assertEqual(self.env["res.company"].search(action["domain"]), self.company)
        self.company.dealer_manual_revision_date = date.today()
        self.rule_adm_24.invalidate_recordset(["violation_count"])
        self.assertEqual(self.rule_adm_24.violation_count, 0)

    def test_aud_05_period_filters(self):
        """AUD-05: the rule list counts this quarter unless a filter asks for
        last quarter, this year or last year."""
        Rule = self.env["dealer.manual.rule"]
        today = date(2026, 11, 15)
        self.assertEqual(
            Rule._dealer_period(today=today), (date(2026, 10, 1), date(2026, 12, 31))
        )
        self.assertEqual(
            Rule._dealer_period("last_quarter", today),
            (date(2026, 7, 1), date(2026, 9, 30)),
        )
        self.assertEqual(
            Rule._dealer_period("this_year", today),
            (date(2026, 1, 1), date(2026, 12, 31)),
        )
        self.assertEqual(
            Rule._dealer_period("last_year", today),
            (date(2025, 1, 1), date(2025, 12, 31)),
        )

    def test_aud_05_staff_see_counts_of_what_they_may_read(self):
        """AUD-05: a check whose records the user may not read gives no count
        and does not open; the company check is readable by every employee."""
        self.staff.company_ids = self.company
        rule = self.rule_adm_24.with_user(self.staff)
        self.company.dealer_manual_revision_date = False
        self.assertEqual(rule.violation_count, 1)
        fake = self.Mechanism.create(
            {
                "rule_id": self.rule_adm_24.id,
                "module": "dealer_base",
                "name": "Unreadable",
                "check_model": "ir.config_parameter",
                "check_method": "_dealer_compliance_hidden",
            }
        )
        self.assertEqual(fake.with_user(self.staff)._dealer_run_checks(), {})
        with self.assertRaises(UserError):
            fake.with_user(self.staff).action_open_violations()

    def test_aud_05_rule_list_counts_in_one_query_per_check(self):
        """AUD-05: the rule list's violation counts cost one call per check,
        whether it shows every rule or only the rules that have a check."""
        Rule = self.env["dealer.manual.rule"]
        spec = {"code": {}, "state": {}, "has_check": {}, "violation_count": {}}

        def queries(domain):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Rule.web_search_read(domain, spec)
            return self.env.cr.sql_log_count - before

        queries([])  # warm the caches (ormcache, translations)
        every_rule = queries([])
        only_checked = queries([("has_check", "=", True)])
        self.assertEqual(every_rule, only_checked)
