# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def write(self, vals):
        res = super().write(vals)
        if any(
            key == "groups_id" or key.startswith(("in_group_", "sel_groups_"))
            for key in vals
        ):
            self._dealer_prune_card_followers()
        return res

    def _dealer_prune_card_followers(self):
        """CUS-17: custodianship needs the custodian group; whoever left it
        stops following the cards of the files they kept."""
        group = self.env.ref("dealer_base.group_file_custodian")
        lost = self.filtered(lambda user: group not in user.groups_id)
        if not lost:
            return
        # sudo: the files are pruned on the user's behalf, whoever edits them.
        files = (
            self.env["dealer.customer.file"]
            .sudo()
            .with_context(active_test=False)
            .search([("custodian_ids", "in", lost.ids)])
        )
        files.card_ids._dealer_prune_followers()


class ResGroups(models.Model):
    _inherit = "res.groups"

    def write(self, vals):
        if "users" not in vals:
            return super().write(vals)
        before = self.sudo().users
        res = super().write(vals)
        (before - self.sudo().users)._dealer_prune_card_followers()
        return res
