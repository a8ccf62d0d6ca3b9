# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import policy_records


class HrCandidate(models.Model):
    _inherit = "hr.candidate"

    def create_employee_from_candidate(self):
        """HRM-03: a candidate becomes an employee through a hired
        application (interview, written test and background check recorded,
        ORG-23's headcount kept), not by calling this over the external API."""
        for candidate in policy_records(self):
            if not candidate.applicant_ids.filtered("date_closed"):
                raise UserError(
                    self.env._(
                        "%s has no hired application: the employee is created "
                        "once an application is moved to the hired stage "
                        "(HRM-03).",
                        candidate.partner_name or candidate.display_name,
                    )
                )
        return super().create_employee_from_candidate()
