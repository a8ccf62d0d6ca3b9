#!/usr/bin/env python3
# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""KPI refresh benchmark (issue 21), as a ratio to a plain search_count.

On O orders of 10 lines each (default 100,000 orders = 1,000,000 order lines)
and T tickets (default 100,000), spread over U salespeople and technicians
(default 50) and over the last 400 days, inserted by SQL, it measures:
  1. the baseline: ``search_count`` of the quarter's confirmed order lines and
     of the quarter's closed tickets (the same rows the KPIs read);
  2. the refresh of the sales and ticket KPIs (revenue, sales against target,
     tickets closed on time, complaint rate) for the current and the previous
     quarter, with its number of queries; again with only 5 people holding
     all the facts, to show the number of queries does not depend on people;
  3. the KPI pivot (KPI x person x period) read by general management.
Each time is printed with its ratio to the baseline. Everything is rolled back.

Usage (a scratch database with dealer_helpdesk and dealer_sale installed):
    python3 bench/kpi_bench.py -c .cache/run.conf -d kpibench [--orders 100000]
"""

import argparse
import time
from contextlib import contextmanager

import odoo
from odoo import api, fields


@contextmanager
def timed(label, results):
    start = time.perf_counter()
    yield
    results[label] = time.perf_counter() - start


def build(env, orders, tickets, people):
    """Facts inserted directly: setup is not what we measure."""
    users = env["res.users"].create(
        [
            {"name": f"Bench person {n}", "login": f"kpi_bench_{n}"}
            for n in range(people)
        ]
    )
    partner = env["res.partner"].create({"name": "Bench customer"})
    product = env["product.product"].create({"name": "Bench monitor"})
    team = env["helpdesk.ticket.team"].create(
        {"name": "Bench team", "dealer_department": "technical"}
    )
    done = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id
    env.flush_all()
    now = fields.Datetime.now()
    company = env.company
    params = {
        "company": company.id,
        "partner": partner.id,
        "product": product.id,
        "users": users.ids,
        "people": people,
        "orders": orders,
        "tickets": tickets,
        "team": team.id,
        "done": done,
        "now": now,
    }
    # One order made by the ORM, copied by SQL: every column the installed
    # addons require keeps the template's value.
    template = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "user_id": users[0].id,
            "order_line": [
                fields.Command.create({"product_id": product.id, "price_unit": 100})
            ],
        }
    )
    env.flush_all()
    clone(
        env,
        "sale_order",
        template.id,
        "generate_series(1, %(orders)s) AS n",
        {
            "name": "'BENCH' || n",
            "user_id": "(%(users)s)[1 + n %% %(people)s]",
            "state": "CASE WHEN n %% 10 = 0 THEN 'draft' ELSE 'sale' END",
            "date_order": "%(now)s::timestamp - make_interval("
            "days => n %% 400, mins => n %% 1440)",
            "amount_untaxed": "1000 + n %% 500",
            "amount_total": "1000 + n %% 500",
            "amount_tax": "0",
            "currency_rate": "1.0",
        },
        params,
    )
    clone(
        env,
        "sale_order_line",
        template.order_line.id,
        "sale_order o, generate_series(1, 10) AS k",
        {
            "order_id": "o.id",
            "sequence": "k",
            "state": "o.state",
            "price_unit": "o.amount_untaxed / 10",
            "price_subtotal": "o.amount_untaxed / 10",
            "price_total": "o.amount_untaxed / 10",
        },
        params,
        where="o.name LIKE 'BENCH%%'",
    )
    # One ticket in five is open; promised 24 to 120 hours after it came in;
    # one in seven closed late; one in six a complaint charged to a person.
    env.cr.execute(
        """
        INSERT INTO helpdesk_ticket (
            number, name, description, company_id, team_id, stage_id, priority,
            active, user_id, dealer_ticket_type, dealer_channel, dealer_severity,
            dealer_sla_state, dealer_received_date, dealer_promised_date,
            dealer_at_risk_date, dealer_promised_date_initial, closed_date,
            dealer_closed_on_time, dealer_accountable_kind,
            dealer_accountable_user_id, create_date, write_date, create_uid,
            write_uid)
        SELECT 'BENCH' || n, 'Bench ticket ' || n, '<p>bench</p>', %(company)s,
               %(team)s, %(done)s, '1', true, (%(users)s)[1 + n %% %(people)s],
               CASE WHEN n %% 6 = 0 THEN 'complaint' ELSE 'fault' END,
               'phone', 'normal', 'on_time', r, r + h, r + h * 0.75, r + h,
               r + h * (CASE WHEN n %% 7 = 0 THEN 1.2 ELSE 0.5 END),
               n %% 7 != 0,
               CASE WHEN n %% 6 = 0 THEN 'person' END,
               CASE WHEN n %% 6 = 0
                    THEN (%(users)s)[1 + (n / 6) %% %(people)s] END,
               r, r, 1, 1
          FROM generate_series(1, %(tickets)s) AS n,
               LATERAL (SELECT %(now)s::timestamp
                               - make_interval(days => n %% 400)
                               - make_interval(mins => n %% 1440) AS r,
                               make_interval(hours => 24 * (1 + n %% 5)) AS h) AS x
        """,
        params,
    )
    for table in ("sale_order", "sale_order_line", "helpdesk_ticket"):
        env.cr.execute(f"ANALYZE {table}")
    env.invalidate_all()
    return users


def clone(env, table, template_id, source, overrides, params, where="TRUE"):
    """Insert copies of row ``template_id`` of ``table``, one per row of
    ``source``, with ``overrides`` (column: SQL expression)."""
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s AND column_name != 'id'",
        [table],
    )
    columns = [row[0] for row in env.cr.fetchall()]
    values = [overrides.get(column, f't."{column}"') for column in columns]
    names = ", ".join(f'"{column}"' for column in columns)
    query = (
        f"INSERT INTO {table} ({names}) "
        f"SELECT {', '.join(values)} FROM {table} t, {source} "
        f"WHERE t.id = {int(template_id)} AND {where}"
    )
    env.cr.execute(query, params)  # noqa: S608 - fixed tables, own expressions


def reassign(env, users):
    """Give all the facts to the first 5 people."""
    env.cr.execute(
        "UPDATE sale_order SET user_id = (%(u)s)[1 + id %% 5] "
        "WHERE name LIKE 'BENCH%%'",
        {"u": users.ids[:5]},
    )
    env.cr.execute(
        "UPDATE helpdesk_ticket SET user_id = (%(u)s)[1 + id %% 5], "
        "dealer_accountable_user_id = CASE WHEN dealer_accountable_user_id "
        "IS NOT NULL THEN (%(u)s)[1 + id %% 5] END WHERE number LIKE 'BENCH%%'",
        {"u": users.ids[:5]},
    )
    env.cr.execute("DELETE FROM dealer_kpi_value")
    env.invalidate_all()


def refresh(env, kpis, results, label):
    count = env.cr.sql_log_count
    with timed(label, results):
        kpis._dealer_refresh()
    queries = env.cr.sql_log_count - count
    env.cr.execute("SELECT count(*) FROM dealer_kpi_value")
    print(f"  ({label}: {queries} queries, {env.cr.fetchone()[0]} values)")
    return queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--orders", type=int, default=100000)
    parser.add_argument("--tickets", type=int, default=100000)
    parser.add_argument("--people", type=int, default=50)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    odoo.modules.module.initialize_sys_path()
    from odoo.addons.dealer_base.tools import period_datetimes, period_of

    registry = odoo.modules.registry.Registry(args.database)
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        print(
            f"building {args.orders} orders x 10 lines, {args.tickets} tickets, "
            f"{args.people} people ...",
            flush=True,
        )
        users = build(env, args.orders, args.tickets, args.people)
        today = fields.Date.context_today(env["res.users"])
        _key, start, end = period_of(today, 3)
        dt_from, dt_to = period_datetimes(start, end)
        line_domain = [
            ("order_id.state", "=", "sale"),
            ("order_id.date_order", ">=", dt_from),
            ("order_id.date_order", "<", dt_to),
        ]
        ticket_domain = [
            ("stage_id.closed", "=", True),
            ("closed_date", ">=", dt_from),
            ("closed_date", "<", dt_to),
        ]
        Line, Ticket = env["sale.order.line"], env["helpdesk.ticket"]
        for _warm in range(2):
            Line.search_count(line_domain)
            Ticket.search_count(ticket_domain)
        with timed("baseline: search_count lines + tickets", results):
            lines = Line.search_count(line_domain)
            closed = Ticket.search_count(ticket_domain)
        print(f"  ({lines} order lines, {closed} closed tickets this quarter)")
        kpis = env["dealer.kpi"].search(
            [("code", "in", ("SALE-REVENUE", "SALE-TARGET", "HD-ONTIME", "CMP-RATE"))]
        )
        many = refresh(env, kpis, results, f"refresh, {args.people} people")
        refresh(env, kpis, results, f"refresh again, {args.people} people")
        reassign(env, users)
        few = refresh(env, kpis, results, "refresh, 5 people")
        print(f"  (queries: {many} with {args.people} people, {few} with 5)")
        Value = env["dealer.kpi.value"]
        with timed("KPI pivot (KPI x person x period)", results):
            Value.invalidate_model()
            Value._read_group(
                [], ["kpi_id", "user_id", "period"], ["value:avg", "numerator:sum"]
            )
        cr.rollback()
    base = results["baseline: search_count lines + tickets"]
    print()
    print(f"{'measure':<45} {'seconds':>9} {'x baseline':>11}")
    for label, value in results.items():
        print(f"{label:<45} {value:9.3f} {value / base:11.1f}")


if __name__ == "__main__":
    main()
