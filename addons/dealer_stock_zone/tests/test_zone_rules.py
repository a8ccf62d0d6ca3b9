# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DealerStockZoneCommon


@tagged("post_install", "-at_install")
class TestZoneRules(DealerStockZoneCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        inspection = cls._receive(cls.keyboard, 10)
        inspection.write(
            {
                "warehouse_inspector_id": cls.stock_user.id,
                "technical_inspector_id": cls.tech_user.id,
                "purchasing_inspector_id": cls.purchase_user.id,
            }
        )
        inspection.line_ids.write(
            {
                "spec_check": "pass",
                "appearance_check": "pass",
                "qty_rejected": 2,
                "qty_accepted": 8,
                "reason_id": cls.damaged.id,
            }
        )
        inspection.with_user(cls.stock_user).action_validate()
        cls.held = cls._receive(cls.keyboard, 4)  # still awaiting inspection

    def test_stk_09_nothing_leaves_pending_without_acceptance(self):
        """STK-09: moving goods out of pending inspection by hand is refused."""
        with self.assertRaisesRegex(UserError, "STK-09"):
            self._internal_move(
                self.keyboard, self.pending, self.common, 4, self.stock_manager
            )

    def test_stk_09_non_conforming_leaves_only_by_return_or_scrap(self):
        """STK-09: non-conforming goods never go back to stock; a Warehouse Manager
        returns them to the vendor."""
        with self.assertRaisesRegex(UserError, "return to the vendor or a scrap"):
            self._internal_move(
                self.keyboard, self.nonconforming, self.common, 1, self.stock_manager
            )
        vendor = self.env.ref("stock.stock_location_suppliers")
        with self.assertRaises(AccessError):
            self._internal_move(
                self.keyboard, self.nonconforming, vendor, 1, self.stock_user
            )
        self._internal_move(
            self.keyboard, self.nonconforming, vendor, 1, self.stock_manager
        )
        self.assertEqual(self.keyboard.product_tmpl_id.dealer_qty_non_conforming, 1)

    def test_stk_09_non_conforming_goods_scrapped_by_a_manager(self):
        """STK-09: a Warehouse Manager scraps non-conforming goods; staff cannot."""

        def scrap(user):
            return (
                self.env["stock.scrap"]
                .with_user(user)
                .create(
                    {
                        "product_id": self.keyboard.id,
                        "scrap_qty": 1,
                        "location_id": self.nonconforming.id,
                    }
                )
            )

        with self.assertRaises(AccessError):
            scrap(self.stock_user).action_validate()
        scrap(self.stock_manager).action_validate()
        self.assertEqual(self.keyboard.product_tmpl_id.dealer_qty_non_conforming, 1)

    def test_stk_18_special_area_for_managers_only(self):
        """STK-18: only Warehouse Managers move goods into the special parts area."""
        with self.assertRaises(AccessError):
            self._internal_move(
                self.keyboard, self.common, self.special, 1, self.stock_user
            )
        self._internal_move(
            self.keyboard, self.common, self.special, 1, self.stock_manager
        )

    def test_stk_18_internal_transfers_validated_by_the_warehouse(self):
        """STK-18: technical staff see transfers but cannot validate them."""
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.int_type_id.id,
                "location_id": self.common.id,
                "location_dest_id": self.warehouse.lot_stock_id.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "int",
                            "product_id": self.keyboard.id,
                            "product_uom_qty": 1,
                            "product_uom": self.keyboard.uom_id.id,
                            "location_id": self.common.id,
                            "location_dest_id": self.warehouse.lot_stock_id.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        with self.assertRaisesRegex(AccessError, "STK-18"):
            picking.with_user(self.tech_user).button_validate()

    def test_stk_19_moisture_sensitive_goods_only_in_dry_locations(self):
        """STK-19, STK-03: a move into a location without the needed storage
        conditions is refused with the missing condition."""
        wet_shelf = self.env["stock.location"].create(
            {"name": "Wet shelf", "location_id": self.warehouse.lot_stock_id.id}
        )
        self.keyboard.dealer_moisture_sensitive = True
        with self.assertRaisesRegex(UserError, "Dry"):
            self._internal_move(
                self.keyboard, self.common, wet_shelf, 1, self.stock_manager
            )
        wet_shelf.dealer_is_dry = True
        self._internal_move(
            self.keyboard, self.common, wet_shelf, 1, self.stock_manager
        )


@tagged("post_install", "-at_install")
class TestPolicyOff(DealerStockZoneCommon):
    """Issue 18: a company that does not run by the manual keeps core's
    receipts."""

    def test_stk_09_policy_off_receipt_goes_straight_to_stock(self):
        """With the company's switch off, a zoned warehouse's receipt lands
        where core sends it and is done without any acceptance; goods in the
        pending-inspection area move out by a plain transfer. Switched on
        again, receipts land in pending inspection (positive control)."""
        in_type = self.warehouse.in_type_id
        self.assertEqual(in_type.default_location_dest_id, self.pending)
        self.env.company.dealer_policy_manual = False
        self.assertEqual(in_type.default_location_dest_id, self.warehouse.lot_stock_id)
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": in_type.id,
                "partner_id": self.supplier.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.keyboard.name,
                            "product_id": self.keyboard.id,
                            "product_uom_qty": 4,
                            "product_uom": self.keyboard.uom_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.quantity = 4
        picking.move_ids.picked = True
        picking.with_user(self.stock_user).button_validate()
        self.assertEqual(picking.state, "done")
        self.assertFalse(picking.dealer_inspection_ids)
        self.assertEqual(
            self.keyboard.with_context(
                location=self.warehouse.lot_stock_id.id
            ).qty_available,
            4,
        )
        self.env["stock.quant"]._update_available_quantity(
            self.keyboard, self.pending, 2
        )
        move = self._internal_move(
            self.keyboard, self.pending, self.warehouse.lot_stock_id, 2
        )
        self.assertEqual(move.state, "done")
        self.env.company.dealer_policy_manual = True
        self.assertEqual(in_type.default_location_dest_id, self.pending)
