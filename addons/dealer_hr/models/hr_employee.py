# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _lt, api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        employees._dealer_plan_induction()
        return employees

    def _dealer_plan_induction(self):
        """HRM-20: the new employee's manager (else the Administration head)
        plans the induction training within the company's days."""
        today = fields.Date.context_today(self)
        for employee in self.filtered("active"):
            company = employee.company_id
            user = employee.parent_id.user_id or company._dealer_department_head(
                "administration"
            )
            if not user:
                continue
            # sudo: whoever registers the employee reminds the manager.
            employee.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=today + timedelta(days=company.dealer_induction_days),
                summary=_lt(
                    "Plan the induction training of this new employee (HRM-20)"
                ),
                user_id=user.id,
            )
