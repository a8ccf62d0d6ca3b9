# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = ["stock.move", "dealer.governed.mixin"]
    _name = "stock.move"

    # STK-09, STK-10: only the acceptance's validation marks its moves; a move so
    # marked may take goods out of the pending-inspection area.
    _dealer_governed = {"dealer_inspection_id": "STK-09"}

    # STK-10: the inbound registration of a move out of pending inspection.
    dealer_inspection_id = fields.Many2one(
        "dealer.receipt.inspection",
        string="Receipt acceptance",
        index="btree_not_null",
        readonly=True,
        copy=False,
        check_company=True,
    )
