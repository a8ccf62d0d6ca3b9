# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Set-wise checks and writes of a stocktake's batch apply (issue 20).

Profiling the apply (cProfile, 20,000 quants, 10 % different) showed, after
the quant bookkeeping of ``stock_batch_apply``, four costs that core pays per
record although the result does not depend on the order:

- ``_check_company`` of the moves and move lines (about a tenth of the
  apply): a value's check depends only on the field, the record's company
  and the value, so each field is checked once per company on the union of
  its values; on any inconsistency core's own check runs and raises its own
  message;
- ``quant.inventory_date = ...`` in core's ``_apply_inventory``, one write per
  quant: the dates are kept and written once per date when core clears the
  counts, the next thing it does;
- ``stock.move._inverse_picked``, one write of the move lines per move: one
  write per value;
- decimal precisions read by float fields through an ormcache whose
  argument binding costs more than the read: read once per apply (the
  precisions cannot change within the transaction that applies).

``tests/test_apply_batch.py`` still compares every resulting row with core's.
"""

from collections import defaultdict

from odoo import models

from .stock_batch_apply import _batch_of

# Cursor cache key of the precisions read during an apply (set by the apply).
PRECISIONS_KEY = "dealer_stocktake_precisions"


def _in_apply(env):
    """Within a stocktake's apply: its batch in the context, or (for an
    environment core made without that context) its precisions cache on the
    cursor. Only checks and reads use the latter."""
    return _batch_of(env) is not None or PRECISIONS_KEY in env.cr.cache


def _check_company_set_wise(records, fnames=None):
    """Core's ``_check_company`` (odoo 18.0 models.py) on the union of the
    values per field and company. True when every value is consistent;
    False when core's own check must run (it then raises)."""
    if fnames is None or {"company_id", "company_ids"} & set(fnames):
        fnames = records._fields
    regular, company_dependent = [], []
    for name in fnames:
        field = records._fields[name]
        if field.relational and field.check_company:
            (company_dependent if field.company_dependent else regular).append(name)
    if not (regular or company_dependent):
        return True
    if regular and "company_id" not in records._fields:
        return False
    values = defaultdict(set)
    current = records.env.company
    for record in records.sudo():
        for name in regular:
            values[name, record.company_id].update(record[name]._ids)
        for name in company_dependent:
            values[name, current].update(record[name]._ids)
    for (name, company), ids in values.items():
        if not ids:
            continue
        corecords = records.env[records._fields[name].comodel_name].sudo()
        corecords = corecords.browse(sorted(ids))
        domain = corecords._check_company_domain(company)
        if domain and corecords != corecords.with_context(
            active_test=False
        ).filtered_domain(domain):
            return False
    return True


class DecimalPrecision(models.Model):
    _inherit = "decimal.precision"  # pylint: disable=consider-merging-classes-inherited

    def precision_get(self, application):
        cache = self.env.cr.cache.get(PRECISIONS_KEY)
        if cache is None or application == "Discount":
            return super().precision_get(application)
        if application not in cache:
            cache[application] = super().precision_get(application)
        return cache[application]


class StockMove(models.Model):
    _inherit = "stock.move"  # pylint: disable=consider-merging-classes-inherited

    def _check_company(self, fnames=None):
        if not _in_apply(self.env) or not _check_company_set_wise(self, fnames):
            return super()._check_company(fnames)

    def _inverse_picked(self):
        if _batch_of(self.env) is None:
            return super()._inverse_picked()
        for picked in (True, False):
            moves = self.filtered(lambda move, p=picked: bool(move.picked) is p)
            if moves.move_line_ids:
                moves.move_line_ids.picked = picked


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"  # pylint: disable=consider-merging-classes-inherited

    def _check_company(self, fnames=None):
        if not _in_apply(self.env) or not _check_company_set_wise(self, fnames):
            return super()._check_company(fnames)


class StockQuant(models.Model):
    _inherit = "stock.quant"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        batch = _batch_of(self.env)
        if batch is not None and set(vals) == {"inventory_date"}:
            # core's _apply_inventory, quant by quant: written by date when
            # it clears the counts (action_clear_inventory_quantity).
            batch.inventory_dates[vals["inventory_date"]].extend(self.ids)
            return True
        return super().write(vals)

    def action_clear_inventory_quantity(self):
        batch = _batch_of(self.env)
        if batch is not None and batch.inventory_dates:
            dates, batch.inventory_dates = batch.inventory_dates, defaultdict(list)
            for date, ids in dates.items():
                self.browse(ids).write({"inventory_date": date})
        return super().action_clear_inventory_quantity()
