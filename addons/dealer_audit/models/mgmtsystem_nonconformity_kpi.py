# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import SQL


class MgmtsystemNonconformity(models.Model):
    # One concern per file: the KPI hook sits apart from the findings rules.
    _inherit = "mgmtsystem.nonconformity"  # pylint: disable=consider-merging-classes-inherited

    def _dealer_kpi_aud_fix(self, kpi, bounds):
        """AUD-04 in the appraisal (issue 22): the findings due in the period
        that their responsible person corrected by the deadline, out of all
        the findings due then (cancelled ones aside). A finding closed after
        its deadline, or still open, counts against that person."""
        return SQL(
            """
            SELECT n.company_id, n.responsible_user_id,
                   COUNT(*) FILTER (
                       WHERE n.state = 'done'
                         AND (n.closing_date AT TIME ZONE 'UTC' AT TIME ZONE b.tz)::date
                             <= n.dealer_date_deadline
                   ),
                   COUNT(*)
              FROM mgmtsystem_nonconformity n
              JOIN %(bounds)s b
                ON b.company_id = n.company_id
               AND n.dealer_date_deadline BETWEEN b.date_from AND b.date_to
             WHERE n.responsible_user_id IS NOT NULL
               AND n.state IS DISTINCT FROM 'cancel'
             GROUP BY 1, 2
            """,
            bounds=bounds,
        )
