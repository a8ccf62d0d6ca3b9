# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL


class DealerScanCreateLot(models.TransientModel):
    """An unknown code scanned on a count sheet is often a serial or lot the
    books never had (issue 20, STK-13): the Warehouse Manager names its
    product, the lot/serial is created with the scanned code, and the kept
    scan is counted on its sheet as if it had just been scanned."""

    _name = "dealer.scan.create.lot"
    _description = "Create the Lot/Serial of a Scanned Code"

    scan_id = fields.Many2one("dealer.stocktake.scan", required=True, readonly=True)
    lot_name = fields.Char(related="scan_id.barcode", string="Lot/Serial Number")
    company_id = fields.Many2one(related="scan_id.company_id")
    product_id = fields.Many2one(
        "product.product",
        required=True,
        domain="[('tracking', '!=', 'none'), ('is_storable', '=', True), "
        "('company_id', 'in', [company_id, False])]",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        scan = self.env["dealer.stocktake.scan"].browse(
            values.get("scan_id") or self.env.context.get("active_id")
        )
        if scan:
            values["scan_id"] = scan.id
            if scan.product_id.tracking not in (False, "none"):
                values["product_id"] = scan.product_id.id
        return values

    def action_create(self):
        self.ensure_one()
        if not self.env.user.has_group("dealer_base.group_warehouse_manager"):
            raise AccessError(
                self.env._(
                    "Only a Warehouse Manager creates the lot or serial of a "
                    "scanned code (STK-13)."
                )
            )
        scan = self.scan_id
        if scan.result != "unknown":
            raise UserError(
                self.env._("Scan %s is not of an unknown code.", scan.barcode)
            )
        if self.product_id.tracking == "none":
            raise UserError(
                self.env._(
                    "Product: %s is not tracked by lots or serial numbers.",
                    self.product_id.display_name,
                )
            )
        sheet = scan.sheet_id
        sheet._dealer_check_scannable()
        if self.env["stock.lot"].search_count(
            [
                ("name", "=", scan.barcode),
                ("product_id", "=", self.product_id.id),
                ("company_id", "in", [sheet.company_id.id, False]),
            ]
        ):
            raise UserError(
                self.env._(
                    "Lot/Serial Number %s already exists: scan it again.",
                    scan.barcode,
                )
            )
        self.env["stock.lot"].create(
            {
                "name": scan.barcode,
                "product_id": self.product_id.id,
                "company_id": sheet.company_id.id,
            }
        )
        # Serialised with the count screen's scans of the same sheet.
        self.env.cr.execute(
            SQL(
                "SELECT id FROM dealer_stocktake_sheet WHERE id = %s FOR UPDATE",
                sheet.id,
            )
        )
        vals = sheet._dealer_scan_resolve(scan.barcode, None)
        # The kept scan is the one that now counts: its result is the
        # count screen's, recorded by the action (scans are not edited).
        scan.sudo().write(
            {
                "result": vals["result"],
                "line_id": vals.get("line_id", False),
                "product_id": vals.get("product_id", False),
                "lot_id": vals.get("lot_id", False),
                "quantity": vals.get("quantity", 0.0),
                "message": vals.get("message", False),
            }
        )
        return {"type": "ir.actions.act_window_close"}
