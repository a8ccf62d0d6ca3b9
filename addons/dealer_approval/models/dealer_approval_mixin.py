# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one approval mechanism of the dealer addons (DESIGN: dealer_approval).

A document inherits ``dealer.approval.mixin`` instead of ``tier.validation``
and sets tier validation's class attributes (``_state_from``, ``_state_to``,
``_cancel_state``...) and ``_dealer_approval_rule`` (the manual's rule ID).
Beside what every tier-validated document gets here (the author never
approves, reviews change only through their reviewers, decisions in the
chatter: see tier_validation.py), it gets:

- the state field and every field a tier definition reads its reviewers from
  are governed (dealer_base's guard): only the document's actions change them;
- the document never reaches an approved state from outside ``_state_from``
  (a cancelled document is not approved), whatever the route;
- its tier definitions can be made (no glue in each addon);
- with ``_dealer_approval_waiting_state`` set, the last approval takes the
  document from that state to ``_state_to[0]`` (``_dealer_approval_done``;
  a document with ``approved_by_id`` / ``approved_date`` fields records who
  and when) and, with ``_dealer_approval_rejected_state`` set, a rejection
  sends it there (``_dealer_approval_rejected``): override those two methods
  for a document whose approval does more (a grant, a close).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError


class DealerApprovalMixin(models.AbstractModel):
    _name = "dealer.approval.mixin"
    _inherit = ["tier.validation", "dealer.governed.mixin"]
    _description = "Dealer approval (tier validation with the manual's safeguards)"

    # The state a document waits in while its reviews run (None: the
    # document's own actions follow the reviews), and where a rejection sends it.
    _dealer_approval_waiting_state = None
    _dealer_approval_rejected_state = None

    # ------------------------------------------------------------------ outcome
    def _dealer_approval_done(self):
        """Every review of these waiting documents approved them."""
        vals = {self._state_field: self._state_to[0]}
        if "approved_by_id" in self._fields:
            vals["approved_by_id"] = self.env.user.id
        if "approved_date" in self._fields:
            vals["approved_date"] = fields.Datetime.now()
        self._dealer_as_action().with_context(skip_validation_check=True).write(vals)

    def _dealer_approval_rejected(self):
        """A review rejected these waiting documents."""
        self._dealer_as_action().with_context(skip_validation_check=True).write(
            {self._state_field: self._dealer_approval_rejected_state}
        )

    def _dealer_approval_waiting(self):
        return self.filtered(
            lambda rec: rec[self._state_field] == self._dealer_approval_waiting_state
            and rec.review_ids
        )

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers=tiers)
        if self._dealer_approval_waiting_state:
            # The tier mixin's computed flags have no dependencies: read them fresh.
            self.invalidate_recordset(
                ["need_validation", "validation_status", "validated"]
            )
            done = self._dealer_approval_waiting().filtered(
                lambda rec: all(r.status == "approved" for r in rec.review_ids)
            )
            if done:
                done._dealer_approval_done()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers=tiers)
        if self._dealer_approval_waiting_state and self._dealer_approval_rejected_state:
            refused = self._dealer_approval_waiting().filtered(
                lambda rec: any(r.status == "rejected" for r in rec.review_ids)
            )
            if refused:
                refused._dealer_approval_rejected()
        return res

    # ------------------------------------------------------------------ guard
    @api.model
    def _dealer_governed_fields(self):
        governed = super()._dealer_governed_fields()
        rule = self._dealer_approval_rule or "ADM-25"
        names = {self._state_field}
        names.update(self.env["tier.definition"]._dealer_reviewer_fields(self._name))
        for name in names:
            if name in self._fields:
                governed.setdefault(name, rule)
        return governed

    def validate_tier(self):
        # An author pressing Validate (or Reject) is told so, reviewer or not (on core's
        # orders, their addons' own checks speak first).
        self._dealer_check_author_not_approving(False, pressed=True)
        return super().validate_tier()

    def reject_tier(self):
        self._dealer_check_author_not_approving(False, pressed=True)
        return super().reject_tier()

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
