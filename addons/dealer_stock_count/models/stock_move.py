# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    dealer_stocktake_id = fields.Many2one(
        "dealer.stocktake",
        string="Stocktake",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )
