# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""STK-13: the stocktake variance value, computed set-wise by dealer_base's
KPI engine through the hook below."""

from odoo import models
from odoo.tools import SQL


class DealerStocktake(models.Model):
    _inherit = "dealer.stocktake"

    def _dealer_kpi_stk_variance(self, kpi, bounds):
        """Value of the differences (counted against book, in absolute value)
        applied by the stocktakes of the period, for the whole company; the
        denominator is the number of lines counted."""
        return SQL(
            """
            SELECT s.company_id, NULL::int,
                   COALESCE(SUM(l.variance_value_abs), 0), COUNT(l.id)
              FROM dealer_stocktake s
              JOIN %(bounds)s b
                ON b.company_id = s.company_id
               AND s.date_applied >= b.dt_from AND s.date_applied < b.dt_to
              JOIN dealer_stocktake_line l ON l.stocktake_id = s.id
             WHERE s.state = 'applied'
             GROUP BY 1
            """,
            bounds=bounds,
        )
