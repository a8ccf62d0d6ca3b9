# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerFinanceCommon


@tagged("post_install", "-at_install")
class TestBudget(DealerFinanceCommon):
    def test_fin_03_equal_spread_gives_months_and_quarters(self):
        """FIN-03: 1,200,000 spread equally gives 12 months of 100,000 and 4
        quarters of 300,000."""
        budget = self._budget(1_200_000)
        self.assertEqual(len(budget.item_ids), 12)
        self.assertEqual(set(budget.item_ids.mapped("debit")), {100_000.0})
        self.assertEqual(
            budget._dealer_period_amounts("month"),
            {month: 100_000.0 for month in range(1, 13)},
        )
        self.assertEqual(
            budget._dealer_period_amounts("quarter"),
            {quarter: 300_000.0 for quarter in range(1, 5)},
        )
        self.assertEqual(budget.dealer_cost, 1_200_000)
        # Revenue is spread as credit and gives the profit (FIN-01).
        self._spread(budget, 2_000_000, account=self.income_account)
        self.assertEqual(budget.dealer_revenue, 2_000_000)
        self.assertEqual(budget.dealer_profit, 800_000)

    def test_fin_03_profile_must_total_100(self):
        """FIN-03: a profile whose percentages do not total 100 is refused, as
        the office manager; a seasonal profile totalling 100 spreads exactly."""
        Profile = self.env["dealer.budget.profile"].with_user(self.office_mgr)
        with self.assertRaisesRegex(ValidationError, "FIN-03"):
            Profile.create(
                {
                    "name": "Short year",
                    "method": "percent",
                    "line_ids": [
                        Command.create({"month": m, "percent": 8}) for m in range(1, 13)
                    ],
                }
            )
        season = self.env.ref("dealer_finance.budget_profile_season")
        budget = self._budget(1_000_000, profile=season)
        months = budget._dealer_period_amounts("month")
        self.assertEqual(months[1], 50_000)
        self.assertEqual(months[4], 100_000)
        self.assertEqual(sum(months.values()), 1_000_000)

    def test_fin_02_budget_counts_once_general_management_approved(self):
        """FIN-02: a draft budget is not confirmed by its preparer's button nor
        by a write of its state; the office manager does not approve it;
        General Management does."""
        budget = self._budget(120_000)
        as_office = budget.with_user(self.office_mgr)
        with self.assertRaisesRegex(UserError, "FIN-02"):
            as_office.action_confirm()
        with self.assertRaisesRegex(UserError, "FIN-02"):
            as_office.write({"state": "confirmed"})
        as_office.request_validation()
        # The preparer never approves (ADM-25), even if made a reviewer.
        with self.assertRaises(UserError):
            as_office.validate_tier()
        self.assertEqual(budget.state, "draft")
        self._validate(budget, self.gm)
        self.assertEqual(budget.state, "confirmed")
        self.assertEqual(budget.dealer_approved_by_id, self.gm)
        # A staff member can neither change its lines nor its state.
        with self.assertRaisesRegex(UserError, "FIN-05"):
            budget.item_ids[:1].with_user(self.office_mgr).write({"debit": 1})

    def test_fin_02_unapproved_budget_not_offered_to_reports(self):
        """FIN-02: a MIS report period refuses a draft budget and accepts an
        approved one."""
        draft = self._budget(120_000, name="Draft budget")
        report = self.env["mis.report"].create({"name": "Budget vs actual"})
        instance = self.env["mis.report.instance"].create(
            {"name": "Lighting office", "report_id": report.id}
        )
        period_vals = {
            "name": "Budget",
            "report_instance_id": instance.id,
            "source": "mis_budget_by_account",
            "mode": "fix",
            "manual_date_from": date(self.year, 1, 1),
            "manual_date_to": date(self.year, 12, 31),
        }
        Period = self.env["mis.report.instance.period"]
        with self.assertRaisesRegex(ValidationError, "FIN-02"):
            Period.create(dict(period_vals, source_mis_budget_by_account_id=draft.id))
        self._approve_budget(draft)
        period = Period.create(
            dict(period_vals, name="Approved", source_mis_budget_by_account_id=draft.id)
        )
        self.assertEqual(period.source_mis_budget_by_account_id, draft)

    def test_fin_05_revision_keeps_the_old_version_superseded(self):
        """FIN-05: a revision is a new version; the approved one counts until
        the revision is approved, then stays readable, superseded."""
        budget = self._approve_budget(self._budget(1_200_000))
        action = budget.with_user(self.office_mgr).action_dealer_revise()
        revision = budget.browse(action["res_id"])
        self.assertEqual(revision.state, "draft")
        self.assertEqual(revision.dealer_version, 2)
        self.assertEqual(revision.dealer_previous_id, budget)
        self.assertEqual(len(revision.item_ids), 12)
        self.assertEqual(budget.state, "confirmed")
        # The revision changes a month before approval.
        revision.item_ids.sorted("date_from")[-1].with_user(self.office_mgr).write(
            {"debit": 150_000}
        )
        with self.assertRaisesRegex(UserError, "FIN-05"):
            budget.with_user(self.office_mgr).write({"dealer_version": 3})
        self._approve_budget(revision)
        self.assertEqual(revision.state, "confirmed")
        self.assertEqual(budget.state, "superseded")
        old = budget.with_user(self.gm)
        self.assertEqual(old.dealer_cost, 1_200_000)
        self.assertEqual(revision.dealer_cost, 1_250_000)
        with self.assertRaisesRegex(UserError, "FIN-05"):
            old.action_dealer_revise()
