# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    dealer_zones_enabled = fields.Boolean(
        string="Inspection zones",
        help="Create the common, special, pending-inspection and non-conforming "
        "areas; receipts then land in pending inspection (STK-05, STK-09).",
    )
    dealer_zone_view_location_id = fields.Many2one(
        "stock.location", string="Inspection view location", readonly=True
    )
    dealer_common_location_id = fields.Many2one(
        "stock.location", string="Common parts area", readonly=True
    )
    dealer_special_location_id = fields.Many2one(
        "stock.location", string="Special parts area", readonly=True
    )
    dealer_pending_location_id = fields.Many2one(
        "stock.location", string="Pending-inspection area", readonly=True
    )
    dealer_nonconforming_location_id = fields.Many2one(
        "stock.location", string="Non-conforming area", readonly=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        warehouses = super().create(vals_list)
        warehouses.filtered("dealer_zones_enabled")._dealer_create_zones()
        return warehouses

    def write(self, vals):
        res = super().write(vals)
        if vals.get("dealer_zones_enabled"):
            self._dealer_create_zones()
        elif "dealer_zones_enabled" in vals:
            self._dealer_disable_zones()
        return res

    def _get_picking_type_update_values(self):
        values = super()._get_picking_type_update_values()
        if self.dealer_zones_enabled and self.dealer_pending_location_id:
            values["in_type_id"]["default_location_dest_id"] = (
                self.dealer_pending_location_id.id
            )
        return values

    def _dealer_zone_location_values(self):
        """Values of the four areas; pending and non-conforming stay outside the
        warehouse's view location so Odoo never counts or reserves their stock."""
        self.ensure_one()
        return {
            "dealer_common_location_id": {
                "name": self.env._("Common Parts Area"),
                "location_id": self.lot_stock_id.id,
                "dealer_zone_type": "common",
                "dealer_is_dry": True,
            },
            "dealer_special_location_id": {
                "name": self.env._("Special Parts Area"),
                "location_id": self.lot_stock_id.id,
                "dealer_zone_type": "special",
                "dealer_is_dry": True,
                "dealer_is_fire_safe": True,
                "dealer_is_locked": True,
            },
            "dealer_pending_location_id": {
                "name": self.env._("Pending Inspection Area"),
                "location_id": self.dealer_zone_view_location_id.id,
                "dealer_zone_type": "pending_inspection",
            },
            "dealer_nonconforming_location_id": {
                "name": self.env._("Non-conforming Area"),
                "location_id": self.dealer_zone_view_location_id.id,
                "dealer_zone_type": "non_conforming",
            },
        }

    def _dealer_create_zones(self):
        Location = self.env["stock.location"].sudo()  # warehouse setup, done by admins
        for warehouse in self:
            if not warehouse.dealer_zone_view_location_id:
                warehouse.dealer_zone_view_location_id = Location.create(
                    {
                        "name": self.env._("%(code)s Inspection", code=warehouse.code),
                        "usage": "view",
                        "location_id": self.env.ref(
                            "stock.stock_location_locations"
                        ).id,
                        "company_id": warehouse.company_id.id,
                    }
                )
            for field_name, values in warehouse._dealer_zone_location_values().items():
                location = warehouse[field_name]
                if location:
                    location.active = True
                    continue
                warehouse[field_name] = Location.create(
                    dict(values, usage="internal", company_id=warehouse.company_id.id)
                )
            warehouse.in_type_id.default_location_dest_id = (
                warehouse.dealer_pending_location_id
            )
        # Zones are sub-locations: show locations to every employee, as the
        # "Storage Locations" setting of Inventory does.
        self.env.ref("base.group_user").sudo()._apply_group(
            self.env.ref("stock.group_stock_multi_locations")
        )
        self._dealer_sync_putaway_rules()

    def _dealer_disable_zones(self):
        for warehouse in self:
            warehouse.in_type_id.default_location_dest_id = (
                warehouse._get_input_output_locations(
                    warehouse.reception_steps, warehouse.delivery_steps
                )[0]
            )

    def _dealer_sync_putaway_rules(self):
        """Common parts area by default, special parts area for special categories."""
        Rule = self.env["stock.putaway.rule"].sudo()
        special_categories = self.env["product.category"].search(
            [("dealer_is_special", "=", True)]
        )
        for warehouse in self.filtered("dealer_common_location_id"):
            rules = Rule.search([("location_in_id", "=", warehouse.lot_stock_id.id)])
            wanted = {False: warehouse.dealer_common_location_id}
            wanted.update(
                {
                    category: warehouse.dealer_special_location_id
                    for category in special_categories
                }
            )
            for category, location_out in wanted.items():
                rule = rules.filtered(
                    lambda r, c=category: not r.product_id
                    and r.category_id == (c or r.category_id.browse())
                )
                if not rule:
                    Rule.create(
                        {
                            "location_in_id": warehouse.lot_stock_id.id,
                            "location_out_id": location_out.id,
                            "category_id": category and category.id,
                            "company_id": warehouse.company_id.id,
                        }
                    )
            # Categories no longer special go back to the common area.
            special_area = warehouse.dealer_special_location_id
            rules.filtered(
                lambda r, area=special_area: r.category_id
                and r.location_out_id == area
                and r.category_id not in special_categories
            ).unlink()
