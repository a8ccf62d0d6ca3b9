# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import fields, models
from odoo.exceptions import UserError


class DealerBudgetSpread(models.TransientModel):
    """Spread an annual amount of one account over the months of a draft
    budget (FIN-03), by a distribution profile: one budget line per month;
    quarters are the sums of their months."""

    _name = "dealer.budget.spread"
    _description = "Spread an Annual Budget"

    budget_id = fields.Many2one("mis.budget.by.account", required=True)
    company_id = fields.Many2one(related="budget_id.company_id")
    profile_id = fields.Many2one(
        "dealer.budget.profile",
        string="Distribution profile",
        required=True,
        default=lambda s: s.env.ref(
            "dealer_finance.budget_profile_equal", raise_if_not_found=False
        ),
    )
    account_id = fields.Many2one(
        "account.account",
        required=True,
        domain="[('account_type', 'in', ('income', 'income_other', 'expense', "
        "'expense_depreciation', 'expense_direct_cost'))]",
    )
    amount = fields.Monetary(
        string="Annual amount", required=True, currency_field="currency_id"
    )
    currency_id = fields.Many2one(related="budget_id.currency_id")
    label = fields.Char()

    def action_spread(self):
        self.ensure_one()
        budget = self.budget_id
        budget._dealer_check_may_prepare()
        if budget.state != "draft":
            raise UserError(
                self.env._(
                    "Budget %(name)s is not a draft: revise it to change its lines "
                    "(rule FIN-05).",
                    name=budget.display_name,
                )
            )
        if self.amount <= 0:
            raise UserError(
                self.env._(
                    "The annual amount is positive (field Annual amount, rule "
                    "FIN-03)."
                )
            )
        year = budget.dealer_year or budget.date_from.year
        if budget.date_from != date(year, 1, 1) or budget.date_to != date(year, 12, 31):
            raise UserError(
                self.env._(
                    "Budget %(name)s does not cover the calendar year %(year)s: "
                    "it cannot be spread over its months (rule FIN-03).",
                    name=budget.display_name,
                    year=year,
                )
            )
        self._dealer_spread(budget, year)
        return {"type": "ir.actions.act_window_close"}

    def _dealer_spread(self, budget, year):
        income = self.account_id.account_type in ("income", "income_other")
        currency = budget.currency_id
        shares = self.profile_id._dealer_month_shares(self.amount, currency.round)
        label = self.label or self.account_id.display_name
        vals_list = []
        for month, amount in shares.items():
            if not amount:
                continue
            start = date(year, month, 1)
            vals_list.append(
                {
                    "budget_id": budget.id,
                    "name": label,
                    "account_id": self.account_id.id,
                    "company_id": (budget.company_id or self.env.company).id,
                    "date_from": start,
                    "date_to": fields.Date.end_of(start, "month"),
                    "credit" if income else "debit": amount,
                    "analytic_distribution": budget._dealer_analytic_distribution(),
                }
            )
        return self.env["mis.budget.by.account.item"].create(vals_list)
