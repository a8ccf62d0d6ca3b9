# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError


class DealerStocktake(models.Model):
    """Approval of a stocktake's adjustment (STK-13)."""

    # One concern per file (issue 18: files under ~400 lines).
    _inherit = "dealer.stocktake"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Approval (STK-13): decided at request, by someone who neither counted
    # nor asked for it
    # ------------------------------------------------------------------
    def _dealer_decide_approval_level(self):
        """The approval level, decided once from the figures and thresholds
        of this moment and kept: later Settings do not change it."""
        self.ensure_one()
        if not self.approval_level:
            self._dealer_as_action().write(
                {"approval_level": self._dealer_level_from_figures()}
            )
        return self.approval_level

    def _dealer_counters(self):
        """Everyone who counted or was to count this stocktake."""
        self.ensure_one()
        # sudo: counts are private to their counter; who counted is not.
        sheets = self.sudo().sheet_ids
        counts = self.env["dealer.stocktake.count"].sudo()
        counted_by = counts.search([("stocktake_id", "=", self.id)]).counter_id
        return (
            self.counter_ids | sheets.counter_id | sheets.submitted_by_id | counted_by
        ).sudo(False)

    def _dealer_approval_authors(self):
        """Who may not approve: the requester and every counter."""
        self.ensure_one()
        return (
            super()._dealer_approval_authors()
            | self._dealer_counters()
            | self.approval_requested_by_id
        )

    def _dealer_check_waiting_approval(self):
        """Only a counted stocktake is approved or rejected. Who may not
        decide (a counter, the requester) is dealer_approval's check, from
        ``_dealer_approval_authors`` (STK-13)."""
        for stocktake in self:
            if stocktake.state != "counted":
                raise UserError(
                    self.env._(
                        "Stocktake %s is not waiting for approval.", stocktake.name
                    )
                )

    def _compute_need_validation(self):
        result = super()._compute_need_validation()
        # Before the request the level is not decided yet: the stocktake needs
        # validation when a request would decide a level that needs it.
        for stocktake in self:
            if (
                stocktake.state == "counted"
                and not stocktake.approval_level
                and not stocktake.review_ids
                and not isinstance(stocktake.id, models.NewId)
            ):
                stocktake.need_validation = (
                    stocktake._dealer_level_from_figures() != "none"
                )
        return result

    def request_validation(self):
        """Approval is requested by a Warehouse Manager once every difference
        has its cause; the level is decided now and kept (STK-13, STK-14)."""
        self._check_manager()
        for stocktake in self:
            stocktake._check_state("counted")
            if stocktake.review_ids:
                raise UserError(
                    self.env._(
                        "Approval of stocktake %s has already been requested.",
                        stocktake.name,
                    )
                )
            stocktake._check_classified()
            if stocktake._dealer_decide_approval_level() == "none":
                continue
            stocktake._dealer_as_action().write(
                {
                    "approval_requested_by_id": self.env.uid,
                    "approval_requested_date": fields.Datetime.now(),
                }
            )
        # The checks above are the request's rules: its reviews are created
        # by tier validation's own step (dealer_approval).
        return super(DealerStocktake, self._dealer_as_action()).request_validation()

    def validate_tier(self):
        self._dealer_check_waiting_approval()
        return super().validate_tier()

    def reject_tier(self):
        self._dealer_check_waiting_approval()
        return super().reject_tier()

    # Reviews are changed by dealer_approval's review step, not by a trusted
    # stocktake: only the state check is the stocktake's own.
    def _validate_tier(self, tiers=False):
        self._dealer_check_waiting_approval()
        return super()._validate_tier(tiers)

    def _rejected_tier(self, tiers=False):
        self._dealer_check_waiting_approval()
        return super()._rejected_tier(tiers)

    def restart_validation(self):
        """After a rejection: the reviews go, their decisions stay in the
        chatter, the level stays as decided, and classification reopens."""
        self._check_manager()
        self._check_state("counted")
        for stocktake in self:
            decided = stocktake.sudo().review_ids.filtered("done_by")
            if decided:
                stocktake.message_post(
                    body=Markup("%s<ul>%s</ul>")
                    % (
                        self.env._("Approval restarted; earlier decisions:"),
                        Markup("").join(
                            Markup("<li>%s: %s, %s, %s%s</li>")
                            % (
                                review.name or "",
                                dict(
                                    review._fields["status"]._description_selection(
                                        self.env
                                    )
                                ).get(review.status, review.status),
                                review.done_by.name,
                                review.reviewed_date or "",
                                f" ({review.comment})" if review.comment else "",
                            )
                            for review in decided
                        ),
                    )
                )
        result = super(DealerStocktake, self._dealer_as_action()).restart_validation()
        self._dealer_as_action().write(
            {"approval_requested_by_id": False, "approval_requested_date": False}
        )
        return result

    def _allow_to_remove_reviews(self, values):
        # Reviews are the record of who approved what: cancelling keeps them.
        return False

    def _dealer_required_definitions(self):
        self.ensure_one()
        definitions = (
            self.env["tier.definition"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("company_id", "in", [False, self.company_id.id]),
                ]
            )
        )
        return definitions.filtered(lambda tier: self.evaluate_tier(tier))

    def _dealer_check_approved(self):
        """Before apply: every tier the decided level needs was approved by a
        reviewer it names, who neither counted nor requested (STK-13). Read
        from the reviews themselves, whatever wrote them."""
        self.ensure_one()
        excluded = self._dealer_counters() | self.approval_requested_by_id
        # sudo: the reviews are read to check them, whoever may read them.
        reviews = self.sudo().review_ids
        missing = []
        for definition in self._dealer_required_definitions():
            approved = reviews.filtered(
                lambda review, definition=definition: review.definition_id == definition
                and review.status == "approved"
                and review.done_by
                and review.done_by not in excluded
                and review.done_by
                in (definition.reviewer_id | definition.reviewer_group_id.users)
            )
            if not approved:
                missing.append(definition.name)
        if missing or not self.approval_requested_by_id:
            raise UserError(
                self.env._(
                    "Stocktake %(name)s needs approval before it is applied "
                    "(STK-13): request it, then have it approved by someone who "
                    "neither counted it nor requested it. Missing: %(tiers)s",
                    name=self.name,
                    tiers=", ".join(missing) or "-",
                )
            )
