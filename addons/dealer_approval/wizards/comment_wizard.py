# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from ..tools import as_review_step


class CommentWizard(models.TransientModel):
    """The comment goes only on the reviews the user is deciding: the wizard's
    review list comes from the caller, who could name anyone's reviews."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        # Only the reviews whose turn came (approve_sequence: an earlier tier
        # decides first), as the Validate and Reject buttons choose them.
        document = self.env[self.res_model].browse(self.res_id)
        sequences = document._get_sequences_to_approve(self.env.user)
        validating = self.validate_reject == "validate"
        mine = self.review_ids.filtered(
            lambda review: review.status in ("waiting", "pending")
            and self.env.user in review.reviewer_ids
            and review.model == self.res_model
            and review.res_id == self.res_id
            and (
                review.sequence in sequences
                or (validating and review.approve_sequence_bypass)
            )
        )
        self.review_ids = mine
        return super(CommentWizard, as_review_step(self)).add_comment()
