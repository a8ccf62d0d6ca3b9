# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""HRM-12, HRM-18 (issue 21): the KPIs of customer files, computed set-wise
by dealer_base's KPI engine through the hooks below: quarterly reviews
(CUS-09) and scheduled big-customer visits (CUS-27) done on time. Both count
what fell due in the period; the due and done dates are calendar days (Date
fields), compared with the period's first and last day."""

from odoo import models
from odoo.tools import SQL


class DealerCustomerFileReview(models.Model):
    # One file per concern of the review (the KPI hook), not one class per
    # model.
    _inherit = "dealer.customer.file.review"  # pylint: disable=consider-merging-classes-inherited

    def _dealer_kpi_cus_review_ontime(self, kpi, bounds):
        """Reviews done by their due day out of the reviews that fell due in
        the period, per reviewer."""
        return SQL(
            """
            SELECT r.company_id, r.user_id,
                   COUNT(*) FILTER (
                       WHERE r.state = 'done' AND r.date_done <= r.date_due
                   ),
                   COUNT(*)
              FROM dealer_customer_file_review r
              JOIN %(bounds)s b
                ON b.company_id = r.company_id
               AND r.date_due BETWEEN b.date_from AND b.date_to
             WHERE r.user_id IS NOT NULL
             GROUP BY 1, 2
            """,
            bounds=bounds,
        )


class DealerCustomerFileVisit(models.Model):
    _inherit = "dealer.customer.file.visit"  # pylint: disable=consider-merging-classes-inherited

    def _dealer_kpi_cus_visit_ontime(self, kpi, bounds):
        """Scheduled visits done by their due day out of the scheduled
        visits that fell due in the period (cancelled ones left out), per
        visitor."""
        return SQL(
            """
            SELECT v.company_id, v.visitor_id,
                   COUNT(*) FILTER (
                       WHERE v.state = 'done' AND v.date_visit <= v.date_due
                   ),
                   COUNT(*)
              FROM dealer_customer_file_visit v
              JOIN %(bounds)s b
                ON b.company_id = v.company_id
               AND v.date_due BETWEEN b.date_from AND b.date_to
             WHERE v.scheduled AND v.state != 'cancel'
               AND v.visitor_id IS NOT NULL
             GROUP BY 1, 2
            """,
            bounds=bounds,
        )
