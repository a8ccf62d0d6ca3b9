# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.dealer_base.tools import period_datetimes


class DealerCustomerFileReview(models.Model):
    _inherit = "dealer.customer.file.review"

    @api.model
    def _dealer_complaint_counts(self, partners, since, company):
        """CUS-09: the review counts the customer's complaint tickets received
        in ``company`` since ``since`` (all its contacts'), in one grouped
        query."""
        counts = super()._dealer_complaint_counts(partners, since, company)
        start, _end = period_datetimes(since, since)
        # sudo: the review counts every complaint of the customer in the
        # file's company, whoever handles the tickets.
        groups = (
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "child_of", partners.ids),
                    ("company_id", "=", company.id),
                    ("dealer_ticket_type", "=", "complaint"),
                    ("dealer_received_date", ">=", start),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner, count in groups:
            key = partner.commercial_partner_id
            counts[key] = counts.get(key, 0) + count
        return counts
