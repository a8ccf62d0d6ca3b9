# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import models
from odoo.exceptions import UserError


class MisBudgetByAccount(models.Model):
    _inherit = "mis.budget.by.account"  # pylint: disable=consider-merging-classes-inherited

    def _dealer_report_periods(self, instance):
        """Budget, actual and variance columns for each month of the budget
        (FIN-04): the budget column reads this approved budget, the actual
        column the books on the department's analytic account, the variance
        compares them."""
        self.ensure_one()
        Period = self.env["mis.report.instance.period"]
        analytic = self.dealer_department_id.dealer_analytic_account_id
        analytic_domain = (
            repr([("analytic_distribution", "in", analytic.ids)]) if analytic else "[]"
        )
        month = self.date_from.replace(day=1)
        sequence = 0
        while month <= self.date_to:
            end = min(month + relativedelta(months=1, days=-1), self.date_to)
            label = f"{month:%Y-%m}"
            common = {
                "report_instance_id": instance.id,
                "mode": "fix",
                "manual_date_from": max(month, self.date_from),
                "manual_date_to": end,
            }
            budget = Period.create(
                {
                    **common,
                    "name": self.env._("%(month)s budget", month=label),
                    "sequence": sequence + 1,
                    "source": "mis_budget_by_account",
                    "source_mis_budget_by_account_id": self.id,
                }
            )
            actual = Period.create(
                {
                    **common,
                    "name": self.env._("%(month)s actual", month=label),
                    "sequence": sequence + 2,
                    "source": "actuals",
                    "analytic_domain": analytic_domain,
                }
            )
            Period.create(
                {
                    "report_instance_id": instance.id,
                    "name": self.env._("%(month)s variance", month=label),
                    "sequence": sequence + 3,
                    "mode": "none",
                    "source": "cmpcol",
                    "source_cmpcol_from_id": budget.id,
                    "source_cmpcol_to_id": actual.id,
                }
            )
            sequence += 3
            month += relativedelta(months=1)

    def action_dealer_budget_vs_actual(self):
        """The "budget vs actual" MIS report of this approved budget, by month
        with variances (FIN-04); only an approved (or superseded) budget is
        reported (FIN-02)."""
        self.ensure_one()
        if self.state not in ("confirmed", "superseded"):
            raise UserError(
                self.env._(
                    "Budget %(name)s is not approved by General Management: it is "
                    "not reported (rule FIN-02).",
                    name=self.display_name,
                )
            )
        name = self.env._("Budget vs actual: %(name)s", name=self.display_name)
        # sudo: the office manager and General Management open the report of
        # an approved budget; mis_builder lets only accountants configure
        # report instances.
        Instance = self.env["mis.report.instance"].sudo()
        instance = Instance.search([("name", "=", name)], limit=1)
        if not instance:
            instance = Instance.create(
                {
                    "name": name,
                    "report_id": self.env.ref(
                        "dealer_finance.mis_report_budget_vs_actual"
                    ).id,
                    "company_id": self.company_id.id,
                    "comparison_mode": True,
                }
            )
            self.sudo()._dealer_report_periods(instance)
        return instance.preview()
