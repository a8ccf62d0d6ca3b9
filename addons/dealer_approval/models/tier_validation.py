# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import fields, models

from odoo.addons.dealer_base.tools import GOVERNED_KEY, GOVERNED_TOKEN

from ..tools import as_review_step, is_review_step


class TierValidation(models.AbstractModel):
    """For every document that uses tier validation (ours, and the orders of
    sale_tier_validation and purchase_tier_validation):

    - tier validation's own steps are the only ones allowed to change reviews
      (see tier.review): each runs as a review step;
    - the author (who requested validation, and whoever
      ``_dealer_approval_authors`` adds: the counter of a stocktake, the
      preparer of a plan) never approves a tier: prepared, reviewed and
      approved by different people (ADM-25);
    - every decision is kept on its review (who, when, comment) and posted in
      the chatter.
    """

    _inherit = "tier.validation"

    # The manual's rule a document's approval carries out, named in refusals.
    _dealer_approval_rule = None

    def request_validation(self):
        return super(TierValidation, as_review_step(self)).request_validation()

    def _validate_tier(self, tiers=False):
        self._dealer_check_author_not_approving(tiers)
        before = self._dealer_open_reviews(tiers)
        tiers = tiers and as_review_step(tiers)
        res = super(TierValidation, as_review_step(self))._validate_tier(tiers)
        self._dealer_post_decisions(before, "approved")
        return res

    def _rejected_tier(self, tiers=False):
        # An author neither approves nor rejects: another reviewer decides.
        self._dealer_check_author_not_approving(tiers)
        before = self._dealer_open_reviews(tiers)
        tiers = tiers and as_review_step(tiers)
        res = super(TierValidation, as_review_step(self))._rejected_tier(tiers)
        self._dealer_post_decisions(before, "rejected")
        return res

    def restart_validation(self):
        # A restart sets the reviews aside: only someone who may edit the
        # document does it, and it is in the chatter. The decisions it sets
        # aside stay in the chatter and in dealer.decision (ADM-25).
        self.check_access("write")
        restarted = self.filtered(
            lambda rec: rec.review_ids and rec[self._state_field] in self._state_from
        )
        res = super(TierValidation, as_review_step(self)).restart_validation()
        if restarted and hasattr(self, "_message_log_batch"):
            body = self.env._(
                "Validation restarted: the earlier decisions stay in this history."
            )
            restarted.sudo()._message_log_batch(
                bodies=dict.fromkeys(restarted.ids, Markup("<p>%s</p>") % body),
                author_id=self.env.user.partner_id.id,
            )
        return res

    def _tier_validation_check_write_remove_reviews(self, vals):
        step = as_review_step(self)
        return super(TierValidation, step)._tier_validation_check_write_remove_reviews(
            vals
        )

    def _tier_validation_check_write_allowed(self, vals):
        # base_tier_validation skips its "no edits under validation" check for
        # a context key any caller can send: only server steps may skip it.
        trusted = is_review_step(self.env) or (
            self.env.context.get(GOVERNED_KEY) is GOVERNED_TOKEN
        )
        if self.env.context.get("skip_validation_check") and not trusted:
            self = self.with_context(skip_validation_check=False)
        return super()._tier_validation_check_write_allowed(vals)

    def _tier_validation_check_state_on_write(self, vals):
        step = as_review_step(self)
        return super(TierValidation, step)._tier_validation_check_state_on_write(vals)

    def _update_counter(self, review_counter):
        return super(TierValidation, as_review_step(self))._update_counter(
            review_counter
        )

    def unlink(self):
        # The document's reviews go with it (base_tier_validation removes them).
        as_review_step(self.review_ids).unlink()
        return super(TierValidation, as_review_step(self)).unlink()

    # ------------------------------------------------------------------ authors
    def _dealer_approval_authors(self):
        """Users who may not approve this document: who requested its
        validation. Documents add whoever prepared or counted it."""
        self.ensure_one()
        return self.review_ids.requested_by

    def _dealer_check_author_not_approving(self, tiers, pressed=False):
        """``pressed``: the user pressed Validate, which an author never may;
        otherwise (a state write validating on the way) only when the user
        would decide a review."""
        user = self.env.user
        deciding = pressed or (tiers or self.review_ids).filtered(
            lambda review: review.status in ("waiting", "pending")
            and user in review.reviewer_ids
        )
        if deciding and user in self._dealer_approval_authors():
            self.env["dealer.decision"]._dealer_refuse_author(
                user, self, self._dealer_approval_rule or "ADM-25"
            )

    def _dealer_open_reviews(self, tiers):
        return (tiers or self.review_ids).filtered(
            lambda review: review.status in ("waiting", "pending")
        )

    def _dealer_post_decisions(self, reviews, status):
        """Each decision in the chatter: which tier, who, when and the comment
        (the review keeps the same). base_tier_validation posts only where a
        definition asks to notify."""
        decided = reviews.filtered(lambda review: review.status == status)
        if not decided or not hasattr(self, "_message_log"):
            return
        label = (
            self.env._("Approved") if status == "approved" else self.env._("Rejected")
        )
        lines = Markup("").join(
            Markup("<li>%s: %s, %s%s</li>")
            % (
                escape(review.name or ""),
                escape(review.done_by.name or ""),
                escape(review.reviewed_formated_date or ""),
                Markup(" (%s)") % review.comment if review.comment else "",
            )
            for review in decided
        )
        # sudo: the decision is the document's history; the reviewer may only
        # read the document. Logged, not sent: a reviewer needs no email address.
        self.sudo()._message_log(
            body=Markup("<p>%s</p><ul>%s</ul>") % (label, lines),
            author_id=self.env.user.partner_id.id,
        )
        self._dealer_record_review_decisions(decided, status)

    def _dealer_record_review_decisions(self, reviews, status):
        """The suite's one record of decisions (dealer.decision) holds the tier
        decisions too, beside the manual's other recorded decisions."""
        company = "company_id" in self._fields and self.company_id
        self.env["dealer.decision"]._dealer_create(
            [
                {
                    "company_id": (company or self.env.company).id,
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": self.id,
                    "document_name": self.display_name,
                    "kind": "approval",
                    "outcome": status,
                    "rule": self._dealer_approval_rule or "ADM-25",
                    "reason": review.comment or review.name or False,
                    "requested_by_id": review.requested_by.id,
                    "decided_by_id": (review.done_by or self.env.user).id,
                    "decided_on": review.reviewed_date or fields.Datetime.now(),
                }
                for review in reviews
            ]
        )

    # ------------------------------------------------------------------ words
    # base_tier_validation builds these texts with its own translations, which
    # have no Chinese for them; Odoo reads a module's code translations only
    # from that module. The same English, said here, is translated by ours
    # (issue 19: the approval bar department heads press is in their language).
    def _compute_next_review(self):
        for rec in self:
            review = rec.review_ids.sorted("sequence").filtered(
                lambda x: x.status == "pending"
            )[:1]
            rec.next_review = review and self.env._("Next: %s", review.name or "")

    def _get_to_validate_message(self):
        return Markup('<i class="fa fa-info-circle"></i> %s') % self.env._(
            "This %s needs to be validated", self._get_to_validate_message_name()
        )

    def _notify_accepted_reviews_body(self):
        comment = self._dealer_own_comment()
        if comment:
            return self.env._("A review was accepted. (%s)", comment)
        return self.env._("A review was accepted")

    def _notify_rejected_review_body(self):
        comment = self._dealer_own_comment()
        if comment:
            return self.env._(
                "A review was rejected by %(user)s. (%(comment)s)",
                user=self.env.user.name,
                comment=comment,
            )
        return self.env._("A review was rejected by %s.", self.env.user.name)

    def _notify_created_review_body(self):
        return self.env._(
            "A record to be reviewed has been created by %s.", self.env.user.name
        )

    def _notify_requested_review_body(self):
        return self.env._("A review has been requested by %s.", self.env.user.name)

    def _notify_restarted_review_body(self):
        return self.env._("The review has been reset by %s.", self.env.user.name)

    def _dealer_own_comment(self):
        reviews = self.review_ids.filtered(
            lambda r: self.env.user in r.reviewer_ids and r.comment
        )
        return reviews[:1].comment
