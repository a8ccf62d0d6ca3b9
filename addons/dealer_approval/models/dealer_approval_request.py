# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The skeleton of a request document approved through ``dealer.approval.mixin``
(a pre-approval, a trip, a disposal, a plan, a price change, an official
document...): what every one of them did the same way, once.

A request inherits ``dealer.approval.request.mixin``, sets
``_dealer_approval_rule`` and, where it differs from the defaults below:

- ``_dealer_request_code``: "PRE" names each request "PRE/00001" from its id
  when it is created (the reference is then governed); None: the request
  names itself (a sequence, a title);
- ``_dealer_approval_author_fields``: the fields naming who prepared it
  (dotted paths); they never approve it (rule ADM-25);
- ``_dealer_draft_fields``: the fields frozen once the request left draft,
  refused with the request's ``_dealer_draft_refusal()``;
- ``_state_from``: ``["draft"]``, reviewed while a draft, or ``["submitted"]``
  (with ``_dealer_approval_waiting_state = "submitted"`` and
  ``_dealer_approval_rejected_state = "draft"``), submitted first by its
  author: ``request_validation`` moves the draft there once
  ``_dealer_check_submit`` lets it.

It gets the company, the tier validation settings (approved from draft or
submitted to ``approved``, cancelled to ``cancel``), the keep rule (kept once
past draft, under its approval rule) and ``action_cancel``: the request's
``_dealer_check_cancel`` decides whether it may be cancelled (none may, with
``_dealer_request_cancellable = False``).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError


class DealerApprovalRequestMixin(models.AbstractModel):
    _name = "dealer.approval.request.mixin"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.approval.mixin"]
    _description = "Dealer approval request"

    _dealer_request_code = None
    _dealer_approval_author_fields = ("create_uid",)
    # False: the request has no cancellation (a draft is deleted, a submitted
    # one rejected by its reviewers).
    _dealer_request_cancellable = True
    # Fields that change only while the request is a draft (what is approved
    # is what was asked), refused with _dealer_draft_refusal().
    _dealer_draft_fields = ()

    _dealer_deletable_states = ("draft",)
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    # The last approval of a draft request approves it (dealer.approval.mixin);
    # None for a request whose own _validate_tier decides.
    _dealer_approval_waiting_state = "draft"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company
    )

    @property
    def _dealer_keep_rule(self):
        # A request is kept once past draft under the rule that approves it
        # (dealer_base's keep rule reads this attribute).
        return self._dealer_approval_rule

    # ------------------------------------------------------------------ name
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if self._dealer_request_code:
            for record in records:
                record._dealer_as_action().write(
                    {"name": "%s/%05d" % (self._dealer_request_code, record.id)}
                )
        return records

    @api.model
    def _dealer_governed_fields(self):
        governed = super()._dealer_governed_fields()
        names = ["approved_by_id", "approved_date"]
        if self._dealer_request_code:
            names.append("name")
        for name in names:
            if name in self._fields:
                governed.setdefault(name, self._dealer_approval_rule)
        return governed

    # ------------------------------------------------------------------ draft
    def _dealer_draft_refusal(self):
        """The refusal, naming the request's rule, to change one of
        ``_dealer_draft_fields`` once the request left draft."""
        raise NotImplementedError

    def write(self, vals):
        if vals.keys() & set(self._dealer_draft_fields) and self.filtered(
            lambda request: request[self._state_field] != "draft"
        ):
            raise UserError(self._dealer_draft_refusal())
        return super().write(vals)

    # ------------------------------------------------------------------ authors
    def _dealer_approval_authors(self):
        authors = super()._dealer_approval_authors()
        for path in self._dealer_approval_author_fields:
            authors |= self.mapped(path)
        return authors

    # ------------------------------------------------------------------ submit
    def _dealer_submitted_first(self):
        """Whether the author submits the draft before its reviews start."""
        return "draft" not in self._state_from

    def _dealer_check_submit(self):
        """Refuse to submit what is not a complete draft: requests add their
        own checks."""
        for request in self:
            if request[self._state_field] != "draft":
                raise UserError(self.env._("%s was already submitted.", request.name))

    def request_validation(self):
        if not self._dealer_submitted_first():
            return super().request_validation()
        self._dealer_check_submit()
        self._dealer_as_action().with_context(skip_validation_check=True).write(
            {self._state_field: self._state_from[0]}
        )
        self.invalidate_recordset(["need_validation"])
        return super().request_validation()

    def action_submit(self):
        self.request_validation()
        return True

    @api.model
    def _get_under_validation_exceptions(self):
        res = super()._get_under_validation_exceptions()
        if self._dealer_submitted_first():
            # The reviews' own outcome moves the state of a submitted request.
            res = res + [self._state_field]
        return res

    # ------------------------------------------------------------------ cancel
    def _dealer_check_cancel(self):
        """Refuse to cancel what the request's rule keeps: requests add their
        own checks."""
        if not self._dealer_request_cancellable:
            raise UserError(
                self.env._(
                    "%(document)s is not cancelled: a draft is deleted, a "
                    "submitted one is rejected by its reviewers (rule %(rule)s).",
                    document=self[:1].display_name,
                    rule=self._dealer_approval_rule,
                )
            )

    def action_cancel(self):
        self._dealer_check_cancel()
        self._dealer_as_action().write({self._state_field: self._cancel_state})
