# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

# account.account types whose budget items are costs and revenue (FIN-01).
EXPENSE_TYPES = ("expense", "expense_depreciation", "expense_direct_cost")
INCOME_TYPES = ("income", "income_other")
# Who prepares and revises budgets: the office manager and department heads
# (FIN-01, FIN-14); General Management approves them (FIN-02, FIN-05).
BUDGET_PREPARERS = (
    "dealer_finance.group_office_manager",
    "dealer_finance.group_finance",
    "dealer_base.group_general_management",
)


class MisBudgetByAccount(models.Model):
    """A department's annual budget (FIN-01 to FIN-05, FIN-14) on OCA
    mis_builder_budget: revenue and cost items by account and month. It counts
    (for the expense check and in reports) only once General Management
    approved it (state *Confirmed*); a revision is a new version, approved
    again, and the version it replaces is kept, superseded."""

    _name = "mis.budget.by.account"
    _inherit = ["mis.budget.by.account", "dealer.approval.mixin"]

    _dealer_governed = {
        "dealer_version": "FIN-05",
        "dealer_previous_id": "FIN-05",
        "dealer_approved_by_id": "FIN-02",
        "dealer_approved_date": "FIN-02",
    }
    _dealer_keep_rule = "FIN-02"
    _dealer_deletable_states = ("draft", "cancelled")

    _state_from = ["draft"]
    _state_to = ["confirmed"]
    _cancel_state = "cancelled"
    _tier_validation_manual_config = False
    _dealer_approval_rule = "FIN-02"

    # mis_builder_budget ships no Chinese: the labels users see are said
    # again here, so that this addon's translations apply.
    name = fields.Char(string="Name")  # pylint: disable=attribute-string-redundant
    description = fields.Char(string="Description")  # pylint: disable=attribute-string-redundant
    date_range_id = fields.Many2one(string="Date range")
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")
    company_id = fields.Many2one(string="Company")
    allow_items_overlap = fields.Boolean(
        string="Allow items overlap",
        help="If checked, overlap between budget items is allowed",
    )
    item_ids = fields.One2many(string="Budget Lines")
    state = fields.Selection(
        selection_add=[
            ("draft", "Draft"),
            ("confirmed", "Approved"),
            ("superseded", "Superseded"),
            ("cancelled", "Cancelled"),
        ],
        ondelete={"superseded": "set default"},
        string="Status",
    )
    dealer_department_id = fields.Many2one(
        "hr.department",
        string="Department",
        tracking=True,
        check_company=True,
        index=True,
        help="The office or department whose budget this is (FIN-01, FIN-03).",
    )
    dealer_year = fields.Integer(
        string="Year", compute="_compute_dealer_year", store=True, index=True
    )
    dealer_version = fields.Integer(
        string="Version", default=1, readonly=True, copy=False, tracking=True
    )
    dealer_previous_id = fields.Many2one(
        "mis.budget.by.account",
        string="Revision of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The version this revision replaces once approved (FIN-05).",
    )
    dealer_revision_ids = fields.One2many(
        "mis.budget.by.account", "dealer_previous_id", string="Revisions"
    )
    dealer_approved_by_id = fields.Many2one(
        "res.users", string="Approved by", readonly=True, copy=False
    )
    dealer_approved_date = fields.Datetime(
        string="Approved on", readonly=True, copy=False
    )
    dealer_revenue = fields.Monetary(
        string="Revenue", compute="_compute_dealer_totals", currency_field="currency_id"
    )
    dealer_cost = fields.Monetary(
        string="Cost and expenses",
        compute="_compute_dealer_totals",
        currency_field="currency_id",
    )
    dealer_profit = fields.Monetary(
        string="Profit", compute="_compute_dealer_totals", currency_field="currency_id"
    )
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_currency_id",
        string="Currency",
    )

    @api.depends("date_from")
    def _compute_dealer_year(self):
        for budget in self:
            budget.dealer_year = budget.date_from.year if budget.date_from else 0

    def _dealer_analytic_distribution(self):
        """The department's analytic account (the office or department is an
        analytic account of the "Departments" plan, ORG-09)."""
        self.ensure_one()
        analytic = self.dealer_department_id.dealer_analytic_account_id
        return {str(analytic.id): 100.0} if analytic else False

    @api.depends("company_id")
    def _compute_currency_id(self):
        for budget in self:
            budget.currency_id = (budget.company_id or self.env.company).currency_id

    @api.depends("item_ids.balance", "item_ids.account_id.account_type")
    def _compute_dealer_totals(self):
        # One grouped read for every budget shown (no read per budget).
        totals = defaultdict(float)
        if self.ids:
            for budget, account, balance in self.env[
                "mis.budget.by.account.item"
            ]._read_group(
                [("budget_id", "in", self.ids)],
                ["budget_id", "account_id"],
                ["balance:sum"],
            ):
                totals[(budget.id, account.account_type)] += balance
        for budget in self:
            revenue = -sum(totals[(budget.id, kind)] for kind in INCOME_TYPES)
            cost = sum(totals[(budget.id, kind)] for kind in EXPENSE_TYPES)
            budget.dealer_revenue = revenue
            budget.dealer_cost = cost
            budget.dealer_profit = revenue - cost

    def init(self):
        # FIN-02: one approved (confirmed) budget per department and year.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS mis_budget_by_account_dealer_one_approved
            ON mis_budget_by_account (dealer_department_id, dealer_year)
            WHERE state = 'confirmed' AND dealer_department_id IS NOT NULL
            """
        )

    # ------------------------------------------------------------------ rights
    def _dealer_check_may_prepare(self):
        user = self.env.user
        if self.env.su or any(user.has_group(group) for group in BUDGET_PREPARERS):
            return
        raise UserError(
            self.env._(
                "Only the office manager, Finance or General Management prepare "
                "and revise budgets (rule FIN-01)."
            )
        )

    # ------------------------------------------------------------------ periods
    def _dealer_period_amounts(self, granularity="month", kinds=EXPENSE_TYPES):
        """{period: amount} of this budget's items of ``kinds`` by month
        (1-12) or quarter (1-4): the quarter is the sum of its months (FIN-03).
        Revenue is returned positive."""
        self.ensure_one()
        amounts = defaultdict(float)
        sign = -1 if set(kinds) <= set(INCOME_TYPES) else 1
        for month, balance in self.env["mis.budget.by.account.item"]._read_group(
            [("budget_id", "=", self.id), ("account_id.account_type", "in", kinds)],
            ["date_from:month"],
            ["balance:sum"],
        ):
            period = month.month if granularity == "month" else (month.month + 2) // 3
            amounts[period] += sign * balance
        return dict(amounts)

    @api.model
    def _dealer_month_remaining(self, department, months, exclude_sheets=None):
        """{month start: approved expense budget of ``department`` minus what
        its claims spent} for the months given (FIN-08). Only approved
        budgets count (FIN-02). Two grouped queries whatever the number of
        budget lines and claims."""
        if not department or not months:
            return {}
        first, last = min(months), max(months)
        budget = defaultdict(float)
        # sudo: the check runs for every claimant, who may not read budgets;
        # it only reads the department's totals.
        Item = self.env["mis.budget.by.account.item"].sudo()
        for month, balance in Item._read_group(
            [
                ("budget_id.state", "=", "confirmed"),
                ("budget_id.dealer_department_id", "=", department.id),
                ("date_from", ">=", first),
                ("date_from", "<=", fields.Date.end_of(last, "month")),
                ("account_id.account_type", "in", EXPENSE_TYPES),
            ],
            ["date_from:month"],
            ["balance:sum"],
        ):
            budget[month] += balance
        spent = defaultdict(float)
        domain = [
            ("employee_id.department_id", "=", department.id),
            ("date", ">=", first),
            ("date", "<=", fields.Date.end_of(last, "month")),
            ("sheet_id.state", "in", ("submit", "approve", "post", "done")),
        ]
        if exclude_sheets:
            domain.append(("sheet_id", "not in", exclude_sheets.ids))
        for month, total in (
            self.env["hr.expense"]
            .sudo()
            ._read_group(domain, ["date:month"], ["total_amount:sum"])
        ):
            spent[month] += total
        return {month: budget[month] - spent[month] for month in months}
