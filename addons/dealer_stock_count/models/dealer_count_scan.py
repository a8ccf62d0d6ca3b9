# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class DealerCountScanMixin(models.AbstractModel):
    """One scan of a document counted on the phone screen (a count sheet's,
    STK-13; a receipt acceptance's, PUR-07/STK-07), kept as the count screen
    recorded it (``dealer.count.scan.target``): saved at once under the
    client's unique scan ID, so a scan re-sent after a lost connection counts
    once, and created only by the screen. A scan model adds its link to the
    document (``_dealer_scan_link`` of the target), its line, the ``result``
    selection, the rule that keeps its scans (``_dealer_keep_rule``) and the
    rule the screen counts under (``_dealer_scan_rule``)."""

    _name = "dealer.count.scan.mixin"
    _description = "Scan of a document counted on the phone screen"
    _inherit = ["dealer.governed.mixin"]
    _order = "id desc"

    _dealer_scan_rule = None

    uuid = fields.Char(string="Scan ID", required=True, readonly=True)
    barcode = fields.Char(required=True, readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    lot_id = fields.Many2one("stock.lot", string="Lot/Serial Number", readonly=True)
    quantity = fields.Float(readonly=True, digits="Product Unit of Measure")
    message = fields.Char(readonly=True)
    counter_id = fields.Many2one(
        "res.users", string="Counter", required=True, readonly=True, index=True
    )
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)

    _sql_constraints = [
        ("uuid_uniq", "UNIQUE(uuid)", "A scan is recorded once (its scan ID)."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "Scans are recorded by the count screen (%s).",
                    self._dealer_scan_rule,
                )
            )
        return super().create(vals_list)
