# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL


class DealerHelpdeskComplaintRate(models.Model):
    """CMP-10: complaints per 100 confirmed sales orders, per month. Archived
    complaints count too: a complaint received stays one (tickets are never
    deleted, and only a manager changes a ticket's type, with a reason)."""

    _name = "dealer.helpdesk.complaint.rate"
    _description = "Complaint Rate"
    _auto = False
    _order = "month desc"

    company_id = fields.Many2one("res.company", readonly=True)
    month = fields.Date(readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    order_count = fields.Integer(string="Sales orders", readonly=True)
    complaint_rate = fields.Float(
        string="Complaints per 100 orders", readonly=True, aggregator="avg"
    )

    @property
    def _table_query(self):
        return SQL(
            """
            WITH complaints AS (
                SELECT company_id,
                       date_trunc(
                           'month', COALESCE(dealer_received_date, create_date)
                       )::date AS month,
                       count(*) AS n
                  FROM helpdesk_ticket
                 WHERE dealer_ticket_type = 'complaint'
                 GROUP BY 1, 2
            ), orders AS (
                SELECT company_id,
                       date_trunc('month', date_order)::date AS month,
                       count(*) AS n
                  FROM sale_order
                 WHERE state = 'sale'
                 GROUP BY 1, 2
            )
            SELECT (COALESCE(c.company_id, o.company_id) * 100000
                    + EXTRACT(YEAR FROM COALESCE(c.month, o.month)) * 12
                    + EXTRACT(MONTH FROM COALESCE(c.month, o.month)))::int AS id,
                   COALESCE(c.company_id, o.company_id) AS company_id,
                   COALESCE(c.month, o.month) AS month,
                   COALESCE(c.n, 0) AS complaint_count,
                   COALESCE(o.n, 0) AS order_count,
                   CASE WHEN COALESCE(o.n, 0) > 0
                        THEN 100.0 * COALESCE(c.n, 0) / o.n END AS complaint_rate
              FROM complaints c
              FULL OUTER JOIN orders o
                ON o.company_id = c.company_id AND o.month = c.month
            """
        )
