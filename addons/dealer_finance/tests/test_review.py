# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerFinanceCommon


@tagged("post_install", "-at_install")
class TestBudgetReview(DealerFinanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Not named "Departments": a plan of that name may exist already.
        plan = cls.env["account.analytic.plan"].create({"name": "Review offices"})
        cls.analytic = cls.env["account.analytic.account"].create(
            {"name": "Lighting Sales", "plan_id": plan.id, "company_id": cls.company.id}
        )
        cls.department.dealer_analytic_account_id = cls.analytic
        cls.company.dealer_budget_variance_percent = 10.0
        # The department's approved budget: 10,000 of cost a month.
        cls.budget = cls._approve_budget(cls._budget(120_000))
        cls.journal = cls.env["account.journal"].create(
            {
                "name": "Misc",
                "code": "DMISC",
                "type": "general",
                "company_id": cls.company.id,
            }
        )
        cls.bank_account = cls.env["account.account"].create(
            {
                "name": "Bank",
                "code": "100201",
                "account_type": "asset_current",
                "company_ids": [Command.set(cls.company.ids)],
            }
        )
        # February's actual cost: 15,000 on the department, 50% above budget.
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.journal.id,
                "company_id": cls.company.id,
                "date": date(cls.year, 2, 10),
                "line_ids": [
                    Command.create(
                        {
                            "account_id": cls.expense_account.id,
                            "debit": 15_000,
                            "analytic_distribution": {str(cls.analytic.id): 100},
                        }
                    ),
                    Command.create(
                        {"account_id": cls.bank_account.id, "credit": 15_000}
                    ),
                ],
            }
        )
        move.action_post()

    def _open(self):
        """The reviews the job opens for this test's department (the demo
        company's departments, when installed, get theirs too)."""
        return (
            self.env["dealer.budget.review"]
            ._cron_open_reviews(today=date(self.year, 3, 5))
            .filtered(lambda review: review.department_id == self.department)
        )

    def test_fin_04_review_opened_once_per_period_and_department(self):
        """FIN-04: the job opens February's review of the department once,
        however often it runs, with the budget against the books."""
        review = self._open()
        self.assertEqual(len(review), 1)
        self.assertEqual(review.period_key, f"{self.year}-02")
        self.assertEqual(review.budget_id, self.budget)
        self.assertFalse(self._open(), "a second run opens nothing")
        self.assertEqual(
            self.env["dealer.budget.review"].search_count(
                [("department_id", "=", self.department.id)]
            ),
            1,
        )
        line = review.line_ids.filtered(
            lambda line: line.account_id == self.expense_account
        )
        self.assertEqual(line.budget_amount, 10_000)
        self.assertEqual(line.actual_amount, 15_000)
        self.assertEqual(line.variance, 5_000)
        self.assertAlmostEqual(line.variance_percent, 50.0)
        self.assertTrue(line.needs_comment)
        self.assertTrue(review.activity_ids, "the department head is asked to review")

    def test_fin_04_unexplained_variance_blocks_submission(self):
        """FIN-04: a variance above the threshold without a comment blocks the
        submission; commented, the review is submitted (as the head)."""
        review = self._open().with_user(self.head)
        with self.assertRaisesRegex(UserError, "FIN-04"):
            review.action_submit()
        line = review.line_ids.filtered("needs_comment")
        # The variance is computed: not written away.
        for vals in (
            {"variance": 0.0, "variance_percent": 0.0},
            {"variance_percent": 0},
        ):
            with self.assertRaisesRegex(UserError, "FIN-04"):
                line.write(vals)
        self.assertTrue(line.needs_comment)
        line.write({"comment": "   "})
        with self.assertRaisesRegex(UserError, "FIN-04"):
            review.action_submit()
        with self.assertRaisesRegex(UserError, "FIN-04"):
            review.write({"state": "submitted"})
        line.write({"comment": "Trade fair stand paid in February."})
        review.action_submit()
        self.assertEqual(review.state, "submitted")
        self.assertEqual(review.submitted_by_id, self.head)
        with self.assertRaisesRegex(UserError, "FIN-04"):
            line.write({"comment": "Changed afterwards."})

    def test_fin_04_budget_vs_actual_report_by_month(self):
        """FIN-04: the shipped MIS report compares the approved budget with
        the books month by month, with a variance column."""
        action = self.budget.with_user(self.office_mgr).action_dealer_budget_vs_actual()
        self.assertTrue(action)
        instance = self.env["mis.report.instance"].search(
            [
                (
                    "report_id",
                    "=",
                    self.env.ref("dealer_finance.mis_report_budget_vs_actual").id,
                )
            ]
        )
        self.assertEqual(len(instance.period_ids), 36)
        matrix = instance.compute()
        cost = next(
            row for row in matrix["body"] if row["label"] == "Cost and expenses"
        )
        values = [cell and cell.get("val") for cell in cost["cells"]]
        # February: budget, actual, variance.
        self.assertEqual(values[3:6], [10_000, 15_000, 5_000])
        draft = self._budget(1200, name="Draft budget")
        with self.assertRaisesRegex(UserError, "FIN-02"):
            draft.action_dealer_budget_vs_actual()

    def test_fin_04_review_exported_as_xlsx(self):
        """FIN-04: the review is exported as an XLSX file."""
        review = self._open()
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            "dealer_finance.budget_review_xlsx", review.ids, None
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"), "an XLSX file is a zip")

    def test_fin_09_expense_analysis_by_department_category_month(self):
        """FIN-09: the expense analysis totals the claims by department,
        category and month."""
        for employee, amount in (
            (self.claimant_employee, 120),
            (self.colleague_employee, 80),
        ):
            self._sheet(self._expense(employee, amount)).with_user(
                employee.user_id
            ).action_submit_sheet()
        action = self.env.ref("dealer_finance.hr_expense_action_dealer_analysis")
        self.assertIn("pivot", action.view_mode)
        domain = eval(action.domain)  # noqa: S307 pylint: disable=eval-used
        groups = (
            self.env["hr.expense"]
            .with_user(self.finance)
            ._read_group(
                domain + [("company_id", "=", self.company.id)],
                ["dealer_department_id", "product_id", "date:month"],
                ["total_amount:sum"],
            )
        )
        self.assertEqual(
            [(dep, prod, total) for dep, prod, _month, total in groups],
            [(self.department, self.product, 200.0)],
        )

    def test_fin_03_posts_never_exceed_the_department(self):
        """FIN-03: the budgets of the posts add up to at most the
        department's cost budget, refused to the office manager; positive
        control within it."""
        budget = self._budget(120_000, name="Posts budget")
        jobs = self.env["hr.job"].create(
            [
                {"name": "Lighting sales", "company_id": self.company.id},
                {"name": "Lighting engineer", "company_id": self.company.id},
            ]
        )
        Post = self.env["dealer.budget.post"].with_user(self.office_mgr)
        Post.create({"budget_id": budget.id, "job_id": jobs[0].id, "amount": 70_000})
        second = Post.create(
            {"budget_id": budget.id, "job_id": jobs[1].id, "amount": 50_000}
        )
        with self.assertRaisesRegex(ValidationError, "FIN-03"):
            second.write({"amount": 50_001})
        with self.assertRaisesRegex(ValidationError, "FIN-03"):
            budget.with_user(self.office_mgr).write(
                {
                    "dealer_post_ids": [
                        Command.update(second.id, {"amount": 60_000}),
                    ]
                }
            )
        # Positive control: within the department's cost.
        second.write({"amount": 40_000})
        self.assertEqual(sum(budget.dealer_post_ids.mapped("amount")), 110_000)

    def test_fin_02_policy_off_keeps_oca_budgets(self):
        """Issue 18: a company that does not run by the manual confirms its
        budgets with OCA's button, without General Management's tier, and the
        review job leaves it alone."""
        self.company.dealer_policy_manual = False
        budget = self.env["mis.budget.by.account"].create(
            {
                "name": "Off budget",
                "date_from": date(self.year, 1, 1),
                "date_to": date(self.year, 12, 31),
                "company_id": self.company.id,
            }
        )
        budget.action_confirm()
        self.assertEqual(budget.state, "confirmed")
        self.assertFalse(self._open())
