#!/usr/bin/env python3
# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpdesk SLA job and reports benchmark, as ratios to a plain search_count.

On N tickets (default 100,000) inserted by SQL into one team (types, severities,
open and closed, some late, some at risk, serials with repeat faults), it measures:
  1. the baseline: ``helpdesk.ticket.search_count`` over the same tickets;
  2. the SLA check job (``_dealer_cron_check_sla``) on its first run, when
     thousands of tickets turn late at once (with their escalation activities),
     and on a steady run 15 minutes later (few or no changes);
  3. the ticket analysis (pivot: type x month, on-time rate, repeat faults) and
     the complaint rate per month.
Each time is printed with its ratio to the baseline. Everything is rolled back.

Usage (a scratch database with dealer_helpdesk installed):
    python3 bench/bench_helpdesk_sla.py -c /tmp/wt7.conf -d hdbench [--tickets 100000]
"""

import argparse
import time
from contextlib import contextmanager
from datetime import timedelta

import odoo
from odoo import api, fields


@contextmanager
def timed(label, results):
    start = time.perf_counter()
    yield
    results[label] = time.perf_counter() - start


def summary(moved):
    return ", ".join(f"{len(tickets)} {state}" for state, tickets in moved.items())


def build(env, count):
    """Tickets inserted directly: setup is not what we measure."""
    team = env["helpdesk.ticket.team"].create(
        {"name": "Bench team", "dealer_department": "technical"}
    )
    product = env["product.product"].create(
        {"name": "Bench SSD", "is_storable": True, "tracking": "serial"}
    )
    lots = env["stock.lot"].create(
        [{"name": f"BENCH-{n:05d}", "product_id": product.id} for n in range(2000)]
    )
    stages = {
        "new": env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new").id,
        "done": env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id,
    }
    env.flush_all()
    now = fields.Datetime.now()
    # One ticket in five is open; received over the last 400 days; promised
    # 24 to 120 hours later; half the fault tickets name one of 2,000 serials.
    env.cr.execute(
        """
        INSERT INTO helpdesk_ticket (
            number, name, description, company_id, team_id, stage_id, priority,
            active, dealer_ticket_type, dealer_channel, dealer_severity,
            dealer_sla_state, dealer_received_date, dealer_promised_date,
            dealer_at_risk_date, dealer_promised_date_initial, closed_date,
            dealer_closed_on_time, product_id, lot_id, create_date, write_date,
            create_uid, write_uid)
        SELECT 'BENCH' || n, 'Bench ticket ' || n, '<p>bench</p>', %(company)s,
               %(team)s,
               CASE WHEN n %% 5 = 0 THEN %(new)s ELSE %(done)s END, '1', true,
               (ARRAY['consultation','fault','complaint','return','installation',
                      'training'])[1 + n %% 6],
               (ARRAY['phone','email','online','on_site','walk_in'])[1 + n %% 5],
               (ARRAY['low','normal','high','critical'])[1 + n %% 4],
               'on_time', r, r + h, r + h * 0.75, r + h,
               CASE WHEN n %% 5 = 0 THEN NULL
                    ELSE r + h * (CASE WHEN n %% 7 = 0 THEN 1.2 ELSE 0.5 END) END,
               n %% 5 != 0 AND n %% 7 != 0,
               CASE WHEN n %% 6 = 1 THEN %(product)s END,
               CASE WHEN n %% 6 = 1 AND n %% 12 != 1
                    THEN (%(lots)s)[1 + (n / 6) %% 2000] END,
               r, r, 1, 1
          FROM generate_series(1, %(count)s) AS n,
               LATERAL (SELECT %(now)s::timestamp
                               - make_interval(days => n %% 400)
                               - make_interval(mins => n %% 1440) AS r,
                               make_interval(hours => 24 * (1 + n %% 5)) AS h) AS x
        """,
        {
            "company": env.company.id,
            "team": team.id,
            "new": stages["new"],
            "done": stages["done"],
            "product": product.id,
            "lots": lots.ids,
            "count": count,
            "now": now,
        },
    )
    env.cr.execute("ANALYZE helpdesk_ticket")
    env.invalidate_all()
    return team


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--tickets", type=int, default=100000)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        print(f"building {args.tickets} tickets ...", flush=True)
        team = build(env, args.tickets)
        Ticket = env["helpdesk.ticket"]
        domain = [("team_id", "=", team.id)]
        for _warm in range(2):
            Ticket.search_count(domain)
        with timed("baseline: search_count", results):
            total = Ticket.search_count(domain)
        env.cr.execute(
            "SELECT count(*) FROM helpdesk_ticket WHERE team_id = %s "
            "AND stage_id = %s",
            [team.id, env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new").id],
        )
        open_count = env.cr.fetchone()[0]
        print(f"  ({total} tickets, {open_count} open)")
        with timed("SLA job, first run (catch-up)", results):
            moved = Ticket._dealer_cron_check_sla()
            env.flush_all()
            env.cr.precommit.run()
        print(
            "  (first run: "
            + ", ".join(f"{len(v)} {k}" for k, v in moved.items())
            + ")"
        )
        env.invalidate_all()
        later = fields.Datetime.now() + timedelta(minutes=15)
        odoo.fields.Datetime.now = staticmethod(lambda *a: later)
        with timed("SLA job, steady run 15 min later", results):
            moved = Ticket._dealer_cron_check_sla()
            env.flush_all()
            env.cr.precommit.run()
        print(
            "  (steady run: "
            + ", ".join(f"{len(v)} {k}" for k, v in moved.items())
            + ")"
        )
        Report = env["dealer.helpdesk.ticket.report"]
        report_domain = [("team_id", "=", team.id)]
        with timed("report: type x month, on-time rate", results):
            rows = Report._read_group(
                report_domain,
                ["ticket_type", "date:month"],
                ["ticket_count:sum", "on_time_rate:avg", "closed_count:sum"],
            )
        print(f"  ({len(rows)} groups)")
        with timed("report: repeat faults per serial", results):
            rows = Report._read_group(
                report_domain + [("repeat_fault_count", "=", 1)],
                ["lot_id"],
                ["ticket_count:sum"],
            )
        print(f"  ({len(rows)} serials with repeat faults)")
        with timed("report: complaint rate per month", results):
            rows = env["dealer.helpdesk.complaint.rate"].search_read(
                [], ["month", "complaint_count", "order_count", "complaint_rate"]
            )
        print(f"  ({len(rows)} months)")
        cr.rollback()
    base = results["baseline: search_count"]
    print()
    print(f"{'measure':<45} {'seconds':>9} {'x baseline':>11}")
    for label, value in results.items():
        print(f"{label:<45} {value:9.3f} {value / base:11.1f}")


if __name__ == "__main__":
    main()
