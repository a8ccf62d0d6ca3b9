# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

ZONE_TYPES = [
    ("common", "Common parts area"),
    ("special", "Special parts area"),
    ("pending_inspection", "Pending-inspection area"),
    ("non_conforming", "Non-conforming area"),
]


class StockLocation(models.Model):
    _inherit = "stock.location"

    # STK-05: the four areas of a warehouse.
    dealer_zone_type = fields.Selection(
        ZONE_TYPES,
        string="Zone",
        index=True,
        help="Pending-inspection and non-conforming areas lie outside the "
        "warehouse, so their stock is never available to sales or deliveries.",
    )
    # STK-03, STK-19: what the location offers to the goods stored in it.
    dealer_is_dry = fields.Boolean(string="Dry", help="Moisture-proof storage.")
    dealer_is_fire_safe = fields.Boolean(string="Fire-safe")
    dealer_is_locked = fields.Boolean(
        string="Locked", help="Access restricted: for high-value goods."
    )

    def _get_putaway_strategy(
        self, product, quantity=0, package=None, packaging=None, additional_qty=None
    ):
        location = super()._get_putaway_strategy(
            product,
            quantity=quantity,
            package=package,
            packaging=packaging,
            additional_qty=additional_qty,
        )
        # Goods the common area cannot keep (high value...) go to the special area.
        if product and location.dealer_zone_type == "common":
            special = location.warehouse_id.dealer_special_location_id
            if location._dealer_check_storage(product) and special:
                return special
        return location

    def _dealer_check_storage(self, product):
        """Return the capability labels the location lacks for product (STK-03)."""
        self.ensure_one()
        missing = [
            self._fields[need].get_description(self.env)["string"]
            for need in product.product_tmpl_id._dealer_storage_needs()
            if not self[need]
        ]
        return missing
