# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ASV-25, ASV-08, ASV-09, ASV-26, ASV-27: a repair is done with its record, then
followed up (repair.order)."""

from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import has_words, policy_records

_lt = LazyTranslate(__name__)


class RepairOrder(models.Model):
    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ done
    def _dealer_check_repair_record(self):
        """ASV-25, ASV-08, ASV-09, ASV-26 before a repair may be done."""
        _ = self.env._
        for repair in self:
            missing = []
            if not has_words(repair.dealer_fault_cause):
                missing.append(_("Fault cause"))
            if not has_words(repair.dealer_repair_method):
                missing.append(_("Repair method"))
            if repair.dealer_repair_hours <= 0:
                missing.append(_("Repair time (hours)"))
            if missing:
                raise UserError(
                    _(
                        "Repair %(name)s: fill in %(fields)s before it is done "
                        "(ASV-25).",
                        name=repair.name,
                        fields=", ".join(missing),
                    )
                )
            if not repair.dealer_test_passed:
                raise UserError(
                    _(
                        "Repair %(name)s: the repaired product must pass its full "
                        "test before it is done (ASV-09).",
                        name=repair.name,
                    )
                )
            parts = repair.move_ids.filtered(
                lambda m: m.repair_line_type == "add" and m.state != "cancel"
            )
            for move in parts.filtered(lambda m: m.product_id.tracking != "none"):
                lines = move.move_line_ids.filtered("quantity")
                if move.quantity and (not lines or any(not ln.lot_id for ln in lines)):
                    raise UserError(
                        _(
                            "Repair %(name)s: part %(part)s is tracked; give the "
                            "lot/serial of each part used so the repair can be "
                            "traced (ASV-08).",
                            name=repair.name,
                            part=move.product_id.display_name,
                        )
                    )
            held = parts.move_line_ids.location_id.filtered(
                lambda loc: loc.dealer_zone_type
                in ("pending_inspection", "non_conforming")
            )
            if held:
                raise UserError(
                    _(
                        "Repair %(name)s: parts come from accepted stock, not from "
                        "%(location)s (ASV-26).",
                        name=repair.name,
                        location=held[0].display_name,
                    )
                )

    def action_repair_done(self):
        # A company off the manual repairs as in Odoo (issue 18).
        governed = policy_records(self)
        governed._dealer_check_repair_record()
        res = super().action_repair_done()
        governed._dealer_after_repair()
        return res

    def _dealer_after_repair(self):
        """ASV-27, ASV-10: tell the customer and plan the return visit."""
        template = self.env.ref("dealer_warranty.mail_template_repair_done")
        today = fields.Date.context_today(self)
        for repair in self.filtered(lambda r: r.state == "done"):
            delay = repair.company_id.dealer_repair_followup_days
            repair._dealer_as_action().write(
                {"dealer_followup_date": today + timedelta(days=delay)}
            )
            if repair.partner_id.email:
                repair.message_post_with_source(
                    template, subtype_xmlid="mail.mt_comment"
                )
            else:
                repair.message_post(
                    body=self.env._(
                        "%(customer)s has no email address: tell them by phone "
                        "that the repair is done.",
                        customer=repair.partner_id.display_name,
                    )
                )
            repair.activity_schedule(
                "dealer_warranty.mail_activity_type_repair_followup",
                date_deadline=repair.dealer_followup_date,
                user_id=(repair.user_id or self.env.user).id,
            )
            if repair.dealer_warranty_claim_id:
                repair.dealer_warranty_claim_id.sudo()._dealer_on_repaired()

    def action_dealer_record_followup(self):
        """Record the outcome of the return visit (ASV-27)."""
        self.check_access("write")
        for repair in self:
            if repair.state != "done":
                raise UserError(
                    self.env._(
                        "Repair %(name)s: the follow-up comes after the repair "
                        "is done.",
                        name=repair.name,
                    )
                )
            if not repair.dealer_followup_result:
                raise UserError(
                    self.env._(
                        "Repair %(name)s: record whether the customer is satisfied "
                        "(ASV-27).",
                        name=repair.name,
                    )
                )
            if repair.dealer_followup_done_by_id:
                raise UserError(
                    self.env._(
                        "Repair %(name)s: the follow-up was recorded by %(user)s "
                        "(ASV-27).",
                        name=repair.name,
                        user=repair.dealer_followup_done_by_id.name,
                    )
                )
            repair._dealer_as_action().write(
                {"dealer_followup_done_by_id": self.env.user.id}
            )
            labels = dict(
                self._fields["dealer_followup_result"]._description_selection(self.env)
            )
            feedback = labels[repair.dealer_followup_result]
            if repair.dealer_followup_comment:
                feedback = f"{feedback}: {repair.dealer_followup_comment}"
            repair.activity_feedback(
                ["dealer_warranty.mail_activity_type_repair_followup"],
                feedback=feedback,
            )
            if repair.dealer_followup_result == "unsatisfied":
                head = repair.company_id._dealer_department_head("after_sales")
                repair.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_lt("Customer not satisfied with the repair"),
                    note=repair.dealer_followup_comment,
                    user_id=(head or self.env.user).id,
                )
        return True
