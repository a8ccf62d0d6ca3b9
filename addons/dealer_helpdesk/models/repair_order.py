# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class RepairOrder(models.Model):
    _inherit = "repair.order"

    # ASV-07: the repair and the ticket that asked for it, linked both ways.
    dealer_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Helpdesk ticket",
        index="btree_not_null",
        copy=False,
        check_company=True,
    )

    def action_view_dealer_ticket(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": self.dealer_ticket_id.id,
            "view_mode": "form",
        }
