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
            *self._dealer_trigger_complaints(company, start, end),
        ]

    @api.model
    def _dealer_trigger_complaints(self, company, start, end):
        """AUD-03: the products with at least the company's number of
        complaints received in the period."""
        date_start, date_end = period_datetimes(start, end)
        # sudo: the threshold counts every complaint, whoever handles it.
        groups = (
            self.env["helpdesk.ticket"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("dealer_ticket_type", "=", "complaint"),
                    ("product_id", "!=", False),
                    ("dealer_received_date", ">=", date_start),
                    ("dealer_received_date", "<", date_end),
                ],
                ["product_id"],
                ["__count"],
            )
        )
        limit = company.dealer_audit_product_complaints
        return [
            (
                "complaints",
                f"product.product,{product.id}",
                self.env._(
                    "%(product)s: %(count)s complaints (limit %(limit)s)",
                    product=product.display_name,
                    count=count,
                    limit=limit,
                ),
            )
            for product, count in groups
            if count >= limit
        ]
