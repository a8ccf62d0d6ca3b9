# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Department routing: who heads department X in company C (DESIGN: dealer_base
owns it, so that every addon routes reviews and activities the same way)."""

from odoo import models

from ..tools import DEPARTMENTS


class ResCompany(models.Model):
    _inherit = "res.company"

    def _dealer_department_heads(self, department):
        """The heads of ``department`` (a key of tools.DEPARTMENTS) in this
        company: the members of its manager group, else the company's
        Administration heads (ORG-01). The administrator and the superuser, who
        are in every group, come only when nobody else does."""
        self.ensure_one()
        keys = (department, "administration") if department else ("administration",)
        placeholders = self.env.ref("base.user_admin") | self.env.ref("base.user_root")
        fallback = self.env["res.users"]
        for key in keys:
            # sudo: group membership is not readable by every user, while routing
            # a review to a head is what every user's action needs.
            group = self.env.ref(f"dealer_base.group_{key}_manager").sudo()
            heads = group.users.filtered(
                lambda user: self in user.company_ids and not user.share
            )
            if heads - placeholders:
                return (heads - placeholders).sorted("id").sudo(False)
            fallback = fallback or heads
        return fallback.sorted("id").sudo(False)

    def _dealer_department_head(self, department):
        """One head of ``department`` for an activity: the first of them."""
        return self._dealer_department_heads(department)[:1]


class ResUsers(models.Model):
    _inherit = "res.users"

    def _dealer_department(self):
        """The user's department: the first dealer_base department role the user
        holds (a Manager group implies its User group), or ``False``."""
        self.ensure_one()
        for key, _label in DEPARTMENTS:
            if self.has_group(f"dealer_base.group_{key}_user"):
                return key
        return False
