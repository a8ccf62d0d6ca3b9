# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ASV-20: the steps of a return / exchange request (confirm, inspect, cancel) and
navigation (dealer.warranty.claim)."""

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import has_words

_lt = LazyTranslate(__name__)


class DealerWarrantyClaim(models.Model):
    _inherit = "dealer.warranty.claim"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ actions
    def _dealer_check_after_sales(self):
        """ASV-20: After-sales accepts and inspects requests; Sales takes them."""
        self.check_access("write")
        if not (
            self.env.su or self.env.user.has_group("dealer_base.group_after_sales_user")
        ):
            raise UserError(
                self.env._(
                    "After-sales accepts and inspects return and exchange "
                    "requests (ASV-20)."
                )
            )

    def action_confirm(self):
        """Accept the request: check the window, then expect the unit back."""
        self._dealer_check_after_sales()
        self._dealer_lock_state(["draft"])
        for claim in self:
            claim._dealer_check_window(claim.claim_type)
            picking = claim._dealer_create_return_picking()
            claim._dealer_as_action().write(
                {"state": "to_receive", "return_picking_id": picking.id}
            )
        return True

    def _dealer_on_returned(self):
        """The unit is in the pending-inspection area: inspect it (ASV-20)."""
        for claim in self.filtered(lambda c: c.state == "to_receive"):
            claim._dealer_as_action().write({"state": "to_inspect"})
            claim.activity_schedule(
                "dealer_warranty.mail_activity_type_claim_inspection",
                user_id=(claim.user_id or self.env.user).id,
            )

    def _dealer_check_inspection(self):
        for claim in self:
            if not has_words(claim.inspection_note):
                raise UserError(
                    self.env._(
                        "Request %(name)s: write the inspection findings first "
                        "(ASV-20).",
                        name=claim.name,
                    )
                )

    def action_quality_confirmed(self):
        """Inspection confirmed a quality problem: apply the outcome (ASV-20)."""
        self._dealer_check_after_sales()
        self._dealer_lock_state(["to_inspect"])
        self._dealer_check_inspection()
        for claim in self:
            if not claim.resolution:
                raise UserError(
                    self.env._("Request %(name)s: choose the outcome.", name=claim.name)
                )
            claim._dealer_check_window(claim.resolution)
            claim._dealer_as_action().write(
                {
                    "state": "processing",
                    "inspected_by_id": self.env.user.id,
                    "inspected_on": fields.Datetime.now(),
                }
            )
            getattr(claim, f"_dealer_resolve_{claim.resolution}")()
            claim._dealer_inform_sales()
            claim.activity_feedback(
                ["dealer_warranty.mail_activity_type_claim_inspection"],
                feedback=claim.inspection_note,
            )
        return True

    def action_no_quality_problem(self):
        """No fault found: the request is refused and the unit goes back."""
        self._dealer_check_after_sales()
        self._dealer_lock_state(["to_inspect"])
        self._dealer_check_inspection()
        for claim in self:
            claim._dealer_as_action().write(
                {
                    "state": "rejected",
                    "inspected_by_id": self.env.user.id,
                    "inspected_on": fields.Datetime.now(),
                }
            )
            claim._dealer_ship_back()
            claim._dealer_inform_sales()
            claim.activity_feedback(
                ["dealer_warranty.mail_activity_type_claim_inspection"],
                feedback=claim.inspection_note,
            )
        return True

    def action_cancel(self):
        """Cancel, keeping the request with who and why (ASV-19)."""
        self.check_access("write")
        self._dealer_lock_state(["draft", "to_receive"])
        for claim in self:
            if not has_words(claim.cancel_reason):
                raise UserError(
                    self.env._(
                        "Request %(name)s: write in words why it is cancelled "
                        "first (Cancellation reason).",
                        name=claim.name,
                    )
                )
        self.return_picking_id.filtered(lambda p: p.state != "done").action_cancel()
        self._dealer_as_action().write(
            {
                "state": "cancel",
                "cancel_user_id": self.env.user.id,
                "cancel_date": fields.Datetime.now(),
            }
        )
        for claim in self:
            claim.message_post(
                body=self.env._(
                    "Cancelled by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=claim.cancel_reason,
                )
            )
        return True

    def action_draft(self):
        """Take a cancelled request up again; its cancellation stays in the
        chatter."""
        self.check_access("write")
        self._dealer_lock_state(["cancel"])
        self._dealer_as_action().write(
            {
                "state": "draft",
                "return_picking_id": False,
                "cancel_reason": False,
                "cancel_user_id": False,
                "cancel_date": False,
            }
        )
        return True

    # ------------------------------------------------------------------ navigation
    def action_view_pickings(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock.action_picking_tree_all"
        )
        action["domain"] = [("dealer_warranty_claim_id", "in", self.ids)]
        action["context"] = {"create": False}
        if len(self.picking_ids) == 1:
            action.update(
                views=[(False, "form")], view_mode="form", res_id=self.picking_ids.id
            )
        return action

    def action_view_repair(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "res_id": self.repair_id.id,
            "view_mode": "form",
        }
