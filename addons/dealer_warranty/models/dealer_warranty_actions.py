# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What is done to a warranty: void, transfer to a replacement unit, expiry, navigation
(dealer.warranty)."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import has_words

from .dealer_warranty import SNAPSHOT_FIELDS


class DealerWarranty(models.Model):
    _inherit = "dealer.warranty"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ actions
    def _dealer_void(self, reason):
        """Void, keeping who, when and why (ASV-22). Callers have decided the
        unit is no longer covered (a refund, a return, an exchange)."""
        self._dealer_as_action().filtered(lambda w: w.state != "void").write(
            {
                "state": "void",
                "void_reason": reason,
                "void_user_id": self.env.user.id,
                "void_date": fields.Datetime.now(),
            }
        )

    def action_void(self):
        """Void by hand: an After-sales Manager, with the reason in its field."""
        if not self.env.user.has_group("dealer_base.group_after_sales_manager"):
            raise UserError(
                self.env._("Only an After-sales Manager voids warranties (ASV-22).")
            )
        self.check_access("write")
        for warranty in self:
            if not has_words(warranty.void_reason):
                raise UserError(
                    self.env._(
                        "Warranty %(name)s: write the void reason first, in words "
                        "(ASV-22).",
                        name=warranty.name,
                    )
                )
        for warranty in self.filtered(lambda w: w.state != "void"):
            warranty._dealer_void(warranty.void_reason)
        return True

    def _dealer_transfer_to(self, move_line, claim):
        """An exchanged unit: void this warranty, give the replacement one."""
        self.ensure_one()
        delivery_date = fields.Date.context_today(
            self, timestamp=move_line.move_id.date or fields.Datetime.now()
        )
        values = {name: self[name] for name in SNAPSHOT_FIELDS}
        values = self._convert_to_write(values)
        if self.replacement_period == "fresh":
            values.update(self._dealer_compute_dates(delivery_date, values))
        else:
            values.update(
                delivery_date=delivery_date,
                start_date=delivery_date,
                end_date=max(self.end_date, delivery_date),
            )
        values.update(
            lot_id=move_line.lot_id.id,
            product_id=move_line.product_id.id,
            quantity=self.quantity,
            is_serial=move_line.product_id.tracking == "serial",
            company_id=self.company_id.id,
            sale_order_id=self.sale_order_id.id,
            sale_line_id=self.sale_line_id.id,
            picking_id=move_line.picking_id.id,
            move_id=move_line.move_id.id,
            replaces_id=self.id,
        )
        # The warehouse user validating the replacement delivery moves the
        # warranty over; After-sales alone may otherwise change warranties.
        self.sudo()._dealer_void(self.env._("Exchanged under claim %s", claim.name))
        new = self.sudo().create(values)
        self.sudo().write({"replaced_by_id": new.id})
        new.message_post_with_source(
            "mail.message_origin_link",
            render_values={"self": new, "origin": claim},
            subtype_xmlid="mail.mt_note",
        )
        return new.sudo(False)

    @api.model
    def _cron_expire(self):
        """Flip ended warranties to expired; safe to run twice."""
        today = fields.Date.context_today(self)
        ended = self.search([("state", "=", "active"), ("end_date", "<", today)])
        ended._dealer_as_action().write({"state": "expired"})
        return True

    def action_view_claims(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_warranty.dealer_warranty_claim_action"
        )
        action["domain"] = [("warranty_id", "in", self.ids)]
        action["context"] = {"default_warranty_id": self[:1].id}
        return action

    def action_view_repairs(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair.action_repair_order_tree"
        )
        action["domain"] = [("dealer_warranty_id", "in", self.ids)]
        return action

    def action_print_card(self):
        return self.env.ref(
            "dealer_warranty.action_report_warranty_card"
        ).report_action(self)
