# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import policy_records


class MisBudgetByAccount(models.Model):
    """The approval and revision of a department's budget (FIN-02, FIN-05):
    sent for approval, confirmed by General Management's last approval alone,
    revised as a new version that supersedes the approved one."""

    _inherit = "mis.budget.by.account"

    # ------------------------------------------------------------------ approval
    def _dealer_approval_authors(self):
        """Who requested the approval and who prepared the budget never
        approve it (FIN-02)."""
        return super()._dealer_approval_authors() | self.create_uid

    def request_validation(self):
        self._dealer_check_may_prepare()
        for budget in self:
            if budget.state != "draft":
                raise UserError(
                    self.env._(
                        "Budget %(name)s is not a draft: it cannot be sent for "
                        "approval (rule FIN-02).",
                        name=budget.display_name,
                    )
                )
            if not budget.item_ids:
                raise UserError(
                    self.env._(
                        "Budget %(name)s has no budget lines yet: spread the "
                        "year first (rule FIN-03).",
                        name=budget.display_name,
                    )
                )
        return super().request_validation()

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers=tiers)
        self.invalidate_recordset(["need_validation", "validation_status", "validated"])
        self.filtered(
            lambda b: b.state == "draft"
            and b.review_ids
            and all(review.status == "approved" for review in b.review_ids)
        )._dealer_confirm()
        return res

    def _dealer_confirm(self):
        """Approved by every tier: the budget counts from now on, and the
        version it revises is kept, superseded (FIN-02, FIN-05)."""
        now = fields.Datetime.now()
        for budget in self:
            previous = budget.dealer_previous_id
            if previous.state == "confirmed":
                previous._dealer_as_action().write({"state": "superseded"})
                previous.message_post(
                    body=self.env._(
                        "Superseded by version %(version)s (%(name)s).",
                        version=budget.dealer_version,
                        name=budget.name,
                    )
                )
            budget._dealer_as_action().write(
                {
                    "state": "confirmed",
                    "dealer_approved_by_id": self.env.user.id,
                    "dealer_approved_date": now,
                }
            )

    def action_confirm(self):
        """The budget takes effect only through General Management's approval
        (FIN-02): confirming is the last approval itself, never a button.
        A company that does not run by the manual keeps OCA's button."""
        off = self - policy_records(self)
        if off:
            super(MisBudgetByAccount, off).action_confirm()
        governed = self - off
        for budget in governed:
            if not budget.validated or budget.state != "draft":
                raise UserError(
                    self.env._(
                        "Budget %(name)s takes effect only once General Management "
                        "approved it (rule FIN-02).",
                        name=budget.display_name,
                    )
                )
        governed._dealer_confirm()
        return True

    def action_cancel(self):
        self._dealer_check_may_prepare()
        if any(budget.state != "draft" for budget in self):
            raise UserError(
                self.env._(
                    "Only a draft budget is cancelled; an approved one is revised "
                    "(rule FIN-05)."
                )
            )
        self._dealer_as_action().write({"state": "cancelled"})

    def action_draft(self):
        self._dealer_check_may_prepare()
        if any(budget.state != "cancelled" for budget in self):
            raise UserError(
                self.env._(
                    "Only a cancelled budget goes back to draft; an approved one is "
                    "revised (rule FIN-05)."
                )
            )
        self.restart_validation()
        self._dealer_as_action().write({"state": "draft"})

    def action_dealer_revise(self):
        """A revision of an approved budget (FIN-05): a new draft version with
        the same lines, approved by General Management again; the approved
        version keeps counting until then, and is kept as superseded after."""
        self.ensure_one()
        self._dealer_check_may_prepare()
        if self.state != "confirmed":
            raise UserError(
                self.env._(
                    "Only the approved budget is revised (rule FIN-05): %(name)s "
                    "is not approved.",
                    name=self.display_name,
                )
            )
        if self.dealer_revision_ids.filtered(lambda b: b.state == "draft"):
            raise UserError(
                self.env._(
                    "Budget %(name)s already has a draft revision (rule FIN-05).",
                    name=self.display_name,
                )
            )
        version = self.dealer_version + 1
        revision = self._dealer_as_action().copy(
            {
                "name": self.env._(
                    "%(name)s (v%(version)s)", name=self.name, version=version
                )
                if "(v" not in self.name
                else self.name.rsplit(" (v", 1)[0] + f" (v{version})",
                "state": "draft",
                "dealer_version": version,
                "dealer_previous_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": revision.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def action_dealer_spread(self):
        self.ensure_one()
        self._dealer_check_may_prepare()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.budget.spread",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_budget_id": self.id},
        }
