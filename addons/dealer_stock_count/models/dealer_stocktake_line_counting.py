# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL, float_is_zero


class DealerStocktakeLine(models.Model):
    """Counts of a line: moved since the snapshot, counts registered per sheet."""

    # One concern per file (issue 18: files under ~400 lines).
    _inherit = "dealer.stocktake.line"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Counting
    # ------------------------------------------------------------------
    def _moved_since_snapshot(self):
        """What came in minus what went out of each line's location since the
        snapshot: today's book quantity minus the frozen one, read in one
        query for the whole sheet (exact, unlike move dates)."""
        if not self:
            return {}
        self.env["stock.quant"].flush_model(
            [
                "product_id",
                "location_id",
                "lot_id",
                "package_id",
                "owner_id",
                "quantity",
            ]
        )
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                """
                SELECT l.id, COALESCE(SUM(q.quantity), 0) - COALESCE(l.book_qty, 0)
                  FROM dealer_stocktake_line l
                  LEFT JOIN stock_quant q
                    ON q.product_id = l.product_id
                   AND q.location_id = l.location_id
                   AND COALESCE(q.lot_id, 0) = COALESCE(l.lot_id, 0)
                   AND COALESCE(q.package_id, 0) = COALESCE(l.package_id, 0)
                   AND COALESCE(q.owner_id, 0) = COALESCE(l.owner_id, 0)
                 WHERE l.id = ANY(%s)
                 GROUP BY l.id, l.book_qty
                """,
                self.ids,
            )
        )
        return dict(self.env.cr.fetchall())

    def _register_counts(self, sheet):
        """Turn the entered quantities into counts and work out each line's
        difference. Query count does not depend on the number of lines."""
        if not self:
            return  # an empty location: nothing found, nothing to record
        now = fields.Datetime.now()
        lines = self.sudo()
        moved = lines._moved_since_snapshot()
        self.env["dealer.stocktake.count"].sudo().create(
            [
                {
                    "line_id": line.id,
                    "sheet_id": sheet.id,
                    "counter_id": self.env.uid,
                    "round": sheet.round,
                    "quantity": line.draft_qty,
                    "moved_qty": moved.get(line.id) or 0.0,
                    "date": now,
                }
                for line in lines
            ]
        )
        company = sheet.company_id
        products = lines.product_id.with_company(company)
        products.fetch(["standard_price"])
        costs = {product.id: product.standard_price for product in products}
        rows = []
        for line in lines:
            rounding = line.uom_id.rounding or 0.01
            moved_qty = moved.get(line.id) or 0.0
            expected = (line.book_qty or 0.0) + moved_qty
            variance = line.draft_qty - expected
            cost = costs[line.product_id.id]
            value = company.currency_id.round(variance * cost)
            recount = line.recount_required or (
                sheet.round == "count"
                and sheet._is_beyond_tolerance(variance, expected, value, rounding)
            )
            if float_is_zero(variance, precision_rounding=rounding):
                state, variance, value = "ok", 0.0, 0.0
            elif recount and sheet.round == "count":
                state = "recount"
            else:
                state = "to_classify"
            rows.append(
                SQL(
                    "(%s, %s::numeric, %s::numeric, %s::numeric, %s::numeric, "
                    "%s::numeric, %s::numeric, %s::numeric, %s::varchar, %s::bool)",
                    line.id,
                    line.draft_qty,
                    moved_qty,
                    expected,
                    variance,
                    cost,
                    value,
                    abs(value),
                    state,
                    recount,
                )
            )
        # One UPDATE for the whole sheet: the query count of a submission does
        # not depend on its number of lines.
        self.env.cr.execute(
            SQL(
                """
                UPDATE dealer_stocktake_line l
                   SET counted_qty = v.counted, moved_qty = v.moved,
                       expected_qty = v.expected, variance_qty = v.variance,
                       unit_cost = v.cost, variance_value = v.value,
                       variance_value_abs = v.value_abs, count_state = v.state,
                       recount_required = v.recount, count_round = %(round)s,
                       last_counter_id = %(uid)s, draft_qty = 0,
                       draft_qty_set = FALSE, write_uid = %(uid)s,
                       write_date = now() at time zone 'UTC'
                  FROM (VALUES %(rows)s) AS v(id, counted, moved, expected,
                        variance, cost, value, value_abs, state, recount)
                 WHERE l.id = v.id
                """,
                round=2 if sheet.round == "recount" else 1,
                uid=self.env.uid,
                rows=SQL(", ").join(rows),
            )
        )
        fnames = [
            "counted_qty",
            "moved_qty",
            "expected_qty",
            "variance_qty",
            "unit_cost",
            "variance_value",
            "variance_value_abs",
            "count_state",
            "recount_required",
            "count_round",
            "last_counter_id",
            "draft_qty",
            "draft_qty_set",
        ]
        lines.invalidate_recordset(fnames)
        lines.modified(fnames)
