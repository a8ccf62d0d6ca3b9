# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.dealer_base.tools import period_datetimes


class MgmtsystemAudit(models.Model):
    _inherit = "mgmtsystem.audit"

    @api.model
    def _dealer_special_triggers(self, company, start, end):
        return [
            *super()._dealer_special_triggers(company, start, end),
            *self._dealer_trigger_rejection(company, start, end),
        ]

    @api.model
    def _dealer_trigger_rejection(self, company, start, end):
        """AUD-03: the product categories whose receipts were rejected above
        the company's rate in the period (acceptances validated in it)."""
        date_start, date_end = period_datetimes(start, end)
        # sudo: the threshold counts every acceptance, whoever validated it.
        groups = (
            self.env["dealer.receipt.inspection.line"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "done"),
                    ("date_validated", ">=", date_start),
                    ("date_validated", "<", date_end),
                ],
                ["categ_id"],
                ["qty_counted:sum", "qty_rejected:sum"],
            )
        )
        found = []
        minimum = max(company.dealer_audit_rejection_min_qty, 1)
        for category, counted, rejected in groups:
            if not category or counted < minimum:
                continue
            rate = 100.0 * rejected / counted
            if rate > company.dealer_audit_rejection_percent:
                found.append(
                    (
                        "rejection",
                        f"product.category,{category.id}",
                        self.env._(
                            "%(category)s: %(rate).0f%% of %(counted)s received "
                            "rejected (limit %(limit)s%%)",
                            category=category.display_name,
                            rate=rate,
                            counted=counted,
                            limit=company.dealer_audit_rejection_percent,
                        ),
                    )
                )
        return found
