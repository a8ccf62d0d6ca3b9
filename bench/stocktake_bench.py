#!/usr/bin/env python3
# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Quarterly stocktake benchmark, as ratios against references in one run.

On N quants over 20 locations (default 50,000), with a share of them
counted different from the books (default 10 %), it measures:
  1. the snapshot (session start: sheets + frozen book quantities) against a
     raw ``INSERT ... SELECT`` of the same rows into a scratch table;
  2. submitting every count sheet (count entry);
  3. applying the adjustment through the stocktake, with its peak memory;
and, on the very same quants and differences, core's own
``stock.quant.action_apply_inventory`` (``--core-limit`` seconds at most:
past it, core's figure is extrapolated from the quants it got through).
Everything is rolled back at the end.

Usage (a database with dealer_stock_count installed, e.g. from `make run`):
    python3 bench/stocktake_bench.py -c .cache/run.conf -d dealer \
        [--quants 50000] [--differ 0.1] [--core-limit 900]
"""

import argparse
import os
import threading
import time
import tracemalloc
from contextlib import contextmanager

import odoo
from odoo import Command, api

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss():
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * PAGE


class PeakMemory:
    """Peak resident memory above the level at start, sampled every 20 ms."""

    def __init__(self):
        self.base = self.peak = rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, rss())

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss())

    @property
    def mib(self):
        return (self.peak - self.base) / 2**20


@contextmanager
def timed(label, results):
    start = time.perf_counter()
    yield
    results[label] = time.perf_counter() - start
    print(f"  {label:<48} {results[label]:8.2f} s", flush=True)


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


RAW_SNAPSHOT = """
    INSERT INTO {table} (
        stocktake_id, sheet_id, company_id, quant_id, product_id,
        location_id, lot_id, package_id, owner_id, uom_id, book_qty,
        held_apart, count_state, is_found, draft_qty, draft_qty_set,
        recount_required)
    SELECT %(stocktake)s, %(sheet)s, q.company_id, q.id, q.product_id,
           q.location_id, q.lot_id, q.package_id, q.owner_id, pt.uom_id,
           q.quantity,
           COALESCE(loc.dealer_zone_type IN
                    ('pending_inspection', 'non_conforming'), FALSE),
           'to_count', FALSE, 0, FALSE, FALSE
      FROM stock_quant q
      JOIN stock_location loc ON loc.id = q.location_id
      JOIN product_product pp ON pp.id = q.product_id
      JOIN product_template pt ON pt.id = pp.product_tmpl_id
     WHERE q.location_id = ANY(%(locations)s) AND q.quantity != 0
     ORDER BY loc.complete_name, pt.default_code, q.id
"""


def raw_snapshot(cr, locs, stocktake, results):
    """The references: the same rows copied by one INSERT ... SELECT, into
    a bare scratch table and into the stocktake line table itself (same
    indexes and foreign keys), rolled back."""
    params = {
        "stocktake": stocktake.id,
        "sheet": stocktake.sheet_ids[:1].id,
        "locations": locs.ids,
    }
    cr.execute(
        "CREATE TEMP TABLE bench_snapshot "
        "(LIKE dealer_stocktake_line INCLUDING DEFAULTS)"
    )
    with timed("raw INSERT ... SELECT, bare table", results):
        cr.execute(RAW_SNAPSHOT.format(table="bench_snapshot"), params)
    cr.execute("DROP TABLE bench_snapshot")
    cr.execute("SAVEPOINT raw_snapshot")
    # The stocktake's own rows make room (not timed), then come back.
    cr.execute(
        "DELETE FROM dealer_stocktake_line WHERE stocktake_id = %s", [stocktake.id]
    )
    with timed("raw INSERT ... SELECT, stocktake line table", results):
        cr.execute(RAW_SNAPSHOT.format(table="dealer_stocktake_line"), params)
    cr.execute("ROLLBACK TO SAVEPOINT raw_snapshot")


def core_apply(env, differences, limit, results):
    """Core's apply of the same counts; past ``limit`` seconds, slices of
    1,000 quants stop and the rest is extrapolated."""
    quant_ids = list(differences)
    env.cr.execute(
        """
        UPDATE stock_quant q
           SET inventory_quantity = q.quantity + v.diff,
               inventory_diff_quantity = v.diff,
               inventory_quantity_set = TRUE, user_id = %s
          FROM unnest(%s, %s) AS v(id, diff) WHERE q.id = v.id
        """,
        [env.uid, quant_ids, [differences[qid] for qid in quant_ids]],
    )
    env.invalidate_all()
    label = "core action_apply_inventory, same quants"
    whole = limit is None or limit <= 0
    step = len(quant_ids) if whole else 1000
    done = 0
    start = time.perf_counter()
    with PeakMemory() as memory:
        for index in range(0, len(quant_ids), step):
            ids = quant_ids[index : index + step]
            env["stock.quant"].browse(ids).with_context(
                inventory_mode=True,
                inventory_name="Bench",
                set_inventory_quantity_auto_apply=True,
            ).action_apply_inventory()
            env.flush_all()
            env.invalidate_all()
            done += len(ids)
            if not whole and time.perf_counter() - start > limit:
                break
    elapsed = time.perf_counter() - start
    results[label] = elapsed * len(quant_ids) / done
    results["core peak RSS growth (MiB)"] = memory.mib
    note = "" if done == len(quant_ids) else f" (extrapolated from {done})"
    print(f"  {label:<48} {results[label]:8.2f} s{note}", flush=True)
    print(f"  {'core peak RSS growth (MiB)':<48} {memory.mib:8.1f}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--quants", type=int, default=50000)
    parser.add_argument(
        "--differ", type=float, default=0.1, help="share of quants with a difference"
    )
    parser.add_argument(
        "--core-limit",
        type=float,
        default=0,
        help="seconds core may take before its time is extrapolated (0: no limit)",
    )
    parser.add_argument("--no-core", action="store_true")
    parser.add_argument(
        "--memory",
        action="store_true",
        help="measure the apply's peak Python memory with tracemalloc (slower: "
        "its time is not comparable) instead of timing it against core",
    )
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn"]
    )
    registry = odoo.modules.registry.Registry(args.database)
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        env.company.write(
            {
                "dealer_stocktake_tolerance_percent": 100.0,
                "dealer_stocktake_tolerance_value": 0.0,
                "dealer_stocktake_admin_threshold": 1e12,
                "dealer_stocktake_manager_threshold": 1e12,
                # measured in this process, not as a background job
                "dealer_stocktake_apply_job_threshold": 10**9,
                # core's reference run adjusts through Physical Inventory
                "dealer_stocktake_allow_inventory_adjustment": True,
            }
        )
        print(
            f"{args.quants} quants over 20 locations, "
            f"{args.differ:.0%} counted different",
            flush=True,
        )
        warehouse, locs = build(env, args.quants)
        cr.execute("ANALYZE stock_quant")
        admin = env.ref("base.user_admin")
        env = env(user=admin)
        before_ours = cr.savepoint(flush=True)
        with before_ours:
            Stocktake = env["dealer.stocktake"]
            snapshot = type(Stocktake)._snapshot

            def timed_snapshot(self, sheets):
                with timed("  of which the snapshot itself", results):
                    return snapshot(self, sheets)

            type(Stocktake)._snapshot = timed_snapshot
            with timed("stocktake start (sheets + snapshot)", results):
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
            print(f"  ({len(stocktake.line_ids)} lines)")
            raw_snapshot(cr, locs, stocktake, results)
            env.invalidate_all()
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
                "WHERE stocktake_id = %s AND variance_qty != 0 ORDER BY id",
                [stocktake.id],
            )
            differences = dict(cr.fetchall())
            print(f"  ({len(differences)} lines with a difference)")
            if args.memory:
                env.invalidate_all()
                tracemalloc.start()
                base = tracemalloc.get_traced_memory()[0]
                stocktake.action_apply()
                env.flush_all()
                peak = (tracemalloc.get_traced_memory()[1] - base) / 2**20
                tracemalloc.stop()
                print(
                    f"  {'apply peak Python memory (MiB, tracemalloc)':<48} {peak:8.1f}"
                )
            else:
                with PeakMemory() as memory:
                    with timed("apply through the stocktake", results):
                        stocktake.action_apply()
                        env.flush_all()
                results["stocktake peak memory (MiB)"] = memory.mib
                print(f"  {'stocktake peak RSS growth (MiB)':<48} {memory.mib:8.1f}")
            assert stocktake.state == "applied"
            before_ours.rollback()
        env.invalidate_all()
        if not (args.no_core or args.memory):
            core_apply(env, differences, args.core_limit, results)
        cr.rollback()
    ratios = [
        (
            "snapshot ratio (snapshot / raw, same table)",
            "  of which the snapshot itself",
            "raw INSERT ... SELECT, stocktake line table",
        ),
        (
            "snapshot ratio (snapshot / raw, bare table)",
            "  of which the snapshot itself",
            "raw INSERT ... SELECT, bare table",
        ),
        (
            "apply ratio (stocktake / core)",
            "apply through the stocktake",
            "core action_apply_inventory, same quants",
        ),
    ]
    for label, ours, reference in ratios:
        if results.get(reference):
            print(f"  {label:<48} {results[ours] / results[reference]:8.2f}")


if __name__ == "__main__":
    main()
