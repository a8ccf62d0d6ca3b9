# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A model for the KPI engine's tests only (loaded with odoo_test_helper):
facts with a person, a moment and an outcome, and the hooks of two KPIs."""

from odoo import fields, models
from odoo.tools import SQL


class DealerKpiTester(models.Model):
    _name = "dealer.kpi.tester"
    _description = "KPI tester"

    company_id = fields.Many2one("res.company", required=True)
    user_id = fields.Many2one("res.users")
    done_on = fields.Datetime()
    on_time = fields.Boolean()

    def _dealer_kpi_tst_ontime(self, kpi, bounds):
        """Share of the facts done on time, per person, in the period."""
        return SQL(
            """
            SELECT t.company_id, t.user_id,
                   COUNT(*) FILTER (WHERE t.on_time), COUNT(*)
              FROM dealer_kpi_tester t
              JOIN %(bounds)s b
                ON b.company_id = t.company_id
               AND t.done_on >= b.dt_from AND t.done_on < b.dt_to
             GROUP BY 1, 2
            """,
            bounds=bounds,
        )

    def _dealer_kpi_tst_count(self, kpi, bounds):
        """Python rows: the facts of the company, however many."""
        return [(company.id, None, 1, 1) for company in self.env.companies]
