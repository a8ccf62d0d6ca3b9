# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DealerStockCountCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "dealer_stocktake_tolerance_percent": 5.0,
                "dealer_stocktake_tolerance_value": 1000.0,
                "dealer_stocktake_manager_threshold": 2000.0,
                "dealer_stocktake_admin_threshold": 20000.0,
                "dealer_stocktake_blind": True,
            }
        )
        cls.counter = new_test_user(
            cls.env, login="st_counter", groups="dealer_base.group_warehouse_user"
        )
        cls.counter2 = new_test_user(
            cls.env, login="st_counter2", groups="dealer_base.group_warehouse_user"
        )
        cls.manager = new_test_user(
            cls.env,
            login="st_manager",
            groups="dealer_base.group_warehouse_manager",
        )
        cls.manager2 = new_test_user(
            cls.env,
            login="st_manager2",
            groups="dealer_base.group_warehouse_manager",
        )
        cls.admin_manager = new_test_user(
            cls.env,
            login="st_admin",
            groups="dealer_base.group_administration_manager",
        )
        cls.warehouse = cls.env["stock.warehouse"].create(
            {
                "name": "Count WH",
                "code": "CWH",
                "dealer_zones_enabled": True,
                "dealer_stocktake_counter_ids": [
                    Command.set([cls.counter.id, cls.counter2.id])
                ],
                "dealer_stocktake_responsible_id": cls.manager.id,
            }
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.shelf_a = cls.env["stock.location"].create(
            {"name": "Shelf A", "location_id": cls.stock.id, "usage": "internal"}
        )
        cls.shelf_b = cls.env["stock.location"].create(
            {"name": "Shelf B", "location_id": cls.stock.id, "usage": "internal"}
        )
        cls.pending = cls.warehouse.dealer_pending_location_id
        cls.category = cls.env["product.category"].create(
            {"name": "Count peripherals", "property_cost_method": "standard"}
        )
        cls.keyboard = cls.env["product.product"].create(
            {
                "name": "Count keyboard",
                "default_code": "KB-1",
                "is_storable": True,
                "categ_id": cls.category.id,
                "standard_price": 100.0,
            }
        )
        cls.ssd = cls.env["product.product"].create(
            {
                "name": "Count SSD",
                "default_code": "SSD-1",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.category.id,
                "standard_price": 500.0,
            }
        )
        cls.serials = cls.env["stock.lot"].create(
            [{"name": f"SN-C{n}", "product_id": cls.ssd.id} for n in range(3)]
        )
        cls.reason_natural = cls.env.ref("dealer_stock_count.reason_natural_loss")
        cls.reason_human = cls.env.ref("dealer_stock_count.reason_human_error")
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.keyboard, cls.shelf_a, 100)
        Quant._update_available_quantity(cls.keyboard, cls.shelf_b, 10)
        Quant._update_available_quantity(cls.keyboard, cls.pending, 4)
        for serial in cls.serials[:2]:
            Quant._update_available_quantity(cls.ssd, cls.shelf_a, 1, lot_id=serial)

    @classmethod
    def _stocktake(cls, locations=None, **values):
        vals = {
            "warehouse_id": cls.warehouse.id,
            "kind": "spot",
            "deadline": "2026-12-31",
            "responsible_id": cls.manager.id,
            "counter_ids": [Command.set([cls.counter.id, cls.counter2.id])],
            "location_ids": [
                Command.set(
                    (locations or (cls.shelf_a | cls.shelf_b | cls.pending)).ids
                )
            ],
        }
        vals.update(values)
        return cls.env["dealer.stocktake"].create(vals)

    def _started(self, locations=None, **values):
        stocktake = self._stocktake(locations, **values)
        stocktake.with_user(self.manager).action_start()
        return stocktake

    def _line(self, stocktake, product, location, lot=None):
        return stocktake.line_ids.filtered(
            lambda line: line.product_id == product
            and line.location_id == location
            and line.lot_id == (lot or self.env["stock.lot"])
        )

    def _count(self, sheet, quantities, user=None):
        """Enter ``{line: qty}`` on a sheet as its counter and submit it."""
        user = user or sheet.counter_id
        for line, qty in quantities.items():
            line.with_user(user).draft_qty = qty
        sheet.with_user(user).action_submit()

    def _count_all(self, stocktake, quantities):
        """Count every first-round sheet: lines in ``quantities`` get that
        quantity, the others their book quantity."""
        for sheet in stocktake.sheet_ids.filtered(lambda s: s.round == "count"):
            self._count(
                sheet,
                {
                    line: quantities.get(
                        line, line.draft_qty if line.draft_qty_set else line.book_qty
                    )
                    for line in sheet.line_ids
                },
            )

    def _recount_all(self, stocktake, quantities=None):
        """Recount every open recount sheet: lines in ``quantities`` get that
        quantity, the others their first count."""
        quantities = quantities or {}
        for sheet in stocktake.sheet_ids.filtered(
            lambda s: s.round == "recount" and s.state == "todo"
        ):
            self._count(
                sheet,
                {
                    line: quantities.get(line, line.counted_qty)
                    for line in sheet.recount_line_ids
                },
            )
