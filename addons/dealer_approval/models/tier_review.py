# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import is_review_step


class TierReview(models.Model):
    """base_tier_validation lets every internal user create, write and delete
    reviews (its ACL), so a requester could approve in someone else's name. Here
    reviews change only through tier validation's own steps (request, validate,
    reject, restart), which approve for the reviewers the definition names."""

    _inherit = "tier.review"

    def _dealer_check_review_step(self, models=()):
        if is_review_step(self.env) or not (self or models):
            return
        rules = sorted(
            {
                self.env[model]._dealer_approval_rule or "ADM-25"
                for model in set(self.mapped("model")) | set(models)
                if model in self.env
            }
        )
        raise AccessError(
            self.env._(
                "Reviews are created, decided and removed only by requesting, "
                "validating, rejecting or restarting the validation of their "
                "document (rule %(rules)s).",
                rules=", ".join(rules) or "ADM-25",
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._dealer_check_review_step([vals.get("model") for vals in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        # A waiting review turning pending (its turn came; base_tier_validation
        # does it from computes) decides nothing: let it through.
        opening = vals == {"status": "pending"} and all(
            review.status in ("waiting", "pending") for review in self
        )
        if not opening:
            self._dealer_check_review_step()
        return super().write(vals)

    def unlink(self):
        self._dealer_check_review_step()
        return super().unlink()

    # ------------------------------------------------------------------
    # Requests to sign: the reviews waiting for the current user
    # ------------------------------------------------------------------
    dealer_model_label = fields.Char(
        string="Document type", compute="_compute_dealer_document"
    )
    dealer_document_name = fields.Char(
        string="Document", compute="_compute_dealer_document"
    )

    @api.depends("model", "res_id")
    @api.depends_context("lang", "uid")
    def _compute_dealer_document(self):
        IrModel = self.env["ir.model"]
        for review in self:
            if not review.model or review.model not in self.env:
                review.dealer_model_label = review.model
                review.dealer_document_name = False
                continue
            review.dealer_model_label = IrModel._get(review.model).name
            document = self.env[review.model].browse(review.res_id).exists()
            try:
                review.dealer_document_name = document.display_name
            except AccessError:
                # Someone else's review of a document this user cannot read:
                # its type and number say enough.
                review.dealer_document_name = f"#{review.res_id}"

    def action_dealer_open_document(self):
        """Open the document a review is about, as the current user: the
        reviewer signs on the document itself (its Validate/Reject bar)."""
        self.ensure_one()
        document = self.env[self.model].browse(self.res_id).exists()
        document.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": self.model,
            "res_id": document.id,
            "views": [(False, "form")],
            "target": "current",
        }
