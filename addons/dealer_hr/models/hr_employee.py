# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _lt, api, fields, models

from odoo.addons.dealer_base.tools import policy_records


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        policy_records(employees)._dealer_plan_induction()
        return employees

    def _dealer_plan_induction(self):
        """HRM-20, HRM-21: the new employee's manager (else the Administration
        head) is reminded to hold the induction training within the company's
        days; with an induction course in the settings, a session of it is
        planned for the employee by that day."""
        today = fields.Date.context_today(self)
        for employee in self.filtered("active"):
            company = employee.company_id
            user = employee.parent_id.user_id or company._dealer_department_head(
                "administration"
            )
            if not user:
                continue
            deadline = today + timedelta(days=company.dealer_induction_days)
            # sudo: whoever registers the employee reminds the manager.
            employee.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=deadline,
                summary=_lt(
                    "Plan the induction training of this new employee (HRM-20)"
                ),
                user_id=user.id,
            )
            course = company.dealer_induction_course_id
            authorizer = employee.parent_id or user.employee_id
            if course and authorizer:
                # sudo: registering an employee plans the induction session.
                self.env["hr.course.schedule"].sudo().create(
                    {
                        "name": self.env._(
                            "%(course)s: %(employee)s",
                            course=course.name,
                            employee=employee.name,
                        ),
                        "course_id": course.id,
                        "cost": 0.0,
                        "authorized_by": authorizer.id,
                        "start_date": deadline,
                        "end_date": deadline,
                        "dealer_induction": True,
                        "attendant_ids": [fields.Command.set(employee.ids)],
                    }
                )
