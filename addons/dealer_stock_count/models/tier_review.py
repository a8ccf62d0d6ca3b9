# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

STOCKTAKE = "dealer.stocktake"


class TierReview(models.Model):
    """The reviews of a stocktake change only through the stocktake's own
    request, validate, reject and restart (STK-13): base_tier_validation lets
    every internal user write, create and delete reviews, which would let a
    requester approve in someone else's name. Reviews of other documents are
    left to their addons (issue 16 brings one mechanism for all)."""

    _inherit = "tier.review"

    def _dealer_stocktake_trusted(self):
        return self.env[STOCKTAKE]._dealer_is_trusted()

    def _dealer_refuse_stocktake_review(self):
        raise UserError(
            self.env._(
                "The reviews of a stocktake change only by requesting, approving "
                "or rejecting it (STK-13)."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._dealer_stocktake_trusted() and any(
            vals.get("model") == STOCKTAKE for vals in vals_list
        ):
            self._dealer_refuse_stocktake_review()
        return super().create(vals_list)

    def write(self, vals):
        if not self._dealer_stocktake_trusted():
            reviews = self.filtered(lambda review: review.model == STOCKTAKE)
            if vals.get("model") == STOCKTAKE:
                self._dealer_refuse_stocktake_review()
            if reviews:
                reviews._dealer_check_review_write(vals)
        return super().write(vals)

    def _dealer_check_review_write(self, vals):
        # Unchanged values pass (a form saving what it shows).
        changed = {
            fname
            for fname, value in vals.items()
            if any(
                review._fields[fname].convert_to_cache(value, review, validate=False)
                != review._fields[fname].convert_to_cache(
                    review[fname], review, validate=False
                )
                for review in self
            )
        }
        # base_tier_validation's own compute of can_review (run from its
        # counters, in the user's environment) writes that flag and moves a
        # waiting review to pending when its turn comes: that approves nothing.
        changed -= {"can_review"}
        if not changed:
            return
        if changed == {"status"} and vals["status"] == "pending":
            if all(review.status in ("waiting", "pending") for review in self):
                return
        if changed == {"comment"}:
            # The comment wizard writes the reviewer's comment before the
            # decision: a reviewer of the pending review who may approve it.
            for review in self:
                stocktake = self.env[STOCKTAKE].browse(review.res_id)
                if (
                    review.status not in ("waiting", "pending")
                    or self.env.user not in review.reviewer_ids
                ):
                    self._dealer_refuse_stocktake_review()
                stocktake._dealer_check_approver()
            return
        self._dealer_refuse_stocktake_review()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_dealer_stocktake(self):
        if not self._dealer_stocktake_trusted() and self.filtered(
            lambda review: review.model == STOCKTAKE
        ):
            self._dealer_refuse_stocktake_review()
