# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PUR-13: what a purchase plan gathers (reorder and demand needs) and the requests for
quotation it makes (dealer.purchase.plan)."""

from odoo import Command, models
from odoo.exceptions import UserError


class DealerPurchasePlan(models.Model):
    _inherit = "dealer.purchase.plan"  # pylint: disable=consider-merging-classes-inherited

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
            # The action sets the lines' source (governed).
            plan._dealer_as_action().write(
                {"line_ids": [Command.create(vals) for vals in vals_list]}
            )
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
                    line._dealer_as_action().purchase_line_id = po_line
            plan._dealer_as_action().state = "done"
        return self.action_view_purchases()

    def action_view_purchases(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("purchase.purchase_rfq")
        action["domain"] = [("id", "in", self.purchase_ids.ids)]
        action["context"] = {"create": False}
        return action
