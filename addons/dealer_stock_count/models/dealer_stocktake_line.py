# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

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
