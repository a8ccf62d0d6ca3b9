# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SCAN_RESULTS = [
    ("counted", "Counted"),
    ("found", "Found (not on the sheet)"),
    ("elsewhere", "Booked elsewhere"),
    ("unknown", "Unknown code"),
    ("duplicate", "Already counted"),
]


class DealerStocktakeScan(models.Model):
    """One scan on the phone count screen (issue 20, STK-13). Each scan is
    saved at once; the client's scan UUID is unique, so a scan re-sent after
    a lost connection is not counted twice. Scans of unknown codes and of
    serials the books place elsewhere are kept as found, for the reviewer."""

    _name = "dealer.stocktake.scan"
    _description = "Stocktake Scan"
    _inherit = ["dealer.count.scan.mixin"]
    _check_company_auto = True
    _dealer_scan_rule = "STK-13"
    _dealer_keep_rule = "STK-13"

    sheet_id = fields.Many2one(
        "dealer.stocktake.sheet",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
        check_company=True,
    )
    stocktake_id = fields.Many2one(related="sheet_id.stocktake_id", store=True)
    company_id = fields.Many2one(related="sheet_id.company_id", store=True)
    location_id = fields.Many2one(related="sheet_id.location_id")
    line_id = fields.Many2one(
        "dealer.stocktake.line", readonly=True, index="btree_not_null"
    )
    result = fields.Selection(SCAN_RESULTS, required=True, readonly=True)


class DealerStocktakeSheet(models.Model):
    _inherit = ["dealer.stocktake.sheet", "dealer.count.scan.target"]
    _name = "dealer.stocktake.sheet"
    _dealer_scan_model = "dealer.stocktake.scan"
    _dealer_scan_link = "sheet_id"
    _dealer_scan_counted = "draft_qty"

    def _dealer_scan_quantity_error(self, quantity):
        raise ValidationError(
            self.env._(
                "Quantity: %s is not a number of items found; enter more "
                "than 0 (STK-13).",
                quantity,
            )
        )

    def _dealer_scan_ask(self, vals):
        return {
            "ask_quantity": True,
            "product": vals["product"],
            "uom": vals["uom"],
            "sheet": self._dealer_scan_info(),
        }

    scan_ids = fields.One2many("dealer.stocktake.scan", "sheet_id", readonly=True)

    # ------------------------------------------------------------------
    # Phone count screen (issue 20)
    # ------------------------------------------------------------------
    def _dealer_scan_info(self):
        """What the count screen shows of a sheet: never a book quantity."""
        self.ensure_one()
        lines = self._counted_lines()
        return {
            "id": self.id,
            "name": self.display_name,
            "location": self.location_id.display_name,
            "round": self.round,
            "to_count": len(lines),
            "counted": len(lines.filtered("draft_qty_set")),
        }

    @api.model
    def _dealer_scan_domain(self):
        """The current user's open sheets (a Warehouse Manager: every open
        sheet of the companies they work in)."""
        domain = [("state", "=", "todo"), ("stocktake_id.state", "=", "counting")]
        if not self.env.user.has_group("dealer_base.group_warehouse_manager"):
            domain.append(("counter_id", "in", [self.env.uid, False]))
        return domain

    @api.model
    def dealer_scan_sheets(self):
        return [
            sheet._dealer_scan_info()
            for sheet in self.search(
                self._dealer_scan_domain(), order="location_id, round", limit=200
            )
        ]

    @api.model
    def dealer_scan_location(self, barcode):
        """A scanned location barcode: the user's open sheet there."""
        location = self.env["stock.location"].search(
            ["|", ("barcode", "=", barcode), ("complete_name", "=", barcode)], limit=1
        )
        if not location:
            return False
        sheet = self.search(
            self._dealer_scan_domain() + [("location_id", "=", location.id)],
            order="round",
            limit=1,
        )
        return sheet._dealer_scan_info() if sheet else False

    def _dealer_check_scannable(self):
        self.ensure_one()
        self._check_may_count()
        if self.state != "todo":
            raise UserError(
                self.env._(
                    "Count sheet %s has been submitted; its counts are kept as "
                    "they are.",
                    self.display_name,
                )
            )
        self.stocktake_id._check_state("counting")

    def _dealer_scan_resolve(self, barcode, quantity):
        """Find what ``barcode`` names and count it; return the scan's
        values (or ``ask_quantity``)."""
        self.ensure_one()
        Line = self.env["dealer.stocktake.line"]
        lines = self._counted_lines()
        lots = self._dealer_scan_lots(barcode)
        if lots:
            on_sheet = lines.filtered(lambda line: line.lot_id in lots)[:1]
            lot = on_sheet.lot_id or lots[:1]
            product = lot.product_id
            serial = product.tracking == "serial"
            vals = {"product_id": product.id, "lot_id": lot.id, "quantity": 1.0}
            if on_sheet:
                if serial and on_sheet.draft_qty_set and on_sheet.draft_qty >= 1:
                    return dict(
                        vals,
                        result="duplicate",
                        line_id=on_sheet.id,
                        quantity=0.0,
                        message=self.env._(
                            "Serial number %s is already counted.", lot.name
                        ),
                    )
                counted = 1.0 if serial else on_sheet.draft_qty + 1.0
                if not on_sheet.draft_qty_set and not serial:
                    counted = 1.0
                on_sheet.write({"draft_qty": counted})
                return dict(vals, result="counted", line_id=on_sheet.id)
            if self.round != "count":
                return dict(
                    vals,
                    result="elsewhere",
                    message=self.env._(
                        "%s is not on this recount sheet: tell the Warehouse "
                        "Manager, who decides.",
                        lot.name,
                    ),
                )
            try:
                with self.env.cr.savepoint():
                    found = Line.create(
                        {
                            "sheet_id": self.id,
                            "product_id": product.id,
                            "lot_id": lot.id,
                            "draft_qty": 1.0,
                        }
                    )
            except (UserError, ValidationError) as error:
                # Booked where this stocktake counts it on another sheet, or
                # where it does not count at all: kept as found elsewhere.
                return dict(vals, result="elsewhere", message=str(error))
            booked = (
                self.env["stock.quant"]
                .sudo()
                .search(
                    [
                        ("lot_id", "=", lot.id),
                        ("quantity", ">", 0),
                        ("location_id.usage", "=", "internal"),
                        ("location_id", "!=", self.location_id.id),
                    ],
                    limit=1,
                )
            )
            message = (
                self.env._(
                    "%(lot)s is booked in %(location)s: recorded as found here.",
                    lot=lot.name,
                    location=booked.location_id.display_name,
                )
                if booked
                else self.env._(
                    "%s was not on this sheet: recorded as found.", lot.name
                )
            )
            return dict(vals, result="found", line_id=found.id, message=message)
        product = self._dealer_scan_product(barcode)
        if not product:
            return {
                "result": "unknown",
                "quantity": 0.0,
                "message": self.env._(
                    "Unknown code %s: recorded as found for the Warehouse "
                    "Manager; set the item aside.",
                    barcode,
                ),
            }
        vals = {"product_id": product.id}
        if product.tracking != "none":
            return dict(
                vals,
                result="unknown",
                quantity=0.0,
                message=self._dealer_scan_tracked(product),
            )
        if quantity is None:
            return self._dealer_scan_ask_quantity(product)
        self._dealer_scan_check_step(product, quantity)
        on_sheet = lines.filtered(
            lambda line: line.product_id == product
            and not line.lot_id
            and not line.package_id
            and not line.owner_id
        )[:1]
        vals["quantity"] = quantity
        if on_sheet:
            base = on_sheet.draft_qty if on_sheet.draft_qty_set else 0.0
            on_sheet.write({"draft_qty": base + quantity})
            return dict(vals, result="counted", line_id=on_sheet.id)
        if self.round != "count":
            return dict(
                vals,
                result="elsewhere",
                message=self.env._(
                    "%s is not on this recount sheet: tell the Warehouse "
                    "Manager, who decides.",
                    product.display_name,
                ),
            )
        found = Line.create(
            {"sheet_id": self.id, "product_id": product.id, "draft_qty": quantity}
        )
        return dict(
            vals,
            result="found",
            line_id=found.id,
            message=self.env._(
                "%s was not on this sheet: recorded as found.", product.display_name
            ),
        )

    def action_count_screen(self):
        """Open this sheet on the phone count screen."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "dealer_stock_count.count_screen",
            "name": self.env._("Count by Scanning"),
            "context": {"active_id": self.id},
        }

    def dealer_scan_finish(self):
        """Submit the sheet from the count screen: every line not scanned
        counts 0 (the screen asked the counter to confirm)."""
        self.ensure_one()
        self._dealer_check_scannable()
        missing = self._counted_lines().filtered(lambda line: not line.draft_qty_set)
        missing.write({"draft_qty": 0.0})
        self.action_submit()
        return True
