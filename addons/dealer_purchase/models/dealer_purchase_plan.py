# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class DealerPurchasePlan(models.Model):
    """Needs of every department gathered into one plan, reviewed by the
    Purchasing Manager and approved by Administration before anything is
    ordered (PUR-01, PUR-02, PUR-12, PUR-13)."""

    _name = "dealer.purchase.plan"
    _description = "Purchase Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "tier.validation"]
    _order = "date desc, id desc"

    # base_tier_validation: review and approval before the plan is approved.
    _state_from = ["draft"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("done", "Ordered"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Prepared by",
        default=lambda self: self.env.user,
        readonly=True,
        tracking=True,
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        default=lambda self: self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    line_ids = fields.One2many("dealer.purchase.plan.line", "plan_id", copy=True)
    amount_total = fields.Monetary(
        string="Estimated total", compute="_compute_amount_total", store=True
    )
    budget = fields.Monetary(
        default=lambda self: self.env.company.dealer_purchase_plan_budget,
        tracking=True,
        help="What the company budget allows for this plan (PUR-13).",
    )
    over_budget = fields.Boolean(compute="_compute_amount_total", store=True)
    note = fields.Text()
    purchase_ids = fields.Many2many(
        "purchase.order", compute="_compute_purchase_ids", string="Purchase Orders"
    )
    purchase_count = fields.Integer(compute="_compute_purchase_ids")

    @api.depends("line_ids.subtotal", "budget")
    def _compute_amount_total(self):
        for plan in self:
            plan.amount_total = sum(plan.line_ids.mapped("subtotal"))
            plan.over_budget = bool(plan.budget) and plan.amount_total > plan.budget

    @api.depends("line_ids.purchase_line_id")
    def _compute_purchase_ids(self):
        for plan in self:
            plan.purchase_ids = plan.line_ids.purchase_line_id.order_id
            plan.purchase_count = len(plan.purchase_ids)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("dealer.purchase.plan") or "/"
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------ approval
    def _dealer_check_not_author(self):
        # PUR-13: the plan's author never approves their own plan.
        for plan in self:
            if plan.user_id == self.env.user or plan.create_uid == self.env.user:
                raise UserError(
                    self.env._(
                        "Plan %s: you prepared it, so someone else reviews and "
                        "approves it (PUR-13).",
                        plan.name,
                    )
                )

    def validate_tier(self):
        self._dealer_check_not_author()
        return super().validate_tier()

    def _validate_tier(self, tiers=False):
        self._dealer_check_not_author()
        res = super()._validate_tier(tiers=tiers)
        # The tier mixin's computed flags have no dependencies: read them fresh.
        self.invalidate_recordset(["need_validation", "validation_status", "validated"])
        # Fully validated: the plan is approved at once.
        self.filtered(
            lambda p: p.state == "draft"
            and p.review_ids
            and all(review.status == "approved" for review in p.review_ids)
        ).write({"state": "approved"})
        return res

    def request_validation(self):
        for plan in self:
            if not plan.line_ids:
                raise UserError(
                    self.env._("Plan %s has no lines to approve.", plan.name)
                )
        return super().request_validation()

    def action_draft(self):
        """Back to draft to change an approved plan: it is reviewed again."""
        for plan in self:
            if plan.state not in ("approved", "cancel"):
                raise UserError(
                    self.env._("Plan %s cannot go back to draft now.", plan.name)
                )
        self.write({"state": "draft"})
        self.restart_validation()
        return True

    def action_cancel(self):
        if any(plan.state == "done" for plan in self):
            raise UserError(self.env._("An ordered plan cannot be cancelled."))
        self.write({"state": "cancel"})
        return True

    # ------------------------------------------------------------------ needs
    def action_gather(self):
        """PUR-02: add what reorder rules and waiting deliveries need."""
        for plan in self:
            if plan.state != "draft":
                raise UserError(
                    self.env._("Plan %s is not a draft any more.", plan.name)
                )
            plan.line_ids.filtered(lambda ln: ln.source != "manual").unlink()
            reorder = plan._dealer_reorder_needs()
            covered = {vals["product_id"] for vals in reorder}
            vals_list = reorder + [
                vals
                for vals in plan._dealer_demand_needs()
                if vals["product_id"] not in covered
            ]
            plan.write({"line_ids": [Command.create(vals) for vals in vals_list]})
        return True

    def _dealer_reorder_needs(self):
        self.ensure_one()
        orderpoints = self.env["stock.warehouse.orderpoint"].search(
            [
                ("warehouse_id", "=", self.warehouse_id.id),
                ("trigger", "in", ("auto", "manual")),
            ]
        )
        return [
            {
                "product_id": point.product_id.id,
                "quantity": point.qty_to_order,
                "source": "reorder",
                "department": "warehouse",
                "reason": self.env._("Below the reordering rule (%s)", point.name),
            }
            for point in orderpoints
            if point.qty_to_order > 0
        ]

    def _dealer_demand_needs(self):
        """Deliveries and repairs waiting for stock (Sales, After-sales)."""
        self.ensure_one()
        groups = self.env["stock.move"]._read_group(
            [
                ("location_id", "child_of", self.warehouse_id.view_location_id.id),
                ("state", "in", ("confirmed", "partially_available")),
                ("location_id.usage", "=", "internal"),
                ("location_dest_id.usage", "!=", "internal"),
                ("product_id.is_storable", "=", True),
            ],
            ["product_id"],
            ["product_uom_qty:sum", "quantity:sum"],
        )
        # Free stock of every product in one computation, not one per product.
        products = self.env["product.product"].union(*(group[0] for group in groups))
        stock = products.with_context(warehouse_id=self.warehouse_id.id)
        free = dict(zip(stock.ids, stock.mapped("free_qty"), strict=True))
        needs = []
        for product, demand, reserved in groups:
            missing = demand - reserved - max(free[product.id], 0.0)
            if missing > 0:
                needs.append(
                    {
                        "product_id": product.id,
                        "quantity": missing,
                        "source": "demand",
                        "department": "sales",
                        "reason": self.env._("Deliveries waiting for stock"),
                    }
                )
        return needs

    # ------------------------------------------------------------------ orders
    def action_create_rfqs(self):
        """Only an approved plan becomes requests for quotation, one per
        supplier (PUR-13)."""
        for plan in self:
            if plan.state != "approved":
                raise UserError(
                    self.env._(
                        "Plan %s is not approved: it cannot be ordered (PUR-13).",
                        plan.name,
                    )
                )
            lines = plan.line_ids.filtered(lambda ln: not ln.purchase_line_id)
            without = lines.filtered(lambda ln: not ln.partner_id)
            if without:
                raise UserError(
                    self.env._(
                        "Plan %(plan)s: choose a supplier for %(products)s.",
                        plan=plan.name,
                        products=", ".join(without.product_id.mapped("display_name")),
                    )
                )
            PurchaseOrder = self.env["purchase.order"]
            for supplier in lines.partner_id:
                supplier_lines = lines.filtered(
                    lambda ln, s=supplier: ln.partner_id == s
                )
                order = PurchaseOrder.create(
                    {
                        "partner_id": supplier.id,
                        "company_id": plan.company_id.id,
                        "picking_type_id": plan.warehouse_id.in_type_id.id,
                        "origin": plan.name,
                        "order_line": [
                            Command.create(line._dealer_purchase_line_values())
                            for line in supplier_lines
                        ],
                    }
                )
                for line, po_line in zip(supplier_lines, order.order_line, strict=True):
                    line.with_context(
                        dealer_plan_ordering=True
                    ).purchase_line_id = po_line
            plan.state = "done"
        return self.action_view_purchases()

    def action_view_purchases(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("purchase.purchase_rfq")
        action["domain"] = [("id", "in", self.purchase_ids.ids)]
        action["context"] = {"create": False}
        return action
