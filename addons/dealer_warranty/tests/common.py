# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

DELIVERY_DAY = "2026-03-15 10:00:00"


class DealerWarrantyCommon(BaseCommon):
    @classmethod
    def setup_main_company(cls, currency_code=None):
        # Prices are tested in the company's own currency: BaseCommon would
        # switch it to USD, which the CNY price lists of a Chinese company
        # (dealer_management's demo) then convert.
        return super().setup_main_company(
            currency_code=currency_code or cls.env.company.currency_id.name
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.external_report_layout_id = cls.env.ref(
            "web.external_layout_standard"
        )
        cls.company.write(
            {
                "dealer_warranty_return_days": 7,
                "dealer_warranty_exchange_days": 15,
                "dealer_warranty_allow_override": True,
                "dealer_repair_followup_days": 3,
            }
        )
        cls.after_sales = new_test_user(
            cls.env,
            login="wa_after_sales",
            groups="dealer_base.group_after_sales_user,stock.group_production_lot,"
            "sales_team.group_sale_salesman",
        )
        cls.after_sales_manager = new_test_user(
            cls.env,
            login="wa_after_sales_manager",
            groups="dealer_base.group_after_sales_manager,stock.group_production_lot",
        )
        cls.warehouse_user = new_test_user(
            cls.env,
            login="wa_warehouse",
            groups="dealer_base.group_warehouse_manager,stock.group_stock_user,"
            "stock.group_production_lot",
        )
        cls.salesperson = new_test_user(
            cls.env,
            login="wa_sales",
            groups="dealer_base.group_sales_user,sales_team.group_sale_salesman",
        )
        cls.warehouse = cls.env["stock.warehouse"].create(
            {"name": "Warranty WH", "code": "WWH", "dealer_zones_enabled": True}
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.pending = cls.warehouse.dealer_pending_location_id
        cls.nonconforming = cls.warehouse.dealer_nonconforming_location_id
        cls.term = cls.env["dealer.warranty.term"].create(
            {
                "name": "Accessories 12 months",
                "period_months": 12,
                "return_days": 7,
                "exchange_days": 15,
                "conditions": "Keep the invoice and the seal.",
                "exclusion_ids": [
                    Command.link(cls.env.ref("dealer_warranty.exclusion_liquid").id)
                ],
            }
        )
        cls.category = cls.env["product.category"].create(
            {"name": "Warranty accessories", "dealer_warranty_term_id": cls.term.id}
        )
        cls.keyboard = cls.env["product.product"].create(
            {
                "name": "Mechanical keyboard",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.category.id,
                "list_price": 399.0,
            }
        )
        cls.cable = cls.env["product.product"].create(
            {
                "name": "HDMI cable",
                "is_storable": True,
                "categ_id": cls.category.id,
                "list_price": 39.0,
            }
        )
        cls.switch_part = cls.env["product.product"].create(
            {
                "name": "Key switch",
                "is_storable": True,
                "tracking": "lot",
                "list_price": 5.0,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Shenzhen Customer Ltd", "email": "buyer@example.com"}
        )
        cls.other_customer = cls.env["res.partner"].create({"name": "Other Buyer"})
        cls.Warranty = cls.env["dealer.warranty"]
        cls.Claim = cls.env["dealer.warranty.claim"]

    @classmethod
    def _lot(cls, product, name):
        return cls.env["stock.lot"].create({"name": name, "product_id": product.id})

    @classmethod
    def _stock(cls, product, qty=1.0, lot=None, location=None):
        cls.env["stock.quant"]._update_available_quantity(
            product, location or cls.stock, qty, lot_id=lot
        )

    @classmethod
    def _sell(cls, product, qty, lots=(), partner=None, when=DELIVERY_DAY):
        """Sell and deliver; the serials in stock are exactly ``lots``."""
        for lot in lots:
            cls._stock(product, 1.0 if product.tracking == "serial" else qty, lot)
        if not lots:
            cls._stock(product, qty)
        with freeze_time(when):
            order = cls.env["sale.order"].create(
                {
                    "partner_id": (partner or cls.customer).id,
                    "warehouse_id": cls.warehouse.id,
                    "user_id": cls.salesperson.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": qty}
                        )
                    ],
                }
            )
            order.action_confirm()
            picking = order.picking_ids
            picking.action_assign()
            picking.move_ids.picked = True
            picking.with_user(cls.warehouse_user).button_validate()
        return order, picking

    def _validate(self, picking, user=None, when=None):
        picking.action_assign()
        picking.move_ids.picked = True
        if when:
            with freeze_time(when):
                return picking.with_user(user or self.warehouse_user).button_validate()
        return picking.with_user(user or self.warehouse_user).button_validate()
