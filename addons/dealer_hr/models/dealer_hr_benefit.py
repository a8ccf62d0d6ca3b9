# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import _lt, api, fields, models

from odoo.addons.dealer_base.tools import policy_records

BENEFIT_KINDS = [
    ("social_insurance", "Social insurance and housing fund"),
    ("annual_leave", "Paid annual leave"),
    ("holiday", "Holiday benefit"),
    ("birthday", "Birthday benefit"),
    ("other", "Other"),
]


class DealerHrBenefit(models.Model):
    """The company's staff benefits (HRM-08): the statutory ones (social
    insurance and housing fund, paid annual leave) and the company's own
    (holiday and birthday benefits), with what each gives."""

    _name = "dealer.hr.benefit"
    _description = "Staff Benefit"
    _order = "company_id, kind, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    kind = fields.Selection(BENEFIT_KINDS, required=True, default="other")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company
    )
    description = fields.Text(help="What the benefit gives, and its legal basis.")
    active = fields.Boolean(default=True)


class HrEmployee(models.Model):
    # One file per concern of the employee (issue 18), not one class per model.
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    dealer_birthday_benefit_year = fields.Integer(
        string="Birthday benefit reminded for",
        readonly=True,
        groups="hr.group_hr_user",
        help="The last year whose birthday benefit was reminded (HRM-08).",
    )

    @api.model
    def _cron_dealer_birthday_benefits(self, day=None):
        """HRM-08: a week before an employee's birthday, the Administration
        head is reminded of the birthday benefit, once per employee and year,
        in the companies that grant one. Safe twice."""
        today = day or fields.Date.context_today(self)
        benefits = policy_records(
            self.env["dealer.hr.benefit"].search([("kind", "=", "birthday")])
        )
        reminded = self.browse()
        for company in benefits.company_id:
            head = company._dealer_department_head("administration")
            if not head:
                continue
            employees = self.sudo().search(
                [("company_id", "=", company.id), ("birthday", "!=", False)]
            )
            for employee in employees:
                birthday = employee.birthday
                try:
                    this_year = birthday.replace(year=today.year)
                except ValueError:  # 29 February in a common year
                    this_year = date(today.year, 3, 1)
                if not (
                    today <= this_year <= today + timedelta(days=7)
                    and employee.dealer_birthday_benefit_year != today.year
                ):
                    continue
                employee.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=this_year,
                    summary=_lt("Birthday benefit (HRM-08)"),
                    user_id=head.id,
                )
                employee.dealer_birthday_benefit_year = today.year
                reminded |= employee
        return reminded
