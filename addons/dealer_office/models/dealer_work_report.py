# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import DEPARTMENTS, has_words

REPORT_KINDS = [
    ("daily", "Daily report"),
    ("weekly", "Weekly report"),
    ("monthly", "Monthly report"),
    ("market", "Market and customer report"),
]


class DealerWorkReport(models.Model):
    """A work report (ADM-15, ADM-19, ADM-23): daily, weekly, monthly, or the
    periodic written market and customer report; due at the end of its period
    plus the company's grace days; late when submitted after, or still
    missing past, its due date. Weekly reports appear in the department's
    weekly meeting."""

    _name = "dealer.work.report"
    _description = "Work Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "period_start desc, id desc"
    _check_company_auto = True

    _dealer_governed = {
        "state": "ADM-15",
        "date_submitted": "ADM-15",
        "user_id": "ADM-15",
        # Computed from the period: a stored compute takes whatever a caller
        # writes, and a later due date unflags a late report.
        "period_end": "ADM-15",
        "date_due": "ADM-15",
    }
    _dealer_keep_rule = "ADM-15"
    _dealer_deletable_states = ("draft",)

    user_id = fields.Many2one(
        "res.users",
        string="Reported by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    department = fields.Selection(
        DEPARTMENTS,
        compute="_compute_department",
        store=True,
        readonly=False,
        precompute=True,
    )
    kind = fields.Selection(REPORT_KINDS, required=True, default="weekly")
    period_start = fields.Date(
        string="Period", required=True, default=fields.Date.context_today
    )
    period_end = fields.Date(compute="_compute_dates", store=True)
    date_due = fields.Date(string="Due", compute="_compute_dates", store=True)
    content = fields.Html(string="Report")
    next_plan = fields.Html(string="Next period's plan")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    date_submitted = fields.Date(string="Submitted on", readonly=True)
    is_late = fields.Boolean(
        string="Late report", compute="_compute_is_late", search="_search_is_late"
    )

    @api.depends("user_id")
    def _compute_department(self):
        for report in self:
            report.department = (
                report.user_id and report.user_id._dealer_department()
            ) or False

    @api.depends("kind", "period_start", "company_id.dealer_report_grace_days")
    def _compute_dates(self):
        for report in self:
            start = report.period_start
            if not start:
                report.period_end = report.date_due = False
                continue
            if report.kind == "daily":
                end = start
            elif report.kind == "weekly":
                end = start + timedelta(days=6 - start.weekday())
            else:
                end = start + relativedelta(day=31)
            report.period_end = end
            report.date_due = end + timedelta(
                days=report.company_id.dealer_report_grace_days
            )

    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for report in self:
            done = report.date_submitted or today
            report.is_late = bool(report.date_due) and done > report.date_due

    @api.model
    def _search_is_late(self, operator, value):
        today = fields.Date.context_today(self)
        self.flush_model(["date_due", "date_submitted"])
        self.env.cr.execute(
            """
            SELECT id FROM dealer_work_report
             WHERE date_due < COALESCE(date_submitted, %s)
            """,
            [today],
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    def write(self, vals):
        if (
            not self._dealer_is_trusted()
            and self.filtered(lambda r: r.state == "submitted")
            and vals.keys() & {"content", "next_plan", "kind", "period_start"}
        ):
            raise UserError(self.env._("A submitted report is not changed (ADM-15)."))
        return super().write(vals)

    def action_submit(self):
        for report in self:
            if report.user_id != self.env.user and not self.env.su:
                raise UserError(
                    self.env._("Only the author submits the report (ADM-15).")
                )
            if report.state != "draft" or not has_words(report.content):
                raise UserError(
                    self.env._(
                        "Write the report before submitting it (Report, ADM-15)."
                    )
                )
        self._dealer_as_action().write(
            {
                "state": "submitted",
                "date_submitted": fields.Date.context_today(self),
            }
        )
        return True
