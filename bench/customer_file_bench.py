#!/usr/bin/env python3
# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customer file confidentiality benchmark: a plain sales user against the
Administrator on the same data, in one run.

On N customers (default 100,000), each with its customer file and data card
(the sales user sells to 1% of them, a custodian keeps them all), it measures
as each user, best of three:
  1. Contacts: search and read every customer with its customer file
     (name, email, city, salesperson, file number, class);
  2. the customer register: search and read every file;
  3. data cards: search_count of the cards the user may read (the
     confidentiality rule at work), and reading the ones they may.
The Administrator is in every group but keeps no file, so (3) is measured
against the superuser, who bypasses record rules: that ratio is the price of
the rule itself. Everything is rolled back at the end.

Usage (a database with dealer_customer_file installed, e.g. from `make run`):
    python3 bench/customer_file_bench.py -c .cache/run.conf -d dealer \\
        [--customers 100000]
"""

import argparse
import time

import odoo
from odoo import api


def timed(func):
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def build(env, customers, salesperson, other, custodian):
    """Customers, files and cards inserted directly: setup is not measured."""
    cr = env.cr
    company = env.company.id
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, email, city, active, type,
                                 is_company, customer_rank, supplier_rank, lang,
                                 user_id, create_date, write_date, create_uid,
                                 write_uid, autopost_bills)
        SELECT 'Bench customer ' || n, 'Bench customer ' || n,
               'buyer' || n || '@example.com', 'Shenzhen', true, 'contact', true,
               1, 0, 'en_US', CASE WHEN n %% 100 = 0 THEN %s ELSE %s END,
               now(), now(), 1, 1, 'ask'
          FROM generate_series(1, %s) AS n
        RETURNING id
        """,
        [salesperson.id, other.id, customers],
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
        [partner_ids],
    )
    cr.execute(
        """
        INSERT INTO dealer_customer_file (name, partner_id, company_id, active,
                                          user_id, customer_class, create_date,
                                          write_date, create_uid, write_uid)
        SELECT 'BF' || lpad(p.id::text, 8, '0'), p.id, %s, true, p.user_id,
               'general', now(), now(), 1, 1
          FROM res_partner p WHERE p.id = ANY(%s)
        RETURNING id
        """,
        [company, partner_ids],
    )
    file_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO dealer_customer_file_custodian_rel (file_id, user_id)
        SELECT f, %s FROM unnest(%s) AS f
        """,
        [custodian.id, file_ids],
    )
    cr.execute(
        """
        INSERT INTO dealer_customer_file_card (file_id, partner_id, company_id,
                                               credit_terms, credit_limit,
                                               create_date, write_date,
                                               create_uid, write_uid)
        SELECT f.id, f.partner_id, f.company_id, 'Monthly settlement', 50000,
               now(), now(), 1, 1
          FROM dealer_customer_file f WHERE f.id = ANY(%s)
        """,
        [file_ids],
    )
    for table in (
        "res_partner",
        "dealer_customer_file",
        "dealer_customer_file_card",
        "dealer_customer_file_custodian_rel",
    ):
        cr.execute(f"ANALYZE {table}")  # noqa: S608 - fixed table names
    return partner_ids


def parts(env):
    """What a user does, as {label: callable}."""
    Partner = env["res.partner"]
    Files = env["dealer.customer.file"]
    Cards = env["dealer.customer.file.card"]

    def contacts():
        env.invalidate_all()
        Partner.search_read(
            [("name", "=like", "Bench customer %")],
            ["name", "email", "city", "user_id", "dealer_customer_file_id"],
        )

    def register():
        env.invalidate_all()
        Files.search_read(
            [("name", "=like", "BF%")],
            ["name", "partner_id", "customer_class", "user_id", "custodian_ids"],
        )

    def cards_count():
        env.invalidate_all()
        Cards.search_count([])

    def cards_read():
        env.invalidate_all()
        Cards.search_read([("file_id.name", "=like", "BF%")], ["credit_limit"])

    return {
        "customers with their file": contacts,
        "customer register": register,
        "data cards: count readable": cards_count,
        "data cards: read (and log)": cards_read,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--customers", type=int, default=100000)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        users = env["res.users"].with_context(no_reset_password=True)
        sales_group = env.ref("dealer_base.group_sales_user")
        custodian_group = env.ref("dealer_base.group_file_custodian")
        salesperson, other = users.create(
            [
                {"name": name, "login": login, "groups_id": sales_group.ids}
                for name, login in (
                    ("Bench sales", "bench_sales"),
                    ("Bench sales 2", "bench_sales2"),
                )
            ]
        )
        custodian = users.create(
            {
                "name": "Bench custodian",
                "login": "bench_custodian",
                "groups_id": custodian_group.ids,
            }
        )
        print(f"building {args.customers} customers with files and cards ...")
        build(env, args.customers, salesperson, other, custodian)
        env.flush_all()
        admin = env.ref("base.user_admin")
        users = {
            "sales user": env(user=salesperson),
            "admin": env(user=admin),
            "superuser": env(su=True),
        }
        # Interleaved, best of three: no user gets the warm caches.
        for _run in range(3):
            for who, user_env in users.items():
                for part, func in parts(user_env).items():
                    key = (who, part)
                    results[key] = min(results.get(key, 1e9), timed(func))
        cr.rollback()
    labels = list(parts(env).keys())
    for who in users:
        for part in labels:
            print(f"  {who + ': ' + part:<55} {results[(who, part)]:8.3f} s")
    for part in labels:
        ratio = results[("sales user", part)] / results[("admin", part)]
        print(f"  {'ratio sales user / admin, ' + part:<55} {ratio:8.2f}")
    for part in labels[2:]:
        ratio = results[("sales user", part)] / results[("superuser", part)]
        print(f"  {'ratio sales user / superuser, ' + part:<55} {ratio:8.2f}")


if __name__ == "__main__":
    main()
