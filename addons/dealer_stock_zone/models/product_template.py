# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # STK-03, STK-19: storage conditions the location must provide.
    dealer_moisture_sensitive = fields.Boolean(
        string="Moisture-sensitive", help="Stored only in dry locations."
    )
    dealer_fire_risk = fields.Boolean(
        string="Fire risk",
        help="Batteries and the like: stored only in fire-safe locations.",
    )
    dealer_high_value = fields.Boolean(
        string="High value", help="Stored only in locked locations."
    )
    dealer_fragile = fields.Boolean(string="Fragile")
    dealer_performance_test = fields.Boolean(
        string="Performance test on receipt",
        compute="_compute_dealer_performance_test",
        store=True,
        readonly=False,
        help="Receipt acceptance must record a performance test (STK-08). "
        "Follows the product category unless set here.",
    )
    dealer_qty_pending_inspection = fields.Float(
        string="Awaiting inspection",
        compute="_compute_dealer_zone_quantities",
        digits="Product Unit of Measure",
    )
    dealer_qty_non_conforming = fields.Float(
        string="Non-conforming",
        compute="_compute_dealer_zone_quantities",
        digits="Product Unit of Measure",
    )

    @api.depends("categ_id.dealer_performance_test")
    def _compute_dealer_performance_test(self):
        for template in self:
            template.dealer_performance_test = template.categ_id.dealer_performance_test

    def _compute_dealer_zone_quantities(self):
        groups = self.env["stock.quant"]._read_group(
            [
                ("product_id.product_tmpl_id", "in", self.ids),
                (
                    "location_id.dealer_zone_type",
                    "in",
                    ("pending_inspection", "non_conforming"),
                ),
            ],
            ["product_id", "location_id"],
            ["quantity:sum"],
        )
        totals = {}
        for product, location, quantity in groups:
            key = (product.product_tmpl_id.id, location.dealer_zone_type)
            totals[key] = totals.get(key, 0.0) + quantity
        for template in self:
            template.dealer_qty_pending_inspection = totals.get(
                (template.id, "pending_inspection"), 0.0
            )
            template.dealer_qty_non_conforming = totals.get(
                (template.id, "non_conforming"), 0.0
            )

    def action_dealer_view_pending_quants(self):
        """Stock of the product waiting in a pending-inspection area."""
        return self._dealer_zone_quants_action("pending_inspection")

    def action_dealer_view_nonconforming_quants(self):
        """Stock of the product held in a non-conforming area."""
        return self._dealer_zone_quants_action("non_conforming")

    def _dealer_zone_quants_action(self, zone):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": dict(
                self.env["stock.location"]
                ._fields["dealer_zone_type"]
                ._description_selection(self.env)
            )[zone],
            "res_model": "stock.quant",
            "view_mode": "list",
            "domain": [
                ("product_id.product_tmpl_id", "=", self.id),
                ("location_id.dealer_zone_type", "=", zone),
            ],
            "context": {"create": False},
        }

    def _dealer_storage_needs(self):
        """Location capabilities this product needs, as stock.location field names."""
        self.ensure_one()
        needs = []
        if self.dealer_moisture_sensitive:
            needs.append("dealer_is_dry")
        if self.dealer_fire_risk:
            needs.append("dealer_is_fire_safe")
        if self.dealer_high_value or self.categ_id.dealer_is_special:
            needs.append("dealer_is_locked")
        return needs
