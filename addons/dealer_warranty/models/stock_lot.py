# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockLot(models.Model):
    _inherit = "stock.lot"

    dealer_warranty_ids = fields.One2many(
        "dealer.warranty", "lot_id", string="Warranties"
    )
    dealer_warranty_state = fields.Selection(
        related="dealer_warranty_ids.state", string="Warranty"
    )
    dealer_warranty_end_date = fields.Date(
        related="dealer_warranty_ids.end_date", string="Warranty until"
    )

    def action_dealer_view_warranties(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_warranty.dealer_warranty_action"
        )
        action["domain"] = [("lot_id", "in", self.ids)]
        action["context"] = {"create": False}
        return action
