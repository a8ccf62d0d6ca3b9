# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one approval mechanism of the dealer addons (DESIGN: dealer_approval).

A document inherits ``dealer.approval.mixin`` instead of ``tier.validation``
and sets tier validation's class attributes (``_state_from``, ``_state_to``,
``_cancel_state``...) and ``_dealer_approval_rule`` (the manual's rule ID).
It gets, once for the whole suite:

- the author (who requested validation, and whoever ``_dealer_approval_authors``
  adds: the counter of a stocktake, the preparer of a plan) never approves a tier;
- the state field and every field a tier definition reads its reviewers from
  are governed (dealer_base's guard): only the document's actions change them;
- the document never reaches an approved state from outside ``_state_from``
  (a cancelled document is not approved), whatever the route;
- every decision is kept on its review (who, when, comment) and posted in the
  chatter;
- its tier definitions can be made (no glue in each addon).
"""

from markupsafe import Markup, escape

from odoo import api, models
from odoo.exceptions import UserError


class DealerApprovalMixin(models.AbstractModel):
    _name = "dealer.approval.mixin"
    _inherit = ["tier.validation", "dealer.governed.mixin"]
    _description = "Dealer approval (tier validation with the manual's safeguards)"

    _dealer_approval_rule = None

    # ------------------------------------------------------------------ authors
    def _dealer_approval_authors(self):
        """Users who may not approve this document: who requested its
        validation. Documents add whoever prepared or counted it."""
        self.ensure_one()
        return self.review_ids.requested_by

    def _dealer_check_author_not_approving(self, tiers):
        user = self.env.user
        deciding = (tiers or self.review_ids).filtered(
            lambda review: review.status in ("waiting", "pending")
            and user in review.reviewer_ids
        )
        if deciding and user in self._dealer_approval_authors():
            raise UserError(
                self.env._(
                    "%(user)s prepared or requested %(document)s and cannot approve "
                    "it (rule %(rule)s): another reviewer decides.",
                    user=user.name,
                    document=self.display_name,
                    rule=self._dealer_approval_rule,
                )
            )

    # ------------------------------------------------------------------ guard
    @api.model
    def _dealer_governed_fields(self):
        governed = super()._dealer_governed_fields()
        rule = self._dealer_approval_rule or "ORG-01"
        names = {self._state_field}
        names.update(self.env["tier.definition"]._dealer_reviewer_fields(self._name))
        for name in names:
            if name in self._fields:
                governed.setdefault(name, rule)
        return governed

    def write(self, vals):
        # The guard speaks first: tier validation's own write checks would
        # refuse a forged state too, without naming the rule.
        self._dealer_check_governed_write(vals)
        target = vals.get(self._state_field)
        if target in self._state_to:
            wrong = self.filtered(
                lambda rec: rec[self._state_field]
                not in self._state_from + self._state_to
            )
            if wrong:
                raise UserError(
                    self.env._(
                        "%(document)s is %(state)s: only a document waiting for "
                        "approval can be approved (rule %(rule)s).",
                        document=wrong[0].display_name,
                        state=dict(
                            self._fields[self._state_field]._description_selection(
                                self.env
                            )
                        ).get(wrong[0][self._state_field]),
                        rule=self._dealer_approval_rule,
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------ steps
    def _validate_tier(self, tiers=False):
        self._dealer_check_author_not_approving(tiers)
        before = self._dealer_open_reviews(tiers)
        res = super()._validate_tier(tiers)
        self._dealer_post_decisions(before, "approved")
        return res

    def _rejected_tier(self, tiers=False):
        before = self._dealer_open_reviews(tiers)
        res = super()._rejected_tier(tiers)
        self._dealer_post_decisions(before, "rejected")
        return res

    def _dealer_open_reviews(self, tiers):
        return (tiers or self.review_ids).filtered(
            lambda review: review.status in ("waiting", "pending")
        )

    def _dealer_post_decisions(self, reviews, status):
        """Each decision in the chatter: which tier, who, when and the comment
        (the review keeps the same). base_tier_validation posts only where a
        definition asks to notify."""
        decided = reviews.filtered(lambda review: review.status == status)
        if not decided or not hasattr(self, "message_post"):
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
        # read the document, and posting a note needs no further right.
        self.sudo().message_post(
            body=Markup("<p>%s</p><ul>%s</ul>") % (label, lines),
            subtype_xmlid="mail.mt_note",
            author_id=self.env.user.partner_id.id,
        )
