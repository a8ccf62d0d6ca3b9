# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SAL-03: the technical review of a solution quotation (sale.order)."""

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import has_words, policy_records

from .sale_order import QUOTATION_STATES, TECHNICAL_ASKED


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ SAL-03
    def _dealer_check_solution_flag(self, value):
        for order in self:
            if order.dealer_is_solution == bool(value):
                continue
            if (
                order.state not in QUOTATION_STATES
                or order.dealer_technical_state in TECHNICAL_ASKED
            ):
                raise UserError(
                    self.env._(
                        "%s: a quotation is flagged as a solution, or not, before "
                        "Technical is asked to review it and before it is "
                        "confirmed (SAL-03).",
                        order.name,
                    )
                )

    def _dealer_check_technical_comment(self, value):
        for order in self:
            if (order.dealer_technical_comment or "") == (value or ""):
                continue
            if order.dealer_technical_state != "requested":
                raise UserError(
                    self.env._(
                        "%s: Technical comments are written while its review is "
                        "requested, and kept with the decision (SAL-03).",
                        order.name,
                    )
                )
            order._dealer_check_technical_reviewer()

    def _dealer_check_technical_reviewer(self):
        """SAL-03: a Technical user decides, never who asked for the review nor
        the order's salesperson, even when they are Technical too."""
        self.ensure_one()
        user = self.env.user
        if not user.has_group("dealer_base.group_technical_user"):
            raise UserError(
                self.env._("Only the Technical department reviews solutions (SAL-03).")
            )
        if user in (self.dealer_technical_requester_id | self.user_id):
            raise UserError(
                self.env._(
                    "%s: you asked for this review or sell this solution; another "
                    "Technical reviewer decides (SAL-03).",
                    self.name,
                )
            )

    def action_dealer_request_technical_review(self):
        for order in self:
            if (
                order.state not in QUOTATION_STATES
                or order.dealer_technical_state not in ("draft", "rejected")
            ):
                raise UserError(
                    self.env._("%s is not waiting for a technical review.", order.name)
                )
            order._dealer_as_action().write(
                {
                    "dealer_technical_state": "requested",
                    "dealer_technical_requester_id": self.env.user.id,
                    "dealer_technical_reviewer_id": False,
                    "dealer_technical_date": False,
                    # The last decision and its comments are in the chatter.
                    "dealer_technical_comment": False,
                }
            )
            reviewer = order.company_id._dealer_department_head("technical")
            order.activity_schedule(
                "dealer_sale.mail_activity_type_technical_review",
                user_id=(reviewer or self.env.user).id,
            )
        return True

    def _dealer_technical_decision(self, state):
        if not self.env.user.has_group("dealer_base.group_technical_user"):
            raise UserError(
                self.env._("Only the Technical department reviews solutions (SAL-03).")
            )
        for order in self:
            if (
                order.state not in QUOTATION_STATES
                or order.dealer_technical_state != "requested"
            ):
                raise UserError(
                    self.env._("%s has no technical review requested.", order.name)
                )
            order._dealer_check_technical_reviewer()
            if not has_words(order.dealer_technical_comment):
                raise UserError(
                    self.env._(
                        "%s: write the technical comments first (SAL-03).", order.name
                    )
                )
            # Who decided, when and why: the suite's recorded decision, in the
            # chatter too (SAL-03, issue 16).
            decision = order._dealer_decide(
                "technical_review",
                "SAL-03",
                order.dealer_technical_comment,
                outcome=state,
                authors=order.dealer_technical_requester_id | order.user_id,
            )
            order._dealer_as_action().write(
                {
                    "dealer_technical_state": state,
                    "dealer_technical_reviewer_id": decision.decided_by_id.id,
                    "dealer_technical_date": decision.decided_on,
                }
            )
            order.activity_feedback(
                ["dealer_sale.mail_activity_type_technical_review"],
                feedback=order.dealer_technical_comment,
            )
        return True

    def action_dealer_technical_approve(self):
        return self._dealer_technical_decision("approved")

    def action_dealer_technical_reject(self):
        return self._dealer_technical_decision("rejected")

    def _dealer_check_technical_review(self):
        pending = self.filtered(
            lambda o: o.dealer_is_solution and o.dealer_technical_state != "approved"
        )
        if pending:
            raise UserError(
                self.env._(
                    "%s is a solution quotation: Technical must approve it before "
                    "it is sent or confirmed (SAL-03).",
                    pending[0].name,
                )
            )

    def _dealer_quotation_changed(self):
        """The lines of an approved solution changed: Technical reviews it
        again before it is sent or confirmed (SAL-03)."""
        changed = policy_records(self).filtered(
            lambda o: o.state in QUOTATION_STATES
            and o.dealer_is_solution
            and o.dealer_technical_state == "approved"
        )
        if not changed:
            return
        changed._dealer_as_action().write({"dealer_technical_state": "draft"})
        for order in changed:
            order.message_post(
                body=self.env._(
                    "The solution changed after Technical approved it: request "
                    "its technical review again (SAL-03)."
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _dealer_check_lines_editable(self):
        """SAL-09, SAL-25: what is under contract review, or was reviewed, is
        what gets confirmed; restart the review to change it."""
        if self._dealer_is_system():
            return
        locked = policy_records(self).filtered(
            lambda o: o.state in QUOTATION_STATES and o.review_ids
        )
        if locked:
            raise UserError(
                self.env._(
                    "%s is under contract review: its lines change only after the "
                    "review is restarted (SAL-09).",
                    locked[0].name,
                )
            )

    def action_quotation_send(self):
        policy_records(self)._dealer_check_technical_review()
        return super().action_quotation_send()

    def action_quotation_sent(self):
        policy_records(self)._dealer_check_technical_review()
        return super().action_quotation_sent()
