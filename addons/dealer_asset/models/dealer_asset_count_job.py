# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.dealer_base.tools import period_of


class DealerAssetCount(models.Model):
    _inherit = "dealer.asset.count"

    @api.model
    def _cron_open_counts(self, today=None):
        """One count per period and department holding assets (FIN-12), at
        the start of each period of the company's setting. Safe to run
        twice: a scope already counted this period is left alone (and the
        unique index stays the guarantee)."""
        today = today or fields.Date.context_today(self)
        companies = self.env["res.company"].search(
            [("dealer_policy_manual", "=", True)]
        )
        created = self.browse()
        Asset = self.env["account.asset"].sudo()
        for company in companies:
            months = max(company.dealer_asset_count_months, 1)
            key, _start, _end = period_of(today, months)
            departments = Asset._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("open", "close")),
                    ("dealer_department_id", "!=", False),
                ],
                ["dealer_department_id"],
            )
            departments = self.env["hr.department"].browse(
                [department.id for (department,) in departments]
            )
            done = set(
                self.sudo()
                .search(
                    [
                        ("company_id", "=", company.id),
                        ("period_key", "=", key),
                        ("department_id", "in", departments.ids),
                        ("location", "=", False),
                    ]
                )
                .department_id.ids
            )
            todo = departments.filtered(lambda d, done=done: d.id not in done)
            counts = self.sudo().create(
                [
                    {
                        "name": self.env._(
                            "%(department)s asset count %(period)s",
                            department=department.name,
                            period=key,
                        ),
                        "company_id": company.id,
                        "department_id": department.id,
                        "period_key": key,
                    }
                    for department in todo
                ]
            )
            for count in counts:
                user = count.department_id.manager_id.user_id
                if user:
                    count.activity_schedule(
                        "mail.mail_activity_data_todo",
                        user_id=user.id,
                        summary=self.env._("Count the department's assets"),
                    )
            created |= counts
        return created
