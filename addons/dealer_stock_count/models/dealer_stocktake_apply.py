# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .stock_batch_apply import QuantBatch
from .stock_batch_writes import PRECISIONS_KEY


class DealerStocktake(models.Model):
    """Applying a stocktake's adjustment, at once or as a background job."""

    # One concern per file (issue 18: files under ~400 lines).
    _inherit = "dealer.stocktake"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Apply
    # ------------------------------------------------------------------
    def action_apply(self):
        """Adjust stock to the counts through core inventory mode, all or
        nothing, with the session as the moves' reference. A large apply is
        queued as a background job (issue 20)."""
        self.ensure_one()
        self._check_manager()
        self._lock_for_update()
        if self.state == "applied":
            raise UserError(
                self.env._("Stocktake %s has already been applied.", self.name)
            )
        if self.state == "applying":
            job = self.sudo().apply_job_ids[:1]
            raise UserError(
                self.env._(
                    "Stocktake %(name)s is being applied in the background, "
                    "started by %(user)s on %(date)s; it cannot be started twice.",
                    name=self.name,
                    user=job.user_id.name or "-",
                    date=job.date_queued or "-",
                )
            )
        self._check_state("counted")
        self._check_classified()
        to_apply = (
            self.env["dealer.stocktake.line"]
            .sudo()
            .search_count([("stocktake_id", "=", self.id), ("variance_qty", "!=", 0)])
        )
        if to_apply > self.company_id.dealer_stocktake_apply_job_threshold:
            return self._dealer_queue_apply(to_apply)
        # A failure anywhere below rolls back everything, even for a caller
        # that catches the error and goes on.
        with self.env.cr.savepoint():
            self._dealer_apply_now()
        return True

    def _dealer_queue_apply(self, to_apply):
        """Queue the apply: the stocktake is "Applying" until the job has
        applied everything in one transaction, or went back to review."""
        self.ensure_one()
        if self._dealer_decide_approval_level() != "none":
            self._dealer_check_approved()
        self._dealer_as_action().write({"state": "applying"})
        # sudo: jobs are created by this action only (the model refuses
        # others), after the checks above.
        self.env["dealer.stocktake.apply.job"].sudo().create(
            {
                "stocktake_id": self.id,
                "user_id": self.env.uid,
                "progress_total": to_apply,
            }
        )
        self.message_post(
            body=self.env._(
                "%(count)s differences are applied in the background; this "
                "stocktake shows the progress.",
                count=to_apply,
            )
        )
        self.env.ref("dealer_stock_count.ir_cron_dealer_stocktake_apply")._trigger()
        return True

    def _dealer_apply_now(self, job=None):
        """The apply itself, in the caller's transaction (savepoint)."""
        self.ensure_one()
        if self._dealer_decide_approval_level() != "none":
            self._dealer_check_approved()
        self._dealer_as_action().write(
            {
                "state": "applied",
                "date_applied": fields.Datetime.now(),
                "applied_by_id": self.env.uid,
            }
        )
        self._apply_to_quants(job=job)
        self.activity_ids.action_done()

    def _apply_domain(self):
        self.ensure_one()
        return [("stocktake_id", "=", self.id), ("variance_qty", "!=", 0)]

    def _apply_lines(self):
        """The ids of the quants to apply, in the lines' order, each line
        checked against the stocktake's scope: its warehouse's counted
        locations and its company (STK-13). Read in SQL: a count of 50,000
        differences is never held as records."""
        self.ensure_one()
        Line = self.env["dealer.stocktake.line"].sudo()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT l.id
                  FROM dealer_stocktake_line l
                  LEFT JOIN stock_quant q ON q.id = l.quant_id
                 WHERE l.stocktake_id = %(stocktake)s AND l.variance_qty != 0
                   AND (l.company_id != %(company)s
                        OR l.location_id NOT IN (
                           SELECT location_id FROM dealer_stocktake_sheet
                            WHERE stocktake_id = %(stocktake)s)
                        OR (q.id IS NOT NULL
                            AND (q.location_id != l.location_id
                                 OR q.product_id != l.product_id
                                 OR COALESCE(q.lot_id, 0) != COALESCE(l.lot_id, 0)
                                 OR q.company_id != %(company)s)))
                 LIMIT 5
                """,
                stocktake=self.id,
                company=self.company_id.id,
            )
        )
        strays = Line.browse([row[0] for row in self.env.cr.fetchall()])
        if strays:
            raise UserError(
                self.env._(
                    "These lines are outside the scope of stocktake %(name)s and "
                    "are not applied (STK-13): %(lines)s",
                    name=self.name,
                    lines=", ".join(strays.mapped("display_name")),
                )
            )
        self._apply_found_quants(
            Line.search(self._apply_domain() + [("quant_id", "=", False)])
        )
        self.env.flush_all()
        query = Line._search(self._apply_domain(), order=Line._order)
        self.env.cr.execute(query.select(SQL.identifier(Line._table, "quant_id")))
        return [row[0] for row in self.env.cr.fetchall()]

    def _apply_found_quants(self, lines):
        """A found serial, lot or product gets a quant to adjust."""
        Quant = self.env["stock.quant"].sudo()
        for line in lines.filtered(lambda rec: not rec.quant_id):
            quant = Quant._gather(
                line.product_id,
                line.location_id,
                lot_id=line.lot_id,
                package_id=line.package_id,
                owner_id=line.owner_id,
                strict=True,
            )[:1] or Quant.create(
                {
                    "product_id": line.product_id.id,
                    "location_id": line.location_id.id,
                    "lot_id": line.lot_id.id,
                    "package_id": line.package_id.id,
                    "owner_id": line.owner_id.id,
                }
            )
            line._dealer_as_action().write({"quant_id": quant.id})

    def _apply_to_quants(self, job=None):
        """Set-wise apply (issue 20): the counts become core Physical
        Inventory counts in one UPDATE, then core's own apply runs chunk by
        chunk on them with the quant bookkeeping done set-wise
        (``stock_batch_apply``): same moves, move lines, quants, valuation
        layers and journal entries as core's ``action_apply_inventory``."""
        self.ensure_one()
        # sudo (in _apply_lines and below): the stocktake's apply is the one
        # route that adjusts stock in a company that adjusts only through
        # stocktakes; the user's rights and the rules were checked by
        # action_apply.
        quant_ids = self._apply_lines()
        if not quant_ids:
            return
        self.env.cr.execute(
            SQL(
                "SELECT id FROM stock_quant WHERE id = ANY(%s) "
                "AND inventory_quantity_set LIMIT 5",
                quant_ids,
            )
        )
        busy = (
            self.env["stock.quant"]
            .sudo()
            .browse([row[0] for row in self.env.cr.fetchall()])
        )
        if busy:
            raise UserError(
                self.env._(
                    "A count is pending for these quants in Physical Inventory; "
                    "apply or clear it there first so that nobody's count is "
                    "overwritten: %s",
                    ", ".join(busy.mapped("display_name")),
                )
            )
        # The target is today's quantity plus the variance measured at the
        # count, so moves done since then are not counted twice.
        self.env.cr.execute(
            SQL(
                """
                UPDATE stock_quant q
                   SET inventory_quantity = q.quantity + l.variance_qty,
                       inventory_diff_quantity = l.variance_qty,
                       inventory_quantity_set = TRUE,
                       user_id = %(uid)s
                  FROM dealer_stocktake_line l
                 WHERE l.quant_id = q.id AND l.stocktake_id = %(stocktake)s
                   AND l.variance_qty != 0
                """,
                uid=self.env.uid,
                stocktake=self.id,
            )
        )
        # A decrease below what other transfers reserved frees their
        # reservations in core (_free_reservation): those quants take core's
        # own path, after the others.
        self.env.cr.execute(
            SQL(
                """
                SELECT q.id FROM stock_quant q
                 WHERE q.id = ANY(%s) AND q.reserved_quantity > 0
                   AND q.inventory_quantity < q.reserved_quantity
                """,
                quant_ids,
            )
        )
        reserved_ids = {row[0] for row in self.env.cr.fetchall()}
        name = self.env._("Stocktake %s", self.name)
        uid = self.env.uid
        self.env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM stock_move")
        last_move_id = self.env.cr.fetchone()[0]
        self.env.invalidate_all()
        batched = self._dealer_apply_order(
            [qid for qid in quant_ids if qid not in reserved_ids]
        )
        chunk = max(1, self.company_id.dealer_stocktake_apply_chunk)
        env = self.env(su=True)
        done = 0
        created_ids = []
        # Precisions are read once per apply (stock_batch_writes).
        self.env.cr.cache[PRECISIONS_KEY] = {}
        try:
            for start in range(0, len(batched), chunk):
                ids = batched[start : start + chunk]
                env["stock.quant"].browse(ids).with_context(
                    inventory_mode=True,
                    inventory_name=name,
                    set_inventory_quantity_auto_apply=True,
                    dealer_quant_batch=QuantBatch(env, created_ids),
                ).action_apply_inventory()
                env.flush_all()
                # Memory stays flat: nothing of this chunk is kept in the cache.
                env.invalidate_all()
                done += len(ids)
                if job:
                    job._progress(done=done, total=len(quant_ids))
        finally:
            self.env.cr.cache.pop(PRECISIONS_KEY, None)
        if created_ids:
            # Core computes the stored difference of the quants its apply
            # creates once, when it flushes at its end: from their final
            # quantity, whatever the chunk that created them.
            self.env.cr.execute(
                SQL(
                    "UPDATE stock_quant SET inventory_diff_quantity = "
                    "COALESCE(inventory_quantity, 0) - quantity WHERE id = ANY(%s)",
                    created_ids,
                )
            )
            env["stock.quant"].invalidate_model(["inventory_diff_quantity"])
        if reserved_ids:
            env["stock.quant"].browse(
                [qid for qid in quant_ids if qid in reserved_ids]
            ).with_context(
                inventory_mode=True,
                inventory_name=name,
                set_inventory_quantity_auto_apply=True,
            ).action_apply_inventory()
            env.flush_all()
            if job:
                job._progress(done=len(quant_ids), total=len(quant_ids))
        # The moves apply created are the ones after the last move that
        # existed (other transactions' moves are not visible to this one).
        self.env.cr.execute(
            SQL(
                """
                UPDATE stock_move SET dealer_stocktake_id = %s,
                       write_uid = %s, write_date = now() at time zone 'UTC'
                 WHERE id > %s AND is_inventory AND product_id IN (
                       SELECT product_id FROM stock_quant WHERE id = ANY(%s))
                """,
                self.id,
                uid,
                last_move_id,
                quant_ids,
            )
        )
        self.env["stock.move"].invalidate_model(["dealer_stocktake_id"])
        self.invalidate_recordset(["move_ids"])

    def _dealer_apply_order(self, quant_ids):
        """The quants in the order core's single apply would move them, so
        that chunks give core's result: core validates the move lines of all
        quants sorted by ``stock.move.line._order`` (result package, by name,
        descending with the lines without one first; then creation order)."""
        if not quant_ids:
            return []
        self.env.cr.execute(
            SQL(
                """
                SELECT q.id, pkg.name
                  FROM stock_quant q
                  LEFT JOIN stock_quant_package pkg
                    ON pkg.id = q.package_id AND q.inventory_diff_quantity > 0
                 WHERE q.id = ANY(%s)
                """,
                quant_ids,
            )
        )
        packed = {qid: name for qid, name in self.env.cr.fetchall() if name}
        if not packed:
            return quant_ids
        loose = [qid for qid in quant_ids if qid not in packed]
        into_packages = sorted(
            (qid for qid in quant_ids if qid in packed),
            key=lambda qid: packed[qid],
            reverse=True,  # stable: equal names keep their order
        )
        return loose + into_packages
