# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import DEPARTMENTS, has_words

SOURCES = [
    ("reorder", "Reordering rule"),
    ("demand", "Waiting deliveries"),
    ("manual", "Department request"),
]
# Fields an approved line keeps until the plan is approved again (PUR-13).
APPROVED_FIELDS = (
    "product_id",
    "quantity",
    "needed_date",
    "price_unit",
    "partner_id",
    "department",
    "reason",
)


class DealerPurchasePlanLine(models.Model):
    _name = "dealer.purchase.plan.line"
    _description = "Purchase Plan Line"
    _inherit = ["dealer.governed.mixin"]
    _order = "plan_id, sequence, id"
    _check_company_auto = True

    _dealer_governed = {
        "source": "PUR-02",
        "requested_by_id": "PUR-02",
        "purchase_line_id": "PUR-13",
        "subtotal": "PUR-13",
        "company_id": "PUR-13",
    }

    plan_id = fields.Many2one(
        "dealer.purchase.plan", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    plan_state = fields.Selection(related="plan_id.state")
    product_id = fields.Many2one(
        "product.product",
        required=True,
        domain=[("purchase_ok", "=", True)],
        check_company=True,
    )
    quantity = fields.Float(
        required=True, default=1.0, digits="Product Unit of Measure"
    )
    uom_id = fields.Many2one(related="product_id.uom_po_id", string="Unit")
    needed_date = fields.Date(string="Needed by")
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        check_company=True,
    )
    price_unit = fields.Monetary(
        string="Estimated unit cost",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
    )
    subtotal = fields.Monetary(compute="_compute_subtotal", store=True)
    department = fields.Selection(
        DEPARTMENTS,
        required=True,
        default=lambda self: self._default_department(),
        help="Which department needs it (PUR-02).",
    )
    reason = fields.Char(required=True)
    source = fields.Selection(SOURCES, required=True, default="manual", readonly=True)
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    purchase_line_id = fields.Many2one(
        "purchase.order.line", readonly=True, copy=False, check_company=True
    )

    @api.model
    def _default_department(self):
        return self.env.user._dealer_department() or "purchasing"

    @api.constrains("quantity", "price_unit", "needed_date", "reason")
    def _check_need(self):
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "Quantity of %(product)s must be above zero (PUR-02).",
                        product=line.product_id.display_name,
                    )
                )
            if line.price_unit < 0:
                raise ValidationError(
                    self.env._(
                        "Estimated unit cost of %(product)s cannot be negative "
                        "(PUR-13).",
                        product=line.product_id.display_name,
                    )
                )
            if line.needed_date and line.needed_date < line.plan_id.date:
                raise ValidationError(
                    self.env._(
                        "Needed by for %(product)s: %(date)s is before the plan's "
                        "date (PUR-13).",
                        product=line.product_id.display_name,
                        date=line.needed_date,
                    )
                )
            if not has_words(line.reason):
                raise ValidationError(
                    self.env._(
                        "Reason for %(product)s: say why the department needs it "
                        "(PUR-02).",
                        product=line.product_id.display_name,
                    )
                )

    @api.depends("product_id")
    def _compute_partner_id(self):
        for line in self:
            line.partner_id = line.product_id.seller_ids[:1].partner_id

    @api.depends("product_id", "partner_id")
    def _compute_price_unit(self):
        for line in self:
            seller = line.product_id.seller_ids.filtered(
                lambda s, p=line.partner_id: s.partner_id == p
            )[:1]
            line.price_unit = seller.price or line.product_id.standard_price

    @api.depends("quantity", "price_unit")
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.quantity * line.price_unit

    def _dealer_check_editable(self, vals=None):
        if vals is not None and not set(vals) & set(APPROVED_FIELDS):
            return
        locked = self.filtered(
            lambda ln: ln.plan_id.state != "draft"
            or any(
                review.status in ("waiting", "pending")
                for review in ln.plan_id.review_ids
            )
        )
        if locked:
            raise UserError(
                self.env._(
                    "Plan %s is under review, approved or ordered: put it back "
                    "to draft to change its lines; it is then reviewed and "
                    "approved again (PUR-13).",
                    locked[0].plan_id.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._dealer_check_editable()
        return lines

    def write(self, vals):
        self._dealer_check_editable(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._dealer_check_editable()

    def _dealer_purchase_line_values(self):
        self.ensure_one()
        values = {
            "product_id": self.product_id.id,
            "product_qty": self.quantity,
            "price_unit": self.price_unit,
        }
        if self.needed_date:
            values["date_planned"] = self.needed_date
        return values
