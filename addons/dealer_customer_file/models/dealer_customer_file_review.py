# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import has_words, period_of
from odoo.addons.dealer_sale.models.res_partner import CUSTOMER_CLASSES


class DealerCustomerFileReview(models.Model):
    """The quarterly customer review (客户评审表, CUS-09, CUS-03): the facts
    of the last twelve months, the class they suggest, and the reviewer's
    decision with a reason when it differs."""

    _name = "dealer.customer.file.review"
    _description = "Customer File Review"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "date_due desc, id desc"

    # The facts and the decision are written by the review's own steps: the
    # scheduled action and Refresh Facts, then Confirm Review (CUS-09).
    _dealer_governed = {
        "file_id": "CUS-09",
        "period": "CUS-09",
        "date_due": "CUS-09",
        "state": "CUS-09",
        "revenue_12m": "CUS-09",
        "margin_12m": "CUS-09",
        "order_count_12m": "CUS-09",
        "overdue_amount": "CUS-09",
        "complaint_count": "CUS-09",
        "current_class": "CUS-09",
        "suggested_class": "CUS-09",
        "date_done": "CUS-09",
        "done_by_id": "CUS-09",
    }

    name = fields.Char(compute="_compute_name", store=True)
    file_id = fields.Many2one(
        "dealer.customer.file",
        string="Customer file",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    partner_id = fields.Many2one(
        related="file_id.partner_id", store=True, string="Customer"
    )
    company_id = fields.Many2one(related="file_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one("res.users", string="Reviewer", index=True, tracking=True)
    period = fields.Char(required=True, readonly=True, index=True)
    date_due = fields.Date(string="Due", required=True, readonly=True)
    state = fields.Selection(
        [("open", "To review"), ("done", "Done")],
        default="open",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    revenue_12m = fields.Monetary(string="Revenue (12 months)", readonly=True)
    margin_12m = fields.Monetary(string="Margin (12 months)", readonly=True)
    order_count_12m = fields.Integer(string="Orders (12 months)", readonly=True)
    overdue_amount = fields.Monetary(string="Overdue receivables", readonly=True)
    complaint_count = fields.Integer(string="Complaints (12 months)", readonly=True)
    current_class = fields.Selection(
        CUSTOMER_CLASSES, string="Class before", readonly=True
    )
    suggested_class = fields.Selection(
        CUSTOMER_CLASSES, string="Suggested class", readonly=True
    )
    decided_class = fields.Selection(
        CUSTOMER_CLASSES, string="Decided class", tracking=True
    )
    reason = fields.Text(tracking=True)
    date_done = fields.Date(string="Reviewed on", readonly=True)
    done_by_id = fields.Many2one("res.users", string="Reviewed by", readonly=True)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )

    _sql_constraints = [
        (
            "file_period_uniq",
            "unique(file_id, period)",
            "A customer file is reviewed once per period (CUS-09).",
        )
    ]

    @api.depends("file_id.name", "period")
    def _compute_name(self):
        for review in self:
            review.name = f"{review.file_id.name} {review.period}"

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for review in self:
            review.is_overdue = review.state == "open" and review.date_due < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on Overdue."))
        today = fields.Date.context_today(self)
        domain = [("state", "=", "open"), ("date_due", "<", today)]
        return domain if (operator == "=") == value else ["!", *domain]

    # ------------------------------------------------------------------ facts
    @api.model
    def _dealer_complaint_counts(self, partners, since, company):
        """{commercial partner: complaints since ``since``} in ``company``.
        No source here: the bridge dealer_customer_file_helpdesk, installed
        with the helpdesk, counts complaint tickets."""
        return {}

    @api.model
    def _dealer_facts(self, partners, company):
        """The review facts of ``partners`` (commercial partners) in
        ``company``, in its currency, in a few grouped queries: {partner: dict
        of facts}. Sales come from the sales analysis (sale.report), which
        converts each order to the company's currency as core's report does."""
        today = fields.Date.context_today(self)
        since = today - relativedelta(months=company.dealer_file_lookback_months)
        facts = {
            partner: {
                "revenue_12m": 0.0,
                "margin_12m": 0.0,
                "order_count_12m": 0,
                "overdue_amount": 0.0,
                "complaint_count": 0,
            }
            for partner in partners
        }

        def add(partner, key, value):
            commercial = partner.commercial_partner_id
            if commercial in facts:
                facts[commercial][key] += value

        # sudo: reviews summarise everyone's orders and invoices of the
        # customer, whatever the reviewer's own sales rights are; the sums
        # stay within the file's company.
        report = self.env["sale.report"].sudo().with_company(company)
        for partner, revenue, margin, count in report._read_group(
            [
                ("commercial_partner_id", "in", partners.ids),
                ("company_id", "=", company.id),
                ("state", "=", "sale"),
                ("date", ">=", since),
            ],
            ["commercial_partner_id"],
            ["price_subtotal:sum", "margin:sum", "order_reference:count_distinct"],
        ):
            add(partner, "revenue_12m", revenue)
            add(partner, "margin_12m", margin)
            add(partner, "order_count_12m", count)
        # amount_residual_signed is in the company's currency.
        for partner, residual in (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("invoice_date_due", "<", today),
                    ("commercial_partner_id", "in", partners.ids),
                    ("company_id", "=", company.id),
                ],
                ["commercial_partner_id"],
                ["amount_residual_signed:sum"],
            )
        ):
            add(partner, "overdue_amount", residual)
        for partner, count in self._dealer_complaint_counts(
            partners, since, company
        ).items():
            add(partner, "complaint_count", count)
        return facts

    @api.model
    def _dealer_suggest(self, company, facts):
        """CUS-03: value (revenue) and loyalty (orders) set the class."""
        if (
            facts["revenue_12m"] >= company.dealer_file_important_revenue
            and facts["order_count_12m"] >= company.dealer_file_important_orders
        ):
            return "important"
        if facts["revenue_12m"] >= company.dealer_file_general_revenue:
            return "general"
        return "potential"

    def _dealer_fact_values(self, facts):
        return {
            **facts,
            "suggested_class": self._dealer_suggest(self.company_id, facts),
        }

    def action_refresh_facts(self):
        open_reviews = self.filtered(lambda r: r.state == "open")
        for company in open_reviews.company_id:
            reviews = open_reviews.filtered(lambda r, c=company: r.company_id == c)
            facts = self._dealer_facts(reviews.partner_id, company)
            for review in reviews:
                review._dealer_as_action().write(
                    review._dealer_fact_values(facts[review.partner_id])
                )
        return True

    def action_confirm(self):
        """CUS-09: the reviewer confirms the class, or changes it with a reason."""
        for review in self:
            if review.state != "open":
                raise UserError(self.env._("%s is already done.", review.name))
            if not review._dealer_may_decide():
                raise UserError(
                    self.env._(
                        "%s: the reviewer, a Sales Manager or a custodian of the "
                        "file confirms the review.",
                        review.name,
                    )
                )
            decided = review.decided_class or review.suggested_class
            if decided != review.suggested_class and not has_words(review.reason):
                raise ValidationError(
                    self.env._(
                        "%s: you chose another class than the suggested one; give "
                        "the reason (Reason, CUS-09).",
                        review.name,
                    )
                )
            review._dealer_as_action().write(
                {
                    "decided_class": decided,
                    "state": "done",
                    "date_done": fields.Date.context_today(self),
                    "done_by_id": self.env.user.id,
                }
            )
            if review.partner_id.dealer_customer_class != decided:
                # The reviewer may not have write access to every customer
                # (salespeople edit their own); the review is the authority.
                review.partner_id.sudo().dealer_customer_class = decided
        return True

    def _dealer_may_decide(self):
        self.ensure_one()
        user = self.env.user
        return (
            user == self.user_id
            or user.has_group("dealer_base.group_sales_manager")
            or (
                user.has_group("dealer_base.group_file_custodian")
                and user in self.file_id.custodian_ids
            )
        )

    @api.model
    def _cron_open_reviews(self):
        """CUS-09: open this period's review of every active file; safe to run
        twice (the unique period per file, checked before creating)."""
        today = fields.Date.context_today(self)
        files = self.env["dealer.customer.file"].search([("active", "=", True)])
        for company in files.company_id:
            company_files = files.filtered(lambda f, c=company: f.company_id == c)
            period, _start, end = period_of(today, company.dealer_file_review_months)
            existing = self.search(
                [("file_id", "in", company_files.ids), ("period", "=", period)]
            ).file_id
            todo = company_files - existing
            if not todo:
                continue
            facts = self._dealer_facts(todo.partner_id, company)
            reviews = self.create(
                [
                    {
                        "file_id": file.id,
                        "period": period,
                        "date_due": end,
                        # Without a salesperson, a custodian reviews.
                        "user_id": (file.user_id or file.custodian_ids[:1]).id,
                        "current_class": file.customer_class,
                        **facts[file.partner_id],
                        "suggested_class": self._dealer_suggest(
                            company, facts[file.partner_id]
                        ),
                    }
                    for file in todo
                ]
            )
            reviews._dealer_schedule_activity()
        return True

    def _dealer_schedule_activity(self):
        activity_type = self.env.ref("dealer_customer_file.mail_activity_file_review")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": review.id,
                    "activity_type_id": activity_type.id,
                    "user_id": review.user_id.id,
                    "date_deadline": review.date_due,
                }
                for review in self.filtered("user_id")
            ]
        )
