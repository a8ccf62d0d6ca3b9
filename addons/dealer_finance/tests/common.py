# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DealerFinanceCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Lighting Office Finance"})
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.company.ids)
        )
        cls.company = cls.company.with_env(cls.env)
        cls.company.write(
            {
                "dealer_expense_large_amount": 10000,
                "dealer_expense_attachment_amount": 200,
            }
        )

        def user(login, groups):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )

        cls.claimant = user("fin_claimant", "dealer_base.group_sales_user")
        cls.colleague = user("fin_colleague", "dealer_base.group_sales_user")
        cls.head = user("fin_head", "dealer_base.group_sales_manager")
        cls.office_mgr = user("fin_office_mgr", "dealer_finance.group_office_manager")
        cls.finance = user("fin_finance", "dealer_finance.group_finance")
        cls.finance_claimant = user(
            "fin_finance_claimant",
            "dealer_base.group_sales_user,dealer_finance.group_finance",
        )
        cls.gm = user("fin_gm", "dealer_base.group_general_management")

        cls.department = cls.env["hr.department"].create(
            {"name": "Lighting Sales", "company_id": cls.company.id}
        )
        Employee = cls.env["hr.employee"]

        def employee(person):
            return Employee.create(
                {
                    "name": person.name,
                    "user_id": person.id,
                    "company_id": cls.company.id,
                    "department_id": cls.department.id,
                }
            )

        cls.head_employee = employee(cls.head)
        cls.department.manager_id = cls.head_employee
        cls.claimant_employee = employee(cls.claimant)
        cls.colleague_employee = employee(cls.colleague)
        cls.finance_claimant_employee = employee(cls.finance_claimant)

        cls.expense_account = cls.env["account.account"].create(
            {
                "name": "Office expenses",
                "code": "660201",
                "account_type": "expense",
                "company_ids": [Command.set(cls.company.ids)],
            }
        )
        cls.income_account = cls.env["account.account"].create(
            {
                "name": "Lighting sales",
                "code": "600101",
                "account_type": "income",
                "company_ids": [Command.set(cls.company.ids)],
            }
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Office supplies",
                "type": "service",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "property_account_expense_id": cls.expense_account.id,
            }
        )
        cls.travel_product = cls.env["product.product"].create(
            {
                "name": "Train tickets",
                "type": "service",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "dealer_travel_expense": True,
                "property_account_expense_id": cls.expense_account.id,
            }
        )
        cls.year = date.today().year
        cls.today = date.today()

    # ------------------------------------------------------------ helpers
    @classmethod
    def _budget(cls, amount, department=None, profile=None, account=None, name=None):
        """A draft annual budget of ``department`` spread by ``profile``, as
        the office manager."""
        Budget = cls.env["mis.budget.by.account"].with_user(cls.office_mgr)
        budget = Budget.create(
            {
                "name": name or f"Lighting Sales {cls.year}",
                "date_from": date(cls.year, 1, 1),
                "date_to": date(cls.year, 12, 31),
                "company_id": cls.company.id,
                "dealer_department_id": (department or cls.department).id,
            }
        )
        cls._spread(budget, amount, profile=profile, account=account)
        return budget

    @classmethod
    def _spread(cls, budget, amount, profile=None, account=None):
        wizard = (
            cls.env["dealer.budget.spread"]
            .with_user(cls.office_mgr)
            .create(
                {
                    "budget_id": budget.id,
                    "account_id": (account or cls.expense_account).id,
                    "amount": amount,
                    "profile_id": (
                        profile or cls.env.ref("dealer_finance.budget_profile_equal")
                    ).id,
                }
            )
        )
        wizard.action_spread()

    @classmethod
    def _validate(cls, record, user, comment="Agreed."):
        """Approve as ``user`` through the comment wizard the tier asks for."""
        action = record.with_user(user).validate_tier()
        if isinstance(action, dict):
            cls.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()

    @classmethod
    def _approve_budget(cls, budget):
        budget.with_user(cls.office_mgr).request_validation()
        cls._validate(budget, cls.gm)
        return budget

    def _expense(self, employee, amount, product=None, attach=True, **vals):
        user = employee.user_id
        expense = (
            self.env["hr.expense"]
            .with_user(user)
            .create(
                {
                    "name": vals.pop("name", "Printer paper"),
                    "employee_id": employee.id,
                    "product_id": (product or self.product).id,
                    "total_amount_currency": amount,
                    "date": vals.pop("date", self.today),
                    "company_id": self.company.id,
                    **vals,
                }
            )
        )
        if attach:
            self.env["ir.attachment"].with_user(user).create(
                {
                    "name": "fapiao.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 fapiao"),
                    "res_model": "hr.expense",
                    "res_id": expense.id,
                }
            )
        return expense

    def _sheet(self, expenses, **vals):
        employee = expenses.employee_id
        return (
            self.env["hr.expense.sheet"]
            .with_user(employee.user_id)
            .create(
                {
                    "name": vals.pop("name", "Claim"),
                    "employee_id": employee.id,
                    "company_id": self.company.id,
                    "expense_line_ids": [Command.set(expenses.ids)],
                    **vals,
                }
            )
        )
