# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _lt, api, fields, models

from odoo.addons.dealer_base.tools import policy_records

from .dealer_work_report import REPORT_KINDS


class DealerWorkReportDuty(models.Model):
    """Which role owes which report (ADM-15, ADM-19, ADM-23): the members of
    a group write a daily, weekly or monthly report; a scheduled job opens
    each report when its period starts."""

    _name = "dealer.work.report.duty"
    _description = "Work Report Duty"
    _order = "company_id, kind, id"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company
    )
    group_id = fields.Many2one(
        "res.groups",
        string="Role",
        required=True,
        help="The members of this group write the report.",
    )
    kind = fields.Selection(
        [kind for kind in REPORT_KINDS if kind[0] != "market"],
        required=True,
        default="weekly",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "duty_uniq",
            "unique (company_id, group_id, kind)",
            "A role owes one report of each kind.",
        ),
    ]


class DealerWorkReport(models.Model):
    # One file per concern of the report (issue 18), not one class per model.
    _inherit = "dealer.work.report"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _dealer_period_start(self, kind, day):
        if kind == "weekly":
            return day - timedelta(days=day.weekday())
        if kind == "monthly":
            return day.replace(day=1)
        return day

    @api.model
    def _cron_open_due_reports(self, day=None):
        """Open the report of the current period for each member of a role
        that owes it (a draft in the author's name, with a reminder due on
        the report's due date). Safe twice: a person's report of a kind and
        period is opened once, whoever opened it."""
        duties = policy_records(self.env["dealer.work.report.duty"].search([]))
        created = self.browse()
        for (company, kind), group_duties in duties.grouped(
            lambda d: (d.company_id, d.kind)
        ).items():
            today = day or fields.Date.context_today(
                self.with_context(tz=company._dealer_tz().zone)
            )
            start = self._dealer_period_start(kind, today)
            # sudo: group membership is not readable by every user.
            users = group_duties.group_id.sudo().users.filtered(
                lambda u, c=company: c in u.company_ids and not u.share and u.active
            )
            if not users:
                continue
            probe = self.new(
                {"kind": kind, "period_start": start, "company_id": company.id}
            )
            existing = set(
                self.sudo()
                .search(
                    [
                        ("company_id", "=", company.id),
                        ("kind", "=", kind),
                        ("user_id", "in", users.ids),
                        ("period_end", "=", probe.period_end),
                    ]
                )
                .user_id.ids
            )
            vals_list = [
                {
                    "user_id": user.id,
                    "company_id": company.id,
                    "kind": kind,
                    "period_start": start,
                }
                for user in users
                if user.id not in existing
            ]
            if not vals_list:
                continue
            # sudo: the job opens the reports in their authors' names.
            reports = self.sudo()._dealer_as_action().create(vals_list)
            for report in reports:
                report.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=report.date_due,
                    summary=_lt("Write and submit your work report (ADM-15)"),
                    user_id=report.user_id.id,
                )
            created |= reports
        return created
