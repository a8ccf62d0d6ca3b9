# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from .helpdesk_ticket import ROOT_CAUSE_CATEGORIES
from .selections import CHANNELS, SEVERITIES, SLA_STATES, TICKET_TYPES


class DealerHelpdeskTicketReport(models.Model):
    """Tickets by type, product and month; on-time rate; repeat faults per
    serial; root causes by product, supplier and category (CMP-07, CMP-10).
    A SQL view: one query, no Python loop over tickets."""

    _name = "dealer.helpdesk.ticket.report"
    _description = "Helpdesk Ticket Analysis"
    _auto = False
    _order = "date desc"

    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    date = fields.Datetime(string="Created on", readonly=True)
    closed_date = fields.Datetime(string="Closed on", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_categ_id = fields.Many2one(
        "product.category", string="Product category", readonly=True
    )
    category_id = fields.Many2one(
        "helpdesk.ticket.category", string="Ticket category", readonly=True
    )
    supplier_id = fields.Many2one("res.partner", string="Supplier", readonly=True)
    lot_id = fields.Many2one("stock.lot", string="Lot/Serial", readonly=True)
    ticket_type = fields.Selection(TICKET_TYPES, readonly=True)
    channel = fields.Selection(CHANNELS, string="Received by", readonly=True)
    severity = fields.Selection(SEVERITIES, readonly=True)
    sla_state = fields.Selection(SLA_STATES, string="Promise status", readonly=True)
    root_cause_category = fields.Selection(ROOT_CAUSE_CATEGORIES, readonly=True)
    ticket_count = fields.Integer(string="Tickets", readonly=True)
    closed_count = fields.Integer(string="Closed", readonly=True)
    on_time_count = fields.Integer(string="Closed on time", readonly=True)
    on_time_rate = fields.Float(
        string="On-time rate (%)", readonly=True, aggregator="avg"
    )
    repeat_fault_count = fields.Integer(
        string="Repeat faults",
        readonly=True,
        help="Fault tickets of a serial that had another fault ticket within the "
        "repeat fault window before.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT t.id AS id,
                   t.id AS ticket_id,
                   COALESCE(t.dealer_received_date, t.create_date) AS date,
                   t.closed_date AS closed_date,
                   t.company_id AS company_id,
                   t.team_id AS team_id,
                   t.commercial_partner_id AS partner_id,
                   t.product_id AS product_id,
                   pt.categ_id AS product_categ_id,
                   t.category_id AS category_id,
                   t.dealer_supplier_id AS supplier_id,
                   t.lot_id AS lot_id,
                   t.dealer_ticket_type AS ticket_type,
                   t.dealer_channel AS channel,
                   t.dealer_severity AS severity,
                   t.dealer_sla_state AS sla_state,
                   t.dealer_root_cause_category AS root_cause_category,
                   1 AS ticket_count,
                   CASE WHEN t.closed_date IS NOT NULL THEN 1 ELSE 0 END
                       AS closed_count,
                   CASE WHEN t.dealer_closed_on_time THEN 1 ELSE 0 END
                       AS on_time_count,
                   CASE WHEN t.closed_date IS NULL THEN NULL
                        WHEN t.dealer_closed_on_time THEN 100.0 ELSE 0.0 END
                       AS on_time_rate,
                   CASE WHEN t.dealer_ticket_type = 'fault'
                         AND t.lot_id IS NOT NULL
                         AND EXISTS (
                            SELECT 1 FROM helpdesk_ticket p
                             WHERE p.lot_id = t.lot_id
                               AND p.dealer_ticket_type = 'fault'
                               AND p.id != t.id
                               AND COALESCE(p.dealer_received_date, p.create_date)
                                   <= COALESCE(t.dealer_received_date, t.create_date)
                               AND COALESCE(p.dealer_received_date, p.create_date)
                                   >= COALESCE(t.dealer_received_date, t.create_date)
                                   - make_interval(
                                       days => COALESCE(
                                           c.dealer_hd_repeat_fault_days, 90))
                         ) THEN 1 ELSE 0 END AS repeat_fault_count
              FROM helpdesk_ticket t
              JOIN res_company c ON c.id = t.company_id
              LEFT JOIN product_product pp ON pp.id = t.product_id
              LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE t.active
            """
        )
