# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DealerStockZoneCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].create(
            {"name": "Test Dealer WH", "code": "TDW", "dealer_zones_enabled": True}
        )
        cls.pending = cls.warehouse.dealer_pending_location_id
        cls.nonconforming = cls.warehouse.dealer_nonconforming_location_id
        cls.common = cls.warehouse.dealer_common_location_id
        cls.special = cls.warehouse.dealer_special_location_id
        cls.supplier = cls.env["res.partner"].create({"name": "Test Storage Supplier"})
        cls.category = cls.env["product.category"].create({"name": "Test peripherals"})
        cls.keyboard = cls.env["product.product"].create(
            {
                "name": "Test keyboard",
                "is_storable": True,
                "categ_id": cls.category.id,
            }
        )
        cls.ssd_category = cls.env["product.category"].create(
            {"name": "Test storage", "dealer_performance_test": True}
        )
        cls.ssd = cls.env["product.product"].create(
            {
                "name": "Test NVMe SSD",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.ssd_category.id,
            }
        )
        cls.damaged = cls.env.ref("dealer_stock_zone.rejection_reason_damaged")
        cls.stock_user = new_test_user(
            cls.env, login="zone_stock", groups="dealer_base.group_warehouse_user"
        )
        cls.stock_manager = new_test_user(
            cls.env,
            login="zone_stock_mgr",
            groups="dealer_base.group_warehouse_manager",
        )
        cls.tech_user = new_test_user(
            cls.env, login="zone_tech", groups="dealer_base.group_technical_user"
        )
        cls.purchase_user = new_test_user(
            cls.env, login="zone_purchase", groups="dealer_base.group_purchasing_user"
        )
        cls.sales_user = new_test_user(
            cls.env, login="zone_sales", groups="dealer_base.group_sales_user"
        )

    @classmethod
    def _receive(cls, product, quantity, lots=None):
        """A validated receipt from the supplier; returns its acceptance."""
        supplier_location = cls.warehouse.in_type_id.default_location_src_id
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": cls.warehouse.in_type_id.id,
                "partner_id": cls.supplier.id,
                "origin": "PO-TEST",
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": quantity,
                            "product_uom": product.uom_id.id,
                            "location_id": supplier_location.id,
                            "location_dest_id": cls.pending.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        move = picking.move_ids
        if lots:
            move.move_line_ids.unlink()
            cls.env["stock.move.line"].create(
                [
                    {
                        "move_id": move.id,
                        "picking_id": picking.id,
                        "product_id": product.id,
                        "location_id": move.location_id.id,
                        "location_dest_id": cls.pending.id,
                        "lot_name": lot,
                        "quantity": 1,
                    }
                    for lot in lots
                ]
            )
        else:
            move.quantity = quantity
        move.picked = True
        picking.button_validate()
        return picking.dealer_inspection_ids

    def _fill(self, inspection, rejected=0.0, **checks):
        """Signatures and passing checks on every line, as a diligent team would:
        Technical and Purchasing sign with their own logins (PUR-07); the
        warehouse signs when it validates."""
        inspection.with_user(self.tech_user).action_sign_technical()
        inspection.with_user(self.purchase_user).action_sign_purchasing()
        values = {"spec_check": "pass", "appearance_check": "pass"}
        values.update(checks)
        for line in inspection.line_ids:
            # STK-07: the inspector enters the accepted quantity; nothing is
            # prefilled.
            line.write(
                dict(
                    values,
                    performance_check=line.performance_required and "pass",
                    qty_accepted=line.qty_counted,
                )
            )
        if rejected:
            first = inspection.line_ids[:1]
            first.write(
                {
                    "qty_rejected": rejected,
                    "qty_accepted": first.qty_counted - rejected,
                    "reason_id": self.damaged.id,
                }
            )
        return inspection

    def _internal_move(self, product, source, dest, quantity, user=None):
        move = (
            self.env["stock.move"]
            .with_user(user or self.env.user)
            .create(
                {
                    "name": "Manual move",
                    "product_id": product.id,
                    "product_uom": product.uom_id.id,
                    "product_uom_qty": quantity,
                    "location_id": source.id,
                    "location_dest_id": dest.id,
                }
            )
        )
        move._action_confirm()
        move._action_assign()
        move.quantity = quantity
        move.move_line_ids.location_dest_id = dest
        move.picked = True
        move._action_done()
        return move
