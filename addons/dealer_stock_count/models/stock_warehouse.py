# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    dealer_stocktake_scheduled = fields.Boolean(
        string="Scheduled stocktakes",
        default=True,
        help="Open the monthly and quarterly stocktakes of this warehouse "
        "automatically (STK-11, STK-12).",
    )
    dealer_stocktake_counter_ids = fields.Many2many(
        "res.users",
        "stock_warehouse_dealer_stocktake_counter_rel",
        string="Stocktake counters",
        check_company=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("dealer_base.group_warehouse_user").id)
        ],
        help="Scheduled stocktakes of this warehouse are assigned to them, "
        "one count sheet each in turn.",
    )
    dealer_stocktake_responsible_id = fields.Many2one(
        "res.users",
        string="Stocktake responsible",
        check_company=True,
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("dealer_base.group_warehouse_manager").id,
            )
        ],
        help="Warehouse Manager who plans, reviews and applies its stocktakes.",
    )

    def _dealer_stocktake_locations(self):
        """Every internal location the full count covers, the inspection
        zones of dealer_stock_zone included (they lie outside the warehouse
        view location)."""
        self.ensure_one()
        roots = self.view_location_id | self.dealer_zone_view_location_id
        return self.env["stock.location"].search(
            [("id", "child_of", roots.ids), ("usage", "=", "internal")],
            order="complete_name, id",
        )
