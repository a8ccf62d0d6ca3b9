# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import DealerStockZoneCommon


@tagged("post_install", "-at_install")
class TestZones(DealerStockZoneCommon):
    def test_stk_05_warehouse_setting_creates_four_zones(self):
        """STK-05: the warehouse setting creates the common, special,
        pending-inspection and non-conforming areas."""
        self.assertEqual(
            (self.common | self.special | self.pending | self.nonconforming).mapped(
                "dealer_zone_type"
            ),
            ["common", "special", "pending_inspection", "non_conforming"],
        )
        stock_path = self.warehouse.lot_stock_id.parent_path
        view_path = self.warehouse.view_location_id.parent_path
        self.assertTrue(self.common.parent_path.startswith(stock_path))
        self.assertTrue(self.special.parent_path.startswith(stock_path))
        for held in (self.pending, self.nonconforming):
            self.assertFalse(
                held.parent_path.startswith(view_path),
                "held stock lies outside the warehouse, so Odoo never counts it",
            )
            self.assertEqual(held.usage, "internal", "still valued stock")
        self.assertTrue(
            self.stock_user.has_group("stock.group_stock_multi_locations"),
            "zones are locations: the Storage Locations feature is on",
        )

    def test_stk_05_zones_are_named_in_the_companys_language(self):
        """STK-05, issue 19: the areas are named in the company's language,
        whatever language the user who switched them on reads."""
        self.env["res.lang"]._activate_lang("zh_CN")
        names = {}
        for lang, code in (("zh_CN", "SZW"), ("en_US", "HKW")):
            company = self.env["res.company"].create({"name": f"Dealer {code}"})
            company.partner_id.lang = lang
            warehouse = (
                self.env["stock.warehouse"]
                .with_context(lang="en_US" if lang == "zh_CN" else "zh_CN")
                .create(
                    {
                        "name": code,
                        "code": code,
                        "company_id": company.id,
                        "dealer_zones_enabled": True,
                    }
                )
            )
            names[lang] = warehouse.dealer_pending_location_id.name
        self.assertEqual(names["zh_CN"], "待检区")
        # Positive control: an English company gets English names.
        self.assertEqual(names["en_US"], "Pending Inspection Area")

    def test_stk_05_zones_renamed_when_the_company_speaks_chinese(self):
        """STK-05, issue 19: areas created while the company read English are
        named again in its language once it reads Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        company = self.env["res.company"].create({"name": "Dealer GZW"})
        company.partner_id.lang = "en_US"
        warehouse = self.env["stock.warehouse"].create(
            {"name": "GZW", "code": "GZW", "company_id": company.id}
        )
        warehouse.dealer_zones_enabled = True
        self.assertEqual(
            warehouse.dealer_pending_location_id.name, "Pending Inspection Area"
        )
        company.partner_id.lang = "zh_CN"
        warehouse._dealer_name_zones()
        self.assertEqual(warehouse.dealer_pending_location_id.name, "待检区")

    def test_stk_09_receipts_land_in_pending_inspection(self):
        """STK-09: a receipt of a zoned warehouse lands in pending inspection."""
        self.assertEqual(
            self.warehouse.in_type_id.default_location_dest_id, self.pending
        )
        self.warehouse.write({"reception_steps": "two_steps"})
        self.assertEqual(
            self.warehouse.in_type_id.default_location_dest_id,
            self.pending,
            "changing the reception steps keeps receipts in pending inspection",
        )

    def test_stk_09_pending_stock_is_not_available(self):
        """STK-09: goods awaiting inspection are shown apart and never reserved."""
        self._receive(self.keyboard, 5)
        product = self.keyboard.with_context(warehouse_id=self.warehouse.id)
        self.assertEqual(product.qty_available, 0)
        self.assertEqual(product.free_qty, 0)
        self.assertEqual(self.keyboard.product_tmpl_id.dealer_qty_pending_inspection, 5)
        action = self.keyboard.product_tmpl_id.action_dealer_view_pending_quants()
        held = self.env["stock.quant"].search(action["domain"])
        self.assertEqual(sum(held.mapped("quantity")), 5)
        self.assertEqual(held.location_id, self.pending)
        delivery = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.out_type_id.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "out",
                            "product_id": self.keyboard.id,
                            "product_uom_qty": 5,
                            "product_uom": self.keyboard.uom_id.id,
                            "location_id": self.warehouse.lot_stock_id.id,
                            "location_dest_id": self.env.ref(
                                "stock.stock_location_customers"
                            ).id,
                        },
                    )
                ],
            }
        )
        delivery.action_confirm()
        delivery.action_assign()
        self.assertEqual(delivery.move_ids.quantity, 0, "nothing to reserve")

    def test_stk_02_special_categories_put_away_in_special_area(self):
        """STK-02, STK-05: putaway sends special categories to the special area."""
        self.assertEqual(
            self.warehouse.lot_stock_id._get_putaway_strategy(self.keyboard),
            self.common,
        )
        self.category.dealer_is_special = True
        self.assertEqual(
            self.warehouse.lot_stock_id._get_putaway_strategy(self.keyboard),
            self.special,
        )
        self.category.dealer_is_special = False
        self.assertEqual(
            self.warehouse.lot_stock_id._get_putaway_strategy(self.keyboard),
            self.common,
        )

    def test_stk_03_high_value_goods_go_to_the_locked_area(self):
        """STK-03: high-value goods are put away where the location is locked."""
        self.keyboard.dealer_high_value = True
        self.assertEqual(
            self.warehouse.lot_stock_id._get_putaway_strategy(self.keyboard),
            self.special,
        )
