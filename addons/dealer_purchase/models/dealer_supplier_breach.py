# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import has_words

BREACH_KINDS = [
    ("late", "Late delivery"),
    ("short", "Short delivery"),
    ("quality", "Quality"),
    ("other", "Other"),
]
# What Odoo recorded from a receipt or an acceptance: kept as it was.
RECORDED_FIELDS = (
    "partner_id",
    "company_id",
    "kind",
    "date",
    "purchase_id",
    "picking_id",
    "description",
)


class DealerSupplierBreach(models.Model):
    """A supplier's breach of a purchase contract (PUR-16); it counts in the
    supplier's evaluation."""

    _name = "dealer.supplier.breach"
    _description = "Supplier Breach"
    _inherit = ["mail.thread", "dealer.governed.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Only Odoo records automatic breaches (from receipts and acceptances).
    _dealer_governed = {"automatic": "PUR-16"}
    # Breaches are the supplier's record: never deleted.
    _dealer_keep_rule = "PUR-16"

    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(BREACH_KINDS, required=True, default="other", tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    purchase_id = fields.Many2one(
        "purchase.order", string="Purchase Order", check_company=True, tracking=True
    )
    picking_id = fields.Many2one(
        "stock.picking", string="Receipt", check_company=True, tracking=True
    )
    description = fields.Text(required=True, tracking=True)
    action_taken = fields.Text(
        tracking=True, help="What Purchasing did about it: claim, penalty, warning."
    )
    automatic = fields.Boolean(readonly=True, help="Recorded by Odoo from a receipt.")

    @api.constrains("date", "description")
    def _check_recorded_facts(self):
        today = fields.Date.context_today(self)
        for breach in self:
            if breach.date > today:
                raise ValidationError(
                    self.env._(
                        "Breach date: %(date)s is in the future; record breaches "
                        "that happened (PUR-16).",
                        date=breach.date,
                    )
                )
            if not has_words(breach.description):
                raise ValidationError(
                    self.env._("Breach description: say what happened (PUR-16).")
                )

    def write(self, vals):
        if not self._dealer_is_trusted():
            recorded = self.filtered("automatic")
            for fname in set(vals) & set(RECORDED_FIELDS):
                if not all(
                    recorded._dealer_same_value(rec, fname, vals[fname])
                    for rec in recorded
                ):
                    raise UserError(
                        self.env._(
                            "%(field)s of a breach Odoo recorded from a receipt is "
                            "kept as it was; write what was done about it (PUR-16).",
                            field=self._fields[fname]._description_string(self.env),
                        )
                    )
        return super().write(vals)
