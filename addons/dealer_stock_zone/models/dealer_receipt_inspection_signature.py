# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models
from odoo.exceptions import AccessError, UserError

from .dealer_receipt_inspection import SIGNATURES


class DealerReceiptInspection(models.Model):
    """Signatures of the inspectors, each with their own login (PUR-07)."""

    # One concern per file (issue 18: files under ~400 lines).
    _inherit = "dealer.receipt.inspection"  # pylint: disable=consider-merging-classes-inherited

    def action_sign_warehouse(self):
        return self._dealer_sign("warehouse")

    def action_sign_technical(self):
        return self._dealer_sign("technical")

    def action_sign_purchasing(self):
        return self._dealer_sign("purchasing")

    def _dealer_sign(self, department):
        """PUR-07: the current user signs for their department, with their own
        login; one person signs for one department only."""
        fname = SIGNATURES[department]
        label = self._fields[fname]._description_string(self.env)
        user = self.env.user
        if not user.has_group(f"dealer_base.group_{department}_user"):
            raise AccessError(
                self.env._(
                    "%(inspector)s: only a member of that department signs, with "
                    "their own login (PUR-07).",
                    inspector=label,
                )
            )
        for inspection in self:
            inspection._dealer_check_draft()
            signer = inspection[fname]
            if signer and signer != user:
                raise UserError(
                    self.env._(
                        "%(name)s: %(user)s already signed as %(inspector)s (PUR-07).",
                        name=inspection.name,
                        user=signer.name,
                        inspector=label,
                    )
                )
            others = [
                other
                for other in SIGNATURES.values()
                if other != fname and inspection[other] == user
            ]
            if others:
                raise UserError(
                    self.env._(
                        "%(name)s: you already signed as %(inspector)s; each "
                        "department signs with its own login (PUR-07).",
                        name=inspection.name,
                        inspector=self._fields[others[0]]._description_string(self.env),
                    )
                )
        unsigned = self.filtered(lambda inspection: not inspection[fname])
        # Rights and the one-signature-per-person rule are checked above.
        unsigned._dealer_as_action().write({fname: user.id})
        for inspection in unsigned:
            inspection.message_post(
                body=self.env._(
                    "%(user)s signed as %(inspector)s.", user=user.name, inspector=label
                )
            )
        return True

    def action_withdraw_signature(self):
        """The signer takes back their own signature while the acceptance is open,
        e.g. when the findings changed after they signed."""
        user = self.env.user
        for inspection in self:
            inspection._dealer_check_draft()
            fnames = [f for f in SIGNATURES.values() if inspection[f] == user]
            if not fnames:
                raise UserError(
                    self.env._(
                        "%(name)s: you have not signed it.", name=inspection.name
                    )
                )
            # Only the signer's own signature is cleared.
            inspection._dealer_as_action().write(dict.fromkeys(fnames, False))
            inspection.message_post(
                body=self.env._("%(user)s withdrew their signature.", user=user.name)
            )
        return True
