# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import float_compare

INSPECTION_SCAN_RESULTS = [
    ("counted", "Counted"),
    ("elsewhere", "Not on this receipt"),
    ("unknown", "Unknown code"),
    ("duplicate", "Already counted"),
]


class DealerReceiptInspectionScan(models.Model):
    """One scan of a receipt acceptance on the phone count screen (PUR-07,
    STK-07). It lives here, not in dealer_stock_zone, because the scanning
    screen and its ``barcodes`` dependency are this addon's: the acceptance
    itself stays usable without a scanner. Like a stocktake scan, each scan is
    saved at once under the client's unique scan ID (a re-sent scan counts
    once) and unknown codes are kept for the Warehouse Manager."""

    _name = "dealer.receipt.inspection.scan"
    _description = "Receipt Acceptance Scan"
    _inherit = ["dealer.count.scan.mixin"]
    _check_company_auto = True
    _dealer_scan_rule = "STK-07"
    _dealer_keep_rule = "STK-10"

    inspection_id = fields.Many2one(
        "dealer.receipt.inspection",
        string="Acceptance",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="inspection_id.company_id", store=True)
    picking_id = fields.Many2one(related="inspection_id.picking_id")
    line_id = fields.Many2one(
        "dealer.receipt.inspection.line", readonly=True, index="btree_not_null"
    )
    result = fields.Selection(INSPECTION_SCAN_RESULTS, required=True, readonly=True)
    counter_id = fields.Many2one(string="Scanned by")


class DealerReceiptInspection(models.Model):
    _inherit = ["dealer.receipt.inspection", "dealer.count.scan.target"]
    _name = "dealer.receipt.inspection"
    _dealer_scan_model = "dealer.receipt.inspection.scan"
    _dealer_scan_link = "inspection_id"
    _dealer_scan_counted = "qty_accepted"

    def _dealer_scan_quantity_error(self, quantity):
        raise ValidationError(
            self.env._(
                "Quantity: %s is not a number of items received; enter "
                "more than 0 (STK-07).",
                quantity,
            )
        )

    scan_ids = fields.One2many(
        "dealer.receipt.inspection.scan",
        "inspection_id",
        readonly=True,
        groups="dealer_base.group_warehouse_user",
    )

    def _dealer_scan_info(self):
        """What the count screen shows of an acceptance: lines whose accepted
        and rejected quantities cover what was counted, out of all lines."""
        self.ensure_one()
        lines = self.line_ids
        done = lines.filtered(
            lambda line: line.qty_counted
            and float_compare(
                line.qty_accepted + line.qty_rejected,
                line.qty_counted,
                precision_rounding=line.uom_rounding or 0.01,
            )
            >= 0
        )
        return {
            "id": self.id,
            "name": self.name,
            "location": self.picking_id.name or "",
            "round": False,
            "to_count": len(lines),
            "counted": len(done),
        }

    def dealer_scan_info(self):
        self._dealer_check_scannable()
        return self._dealer_scan_info()

    def _dealer_check_scannable(self):
        self.ensure_one()
        if not self.env.user.has_group("dealer_base.group_warehouse_user"):
            raise AccessError(
                self.env._(
                    "Only the Warehouse department counts the goods of an "
                    "acceptance (STK-07)."
                )
            )
        self.check_access("write")
        self._dealer_check_draft()

    def action_count_screen(self):
        """Open this acceptance on the phone count screen."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "dealer_stock_count.count_screen",
            "name": self.env._("Count by Scanning"),
            "context": {
                "active_id": self.id,
                "dealer_scan_model": self._name,
            },
        }

    def _dealer_scan_accept(self, line, quantity):
        """Add ``quantity`` accepted units to ``line``; more than was counted
        means more arrived than the receipt says: the count follows (a
        discrepancy, which Purchasing signs, PUR-07)."""
        accepted = line.qty_accepted + quantity
        vals = {"qty_accepted": accepted}
        if (
            float_compare(
                accepted + line.qty_rejected,
                line.qty_counted,
                precision_rounding=line.uom_rounding or 0.01,
            )
            > 0
        ):
            vals["qty_counted"] = accepted + line.qty_rejected
        line.write(vals)

    def _dealer_scan_resolve(self, barcode, quantity):
        self.ensure_one()
        lines = self.line_ids
        lots = self._dealer_scan_lots(barcode)
        if lots:
            line = lines.filtered(lambda line: line.lot_id in lots)[:1]
            lot = line.lot_id or lots[:1]
            vals = {"product_id": lot.product_id.id, "lot_id": lot.id, "quantity": 1.0}
            if not line:
                return dict(
                    vals,
                    result="elsewhere",
                    quantity=0.0,
                    message=self.env._(
                        "%s is not on this receipt: set it aside and tell the "
                        "Warehouse Manager.",
                        lot.name,
                    ),
                )
            if line.tracking == "serial" and line.qty_accepted >= 1:
                return dict(
                    vals,
                    result="duplicate",
                    line_id=line.id,
                    quantity=0.0,
                    message=self.env._(
                        "Serial number %s is already counted.", lot.name
                    ),
                )
            self._dealer_scan_accept(line, 1.0)
            return dict(vals, result="counted", line_id=line.id)
        product = self._dealer_scan_product(barcode)
        if not product:
            return {
                "result": "unknown",
                "quantity": 0.0,
                "message": self.env._(
                    "Unknown code %s: recorded for the Warehouse Manager; set "
                    "the item aside.",
                    barcode,
                ),
            }
        vals = {"product_id": product.id, "quantity": 0.0}
        if product.tracking != "none":
            return dict(
                vals,
                result="unknown",
                message=self._dealer_scan_tracked(product),
            )
        line = lines.filtered(
            lambda line: line.product_id == product and not line.lot_id
        )[:1]
        if not line:
            return dict(
                vals,
                result="elsewhere",
                message=self.env._(
                    "%s is not on this receipt: set it aside and tell the "
                    "Warehouse Manager.",
                    product.display_name,
                ),
            )
        if quantity is None:
            return self._dealer_scan_ask_quantity(product)
        self._dealer_scan_check_step(product, quantity)
        self._dealer_scan_accept(line, quantity)
        return dict(vals, quantity=quantity, result="counted", line_id=line.id)
