#!/usr/bin/env python3
# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Quarterly stocktake benchmark, as a ratio against Odoo core in one run.

On N quants over 20 locations (default 50,000), it measures:
  1. creating the quarterly session and freezing its book quantities;
  2. submitting every count sheet (count entry);
  3. applying the adjustment through the stocktake;
and, on the very same quants and differences, core's own
``stock.quant.action_apply_inventory``. Everything is rolled back at the end.

Usage (a database with dealer_stock_count installed, e.g. from `make run`):
    python3 bench/stocktake_bench.py -c .cache/run.conf -d dealer [--quants 50000]
"""

import argparse
import time
from contextlib import contextmanager

import odoo
from odoo import Command, api


@contextmanager
def timed(label, results):
    start = time.perf_counter()
    yield
    results[label] = time.perf_counter() - start
    print(f"  {label:<45} {results[label]:8.2f} s", flush=True)


def build(env, quants, locations=20):
    """Products and quants, inserted directly: setup is not what we measure."""
    warehouse = env["stock.warehouse"].create(
        {"name": "Bench WH", "code": "BNCH", "dealer_stocktake_scheduled": False}
    )
    locs = env["stock.location"].create(
        [
            {"name": f"Bin {n:02d}", "location_id": warehouse.lot_stock_id.id}
            for n in range(locations)
        ]
    )
    per_location = quants // locations
    products = env["product.product"].create(
        [
            {"name": f"Bench item {n}", "is_storable": True, "standard_price": 10.0}
            for n in range(per_location)
        ]
    )
    env.flush_all()
    env.cr.execute(
        """
        INSERT INTO stock_quant (product_id, location_id, company_id, quantity,
                                 reserved_quantity, in_date, create_date, write_date,
                                 create_uid, write_uid, inventory_quantity_set)
        SELECT p, l, %s, 20, 0, now(), now(), now(), 1, 1, false
          FROM unnest(%s) AS p CROSS JOIN unnest(%s) AS l
        """,
        [env.company.id, products.ids, locs.ids],
    )
    return warehouse, locs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--quants", type=int, default=50000)
    parser.add_argument(
        "--differ", type=float, default=0.1, help="share of quants with a difference"
    )
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        env.company.write(
            {
                "dealer_stocktake_tolerance_percent": 100.0,
                "dealer_stocktake_tolerance_value": 0.0,
                "dealer_stocktake_manager_threshold": 1e12,
                "dealer_stocktake_admin_threshold": 1e12,
            }
        )
        print(f"building {args.quants} quants over 20 locations ...", flush=True)
        warehouse, locs = build(env, args.quants)
        cr.execute("ANALYZE stock_quant")
        admin = env.ref("base.user_admin")
        env = env(user=admin)
        before_ours = cr.savepoint(flush=True)
        with before_ours:
            Stocktake = env["dealer.stocktake"]
            with timed("create quarterly session + snapshot", results):
                stocktake = Stocktake.create(
                    {
                        "warehouse_id": warehouse.id,
                        "kind": "spot",
                        "deadline": "2030-01-01",
                        "counter_ids": [Command.set(admin.ids)],
                        "location_ids": [Command.set(locs.ids)],
                    }
                )
                stocktake.action_start()
                env.flush_all()
            lines = stocktake.line_ids
            print(f"  ({len(lines)} lines, {len(stocktake.sheet_ids)} sheets)")
            # Counters' entries (not timed): every n-th line is short by one.
            step = max(1, round(1 / args.differ)) if args.differ else 0
            cr.execute(
                """
                UPDATE dealer_stocktake_line
                   SET draft_qty = book_qty - CASE WHEN %s > 0 AND id %% %s = 0
                                                   THEN 1 ELSE 0 END,
                       draft_qty_set = true
                 WHERE stocktake_id = %s
                """,
                [step, step or 1, stocktake.id],
            )
            env.invalidate_all()
            with timed("submit all count sheets", results):
                stocktake.sheet_ids.action_submit()
                env.flush_all()
            stocktake.action_finish_counting()
            reason = env.ref("dealer_stock_count.reason_natural_loss")
            cr.execute(
                """
                UPDATE dealer_stocktake_line SET reason_id = %s,
                       count_state = 'classified'
                 WHERE stocktake_id = %s AND count_state = 'to_classify'
                """,
                [reason.id, stocktake.id],
            )
            env.invalidate_all()
            cr.execute(
                "SELECT quant_id, variance_qty FROM dealer_stocktake_line "
                "WHERE stocktake_id = %s AND variance_qty != 0",
                [stocktake.id],
            )
            differences = dict(cr.fetchall())
            print(f"  ({len(differences)} lines with a difference)")
            with timed("apply through the stocktake", results):
                stocktake.action_apply()
                env.flush_all()
            assert stocktake.state == "applied"
            before_ours.rollback()
        env.invalidate_all()
        # Core on the same quants, counted the core way.
        quants = env["stock.quant"].browse(list(differences))
        for quant in quants:
            quant.inventory_quantity = quant.quantity + differences[quant.id]
        env.flush_all()
        env.invalidate_all()
        with timed("core action_apply_inventory, same quants", results):
            quants.with_context(inventory_mode=True).action_apply_inventory()
            env.flush_all()
        cr.rollback()
    ratio = (
        results["apply through the stocktake"]
        / results["core action_apply_inventory, same quants"]
    )
    print(f"  {'apply ratio (stocktake / core)':<45} {ratio:8.2f}")


if __name__ == "__main__":
    main()
