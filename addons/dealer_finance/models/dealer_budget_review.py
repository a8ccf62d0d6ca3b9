# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import has_words, period_of, policy_records

from .mis_budget_by_account import EXPENSE_TYPES, INCOME_TYPES

KINDS = [("revenue", "Revenue"), ("cost", "Cost and expenses")]


class DealerBudgetReview(models.Model):
    """The periodic budget review of a department (FIN-04): its approved
    budget against the books for one period, account by account, opened by
    a scheduled job once per period and department. It is submitted only
    when every variance above the company's threshold is explained."""

    _name = "dealer.budget.review"
    _description = "Budget Review"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "date_from desc, department_id, id desc"
    _check_company_auto = True

    _dealer_governed = {
        "state": "FIN-04",
        "submitted_by_id": "FIN-04",
        "submitted_date": "FIN-04",
    }
    _dealer_keep_rule = "FIN-04"
    _dealer_deletable_states = ("draft",)

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company
    )
    department_id = fields.Many2one(
        "hr.department", string="Department", required=True, check_company=True
    )
    budget_id = fields.Many2one(
        "mis.budget.by.account",
        string="Approved budget",
        required=True,
        check_company=True,
        domain=[("state", "=", "confirmed")],
    )
    period_key = fields.Char(string="Period", required=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    threshold = fields.Float(
        string="Variance threshold (%)",
        related="company_id.dealer_budget_variance_percent",
    )
    line_ids = fields.One2many("dealer.budget.review.line", "review_id", "Lines")
    unexplained_count = fields.Integer(
        string="Unexplained variances", compute="_compute_unexplained_count"
    )
    state = fields.Selection(
        [("draft", "Open"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    submitted_date = fields.Datetime(readonly=True, copy=False)
    note = fields.Html(string="Conclusions")

    _sql_constraints = [
        (
            "period_department_uniq",
            "UNIQUE (company_id, department_id, period_key)",
            "One budget review per department and period (rule FIN-04).",
        ),
    ]

    @api.depends("department_id", "period_key")
    def _compute_name(self):
        for review in self:
            review.name = f"{review.department_id.name or ''} {review.period_key or ''}"

    @api.depends("line_ids.needs_comment", "line_ids.comment")
    def _compute_unexplained_count(self):
        for review in self:
            review.unexplained_count = len(review.line_ids._dealer_unexplained())

    # ------------------------------------------------------------------ figures
    def _dealer_figures(self):
        """{(account, kind): (budget, actual)} for the period: the budget's
        items, and the posted move lines on the department's analytic
        account. Two grouped queries per review."""
        self.ensure_one()
        figures = defaultdict(lambda: [0.0, 0.0])
        kinds = EXPENSE_TYPES + INCOME_TYPES
        Item = self.env["mis.budget.by.account.item"].sudo()
        for account, balance in Item._read_group(
            [
                ("budget_id", "=", self.budget_id.id),
                ("date_from", ">=", self.date_from),
                ("date_to", "<=", self.date_to),
                ("account_id.account_type", "in", kinds),
            ],
            ["account_id"],
            ["balance:sum"],
        ):
            figures[account][0] += balance
        analytic = self.department_id.dealer_analytic_account_id
        if analytic:
            Line = self.env["account.move.line"].sudo()
            for account, balance in Line._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("parent_state", "=", "posted"),
                    ("date", ">=", self.date_from),
                    ("date", "<=", self.date_to),
                    ("account_id.account_type", "in", kinds),
                    ("analytic_distribution", "in", analytic.ids),
                ],
                ["account_id"],
                ["balance:sum"],
            ):
                figures[account][1] += balance
        result = {}
        for account, (budget, actual) in figures.items():
            sign = -1 if account.account_type in INCOME_TYPES else 1
            kind = "revenue" if sign < 0 else "cost"
            result[(account, kind)] = (sign * budget, sign * actual)
        return result

    def _dealer_fill_lines(self):
        Line = self.env["dealer.budget.review.line"]
        for review in self:
            comments = {line.account_id: line.comment for line in review.line_ids}
            review.line_ids._dealer_as_action().unlink()
            Line._dealer_as_action().create(
                [
                    {
                        "review_id": review.id,
                        "account_id": account.id,
                        "kind": kind,
                        "budget_amount": budget,
                        "actual_amount": actual,
                        "comment": comments.get(account) or False,
                    }
                    for (account, kind), (budget, actual) in sorted(
                        review._dealer_figures().items(),
                        key=lambda item: (item[0][1], item[0][0].code or ""),
                    )
                ]
            )

    def action_refresh(self):
        """Read the figures again (entries posted late), comments kept."""
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._("A submitted budget review is kept as it is (rule FIN-04).")
            )
        self._dealer_fill_lines()

    def action_submit(self):
        """Submitted only with every variance above the threshold explained
        (FIN-04)."""
        for review in policy_records(self):
            if review.state != "draft":
                raise UserError(
                    self.env._(
                        "Budget review %(name)s is already submitted (rule FIN-04).",
                        name=review.name,
                    )
                )
            unexplained = review.line_ids._dealer_unexplained()
            if unexplained:
                raise UserError(
                    self.env._(
                        "Budget review %(name)s: the variance of %(account)s "
                        "(%(percent)s%%) is above %(threshold)s%% and needs a "
                        "comment (field Comment, rule FIN-04).",
                        name=review.name,
                        account=unexplained[0].account_id.display_name,
                        percent=round(unexplained[0].variance_percent, 1),
                        threshold=review.threshold,
                    )
                )
        self._dealer_as_action().write(
            {
                "state": "submitted",
                "submitted_by_id": self.env.user.id,
                "submitted_date": fields.Datetime.now(),
            }
        )

    # ------------------------------------------------------------------ job
    @api.model
    def _dealer_last_period(self, company, today):
        """The last finished period of the company's review period: a review
        looks back on a period once it is over."""
        months = max(company.dealer_budget_review_months, 1)
        _key, start, _end = period_of(today, months)
        return period_of(start - relativedelta(days=1), months)

    @api.model
    def _cron_open_reviews(self, today=None):
        """One review per department and finished period, for every
        department with an approved budget covering it (FIN-04). Safe to run
        twice: an existing review is left as it is."""
        today = today or fields.Date.context_today(self)
        companies = self.env["res.company"].search(
            [("dealer_policy_manual", "=", True)]
        )
        created = self.browse()
        for company in companies:
            key, start, end = self._dealer_last_period(company, today)
            budgets = (
                self.env["mis.budget.by.account"]
                .sudo()
                .search(
                    [
                        ("company_id", "=", company.id),
                        ("state", "=", "confirmed"),
                        ("dealer_department_id", "!=", False),
                        ("date_from", "<=", start),
                        ("date_to", ">=", end),
                    ]
                )
            )
            existing = set(
                self.sudo()
                .search(
                    [
                        ("company_id", "=", company.id),
                        ("period_key", "=", key),
                        ("department_id", "in", budgets.dealer_department_id.ids),
                    ]
                )
                .mapped("department_id.id")
            )
            vals_list = []
            for budget in budgets:
                if budget.dealer_department_id.id in existing:
                    continue
                existing.add(budget.dealer_department_id.id)
                vals_list.append(
                    {
                        "company_id": company.id,
                        "department_id": budget.dealer_department_id.id,
                        "budget_id": budget.id,
                        "period_key": key,
                        "date_from": start,
                        "date_to": end,
                    }
                )
            reviews = self.sudo().create(vals_list)
            reviews._dealer_fill_lines()
            for review in reviews:
                user = review.department_id.manager_id.user_id
                if user:
                    review.activity_schedule(
                        "mail.mail_activity_data_todo",
                        user_id=user.id,
                        summary=self.env._("Review the budget against the actuals"),
                    )
            created |= reviews
        return created


class DealerBudgetReviewLine(models.Model):
    _name = "dealer.budget.review.line"
    _description = "Budget Review Line"
    _inherit = ["dealer.governed.mixin"]
    _order = "review_id, kind desc, account_id"

    _dealer_governed = {
        "review_id": "FIN-04",
        "account_id": "FIN-04",
        "kind": "FIN-04",
        "budget_amount": "FIN-04",
        "actual_amount": "FIN-04",
        # Computed from the two figures: a stored compute takes whatever a
        # caller writes, and a variance written to 0 needs no comment.
        "variance": "FIN-04",
        "variance_percent": "FIN-04",
    }

    review_id = fields.Many2one(
        "dealer.budget.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    currency_id = fields.Many2one(related="review_id.currency_id")
    account_id = fields.Many2one("account.account", string="Account", required=True)
    kind = fields.Selection(KINDS, required=True)
    budget_amount = fields.Monetary(string="Budget", currency_field="currency_id")
    actual_amount = fields.Monetary(string="Actual", currency_field="currency_id")
    variance = fields.Monetary(
        compute="_compute_variance", store=True, currency_field="currency_id"
    )
    variance_percent = fields.Float(
        string="Variance (%)", compute="_compute_variance", store=True
    )
    needs_comment = fields.Boolean(
        string="Above threshold", compute="_compute_needs_comment"
    )
    comment = fields.Text()

    @api.depends("budget_amount", "actual_amount")
    def _compute_variance(self):
        for line in self:
            line.variance = line.actual_amount - line.budget_amount
            if line.budget_amount:
                line.variance_percent = line.variance / abs(line.budget_amount) * 100
            else:
                line.variance_percent = 100.0 if line.actual_amount else 0.0

    @api.depends("variance_percent", "review_id.threshold")
    def _compute_needs_comment(self):
        for line in self:
            line.needs_comment = abs(line.variance_percent) > line.review_id.threshold

    def _dealer_unexplained(self):
        return self.filtered(
            lambda line: line.needs_comment and not has_words(line.comment)
        )

    def write(self, vals):
        if "comment" in vals and self.review_id.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._("A submitted budget review is kept as it is (rule FIN-04).")
            )
        return super().write(vals)
