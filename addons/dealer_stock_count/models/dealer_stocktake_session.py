# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from psycopg2 import OperationalError

from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from .dealer_stocktake import (
    STATES,
    STOCKTAKE_LOCK_KEY,
)

_lt = LazyTranslate(__name__)


class DealerStocktake(models.Model):
    """A session's course: start (sheets and snapshot), counting done."""

    # One concern per file (issue 18: files under ~400 lines).
    _inherit = "dealer.stocktake"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _lock_for_update(self):
        """Serialise state changes: a second click or a second user waits for
        nothing and gets a clear message."""
        if not self:
            return
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM dealer_stocktake WHERE id IN %s FOR UPDATE NOWAIT",
                    tuple(self.ids),
                )
            )
        except OperationalError as error:
            raise UserError(
                self.env._(
                    "Someone else is working on this stocktake right now; try "
                    "again in a moment."
                )
            ) from error
        self.invalidate_recordset(["state"])

    def _check_state(self, *states):
        for stocktake in self:
            if stocktake.state not in states:
                raise UserError(
                    self.env._(
                        "Stocktake %(name)s is %(state)s; this action needs it "
                        "to be %(states)s.",
                        name=stocktake.name,
                        state=dict(STATES)[stocktake.state],
                        states=", ".join(dict(STATES)[s] for s in states),
                    )
                )

    def _scope_locations(self):
        self.ensure_one()
        return self.env["stock.location"].search(
            [("id", "child_of", self.location_ids.ids), ("usage", "=", "internal")],
            order="complete_name, id",
        )

    def action_start(self):
        """STK-13: freeze the book quantity of every quant in scope and open
        one count sheet per location."""
        self._check_manager()
        self._lock_for_update()
        self._check_state("draft")
        for stocktake in self:
            locations = stocktake._scope_locations()
            if not locations:
                raise UserError(
                    self.env._(
                        "Stocktake %s has no location to count: choose its "
                        "locations first.",
                        stocktake.name,
                    )
                )
            counters = stocktake.counter_ids or stocktake.responsible_id
            if not counters:
                raise UserError(
                    self.env._(
                        "Stocktake %s has no counter: add the counters first.",
                        stocktake.name,
                    )
                )
            # Two sessions starting at the same moment must see each other.
            self.env.cr.execute(
                SQL(
                    "SELECT pg_advisory_xact_lock(%s, %s)",
                    STOCKTAKE_LOCK_KEY,
                    stocktake.company_id.id,
                )
            )
            stocktake._check_no_overlap(locations)
            sheets = (
                self.env["dealer.stocktake.sheet"]
                ._dealer_as_action()
                .create(
                    [
                        {
                            "stocktake_id": stocktake.id,
                            "location_id": location.id,
                            "counter_id": counters[index % len(counters)].id,
                            "round": "count",
                        }
                        for index, location in enumerate(locations)
                    ]
                )
            )
            now = fields.Datetime.now()
            stocktake._dealer_as_action().write(
                {"state": "counting", "snapshot_date": now}
            )
            stocktake._snapshot(sheets)
            if not stocktake.activity_ids:
                stocktake._schedule_count_activities()
        return True

    def _quant_scope_sql(self, location_ids):
        """The quants this session counts, as a SQL condition on ``q``."""
        self.ensure_one()
        conditions = [
            SQL("q.location_id = ANY(%s)", list(location_ids)),
            SQL("q.quantity != 0"),
            SQL("q.company_id = %s", self.company_id.id),
        ]
        if self.category_ids:
            categories = self.env["product.category"].search(
                [("id", "child_of", self.category_ids.ids)]
            )
            conditions.append(SQL("pt.categ_id = ANY(%s)", categories.ids))
        if self.high_value_only:
            conditions.append(SQL("pt.dealer_high_value"))
        return SQL(" AND ").join(conditions)

    def _check_no_overlap(self, locations):
        """Two open sessions may not count the same quant."""
        self.ensure_one()
        self.env["dealer.stocktake.line"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT l.id
                  FROM stock_quant q
                  JOIN product_product pp ON pp.id = q.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN dealer_stocktake_line l ON l.quant_id = q.id
                  JOIN dealer_stocktake s ON s.id = l.stocktake_id
                 WHERE %s AND s.id != %s AND s.state IN ('counting', 'counted')
                 LIMIT 5
                """,
                self._quant_scope_sql(locations.ids),
                self.id,
            )
        )
        taken = self.env["dealer.stocktake.line"].browse(
            [row[0] for row in self.env.cr.fetchall()]
        )
        if taken:
            raise UserError(
                self.env._(
                    "Stocktake %(name)s overlaps an open stocktake (STK-13): "
                    "%(quants)s. Finish or cancel that one first.",
                    name=self.name,
                    quants="; ".join(
                        f"{line.stocktake_id.name} — {line.display_name}"
                        for line in taken.sudo()
                    ),
                )
            )

    def _snapshot(self, sheets):
        """One INSERT for the whole scope: 50,000 quants are frozen in a few
        seconds, which ORM creates could not do (see bench/)."""
        self.ensure_one()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO dealer_stocktake_line (
                    stocktake_id, sheet_id, company_id, quant_id, product_id,
                    location_id, lot_id, package_id, owner_id, uom_id, book_qty,
                    held_apart, count_state, is_found, draft_qty, draft_qty_set,
                    recount_required, create_uid, write_uid, create_date, write_date)
                SELECT %(stocktake)s, sh.id, q.company_id, q.id, q.product_id,
                       q.location_id, q.lot_id, q.package_id, q.owner_id,
                       pt.uom_id, q.quantity,
                       COALESCE(loc.dealer_zone_type IN
                                ('pending_inspection', 'non_conforming'), FALSE),
                       'to_count', FALSE, 0, FALSE, FALSE,
                       %(uid)s, %(uid)s, now() at time zone 'UTC',
                       now() at time zone 'UTC'
                  FROM stock_quant q
                  JOIN dealer_stocktake_sheet sh
                    ON sh.location_id = q.location_id
                   AND sh.stocktake_id = %(stocktake)s
                  JOIN stock_location loc ON loc.id = q.location_id
                  JOIN product_product pp ON pp.id = q.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE %(scope)s
                 ORDER BY loc.complete_name, pt.default_code, q.id
                """,
                stocktake=self.id,
                uid=self.env.uid,
                scope=self._quant_scope_sql(sheets.location_id.ids),
            )
        )
        self.env["dealer.stocktake.line"].invalidate_model()
        self.invalidate_recordset(["line_ids"])
        sheets.invalidate_recordset(["line_ids"])

    def _notify_counting_done(self):
        """Once the last sheet is in, the responsible reviews the differences."""
        for stocktake in self.sudo():
            if stocktake.state != "counting" or stocktake.sheet_ids.filtered(
                lambda s: s.state == "todo"
            ):
                continue
            stocktake.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(
                    stocktake.responsible_id
                    or stocktake.company_id._dealer_department_head("warehouse")
                    or self.env.user
                ).id,
                summary=_lt("Every count sheet is in: finish and review"),
            )

    def action_finish_counting(self):
        """All sheets are in: the session moves to review."""
        self._check_manager()
        self._lock_for_update()
        self._check_state("counting")
        for stocktake in self:
            todo = stocktake.sheet_ids.filtered(lambda s: s.state == "todo")
            if todo:
                raise UserError(
                    self.env._(
                        "Count sheets still to submit: %s.",
                        ", ".join(todo.mapped("display_name")),
                    )
                )
        self._dealer_as_action().write(
            {"state": "counted", "date_counted": fields.Datetime.now()}
        )
        return True

    def _check_classified(self):
        """STK-14, STK-15: every difference has a cause; human error names the
        person responsible."""
        Line = self.env["dealer.stocktake.line"]
        for stocktake in self:
            pending = Line.search(
                [("stocktake_id", "=", stocktake.id), ("count_state", "=", "recount")],
                limit=5,
            )
            if pending:
                raise ValidationError(
                    self.env._(
                        "These lines still need their recount by another counter "
                        "(STK-14): %s",
                        ", ".join(pending.mapped("display_name")),
                    )
                )
            unclassified = Line.search(
                [
                    ("stocktake_id", "=", stocktake.id),
                    ("count_state", "=", "to_classify"),
                ],
                limit=5,
            )
            if unclassified:
                raise ValidationError(
                    self.env._(
                        "Every difference needs its cause before approval is "
                        "requested or the stocktake is applied (STK-14). Still "
                        "without Reason: %s",
                        ", ".join(unclassified.mapped("display_name")),
                    )
                )

    def _check_manager(self):
        """Stocktakes are run by Warehouse Managers (STK-13)."""
        if not (
            self.env.su
            or self.env.user.has_group("dealer_base.group_warehouse_manager")
        ):
            raise AccessError(
                self.env._("Only a Warehouse Manager runs stocktakes (STK-13).")
            )
