# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PUR-10: the receipt rejection rate, computed set-wise by dealer_base's KPI
engine through the hook below."""

from odoo import models
from odoo.tools import SQL


class DealerReceiptInspection(models.Model):
    _inherit = "dealer.receipt.inspection"

    def _dealer_kpi_rcv_reject(self, kpi, bounds):
        """Quantity rejected at acceptance out of the quantity counted, in the
        acceptances validated in the period, for the whole company."""
        return SQL(
            """
            SELECT i.company_id, NULL::int,
                   SUM(i.qty_rejected), SUM(i.qty_counted)
              FROM dealer_receipt_inspection i
              JOIN %(bounds)s b
                ON b.company_id = i.company_id
               AND i.date_validated >= b.dt_from AND i.date_validated < b.dt_to
             WHERE i.state = 'done'
             GROUP BY 1
            """,
            bounds=bounds,
        )
