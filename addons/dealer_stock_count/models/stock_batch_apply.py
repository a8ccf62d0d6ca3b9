# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Set-wise quant updates for a stocktake's apply (issue 20).

Core's ``stock.quant._apply_inventory`` creates the adjustment moves in one
call and validates them in one ``_action_done``; what makes it handle about a
hundred quants a second is the quant bookkeeping per move line: each line
reserves its quant when it is created, unreserves it when it is done, then
moves it (``_synchronize_quant``), each step an ORM search, a row lock and a
write, then a second search for the available quantity.

Within a stocktake's apply (context key ``dealer_quant_batch``, which holds a
:class:`QuantBatch`, a Python object no RPC caller can forge):

- the moves skip the reservation: core reserves a quant when the move line
  is created and releases exactly that quantity when it is done, the two
  cancel out (the quants' ``reserved_quantity`` is rounded to the same
  precision in between), so skipping both leaves the same rows. Quants whose
  decrease would go below what other transfers reserved are applied outside
  the batch (core then frees those reservations, see ``_free_reservation``);
- ``_synchronize_quant`` replays core's ``_update_available_quantity`` on an
  in-memory copy of the quants, in the same order, with the same choice of
  quant, incoming date, rounding and untracked-quant compensation, and
  returns what core returns; the changed quants are written in one UPDATE and
  the new ones created in one ORM call when the move lines are done, before
  anything reads them.

Valuation layers, journal entries, moves and move lines stay core's own code
on the whole set. ``tests/test_apply_batch.py`` compares every resulting row
with core's.
"""

from collections import defaultdict

from odoo import fields, models
from odoo.tools import SQL, float_compare, float_is_zero, float_round


class _Quant:
    __slots__ = (
        "id",
        "rank",
        "key",
        "lot_id",
        "quantity",
        "reserved",
        "in_date",
        "changed",
    )

    def __init__(self, qid, key, quantity, reserved, in_date, rank=None):
        self.id = qid
        # Quants created during the apply come after the existing ones, as
        # their ids would in the database.
        self.rank = rank or qid
        self.key = key
        self.lot_id = key[2]
        self.quantity = quantity
        self.reserved = reserved
        self.in_date = in_date
        self.changed = False


class QuantBatch:
    """In-memory quants of one apply, keyed like core's ``quants_cache``:
    (product, location, lot, package, owner)."""

    def __init__(self, env, created_ids=None):
        self.env = env
        self.quants = defaultdict(list)
        self.new = []
        # Quants this apply created, across chunks (see _apply_to_quants).
        self.created_ids = created_ids if created_ids is not None else []
        self.loaded = False
        self.digits = env["decimal.precision"].precision_get("Product Unit of Measure")
        # Decimal precisions, read some twenty times per move by float fields
        # through an ormcache whose argument binding costs more than the read.
        self.precisions = {}
        # FIFO candidates per (company, lot), while out layers are valued.
        self.fifo = None
        self.products = set()
        self._new_id = 0
        # Quants' inventory dates, written once per date (stock_batch_writes).
        self.inventory_dates = defaultdict(list)

    def load(self, move_lines):
        """Every quant the move lines can touch, in one query (core's own
        ``_get_quants_by_products_locations`` reads the same set)."""
        locations = move_lines.location_id | move_lines.location_dest_id
        self.products = set(move_lines.product_id.ids)
        self.env["stock.quant"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT id, product_id, location_id, lot_id, package_id, owner_id,
                       quantity, reserved_quantity, in_date
                  FROM stock_quant
                 WHERE product_id = ANY(%s) AND location_id = ANY(%s)
                   AND (lot_id IS NULL OR lot_id = ANY(%s))
                 ORDER BY id
                """,
                move_lines.product_id.ids,
                locations.ids,
                move_lines.lot_id.ids,
            )
        )
        for (
            qid,
            product,
            location,
            lot,
            package,
            owner,
            qty,
            reserved,
            in_date,
        ) in self.env.cr.fetchall():
            key = (product, location, lot or False, package or False, owner or False)
            self.quants[key].append(
                _Quant(qid, key, qty or 0.0, reserved or 0.0, in_date)
            )
        self.loaded = True

    def _round(self, value):
        return float_round(value, precision_digits=self.digits)

    def _gather(self, product, location, lot, package, owner):
        """Core's ``_gather(strict=True)`` through ``quants_cache``: the lot's
        quants, then the untracked ones."""
        found = []
        if lot:
            found += self.quants[product, location, lot, package, owner]
        found += self.quants[product, location, False, package, owner]
        # core: res.sorted(lambda q: not q.lot_id) (stable)
        return sorted(found, key=lambda q: not q.lot_id)

    def available(self, product, location, lot, package, owner, tracked, negative):
        """Core's ``_get_available_quantity(strict=True)``."""
        quants = self._gather(product, location, lot, package, owner)
        if not tracked:
            total = sum(q.quantity for q in quants) - sum(q.reserved for q in quants)
            return total if negative or total >= 0 else 0.0
        sums = defaultdict(float)
        for quant in quants:
            if not quant.lot_id and lot:
                continue
            sums[quant.lot_id or "untracked"] += quant.quantity - quant.reserved
        if negative:
            return sum(sums.values())
        return sum(value for value in sums.values() if value > 0)

    def update(self, product, location, quantity, lot, package, owner, in_date, **info):
        """Core's ``_update_available_quantity`` for a quantity."""
        quants = self._gather(product, location, lot, package, owner)
        if lot and quantity > 0:
            quants = [q for q in quants if q.lot_id]
        if info["bypass"]:
            incoming = []
        else:
            incoming = [
                q.in_date
                for q in quants
                if q.in_date
                and float_compare(q.quantity, 0, precision_rounding=info["rounding"])
                > 0
            ]
        if in_date:
            incoming.append(in_date)
        in_date = min(incoming) if incoming else fields.Datetime.now()
        # core: SELECT ... ORDER BY lot_id LIMIT 1 (lot quants first)
        chosen = min(quants, key=lambda q: (not q.lot_id, q.rank), default=None)
        if chosen:
            chosen.quantity = self._round(chosen.quantity + quantity)
            chosen.in_date = in_date
            chosen.changed = True
        else:
            self._new_id -= 1
            key = (product, location, lot or False, package or False, owner or False)
            chosen = _Quant(
                self._new_id,
                key,
                self._round(quantity),
                0.0,
                in_date,
                rank=10**15 - self._new_id,
            )
            self.quants[key].append(chosen)
            self.new.append(chosen)
        available = self.available(
            product, location, lot, package, owner, info["tracked"], True
        )
        return available, in_date

    def flush(self):
        """Write what changed: one create, one UPDATE."""
        Quant = self.env["stock.quant"].sudo()
        if self.new:
            created = Quant.create(
                [
                    {
                        "product_id": quant.key[0],
                        "location_id": quant.key[1],
                        "lot_id": quant.key[2],
                        "package_id": quant.key[3],
                        "owner_id": quant.key[4],
                        "in_date": quant.in_date,
                        "quantity": quant.quantity,
                    }
                    for quant in self.new
                ]
            )
            for quant, record in zip(self.new, created, strict=True):
                quant.id = record.id
                quant.changed = False
            self.created_ids += created.ids
            self.new = []
        changed = [
            quant
            for quants in self.quants.values()
            for quant in quants
            if quant.changed and quant.id > 0
        ]
        if not changed:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE stock_quant q
                   SET quantity = v.quantity, in_date = v.in_date,
                       write_uid = %(uid)s,
                       write_date = now() at time zone 'UTC'
                  FROM (VALUES %(values)s) AS v(id, quantity, in_date)
                 WHERE q.id = v.id
                """,
                uid=self.env.uid,
                values=SQL(", ").join(
                    SQL(
                        "(%s, %s::numeric, %s::timestamp)",
                        quant.id,
                        quant.quantity,
                        quant.in_date,
                    )
                    for quant in changed
                ),
            )
        )
        records = Quant.browse([quant.id for quant in changed])
        fnames = ["quantity", "in_date", "write_uid", "write_date"]
        records.invalidate_recordset(fnames, flush=False)
        records.modified(fnames)
        records._validate_fields(["quantity", "in_date"])
        for quant in changed:
            quant.changed = False


def _batch_of(env):
    batch = env.context.get("dealer_quant_batch")
    return batch if isinstance(batch, QuantBatch) else None


class DecimalPrecision(models.Model):
    _inherit = "decimal.precision"  # pylint: disable=consider-merging-classes-inherited

    def precision_get(self, application):
        batch = _batch_of(self.env)
        if batch is None or application == "Discount":
            return super().precision_get(application)
        if application not in batch.precisions:
            batch.precisions[application] = super().precision_get(application)
        return batch.precisions[application]


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _fifo_domain(self, company, lot):
        """Core's candidate domain (stock_account 18.0)."""
        return [
            ("product_id", "=", self.id),
            ("remaining_qty", ">", 0),
            ("company_id", "=", company.id),
            ("lot_id", "=", lot.id if lot else False),
        ]

    def _get_fifo_candidates(self, company, lot=False):
        """Core searches the candidates once per out move; within a batch
        apply they are read once per company and lot for every product of
        the batch, in core's order, and filtered on their current remaining
        quantity (which core's own writes keep up to date in the cache)."""
        batch = _batch_of(self.env)
        if (
            batch is None
            or batch.fifo is None
            or self.id not in batch.products
            # another module's candidates: core's own search
            or self._get_fifo_candidates_domain(company, lot=lot)
            != ProductProduct._fifo_domain(self, company, lot)
        ):
            return super()._get_fifo_candidates(company, lot=lot)
        key = (company.id, lot.id if lot else False)
        if key not in batch.fifo:
            domain = [
                ("product_id", "in", list(batch.products)),
                *ProductProduct._fifo_domain(self, company, lot)[1:],
            ]
            by_product = defaultdict(list)
            for layer in self.env["stock.valuation.layer"].sudo().search(domain):
                by_product[layer.product_id.id].append(layer.id)
            batch.fifo[key] = by_product
        Layer = self.env["stock.valuation.layer"].sudo()
        candidates = Layer.browse(batch.fifo[key].get(self.id, [])).filtered(
            lambda layer: layer.remaining_qty > 0
        )
        return candidates.sorted(lambda svl: svl._candidate_sort_key())


class StockMove(models.Model):
    _inherit = "stock.move"  # pylint: disable=consider-merging-classes-inherited

    def _create_out_svl(self, forced_quantity=None):
        batch = _batch_of(self.env)
        if batch is None:
            return super()._create_out_svl(forced_quantity=forced_quantity)
        batch.fifo = {}
        try:
            return super()._create_out_svl(forced_quantity=forced_quantity)
        finally:
            batch.fifo = None

    def _should_bypass_reservation(self, forced_location=False):
        # A stocktake's batch apply: reserving a quant at creation and
        # releasing it when done cancel out (see QuantBatch).
        if _batch_of(self.env) is not None:
            return True
        return super()._should_bypass_reservation(forced_location)


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"  # pylint: disable=consider-merging-classes-inherited

    def _action_done(self):
        batch = self.env.context.get("dealer_quant_batch")
        if not isinstance(batch, QuantBatch):
            return super()._action_done()
        batch.load(self)
        result = super()._action_done()
        batch.flush()
        return result

    def _synchronize_quant(
        self, quantity, location, action="available", in_date=False, **quants_value
    ):
        batch = self.env.context.get("dealer_quant_batch")
        if not isinstance(batch, QuantBatch) or not batch.loaded:
            return super()._synchronize_quant(
                quantity, location, action=action, in_date=in_date, **quants_value
            )
        if action != "available":
            return 0, False  # reservations are skipped in a batch apply
        lot = quants_value.get("lot", self.lot_id)
        package = quants_value.get("package", self.package_id)
        owner = quants_value.get("owner", self.owner_id)
        product = self.product_id
        rounding = self.product_uom_id.rounding
        if not product.is_storable or float_is_zero(
            quantity, precision_rounding=rounding
        ):
            return 0, False
        info = {
            "bypass": location.should_bypass_reservation(),
            "rounding": product.uom_id.rounding,
            "tracked": product.tracking != "none",
        }
        key = (product.id, location.id, lot.id, package.id, owner.id)
        available_qty, in_date = batch.update(
            *key[:2], quantity, *key[2:], in_date, **info
        )
        if available_qty < 0 and lot:
            # core: compensate the negative lot with untracked quants
            untracked = batch.available(
                product.id, location.id, False, package.id, owner.id, True, False
            )
            if not untracked:
                return available_qty, in_date
            taken = min(untracked, abs(quantity))
            batch.update(
                product.id, location.id, -taken, False, package.id, owner.id,
                in_date, **info
            )  # fmt: skip
            batch.update(
                product.id, location.id, taken, lot.id, package.id, owner.id,
                in_date, **info
            )  # fmt: skip
        return available_qty, in_date
