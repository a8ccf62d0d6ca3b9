# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    def _dealer_inspected_elsewhere(self):
        # A customer's returned unit leaves the pending-inspection area once its
        # request was inspected (ASV-20), to stock, the non-conforming area, a
        # repair or back to the customer.
        claim = (
            self.picking_id.dealer_warranty_claim_id
            or self.move_id.repair_id.dealer_warranty_claim_id
        )
        return super()._dealer_inspected_elsewhere() or bool(
            claim and claim.sudo().inspected_on and claim.lot_id == self.lot_id
        )
