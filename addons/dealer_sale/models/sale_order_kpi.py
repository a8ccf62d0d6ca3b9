# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""HRM-12, HRM-22, SAL-24: the KPIs of sales per salesperson (revenue, margin,
revenue against the personal target), computed set-wise by dealer_base's KPI
engine through the hooks below."""

from odoo import models
from odoo.tools import SQL


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _dealer_kpi_confirmed_orders(self, bounds):
        """Confirmed orders of the period, with their untaxed amount in the
        company's currency."""
        return SQL(
            """
            SELECT o.id, o.company_id, o.user_id,
                   o.amount_untaxed / NULLIF(o.currency_rate, 0) AS amount
              FROM sale_order o
              JOIN %(bounds)s b
                ON b.company_id = o.company_id
               AND o.date_order >= b.dt_from AND o.date_order < b.dt_to
             WHERE o.state = 'sale' AND o.user_id IS NOT NULL
            """,
            bounds=bounds,
        )

    def _dealer_kpi_sale_revenue(self, kpi, bounds):
        """HRM-12, HRM-22: untaxed sales confirmed in the period."""
        return SQL(
            "SELECT company_id, user_id, SUM(amount), COUNT(*) FROM (%s) o "
            "GROUP BY 1, 2",
            self._dealer_kpi_confirmed_orders(bounds),
        )

    def _dealer_kpi_sale_margin(self, kpi, bounds):
        """HRM-12 sales profit: the margin of the period's confirmed orders,
        when Sales margins (sale_margin) is installed; nothing otherwise."""
        if "margin" not in self.env["sale.order.line"]._fields:
            return []
        return SQL(
            """
            SELECT o.company_id, o.user_id,
                   SUM(l.margin / NULLIF(so.currency_rate, 0)), COUNT(DISTINCT o.id)
              FROM (%s) o
              JOIN sale_order so ON so.id = o.id
              JOIN sale_order_line l ON l.order_id = o.id
             GROUP BY 1, 2
            """,
            self._dealer_kpi_confirmed_orders(bounds),
        )

    def _dealer_kpi_sale_target(self, kpi, bounds):
        """SAL-24, HRM-12: untaxed sales confirmed in the period against the
        salesperson's target in the confirmed plan of that period."""
        return SQL(
            """
            SELECT company_id, user_id, SUM(amount), 0 FROM (%(orders)s) o
             GROUP BY 1, 2
            UNION ALL
            SELECT t.company_id, t.user_id, 0, SUM(t.amount)
              FROM dealer_sales_target t
              JOIN dealer_sales_target_plan p
                ON p.id = t.plan_id AND p.state = 'confirmed'
              JOIN %(bounds)s b
                ON b.company_id = p.company_id
               AND p.period_start = b.date_from AND p.date_to = b.date_to
             GROUP BY 1, 2
            """,
            orders=self._dealer_kpi_confirmed_orders(bounds),
            bounds=bounds,
        )
