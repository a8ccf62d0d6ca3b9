# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

STATUSES = [
    ("on_time", "Done on time"),
    ("late", "Done late"),
    ("open", "Open"),
    ("overdue", "Overdue"),
    ("missing", "Missing"),
    ("cancelled", "Cancelled"),
]


class DealerStocktakeCompliance(models.Model):
    """Every month and quarter since a warehouse exists, with its stocktake
    or the lack of one (STK-11, STK-12). A SQL view: no Python per period."""

    _name = "dealer.stocktake.compliance"
    _description = "Stocktake Compliance"
    _auto = False
    _order = "period_start desc, warehouse_id, kind"

    warehouse_id = fields.Many2one("stock.warehouse", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    kind = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly")], readonly=True
    )
    period_start = fields.Date(readonly=True)
    stocktake_id = fields.Many2one("dealer.stocktake", readonly=True)
    deadline = fields.Date(readonly=True)
    date_done = fields.Datetime(string="Count finished on", readonly=True)
    status = fields.Selection(STATUSES, readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                WITH periods AS (
                    SELECT w.id AS warehouse_id, w.company_id, k.kind,
                           p::date AS period_start
                      FROM stock_warehouse w
                      JOIN res_company c ON c.id = w.company_id
                     CROSS JOIN (VALUES ('monthly'), ('quarterly')) AS k(kind)
                     CROSS JOIN LATERAL generate_series(
                           date_trunc(
                               CASE WHEN k.kind = 'quarterly' THEN 'quarter'
                                    ELSE 'month' END, w.create_date),
                           date_trunc('month', now()),
                           CASE WHEN k.kind = 'quarterly' THEN interval '3 months'
                                ELSE interval '1 month' END) AS p
                     WHERE w.active AND w.dealer_stocktake_scheduled
                       AND NOT (k.kind = 'monthly'
                                AND c.dealer_stocktake_quarter_replaces_month
                                AND extract(month FROM p)::int %% 3 = 1)
                )
                SELECT row_number() OVER (
                           ORDER BY p.period_start, p.warehouse_id, p.kind) AS id,
                       p.warehouse_id, p.company_id, p.kind, p.period_start,
                       s.id AS stocktake_id, s.deadline,
                       COALESCE(s.date_counted, s.date_applied) AS date_done,
                       CASE
                           WHEN s.id IS NULL THEN 'missing'
                           WHEN s.state = 'cancel' THEN 'cancelled'
                           WHEN s.state IN ('counted', 'applied')
                                AND COALESCE(s.date_counted, s.date_applied)::date
                                    <= s.deadline THEN 'on_time'
                           WHEN s.state IN ('counted', 'applied') THEN 'late'
                           WHEN s.deadline < (now() at time zone 'UTC')::date
                                THEN 'overdue'
                           ELSE 'open'
                       END AS status
                  FROM periods p
                  LEFT JOIN dealer_stocktake s
                    ON s.warehouse_id = p.warehouse_id
                   AND s.kind = p.kind
                   AND s.period_start = p.period_start
            )
            """,
                SQL.identifier(self._table),
            )
        )

    def _dealer_compliance_stk_11(self, companies, date_from, date_to):
        """STK-11 compliance check (dealer_base registry): the months of the
        period whose monthly stocktake is missing, overdue or cancelled."""
        return [
            ("company_id", "in", companies.ids),
            ("kind", "=", "monthly"),
            ("period_start", ">=", date_from),
            ("period_start", "<=", date_to),
            ("status", "in", ("missing", "overdue", "cancelled")),
        ]
