# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    # PUR-14: the clauses a contract states besides lines and dates.
    dealer_framework_agreement = fields.Boolean(
        string="Framework agreement",
        tracking=True,
        help="Framework agreements always go through legal review (PUR-15).",
    )
    dealer_delivery_place = fields.Char(
        string="Delivery place",
        compute="_compute_dealer_delivery_place",
        store=True,
        readonly=False,
    )
    dealer_quality_standard = fields.Text(
        string="Quality standard", help="The standard the goods are accepted against."
    )
    dealer_after_sales_terms = fields.Text(
        string="After-sales service",
        help="Warranty, returns and service the supplier owes.",
    )
    dealer_legal_review_required = fields.Boolean(
        string="Legal review required",
        compute="_compute_dealer_legal_review_required",
        store=True,
        help="From the total in the settings, or a framework agreement (PUR-15).",
    )
    # PUR-09: a Purchasing Manager may order from an unqualified supplier.
    dealer_qualification_override = fields.Text(
        string="Ordered despite qualification because",
        groups="dealer_base.group_purchasing_manager",
        tracking=True,
        copy=False,
    )
    dealer_supplier_status = fields.Selection(
        related="partner_id.commercial_partner_id.dealer_qualification_status",
        string="Supplier qualification",
    )
    dealer_breach_ids = fields.One2many(
        "dealer.supplier.breach", "purchase_id", string="Breaches"
    )

    @api.depends("picking_type_id")
    def _compute_dealer_delivery_place(self):
        for order in self:
            warehouse = order.picking_type_id.warehouse_id
            order.dealer_delivery_place = (
                warehouse.partner_id.contact_address.replace("\n", ", ").strip(", ")
                if warehouse.partner_id
                else warehouse.name
            )

    @api.depends(
        "amount_total",
        "dealer_framework_agreement",
        "company_id.dealer_legal_review_amount",
    )
    def _compute_dealer_legal_review_required(self):
        for order in self:
            threshold = order.company_id.dealer_legal_review_amount
            order.dealer_legal_review_required = order.dealer_framework_agreement or (
                threshold > 0
                and order.currency_id._convert(
                    order.amount_total,
                    order.company_id.currency_id,
                    order.company_id,
                    order.date_order or fields.Date.context_today(order),
                )
                >= threshold
            )

    def _dealer_missing_clauses(self):
        """PUR-14: specification/model, quantity, price, delivery time and
        place, quality standard, after-sales service."""
        self.ensure_one()
        _ = self.env._
        lines = self.order_line.filtered(lambda ln: not ln.display_type)
        missing = []
        if not lines or any(not (ln.product_id and ln.name) for ln in lines):
            missing.append(_("specification/model"))
        if not lines or any(ln.product_qty <= 0 for ln in lines):
            missing.append(_("quantity"))
        if not lines or any(ln.price_unit <= 0 for ln in lines):
            missing.append(_("price"))
        if not lines or any(not ln.date_planned for ln in lines):
            missing.append(_("delivery time"))
        if not (self.dealer_delivery_place or "").strip():
            missing.append(_("delivery place"))
        if not (self.dealer_quality_standard or "").strip():
            missing.append(_("quality standard"))
        if not (self.dealer_after_sales_terms or "").strip():
            missing.append(_("after-sales service"))
        return missing

    def _dealer_check_clauses(self):
        for order in self.filtered("dealer_legal_review_required"):
            missing = order._dealer_missing_clauses()
            if missing:
                raise UserError(
                    self.env._(
                        "%(order)s goes to legal review: state its %(clauses)s "
                        "first (PUR-14).",
                        order=order.name,
                        clauses=", ".join(missing),
                    )
                )

    def _dealer_check_supplier(self):
        manager = self.env.user.has_group("dealer_base.group_purchasing_manager")
        for order in self:
            problem = order.partner_id._dealer_check_can_order()
            if not problem:
                continue
            reason = manager and order.sudo().dealer_qualification_override
            if reason:
                order.message_post(
                    body=self.env._(
                        "Confirmed by %(user)s despite: %(problem)s Reason: %(reason)s",
                        user=self.env.user.name,
                        problem=problem,
                        reason=reason,
                    )
                )
                continue
            raise UserError(
                self.env._(
                    "%(problem)s A Purchasing Manager may confirm anyway by writing "
                    "the reason in 'Ordered despite qualification because'.",
                    problem=problem,
                )
            )

    def request_validation(self):
        self._dealer_check_clauses()
        return super().request_validation()

    def button_confirm(self):
        orders = self.filtered(lambda o: o.state in ("draft", "sent"))
        orders._dealer_check_supplier()
        orders._dealer_check_clauses()
        # The tier mixin's computed flags have no dependencies: read them fresh.
        self.invalidate_recordset(["need_validation", "validation_status", "validated"])
        return super().button_confirm()
