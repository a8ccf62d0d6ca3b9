# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import policy_on, policy_records

from .stock_move_line import ARRIVAL_USAGES

_lt = LazyTranslate(__name__)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    dealer_inspection_ids = fields.One2many(
        "dealer.receipt.inspection", "picking_id", string="Acceptances"
    )
    dealer_inspection_state = fields.Selection(
        related="dealer_inspection_ids.state", string="Acceptance"
    )

    def button_validate(self):
        # STK-18: only the Warehouse department moves goods inside the warehouse.
        internal = self.filtered(
            lambda picking: picking.picking_type_code == "internal"
        )
        if (
            not self.env.su
            and internal
            and policy_on(internal)
            and not self.env.user.has_group("dealer_base.group_warehouse_user")
        ):
            raise AccessError(
                self.env._(
                    "Only the Warehouse department validates internal transfers "
                    "(STK-18)."
                )
            )
        return super().button_validate()

    def _action_done(self):
        res = super()._action_done()
        self._dealer_create_inspections()
        return res

    def _dealer_create_inspections(self):
        """Open the acceptance of every receipt that landed in pending
        inspection, in a company that runs by the manual."""
        receipts = policy_records(self).filtered(
            lambda picking: picking.state == "done"
            and not picking.dealer_inspection_ids
            and picking._dealer_needs_receipt_inspection()
        )
        if not receipts:
            return self.env["dealer.receipt.inspection"]
        Inspection = self.env["dealer.receipt.inspection"]
        # Who received the goods is asked to inspect them; the inspectors sign
        # on the acceptance with their own logins (PUR-07).
        inspector = Inspection._default_warehouse_inspector()
        # The receiving user may lack acceptance rights; the record is the
        # warehouse's to fill in, so it is created as the system.
        inspections = Inspection.sudo().create(
            [receipt._dealer_prepare_inspection_vals() for receipt in receipts]
        )
        for inspection in inspections:
            responsible = (
                inspection.picking_id.user_id
                or inspector
                or inspection.company_id._dealer_department_head("warehouse")
                or self.env.user
            )
            inspection.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_lt("Inspect the goods of %s", inspection.picking_id.name),
                user_id=responsible.id,
            )
        return inspections.sudo(False)

    def _dealer_arrived_lines(self):
        """Done move lines of this transfer that brought goods into a
        pending-inspection area: what its acceptance inspects."""
        self.ensure_one()
        return self.move_line_ids.filtered(
            lambda line: line.state == "done"
            and line.quantity
            and line.location_dest_id.dealer_zone_type == "pending_inspection"
        )

    def _dealer_needs_receipt_inspection(self):
        """Whether this transfer's goods wait for acceptance: a receipt into
        pending inspection, or any transfer that brought a supplier's or a
        customer's goods there. Other addons that inspect their own arrivals
        (customer returns) say no here."""
        self.ensure_one()
        if (
            self.picking_type_code == "incoming"
            and self.location_dest_id.dealer_zone_type == "pending_inspection"
        ):
            return True
        return any(
            line.location_id.usage in ARRIVAL_USAGES
            for line in self._dealer_arrived_lines()
        )

    def _dealer_prepare_inspection_vals(self):
        self.ensure_one()
        lines = {}
        for move_line in self._dealer_arrived_lines():
            key = (move_line.product_id, move_line.lot_id)
            lines[key] = lines.get(
                key, 0.0
            ) + move_line.product_uom_id._compute_quantity(
                move_line.quantity, move_line.product_id.uom_id
            )
        return {
            "picking_id": self.id,
            "company_id": self.company_id.id,
            "line_ids": [
                fields.Command.create(
                    {
                        "product_id": product.id,
                        "lot_id": lot.id,
                        "qty_expected": quantity,
                    }
                )
                for (product, lot), quantity in lines.items()
            ],
        }

    def action_dealer_open_inspection(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.receipt.inspection",
            "res_id": self.dealer_inspection_ids[:1].id,
            "view_mode": "form",
        }
