# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

BREACH_KINDS = [
    ("late", "Late delivery"),
    ("short", "Short delivery"),
    ("quality", "Quality"),
    ("other", "Other"),
]


class DealerSupplierBreach(models.Model):
    """A supplier's breach of a purchase contract (PUR-16); it counts in the
    supplier's evaluation."""

    _name = "dealer.supplier.breach"
    _description = "Supplier Breach"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Supplier", required=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(BREACH_KINDS, required=True, default="other", tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    purchase_id = fields.Many2one("purchase.order", string="Purchase Order")
    picking_id = fields.Many2one("stock.picking", string="Receipt")
    description = fields.Text(required=True)
    action_taken = fields.Text(
        tracking=True, help="What Purchasing did about it: claim, penalty, warning."
    )
    automatic = fields.Boolean(readonly=True, help="Recorded by Odoo from a receipt.")
