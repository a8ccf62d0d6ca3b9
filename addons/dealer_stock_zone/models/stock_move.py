# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    # STK-10: the inbound registration of a move out of pending inspection.
    dealer_inspection_id = fields.Many2one(
        "dealer.receipt.inspection",
        string="Receipt acceptance",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )
