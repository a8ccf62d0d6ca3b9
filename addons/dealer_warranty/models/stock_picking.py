# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "dealer.warranty.guard"]

    # A transfer of a request skips the supplier receipt acceptance, creates
    # no warranty and moves the request on: only the request's actions link
    # one (ASV-20).
    _dealer_governed = {"dealer_warranty_claim_id": "ASV-20"}

    dealer_warranty_claim_id = fields.Many2one(
        "dealer.warranty.claim",
        string="Return / exchange request",
        index="btree_not_null",
        copy=False,
        readonly=True,
        check_company=True,
    )
    dealer_warranty_ids = fields.One2many(
        "dealer.warranty", "picking_id", string="Warranties"
    )
    dealer_warranty_count = fields.Integer(compute="_compute_dealer_warranty_count")

    @api.depends("dealer_warranty_ids")
    def _compute_dealer_warranty_count(self):
        counts = dict(
            self.env["dealer.warranty"]._read_group(
                [("picking_id", "in", self.ids)], ["picking_id"], ["__count"]
            )
        )
        for picking in self:
            picking.dealer_warranty_count = counts.get(picking, 0)

    def _dealer_needs_receipt_inspection(self):
        # A claimed unit is inspected on its request, not as a supplier receipt.
        return super()._dealer_needs_receipt_inspection() and not (
            self.dealer_warranty_claim_id
        )

    def _action_done(self):
        res = super()._action_done()
        for picking in self.filtered(
            lambda p: p.state == "done" and p.dealer_warranty_claim_id
        ):
            # The claim is After-sales' record; the warehouse user who validates
            # the transfer moves it on without rights to edit it.
            picking.dealer_warranty_claim_id.sudo()._dealer_after_picking_done(picking)
        return res

    def action_dealer_view_warranties(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_warranty.dealer_warranty_action"
        )
        action["domain"] = [("picking_id", "in", self.ids)]
        action["context"] = {"create": False}
        return action

    def action_dealer_print_warranty_cards(self):
        return self.env.ref(
            "dealer_warranty.action_report_warranty_card"
        ).report_action(self.dealer_warranty_ids)
