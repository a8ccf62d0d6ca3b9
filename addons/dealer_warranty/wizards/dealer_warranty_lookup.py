# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.dealer_warranty import CLAIM_TYPES


class DealerWarrantyLookup(models.TransientModel):
    """Type or scan a serial, see at once what its warranty allows."""

    _name = "dealer.warranty.lookup"
    _description = "Warranty Lookup"

    serial = fields.Char(string="Serial number")
    date = fields.Date(default=fields.Date.context_today, required=True)
    claim_type = fields.Selection(
        CLAIM_TYPES, string="For", default="repair", required=True
    )
    warranty_id = fields.Many2one("dealer.warranty", compute="_compute_result")
    message = fields.Char(compute="_compute_result", string="Result")
    eligible = fields.Boolean(compute="_compute_result")
    return_open = fields.Boolean(compute="_compute_result", string="Return")
    exchange_open = fields.Boolean(compute="_compute_result", string="Exchange")
    repair_open = fields.Boolean(compute="_compute_result", string="Free repair")

    @api.depends("serial", "date", "claim_type")
    def _compute_result(self):
        Warranty = self.env["dealer.warranty"]
        for lookup in self:
            result = (
                Warranty.check_eligibility(
                    lot=lookup.serial, date=lookup.date, claim_type=lookup.claim_type
                )
                if (lookup.serial or "").strip()
                else {}
            )
            windows = result.get("windows", {})
            lookup.warranty_id = result.get("warranty_id")
            lookup.message = result.get("message")
            lookup.eligible = result.get("eligible", False)
            lookup.return_open = windows.get("return", False)
            lookup.exchange_open = windows.get("exchange", False)
            lookup.repair_open = windows.get("repair", False)

    def action_open_warranty(self):
        self.ensure_one()
        if not self.warranty_id:
            raise UserError(self.message or self.env._("Type a serial number first."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.warranty",
            "res_id": self.warranty_id.id,
            "view_mode": "form",
        }

    def action_new_claim(self):
        self.ensure_one()
        if not self.warranty_id:
            raise UserError(self.message or self.env._("Type a serial number first."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.warranty.claim",
            "view_mode": "form",
            "context": {
                "default_lot_id": self.warranty_id.lot_id.id,
                "default_product_id": self.warranty_id.product_id.id,
                "default_partner_id": self.warranty_id.partner_id.id,
                # No request date: a request is dated the day it is recorded.
                "default_claim_type": self.claim_type,
            },
        }
