# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.dealer_base.tools import POLICY_MANUAL


class ResCompany(models.Model):
    _inherit = "res.company"

    # STK-07, PUR-07: which checks every acceptance line must answer.
    dealer_check_spec_required = fields.Boolean(
        string="Model/specification check required", default=True
    )
    dealer_check_appearance_required = fields.Boolean(
        string="Appearance check required", default=True
    )
    # PUR-07: "Purchasing, Warehouse and Technical inspect the goods together":
    # joint acceptance is the manual's default; a company may have Purchasing
    # sign only acceptances with a discrepancy.
    dealer_purchasing_cosign_always = fields.Boolean(
        string="Joint acceptance with Purchasing",
        default=True,
        help="Purchasing signs every receipt acceptance with Warehouse and "
        "Technical (PUR-07). Off: Purchasing signs only when a counted quantity "
        "differs from the expected one.",
    )

    def write(self, vals):
        res = super().write(vals)
        if POLICY_MANUAL in vals:
            # Issue 18: receipts of a company that stops running by the manual
            # go where core sends them again, and back to pending inspection
            # when it runs by it again.
            self.env["stock.warehouse"].sudo().search(
                [("company_id", "in", self.ids), ("dealer_zones_enabled", "=", True)]
            )._dealer_sync_receipt_destination()
        return res
