# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.dealer_base.tools import policy_records

from .hr_job import check_headcount_owner


class HrDepartment(models.Model):
    _inherit = "hr.department"

    dealer_approved_headcount = fields.Integer(
        string="Approved headcount",
        tracking=True,
        help="How many people the department may have (ORG-23: 13 in the "
        "business department); 0: not limited.",
    )
    dealer_org_issue = fields.Char(
        string="Organisation issue",
        compute="_compute_dealer_org_issue",
        search="_search_dealer_org_issue",
        help="What the lighting office lacks: its one manager or its teams "
        "(ORG-08).",
    )

    def write(self, vals):
        check_headcount_owner(self, vals)
        res = super().write(vals)
        if {"manager_id", "parent_id", "active"} & set(vals):
            (self | self.parent_id)._dealer_check_lighting_office()
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_headcount_owner(self, vals)
        departments = super().create(vals_list)
        departments.parent_id._dealer_check_lighting_office()
        return departments

    # ------------------------------------------------------------------ ORG-08
    def _dealer_lighting_offices(self):
        """These departments that are their company's lighting office."""
        return policy_records(self).filtered(
            lambda d: d.company_id.dealer_lighting_office_id == d
        )

    def _dealer_check_lighting_office(self):
        """ORG-08: the lighting office keeps its one manager and has no more
        teams (sub-departments) than the company's setting."""
        for office in self._dealer_lighting_offices():
            teams = office.child_ids.filtered("active")
            limit = office.company_id.dealer_lighting_teams
            if len(teams) > limit:
                raise ValidationError(
                    self.env._(
                        "%(office)s is the lighting office: it has %(limit)s "
                        "teams, not %(count)s (ORG-08).",
                        office=office.name,
                        limit=limit,
                        count=len(teams),
                    )
                )
            if teams and not office.manager_id:
                raise ValidationError(
                    self.env._(
                        "%s is the lighting office: its teams answer to one "
                        "manager (Manager, ORG-08).",
                        office.name,
                    )
                )

    @api.depends("manager_id", "child_ids.active", "company_id")
    def _compute_dealer_org_issue(self):
        offices = self._dealer_lighting_offices()
        for department in self:
            issue = False
            if department in offices:
                teams = department.child_ids.filtered("active")
                limit = department.company_id.dealer_lighting_teams
                missing = []
                if not department.manager_id:
                    missing.append(self.env._("no manager"))
                if len(teams) != limit:
                    missing.append(
                        self.env._(
                            "%(count)s of %(limit)s teams",
                            count=len(teams),
                            limit=limit,
                        )
                    )
                issue = ", ".join(missing) or False
            department.dealer_org_issue = issue

    def _search_dealer_org_issue(self, operator, value):
        # The compliance filter ("Organisation issues"): the lighting offices
        # that lack their manager or their teams.
        offices = self.env["res.company"].search([]).dealer_lighting_office_id
        issues = offices.filtered("dealer_org_issue")
        if (operator == "!=" and not value) or (operator == "=" and value):
            return [("id", "in", issues.ids)]
        return [("id", "not in", issues.ids)]

    def _dealer_compliance_org_08(self, companies, date_from, date_to):
        """ORG-08 compliance check (AUD-05): the lighting offices of these
        companies that lack their one manager or their teams (a state, not an
        event: the period does not change it)."""
        offices = companies.dealer_lighting_office_id
        return [("id", "in", offices.filtered("dealer_org_issue").ids)]
