# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare, float_is_zero

from odoo.addons.dealer_base.tools import has_words

# Book figures are hidden from counters by the ORM (blind count): only these
# groups can read them, by any route (form, RPC, export, report).
REVIEWERS = (
    "dealer_base.group_warehouse_manager,dealer_base.group_administration_manager"
)

COUNT_STATES = [
    ("to_count", "To count"),
    ("recount", "Recount"),
    ("to_classify", "To classify"),
    ("classified", "Classified"),
    ("ok", "No difference"),
]
# What a counter may write on a line: the quantity they count.
COUNTER_FIELDS = {"draft_qty"}
CLASSIFICATION_FIELDS = {"reason_id", "responsible_user_id", "accountability_note"}
# What a counter gives when adding an item found on the shelf.
FOUND_FIELDS = {"sheet_id", "product_id", "lot_id", "draft_qty"}


class DealerStocktakeLine(models.Model):
    """One quant of the scope (or one found on the shelf) with its frozen
    book quantity, its counts and the explanation of its difference."""

    _name = "dealer.stocktake.line"
    _description = "Stocktake Line"
    _inherit = ["dealer.governed.mixin"]
    _order = "stocktake_id desc, location_id, product_id, lot_id, id"
    _check_company_auto = True

    # What the line counts and what its counts gave change only through the
    # snapshot, counting and recounting (STK-13, STK-14); the cause through
    # classification, which write() checks.
    _dealer_governed = {
        "stocktake_id": "STK-13",
        "sheet_id": "STK-13",
        "company_id": "STK-13",
        "quant_id": "STK-13",
        "product_id": "STK-13",
        "location_id": "STK-13",
        "lot_id": "STK-13",
        "package_id": "STK-13",
        "owner_id": "STK-13",
        "uom_id": "STK-13",
        "held_apart": "STK-13",
        "is_found": "STK-13",
        "draft_qty_set": "STK-13",
        "book_qty": "STK-13",
        "moved_qty": "STK-13",
        "expected_qty": "STK-13",
        "counted_qty": "STK-13",
        "variance_qty": "STK-13",
        "unit_cost": "STK-13",
        "variance_value": "STK-13",
        "variance_value_abs": "STK-13",
        "period_start": "STK-13",
        "warehouse_id": "STK-13",
        "categ_id": "STK-13",
        "count_state": "STK-14",
        "recount_required": "STK-14",
        "recount_sheet_id": "STK-14",
        "count_round": "STK-14",
        "last_counter_id": "STK-14",
    }
    # The frozen book quantities and the counts are the stocktake's record.
    _dealer_keep_rule = "STK-13"

    stocktake_id = fields.Many2one(
        "dealer.stocktake", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    sheet_id = fields.Many2one(
        "dealer.stocktake.sheet",
        string="Count sheet",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    recount_sheet_id = fields.Many2one(
        "dealer.stocktake.sheet",
        string="Recount sheet",
        index="btree_not_null",
        readonly=True,
        check_company=True,
    )
    stocktake_state = fields.Selection(
        related="stocktake_id.state", string="Stocktake status"
    )
    period_start = fields.Date(related="stocktake_id.period_start", store=True)
    warehouse_id = fields.Many2one(related="stocktake_id.warehouse_id", store=True)
    quant_id = fields.Many2one(
        "stock.quant", readonly=True, index="btree_not_null", check_company=True
    )
    product_id = fields.Many2one(
        "product.product", required=True, index=True, check_company=True
    )
    tracking = fields.Selection(related="product_id.tracking")
    categ_id = fields.Many2one(
        related="product_id.categ_id", store=True, string="Product Category"
    )
    location_id = fields.Many2one(
        "stock.location", required=True, index=True, check_company=True
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        domain="[('product_id', '=', product_id)]",
        check_company=True,
    )
    package_id = fields.Many2one(
        "stock.quant.package", readonly=True, check_company=True
    )
    owner_id = fields.Many2one("res.partner", readonly=True, check_company=True)
    uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    held_apart = fields.Boolean(
        string="Inspection zone",
        readonly=True,
        help="Stock in the pending-inspection or non-conforming area: counted, "
        "but reported apart from saleable stock.",
    )
    is_found = fields.Boolean(
        string="Found",
        readonly=True,
        help="Counted on the shelf without a book quantity.",
    )
    # What the counter enters; it becomes a count when the sheet is submitted.
    draft_qty = fields.Float(string="Counted", digits="Product Unit of Measure")
    draft_qty_set = fields.Boolean(string="Entered", readonly=True)
    # STK-13: a submitted sheet shows what was counted on it. Blind counting
    # hides the BOOK quantities, not the counts: each counter reads the counts
    # they made, reviewers read all (the record rules of the counts decide).
    sheet_counted_qty = fields.Float(
        string="Counted ",
        compute="_compute_submitted_counts",
        digits="Product Unit of Measure",
        help="The quantity submitted on this line's count sheet.",
    )
    recount_counted_qty = fields.Float(
        string="Recounted",
        compute="_compute_submitted_counts",
        digits="Product Unit of Measure",
        help="The quantity submitted on this line's recount sheet.",
    )
    book_qty_shown = fields.Float(
        string="Book quantity ",
        compute="_compute_book_qty_shown",
        digits="Product Unit of Measure",
        help="Shown to counters only when the stocktake is not blind.",
    )
    # Book and variance figures: reviewers only.
    book_qty = fields.Float(
        string="Book quantity",
        readonly=True,
        digits="Product Unit of Measure",
        groups=REVIEWERS,
    )
    moved_qty = fields.Float(
        string="Moved since snapshot",
        readonly=True,
        digits="Product Unit of Measure",
        groups=REVIEWERS,
        help="Receipts minus issues of this product in this location between "
        "the snapshot and the count: they are not a difference.",
    )
    expected_qty = fields.Float(
        string="Expected",
        readonly=True,
        digits="Product Unit of Measure",
        groups=REVIEWERS,
    )
    counted_qty = fields.Float(
        string="Counted quantity",
        readonly=True,
        digits="Product Unit of Measure",
        groups=REVIEWERS,
    )
    variance_qty = fields.Float(
        string="Difference",
        readonly=True,
        digits="Product Unit of Measure",
        groups=REVIEWERS,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    unit_cost = fields.Monetary(readonly=True, groups=REVIEWERS)
    variance_value = fields.Monetary(
        string="Difference value", readonly=True, groups=REVIEWERS
    )
    variance_value_abs = fields.Monetary(readonly=True, groups=REVIEWERS)
    count_state = fields.Selection(
        COUNT_STATES, default="to_count", required=True, readonly=True, index=True
    )
    recount_required = fields.Boolean(readonly=True)
    count_round = fields.Integer(string="Counts", readonly=True)
    last_counter_id = fields.Many2one("res.users", string="Counted by", readonly=True)
    count_ids = fields.One2many("dealer.stocktake.count", "line_id", readonly=True)
    reason_id = fields.Many2one(
        "dealer.stocktake.reason",
        string="Reason",
        groups=REVIEWERS,
        check_company=True,
    )
    reason_procedure = fields.Text(
        related="reason_id.procedure", string="Procedure", groups=REVIEWERS
    )
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Responsible person",
        groups=REVIEWERS,
        check_company=True,
    )
    accountability_note = fields.Text(groups=REVIEWERS)

    _sql_constraints = [
        (
            "draft_qty_positive",
            "CHECK(draft_qty >= 0)",
            "A counted quantity cannot be negative.",
        ),
    ]

    def init(self):
        # The same quant (or found item) appears once per stocktake.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS dealer_stocktake_line_item_uniq
            ON dealer_stocktake_line (
                stocktake_id, product_id, location_id, COALESCE(lot_id, 0),
                COALESCE(package_id, 0), COALESCE(owner_id, 0))
            """
        )

    @api.depends("product_id", "lot_id", "location_id")
    def _compute_display_name(self):
        for line in self:
            name = line.product_id.display_name or ""
            if line.lot_id:
                name = f"{name} [{line.lot_id.name}]"
            line.display_name = f"{name} @ {line.location_id.display_name}"

    @api.depends("count_ids.quantity", "sheet_id", "recount_sheet_id")
    @api.depends_context("uid")
    def _compute_submitted_counts(self):
        counted = {}
        ids = [line_id for line_id in self.ids if line_id]
        if ids and self.env["ir.model.access"].check(
            "dealer.stocktake.count", "read", raise_exception=False
        ):
            # The user's own rights: a counter reads only their own counts.
            for count in self.env["dealer.stocktake.count"].search_fetch(
                [("line_id", "in", ids)], ["line_id", "sheet_id", "quantity"]
            ):
                counted[count.line_id.id, count.sheet_id.id] = count.quantity
        for line in self:
            line.sheet_counted_qty = counted.get((line.id, line.sheet_id.id), 0.0)
            line.recount_counted_qty = counted.get(
                (line.id, line.recount_sheet_id.id), 0.0
            )

    @api.depends("stocktake_id.blind")
    @api.depends_context("uid")
    def _compute_book_qty_shown(self):
        reviewer = self.env.user.has_groups(REVIEWERS)
        for line in self:
            visible = reviewer or not line.stocktake_id.blind
            # sudo: this field is the blind-aware window on book_qty.
            line.book_qty_shown = line.sudo().book_qty if visible else 0.0

    # ------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------
    @api.constrains("draft_qty", "lot_id")
    def _check_draft_qty(self):
        for line in self:
            line._check_counted_value(line.draft_qty)
            if (
                line.tracking == "serial"
                and line.lot_id
                and float_compare(line.draft_qty, 1, precision_digits=6) > 0
            ):
                raise ValidationError(
                    self.env._(
                        "Counted quantity of serial number %s can only be 0 or 1.",
                        line.lot_id.name,
                    )
                )

    def _check_counted_value(self, quantity):
        """A count is a number of items: not negative, not NaN (STK-13)."""
        if isinstance(quantity, bool) or not isinstance(quantity, int | float):
            return  # the field's own conversion reports it
        if not math.isfinite(quantity) or quantity < 0:
            raise ValidationError(
                self.env._(
                    "Counted quantity of %(line)s cannot be %(value)s: enter the "
                    "number of items found, 0 when there are none; it is never "
                    "negative (STK-13).",
                    value=quantity,
                    line=", ".join(self[:3].mapped("display_name")) or "-",
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        """Counters add what they find on the shelf without a book quantity:
        a found line (STK-13). The snapshot writes the other lines in SQL."""
        if self._dealer_is_trusted():
            return super().create(vals_list)
        # A found line takes its sheet, product, lot and count from the
        # counter; everything else comes from the sheet (STK-13).
        self._dealer_check_governed_create(
            [
                {k: v for k, v in vals.items() if k not in FOUND_FIELDS}
                for vals in vals_list
            ]
        )
        Sheet = self.env["dealer.stocktake.sheet"]
        for vals in vals_list:
            sheet = Sheet.browse(vals.get("sheet_id"))
            if not sheet:
                raise UserError(
                    self.env._("A stocktake line belongs to a count sheet.")
                )
            sheet._check_may_count()
            if sheet.state != "todo" or sheet.round != "count":
                raise UserError(
                    self.env._(
                        "Found items are added to an open first-count sheet; "
                        "%s is not one.",
                        sheet.display_name,
                    )
                )
            sheet.stocktake_id._check_state("counting")
            if "draft_qty" in vals:
                self._check_counted_value(vals["draft_qty"])
            product = self.env["product.product"].browse(vals.get("product_id"))
            if product.tracking != "none" and not vals.get("lot_id"):
                raise ValidationError(
                    self.env._(
                        "%s is tracked: enter the lot or serial number you found.",
                        product.display_name,
                    )
                )
            vals.update(
                {
                    "stocktake_id": sheet.stocktake_id.id,
                    "company_id": sheet.company_id.id,
                    "location_id": sheet.location_id.id,
                    "uom_id": product.uom_id.id,
                    "held_apart": sheet.location_id.dealer_zone_type
                    in ("pending_inspection", "non_conforming"),
                    "is_found": True,
                    "quant_id": False,
                    "draft_qty_set": "draft_qty" in vals,
                }
            )
            if product.tracking == "serial" and vals.get("lot_id"):
                self._check_found_serial_elsewhere(sheet, vals["lot_id"])
            duplicate = self.sudo().search(
                [
                    ("stocktake_id", "=", vals["stocktake_id"]),
                    ("product_id", "=", product.id),
                    ("location_id", "=", vals["location_id"]),
                    ("lot_id", "=", vals.get("lot_id") or False),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "%s is already on this stocktake; enter its quantity on "
                        "that line instead of adding another.",
                        duplicate.display_name,
                    )
                )
        model = self._dealer_without_caller_defaults()._dealer_as_action()
        # Back in the caller's environment: the token stays with this create.
        return super(DealerStocktakeLine, model).create(vals_list).with_env(self.env)

    @api.model
    def _check_found_serial_elsewhere(self, sheet, lot_id):
        """A serial is in one place. Found here but booked in a location this
        stocktake does not count, applying would book it twice: the counter is
        told where the books have it."""
        counted = sheet.stocktake_id.sheet_ids.location_id
        elsewhere = (
            self.env["stock.quant"]
            .sudo()
            .search(
                [
                    ("lot_id", "=", lot_id),
                    ("quantity", ">", 0),
                    ("location_id.usage", "=", "internal"),
                    ("location_id", "not in", counted.ids),
                ],
                limit=1,
            )
        )
        if elsewhere:
            raise ValidationError(
                self.env._(
                    "Serial number %(serial)s is booked in %(location)s, which this "
                    "stocktake does not count. Have it moved here with a transfer, "
                    "or count it in a stocktake of that location.",
                    serial=elsewhere.lot_id.name,
                    location=elsewhere.location_id.display_name,
                )
            )

    def write(self, vals):
        if self._dealer_is_trusted():
            return super().write(vals)
        # Governed fields first, with the guard's message naming them.
        self._dealer_check_governed_write(vals)
        # Import (load) passes the record's id along; write() drops it.
        fnames = set(vals) - {"id"}
        if fnames - COUNTER_FIELDS - CLASSIFICATION_FIELDS:
            raise AccessError(
                self.env._(
                    "Stocktake lines only take a counted quantity and, for "
                    "Warehouse Managers, the cause of a difference."
                )
            )
        if "draft_qty" in vals:
            self._check_counted_value(vals["draft_qty"])
            self._check_countable()
            # Entering a quantity marks the line entered: nothing else does.
            vals = dict(vals, draft_qty_set=True)
        if fnames & CLASSIFICATION_FIELDS:
            if not self.env.user.has_group("dealer_base.group_warehouse_manager"):
                raise AccessError(
                    self.env._(
                        "Only a Warehouse Manager explains stocktake differences."
                    )
                )
            self._check_classifiable()
        # The checks above are the counting and classification rules.
        result = super(DealerStocktakeLine, self._dealer_as_action()).write(vals)
        if fnames & CLASSIFICATION_FIELDS:
            self._update_classified_state()
            self._log_classification()
        return result

    def _log_classification(self):
        """Lines have no chatter of their own (a stocktake may hold 50,000):
        who explained which difference, and how, goes to the stocktake's."""
        by_stocktake = {}
        for line in self.sudo():
            by_stocktake.setdefault(line.stocktake_id, line.browse())
            by_stocktake[line.stocktake_id] |= line
        for stocktake, lines in by_stocktake.items():
            items = Markup("").join(
                Markup("<li>%s: %s%s</li>")
                % (
                    line.display_name,
                    line.reason_id.name or "-",
                    f" ({line.responsible_user_id.name})"
                    if line.responsible_user_id
                    else "",
                )
                for line in lines[:20]
            )
            more = len(lines) - 20
            stocktake.with_env(self.env).message_post(
                body=Markup("%s<ul>%s</ul>%s")
                % (
                    self.env._("Cause of the difference recorded:"),
                    items,
                    self.env._("and %s more lines", more) if more > 0 else "",
                )
            )

    def _check_countable(self):
        for line in self:
            sheet = line.recount_sheet_id or line.sheet_id
            sheet._check_may_count()
            if sheet.state != "todo" or line.stocktake_id.state != "counting":
                raise UserError(
                    self.env._(
                        "%s has been submitted: counts are kept as entered; a "
                        "difference is settled by a recount (STK-14).",
                        line.display_name,
                    )
                )

    def _check_classifiable(self):
        for line in self:
            stocktake = line.stocktake_id
            if stocktake.state not in ("counting", "counted"):
                raise UserError(
                    self.env._("Stocktake %s can no longer be changed.", stocktake.name)
                )
            if stocktake.approval_requested_by_id or stocktake.validation_status in (
                "waiting",
                "pending",
                "validated",
            ):
                raise UserError(
                    self.env._(
                        "Stocktake %s is under approval: its classification is "
                        "locked.",
                        stocktake.name,
                    )
                )
            if line.count_state == "to_count":
                raise UserError(
                    self.env._("%s has not been counted yet.", line.display_name)
                )
            if line.count_state == "recount":
                raise ValidationError(
                    self.env._(
                        "%s differs beyond the tolerance: it is classified after "
                        "its recount by another counter (STK-14).",
                        line.display_name,
                    )
                )

    def _update_classified_state(self):
        """STK-14, STK-15: a difference is classified once it has its cause,
        and for human error the person responsible and a note with words."""
        lines = self.filtered(
            lambda line: line.count_state in ("to_classify", "classified")
        )
        complete = lines.filtered(
            lambda line: line.reason_id
            and (
                not line.reason_id.requires_responsible
                or (line.responsible_user_id and has_words(line.accountability_note))
            )
        )
        complete._dealer_as_action().write({"count_state": "classified"})
        (lines - complete)._dealer_as_action().write({"count_state": "to_classify"})

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
