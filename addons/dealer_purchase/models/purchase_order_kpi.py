# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PUR-10: the suppliers' on-time rate per buyer, computed set-wise by
dealer_base's KPI engine through the hook below."""

from odoo import models
from odoo.tools import SQL


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    def _dealer_kpi_pur_ontime(self, kpi, bounds):
        """Supplier receipts done in the period by their deadline (the same
        local day counts), out of the receipts of the buyer's orders."""
        return SQL(
            """
            SELECT p.company_id, buyer.user_id,
                   COUNT(*) FILTER (
                       WHERE p.date_deadline IS NULL
                          OR (p.date_done AT TIME ZONE 'UTC' AT TIME ZONE b.tz)::date
                             <= (p.date_deadline AT TIME ZONE 'UTC'
                                 AT TIME ZONE b.tz)::date
                   ),
                   COUNT(*)
              FROM stock_picking p
              JOIN stock_picking_type pt
                ON pt.id = p.picking_type_id AND pt.code = 'incoming'
              JOIN %(bounds)s b
                ON b.company_id = p.company_id
               AND p.date_done >= b.dt_from AND p.date_done < b.dt_to
              JOIN LATERAL (
                   SELECT o.user_id
                     FROM stock_move m
                     JOIN purchase_order_line l ON l.id = m.purchase_line_id
                     JOIN purchase_order o ON o.id = l.order_id
                    WHERE m.picking_id = p.id AND o.user_id IS NOT NULL
                    LIMIT 1
              ) buyer ON TRUE
             WHERE p.state = 'done'
             GROUP BY 1, 2
            """,
            bounds=bounds,
        )
