# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import policy_on, policy_records


class StockWarehouse(models.Model):
    _inherit = ["stock.warehouse", "dealer.governed.mixin"]
    _name = "stock.warehouse"

    # STK-05: the areas are made by the Inspection zones setting; pointing the
    # warehouse at another location would let goods skip pending inspection.
    _dealer_governed = {
        "dealer_zone_view_location_id": "STK-05",
        "dealer_common_location_id": "STK-05",
        "dealer_special_location_id": "STK-05",
        "dealer_pending_location_id": "STK-09",
        "dealer_nonconforming_location_id": "STK-09",
    }

    dealer_zones_enabled = fields.Boolean(
        string="Inspection zones",
        help="Create the common, special, pending-inspection and non-conforming "
        "areas; receipts then land in pending inspection (STK-05, STK-09).",
    )
    dealer_zone_view_location_id = fields.Many2one(
        "stock.location",
        string="Inspection view location",
        readonly=True,
        check_company=True,
    )
    dealer_common_location_id = fields.Many2one(
        "stock.location", string="Common parts area", readonly=True, check_company=True
    )
    dealer_special_location_id = fields.Many2one(
        "stock.location",
        string="Special parts area",
        readonly=True,
        check_company=True,
    )
    dealer_pending_location_id = fields.Many2one(
        "stock.location",
        string="Pending-inspection area",
        readonly=True,
        check_company=True,
    )
    dealer_nonconforming_location_id = fields.Many2one(
        "stock.location",
        string="Non-conforming area",
        readonly=True,
        check_company=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        warehouses = super().create(vals_list)
        warehouses.filtered("dealer_zones_enabled")._dealer_create_zones()
        return warehouses

    def write(self, vals):
        if "dealer_zones_enabled" in vals and not vals["dealer_zones_enabled"]:
            self.filtered("dealer_zones_enabled")._dealer_check_can_disable_zones()
        res = super().write(vals)
        if vals.get("dealer_zones_enabled"):
            self._dealer_create_zones()
        elif "dealer_zones_enabled" in vals:
            self._dealer_disable_zones()
        return res

    def _dealer_check_can_disable_zones(self):
        """STK-09: zones are not switched off under goods that wait for, or
        failed, their acceptance."""
        for warehouse in self:
            held = (
                warehouse.dealer_pending_location_id
                | warehouse.dealer_nonconforming_location_id
            )
            # sudo: the decision needs every quant and acceptance of the areas.
            quants = (
                self.env["stock.quant"]
                .sudo()
                .search_count(
                    [("location_id", "in", held.ids), ("quantity", "!=", 0)], limit=1
                )
            )
            waiting = (
                self.env["dealer.receipt.inspection"]
                .sudo()
                .search_count(
                    [("warehouse_id", "=", warehouse.id), ("state", "=", "draft")],
                    limit=1,
                )
            )
            if quants or waiting:
                raise UserError(
                    self.env._(
                        "%(warehouse)s still holds goods in its pending-inspection or "
                        "non-conforming area, or acceptances to validate: finish "
                        "them before switching Inspection zones off (STK-09).",
                        warehouse=warehouse.display_name,
                    )
                )

    def _get_picking_type_update_values(self):
        values = super()._get_picking_type_update_values()
        if (
            self.dealer_zones_enabled
            and self.dealer_pending_location_id
            and policy_on(self)
        ):
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
        # The setting's own action: only it sets the areas (governed fields).
        for warehouse in self._dealer_as_action():
            # Location names are plain text: written once, in the company's
            # language, whoever switches the setting on (issue 19).
            lang = warehouse.company_id.partner_id.lang or self.env.lang
            warehouse = warehouse.with_context(lang=lang)
            if not warehouse.dealer_zone_view_location_id:
                warehouse.dealer_zone_view_location_id = Location.create(
                    {
                        "name": warehouse.env._(
                            "%(code)s Inspection", code=warehouse.code
                        ),
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
        self._dealer_sync_receipt_destination()
        # Zones are sub-locations: show locations to every employee, as the
        # "Storage Locations" setting of Inventory does.
        self.env.ref("base.group_user").sudo()._apply_group(
            self.env.ref("stock.group_stock_multi_locations")
        )
        self._dealer_sync_putaway_rules()

    def _dealer_name_zones(self):
        """Name the existing areas again in the company's language, e.g. after
        the company's language changed (the demo sets it once they exist)."""
        for warehouse in self.filtered("dealer_zone_view_location_id"):
            lang = warehouse.company_id.partner_id.lang or self.env.lang
            warehouse = warehouse.with_context(lang=lang)
            # sudo: warehouse setup, done by admins (as _dealer_create_zones).
            warehouse.dealer_zone_view_location_id.sudo().name = warehouse.env._(
                "%(code)s Inspection", code=warehouse.code
            )
            for field_name, values in warehouse._dealer_zone_location_values().items():
                warehouse[field_name].sudo().name = values["name"]

    def _dealer_disable_zones(self):
        self._dealer_sync_receipt_destination()

    def _dealer_sync_receipt_destination(self):
        """Receipts land in pending inspection in a zoned warehouse of a
        company that runs by the manual; elsewhere where core sends them
        (issue 18: the company's switch off, or zones off)."""
        zoned = policy_records(self).filtered(
            lambda warehouse: warehouse.dealer_zones_enabled
            and warehouse.dealer_pending_location_id
        )
        for warehouse in self:
            warehouse.in_type_id.default_location_dest_id = (
                warehouse.dealer_pending_location_id
                if warehouse in zoned
                else warehouse._get_input_output_locations(
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
