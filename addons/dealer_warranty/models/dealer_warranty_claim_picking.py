# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ASV-20: the transfers of a return / exchange request and the window it is made in
(dealer.warranty.claim)."""

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import has_words

_lt = LazyTranslate(__name__)


class DealerWarrantyClaim(models.Model):
    _inherit = "dealer.warranty.claim"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ helpers
    def _dealer_lock_state(self, states):
        """Re-read the state under a row lock: two users clicking at once must
        not both move the request on (DESIGN: concurrent users)."""
        self.flush_model(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT id, state FROM dealer_warranty_claim WHERE id IN %s FOR UPDATE",
                tuple(self.ids),
            )
        )
        wrong = [row for row in self.env.cr.fetchall() if row[1] not in states]
        if wrong:
            self.invalidate_recordset(["state"])
            raise UserError(
                self.env._(
                    "Request %(name)s was changed by someone else meanwhile; "
                    "reload it.",
                    name=self.browse(wrong[0][0]).name,
                )
            )

    def _dealer_check_window(self, kind):
        """Refuse outside the window unless a manager overrides with a reason."""
        self.ensure_one()
        result = self.env["dealer.warranty"].check_eligibility(
            lot=self.lot_id or None,
            product=self.product_id,
            partner=self.partner_id,
            date=self.request_date,
            claim_type=kind,
        )
        if result["eligible"]:
            return result
        allowed = self.company_id.dealer_warranty_allow_override
        manager = self.env.user.has_group("dealer_base.group_after_sales_manager")
        # sudo: the reason is a manager-only field; the requester check below
        # reads who took the request.
        reason = manager and self.sudo().override_reason
        requester = self.sudo().create_uid
        if allowed and manager and has_words(reason) and requester != self.env.user:
            # A recorded decision: who, when and why, in the chatter too
            # (issue 16); never by who took the request.
            decision = self._dealer_decide(
                "warranty_window",
                "ASV-19",
                self.env._(
                    "%(reason)s\n(%(check)s)", reason=reason, check=result["message"]
                ),
                authors=requester,
            )
            self._dealer_as_action().write(
                {
                    "override_user_id": decision.decided_by_id.id,
                    "override_date": decision.decided_on,
                }
            )
            return result
        if not allowed:
            hint = self.env._("Overrides are disabled in the settings.")
        elif manager and requester == self.env.user:
            hint = self.env._(
                "You took this request: another After-sales Manager decides "
                "whether to accept it outside its window."
            )
        elif manager and reason and not has_words(reason):
            hint = self.env._("The override reason must say why, in words.")
        else:
            hint = self.env._(
                "An After-sales Manager may accept it anyway by filling in the "
                "override reason."
            )
        raise UserError(
            self.env._(
                "Request %(name)s cannot be accepted (ASV-19): %(message)s %(hint)s",
                name=self.name,
                message=result["message"],
                hint=hint,
            )
        )

    def _dealer_warehouse(self):
        self.ensure_one()
        warehouse = self.warranty_id.picking_id.picking_type_id.warehouse_id
        warehouse = warehouse or self.env["stock.warehouse"].search(
            [("company_id", "=", self.company_id.id)], limit=1
        )
        if not (
            warehouse.dealer_pending_location_id
            and warehouse.dealer_nonconforming_location_id
        ):
            raise UserError(
                self.env._(
                    "Warehouse %(warehouse)s has no inspection zones: returned "
                    "units must wait in the pending-inspection area (ASV-20). "
                    "Enable them on the warehouse.",
                    warehouse=warehouse.display_name,
                )
            )
        return warehouse

    def _dealer_warehouse_contact(self, warehouse):
        """Who hears of the claim in the warehouse (ASV-21): its head."""
        return (
            self.company_id._dealer_department_head("warehouse")
            or self.user_id
            or self.env.user
        )

    def _dealer_picking_values(self, picking_type, source, destination):
        self.ensure_one()
        return {
            "picking_type_id": picking_type.id,
            "partner_id": self.partner_id.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "dealer_warranty_claim_id": self.id,
            "move_ids": [
                fields.Command.create(
                    {
                        "name": self.product_id.display_name,
                        "product_id": self.product_id.id,
                        "product_uom_qty": self.quantity,
                        "product_uom": self.product_id.uom_id.id,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                        "company_id": self.company_id.id,
                    }
                )
            ],
        }

    def _dealer_set_lot(self, picking):
        """The claimed serial, not any unit of the product, moves."""
        self.ensure_one()
        if not self.lot_id:
            return
        for move in picking.move_ids:
            move.move_line_ids.unlink()
            self.env["stock.move.line"].create(
                {
                    "move_id": move.id,
                    "picking_id": picking.id,
                    "product_id": move.product_id.id,
                    "product_uom_id": move.product_uom.id,
                    "lot_id": self.lot_id.id,
                    "quantity": move.product_uom_qty,
                    "location_id": move.location_id.id,
                    "location_dest_id": move.location_dest_id.id,
                }
            )

    def _dealer_new_picking(self, picking_type, source, destination, lot=True):
        # The link to the request is governed on transfers (it exempts them
        # from the supplier receipt acceptance): set by this action only.
        picking = (
            self.env["stock.picking"]
            ._dealer_as_action()
            .create(self._dealer_picking_values(picking_type, source, destination))
            .with_env(self.env)
        )
        picking.action_confirm()
        if lot and self.lot_id:
            self._dealer_set_lot(picking)
        else:
            picking.action_assign()
        picking.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_lt("Request %s: process this transfer", self.name),
            user_id=self._dealer_warehouse_contact(
                picking.picking_type_id.warehouse_id
            ).id,
        )
        return picking

    def _dealer_create_return_picking(self):
        """The unit comes back into the pending-inspection area (ASV-20)."""
        self.ensure_one()
        warehouse = self._dealer_warehouse()
        pending = warehouse.dealer_pending_location_id
        delivery = self.warranty_id.move_id.picking_id
        if delivery and delivery.state == "done":
            wizard = self.env["stock.return.picking"].create(
                {"picking_id": delivery.id}
            )
            for line in wizard.product_return_moves:
                line.quantity = (
                    self.quantity if line.move_id == self.warranty_id.move_id else 0.0
                )
            picking = wizard._create_return()
            picking._dealer_as_action().write(
                {"location_dest_id": pending.id, "dealer_warranty_claim_id": self.id}
            )
            # Delivered quantities change only once a refund is decided, not
            # when a unit merely comes back for inspection.
            picking.move_ids.write({"location_dest_id": pending.id, "to_refund": False})
        else:
            picking = (
                self.env["stock.picking"]
                ._dealer_as_action()
                .create(
                    self._dealer_picking_values(
                        warehouse.in_type_id,
                        self.env.ref("stock.stock_location_customers"),
                        pending,
                    )
                )
                .with_env(self.env)
            )
            picking.action_confirm()
        self._dealer_set_lot(picking)
        return picking
