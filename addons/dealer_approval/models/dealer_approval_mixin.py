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
- its tier definitions can be made (no glue in each addon).
"""

from odoo import api, models
from odoo.exceptions import UserError


class DealerApprovalMixin(models.AbstractModel):
    _name = "dealer.approval.mixin"
    _inherit = ["tier.validation", "dealer.governed.mixin"]
    _description = "Dealer approval (tier validation with the manual's safeguards)"

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
