# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import policy_on

ZONE_TYPES = [
    ("common", "Common parts area"),
    ("special", "Special parts area"),
    ("pending_inspection", "Pending-inspection area"),
    ("non_conforming", "Non-conforming area"),
]
# The areas whose goods are held apart from stock (STK-09): only the
# warehouse's Inspection zones setting makes or moves them.
HELD_ZONES = ("pending_inspection", "non_conforming")
# What makes a location a held area, or takes its goods out of it.
_HELD_AREA_FIELDS = ("dealer_zone_type", "location_id", "usage", "company_id")


class StockLocation(models.Model):
    _inherit = ["stock.location", "dealer.governed.mixin"]
    _name = "stock.location"

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

    @api.model_create_multi
    def create(self, vals_list):
        if not self._dealer_is_trusted() and any(
            vals.get("dealer_zone_type") in HELD_ZONES for vals in vals_list
        ):
            self._dealer_refuse_held_area()
        return super().create(vals_list)

    def write(self, vals):
        if not self._dealer_is_trusted() and self._dealer_touches_held_area(vals):
            self._dealer_refuse_held_area()
        return super().write(vals)

    def _dealer_touches_held_area(self, vals):
        """Whether ``vals`` makes a location a held area, or changes what a
        held area is (its zone, parent, type or company)."""
        if vals.get("dealer_zone_type") in HELD_ZONES and any(
            location.dealer_zone_type != vals["dealer_zone_type"] for location in self
        ):
            return True
        held = self.filtered(lambda location: location.dealer_zone_type in HELD_ZONES)
        for fname in _HELD_AREA_FIELDS:
            if fname in vals and any(
                not self._dealer_same_value(location, fname, vals[fname])
                for location in held
            ):
                return True
        return False

    def _dealer_refuse_held_area(self):
        raise UserError(
            self.env._(
                "The pending-inspection and non-conforming areas are made by the "
                "warehouse's Inspection zones setting and lie outside its stock: "
                "no location becomes one, and they are not moved or changed "
                "(STK-05, STK-09)."
            )
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
        if product and location.dealer_zone_type == "common" and policy_on(location):
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
