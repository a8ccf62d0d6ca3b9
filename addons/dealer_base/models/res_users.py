# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ..tools import DEPARTMENTS


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
