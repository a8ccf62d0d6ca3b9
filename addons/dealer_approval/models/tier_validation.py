# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from ..tools import as_review_step


class TierValidation(models.AbstractModel):
    """Tier validation's own steps are the only ones allowed to change reviews
    (see tier.review): each runs as a review step. This covers every document
    that uses tier validation, ours and those of other addons."""

    _inherit = "tier.validation"

    def request_validation(self):
        return super(TierValidation, as_review_step(self)).request_validation()

    def _validate_tier(self, tiers=False):
        tiers = tiers and as_review_step(tiers)
        return super(TierValidation, as_review_step(self))._validate_tier(tiers)

    def _rejected_tier(self, tiers=False):
        tiers = tiers and as_review_step(tiers)
        return super(TierValidation, as_review_step(self))._rejected_tier(tiers)

    def restart_validation(self):
        return super(TierValidation, as_review_step(self)).restart_validation()

    def _tier_validation_check_write_remove_reviews(self, vals):
        step = as_review_step(self)
        return super(TierValidation, step)._tier_validation_check_write_remove_reviews(
            vals
        )

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
        return super().unlink()
