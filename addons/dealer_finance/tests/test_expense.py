# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerFinanceCommon


@tagged("post_install", "-at_install")
class TestExpense(DealerFinanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The department's approved budget: 10,000 a month.
        cls.budget = cls._approve_budget(cls._budget(120_000))

    def _reviews(self, sheet):
        return sheet.review_ids.sorted("sequence")

    def test_fin_07_chain_head_office_manager_finance_in_order(self):
        """FIN-07: the claim goes to the department head, then the office
        manager, then Finance, each only in turn; within budget no General
        Management tier."""
        sheet = self._sheet(self._expense(self.claimant_employee, 500))
        sheet.with_user(self.claimant).action_submit_sheet()
        reviews = self._reviews(sheet)
        self.assertEqual(
            reviews.definition_id,
            self.env.ref("dealer_finance.tier_definition_expense_head")
            | self.env.ref("dealer_finance.tier_definition_expense_office")
            | self.env.ref("dealer_finance.tier_definition_expense_finance"),
        )
        self.assertEqual(
            reviews.mapped("definition_id.sequence"), [40, 30, 20], "head first"
        )
        self.assertFalse(sheet.dealer_gm_required)
        self.assertEqual(reviews[0].reviewer_ids, self.head)
        # Not their turn yet.
        self.assertFalse(sheet.with_user(self.office_mgr).can_review)
        self.assertFalse(sheet.with_user(self.finance).can_review)
        self._validate(sheet, self.head)
        self.assertEqual(reviews[0].status, "approved")
        self.assertEqual(reviews[0].done_by, self.head)
        self.assertNotIn("approved", reviews[1:].mapped("status"))
        self.assertFalse(sheet.with_user(self.finance).can_review)
        self.assertTrue(sheet.with_user(self.office_mgr).can_review)
        self._validate(sheet, self.office_mgr)
        self._validate(sheet, self.finance)
        self.assertEqual(set(reviews.mapped("status")), {"approved"})
        self.assertTrue(sheet.validated)

    def test_fin_07_claimant_validates_no_tier(self):
        """FIN-07: a claimant in Finance reaches the Finance tier of their own
        claim and is refused; another Finance member approves."""
        sheet = self._sheet(self._expense(self.finance_claimant_employee, 300))
        sheet.with_user(self.finance_claimant).action_submit_sheet()
        self._validate(sheet, self.head)
        self._validate(sheet, self.office_mgr)
        with self.assertRaises(UserError):
            self._validate(sheet, self.finance_claimant)
        self.assertEqual(self._reviews(sheet)[-1].status, "pending")
        self._validate(sheet, self.finance)
        self.assertTrue(sheet.validated)
        # Nor can the claimant write the General Management flag away.
        with self.assertRaisesRegex(UserError, "FIN-08"):
            sheet.with_user(self.finance_claimant).write({"dealer_gm_required": True})

    def test_fin_08_over_budget_adds_general_management(self):
        """FIN-08: a claim above the month's remaining approved budget of the
        department adds General Management's tier, last."""
        first = self._sheet(self._expense(self.colleague_employee, 6000))
        first.with_user(self.colleague).action_submit_sheet()
        self.assertFalse(first.dealer_gm_required)
        # 6,000 of 10,000 spent this month: 5,000 more is over.
        second = self._sheet(self._expense(self.claimant_employee, 5000))
        second.with_user(self.claimant).action_submit_sheet()
        self.assertTrue(second.dealer_gm_required)
        self.assertIn("Lighting Sales", second.dealer_gm_reason)
        gm_review = self._reviews(second)[-1]
        self.assertEqual(
            gm_review.definition_id,
            self.env.ref("dealer_finance.tier_definition_expense_gm"),
        )
        self.assertEqual(gm_review.reviewer_ids & self.gm, self.gm)

    def test_fin_02_unapproved_budget_not_used_by_the_expense_check(self):
        """FIN-02: a draft budget (even a generous one) does not count: another
        department with only a draft budget sends every claim to General
        Management."""
        other = self.env["hr.department"].create(
            {"name": "Lighting Technical", "company_id": self.company.id}
        )
        self._budget(12_000_000, department=other, name="Draft technical budget")
        self.colleague_employee.department_id = other
        sheet = self._sheet(self._expense(self.colleague_employee, 100))
        sheet.with_user(self.colleague).action_submit_sheet()
        self.assertTrue(sheet.dealer_gm_required)

    def test_fin_08_budget_check_in_fixed_queries(self):
        """FIN-08: the over-budget check reads the budget in the same number of
        queries whether the department has 12 or 120 budget lines."""
        Budget = self.env["mis.budget.by.account"]
        months = [self.today.replace(day=1)]
        sheet = self._sheet(self._expense(self.claimant_employee, 100))
        big_department = self.env["hr.department"].create(
            {"name": "Lighting After-sales", "company_id": self.company.id}
        )
        big = self._budget(1_000, department=big_department, name="Big")
        for index in range(9):
            account = self.expense_account.copy({"code": f"66030{index}"})
            self._spread(big, 12_000, account=account)
        self._approve_budget(big)
        self.assertEqual(len(big.item_ids), 120)
        self.assertEqual(len(self.budget.item_ids), 12)

        def count(department):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Budget._dealer_month_remaining(department, months, exclude_sheets=sheet)
            return self.env.cr.sql_log_count - before

        small = count(self.department)
        with self.assertQueryCount(small):
            self.env.invalidate_all()
            remaining = Budget._dealer_month_remaining(
                big_department, months, exclude_sheets=sheet
            )
        self.assertAlmostEqual(remaining[months[0]], 1_000 / 12 + 9 * 1_000, 0)

    def test_fin_08_large_expense_needs_pre_approval(self):
        """FIN-08: a large claim without an approved pre-approval of the same
        employee is refused; approved by General Management beforehand, it
        goes through with General Management's tier."""
        expense = self._expense(self.claimant_employee, 12_000)
        sheet = self._sheet(expense)
        with self.assertRaisesRegex(UserError, "FIN-08"):
            sheet.with_user(self.claimant).action_submit_sheet()
        request = (
            self.env["dealer.expense.preapproval"]
            .with_user(self.claimant)
            .create(
                {
                    "employee_id": self.claimant_employee.id,
                    "purpose": "LED panels for the showroom",
                    "amount": 12_500,
                }
            )
        )
        sheet.with_user(self.claimant).write({"dealer_preapproval_id": request.id})
        with self.assertRaisesRegex(UserError, "FIN-08"):
            sheet.with_user(self.claimant).action_submit_sheet()
        request.with_user(self.claimant).request_validation()
        with self.assertRaises(UserError):
            request.with_user(self.claimant).write({"state": "approved"})
        self._validate(request, self.gm)
        self.assertEqual(request.state, "approved")
        with self.assertRaisesRegex(UserError, "FIN-08"):
            request.with_user(self.claimant).write({"amount": 99_000})
        sheet.with_user(self.claimant).action_submit_sheet()
        self.assertTrue(sheet.dealer_gm_required)

    def test_fin_08_pre_approval_not_spent_twice(self):
        """FIN-08: the claims submitted on one pre-approval stay within its
        amount: two large claims fit a pre-approval of both, a third one is
        refused."""
        request = (
            self.env["dealer.expense.preapproval"]
            .with_user(self.claimant)
            .create(
                {
                    "employee_id": self.claimant_employee.id,
                    "purpose": "Two showroom fittings",
                    "amount": 25_000,
                }
            )
        )
        request.with_user(self.claimant).request_validation()
        self._validate(request, self.gm)
        sheets = [
            self._sheet(self._expense(self.claimant_employee, 12_000))
            for _claim in range(3)
        ]
        for sheet in sheets:
            sheet.with_user(self.claimant).write({"dealer_preapproval_id": request.id})
        # Positive control: 24,000 of 25,000.
        for sheet in sheets[:2]:
            sheet.with_user(self.claimant).action_submit_sheet()
            self.assertEqual(sheet.state, "submit")
        with self.assertRaisesRegex(UserError, "already used.*FIN-08"):
            sheets[2].with_user(self.claimant).action_submit_sheet()
        self.assertEqual(sheets[2].state, "draft")

    def test_fin_06_fapiao_claimed_only_once(self):
        """FIN-06: a fapiao code and number already claimed by anyone is
        refused, written differently too; another number passes."""
        self._expense(
            self.colleague_employee,
            100,
            dealer_fapiao_code="044031900111",
            dealer_fapiao_number="12345678",
        )
        with self.assertRaisesRegex(ValidationError, "Fapiao number.*FIN-06"):
            self._expense(
                self.claimant_employee,
                100,
                dealer_fapiao_code=" 044031900111",
                dealer_fapiao_number="1234 5678",
            )
        mine = self._expense(
            self.claimant_employee,
            100,
            dealer_fapiao_code="044031900111",
            dealer_fapiao_number="12345679",
        )
        with self.assertRaisesRegex(ValidationError, "FIN-06"):
            mine.with_user(self.claimant).write({"dealer_fapiao_number": "12345678"})
        # Full-width digits (a Chinese input method) are the same fapiao.
        with self.assertRaisesRegex(ValidationError, "FIN-06"):
            mine.with_user(self.claimant).write(
                {
                    "dealer_fapiao_number": "".join(
                        chr(0xFF10 + int(d)) for d in "12345678"
                    )
                }
            )
        self.assertEqual(mine.dealer_fapiao_number, "12345679")

    def test_fin_06_voucher_required_above_the_setting(self):
        """FIN-06: an expense above the voucher amount is not submitted without
        its voucher; below it, it is."""
        bare = self._expense(self.claimant_employee, 300, attach=False)
        with self.assertRaisesRegex(ValidationError, "FIN-06"):
            self._sheet(bare).with_user(self.claimant).action_submit_sheet()
        small = self._expense(self.claimant_employee, 150, attach=False)
        sheet = self._sheet(small)
        sheet.with_user(self.claimant).action_submit_sheet()
        self.assertEqual(sheet.state, "submit")
