# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import DealerHrCommon


class TestPeople(DealerHrCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        category = cls.env["hr.course.category"].create({"name": "Induction"})
        cls.induction = cls.env["hr.course"].create(
            {
                "name": "New-employee induction",
                "category_id": category.id,
                "content": "<p>Company rules; the post's workflow; product "
                "and selling skills.</p>",
            }
        )
        cls.manager = cls.env["hr.employee"].create(
            {
                "name": "Chen Zhiqiang",
                "company_id": cls.company.id,
                "user_id": cls.office_mgr.id,
            }
        )

    def test_hrm_21_induction_session_for_each_new_employee(self):
        """HRM-21: the induction course (rules, workflow, skills) of the
        settings is planned for each new employee within the days; the session
        needs no annual-plan line, and nobody marks a session "induction" by
        hand."""
        bare = self.env["hr.course"].create(
            {"name": "Empty", "category_id": self.induction.category_id.id}
        )
        with self.assertRaisesRegex(ValidationError, "HRM-21"):
            self.company.dealer_induction_course_id = bare
        self.company.write(
            {
                "dealer_induction_course_id": self.induction.id,
                "dealer_induction_days": 5,
            }
        )
        employee = (
            self.env["hr.employee"]
            .with_user(self.hr_officer)
            .create(
                {
                    "name": "Zhao Lei",
                    "company_id": self.company.id,
                    "parent_id": self.manager.id,
                }
            )
        )
        session = self.env["hr.course.schedule"].search(
            [("attendant_ids", "in", employee.ids)]
        )
        self.assertEqual(len(session), 1)
        self.assertEqual(session.course_id, self.induction)
        self.assertTrue(session.dealer_induction)
        self.assertEqual(session.start_date, fields.Date.today() + timedelta(days=5))
        session.with_user(self.hr_officer).write({"state": "waiting_attendees"})
        with self.assertRaisesRegex(UserError, "HRM-21"):
            self.env["hr.course.schedule"].with_user(self.hr_officer).create(
                {
                    "name": "Shortcut",
                    "course_id": self.induction.id,
                    "cost": 0,
                    "authorized_by": self.manager.id,
                    "dealer_induction": True,
                }
            )

    def test_hrm_19_appraisal_outcome_training_leaves_a_need(self):
        """HRM-19: an appraisal closed with the outcome "training" leaves one
        training need for the next plan, reminded to the Administration head;
        planned on a line of the plan, it is planned."""
        employee = self.env["hr.employee"].create(
            {"name": "Wu Fang", "company_id": self.company.id}
        )
        appraisal = self.env["hr.appraisal"].create(
            {
                "employee_id": employee.id,
                "manager_ids": [(6, 0, self.manager.ids)],
                "date_close": fields.Date.today(),
            }
        )
        appraisal.write(
            {
                "dealer_outcome": "training",
                "dealer_outcome_note": "Weak at planning the team's week.",
            }
        )
        appraisal.action_done()
        appraisal.action_done()
        need = self.env["dealer.hr.training.need"].search(
            [("appraisal_id", "=", appraisal.id)]
        )
        self.assertEqual(len(need), 1)
        self.assertEqual(need.employee_id, employee)
        self.assertEqual(need.state, "open")
        self.assertIn("planning", need.reason)
        self.assertTrue(need.activity_ids)
        plan = (
            self.env["dealer.hr.training.plan"]
            .with_user(self.hr_officer)
            .create(
                {
                    "name": "Training plan next year",
                    "company_id": self.company.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "course_id": self.induction.id,
                                "content": "Managing the team's week",
                                "method": "internal",
                                "date_planned": fields.Date.today(),
                                "trainer": "Chen Zhiqiang",
                            },
                        )
                    ],
                }
            )
        )
        need.with_user(self.hr_officer).plan_line_id = plan.line_ids
        self.assertEqual(need.state, "planned")
        # A reward leaves no need.
        other = self.env["hr.appraisal"].create(
            {
                "employee_id": employee.id,
                "manager_ids": [(6, 0, self.manager.ids)],
                "date_close": fields.Date.today(),
            }
        )
        other.dealer_outcome = "reward"
        other.action_done()
        self.assertFalse(
            self.env["dealer.hr.training.need"].search(
                [("appraisal_id", "=", other.id)]
            )
        )

    def test_org_08_lighting_office_one_manager_three_teams(self):
        """ORG-08: the lighting office keeps its one manager and has at most
        the company's three teams; the compliance check names what it lacks."""
        Department = self.env["hr.department"].with_user(self.hr_officer)
        office = Department.create(
            {"name": "Lighting office", "company_id": self.company.id}
        )
        self.company.dealer_lighting_office_id = office
        self.assertIn("no manager", office.dealer_org_issue)
        with self.assertRaisesRegex(ValidationError, "ORG-08"), self.env.cr.savepoint():
            Department.create(
                {
                    "name": "Sales team",
                    "parent_id": office.id,
                    "company_id": self.company.id,
                }
            )
        # The refused team was rolled back; forget it in the cache too.
        office.invalidate_recordset()
        office.manager_id = self.manager
        teams = Department.create(
            [
                {"name": name, "parent_id": office.id, "company_id": self.company.id}
                for name in ("Sales team", "Technical support team")
            ]
        )
        self.assertIn("2 of 3 teams", office.dealer_org_issue)
        self.assertIn(office, Department.search([("dealer_org_issue", "!=", False)]))
        check = self.env.ref("dealer_hr.mechanism_org_08_lighting_office")
        self.assertEqual(check.check_method, "_dealer_compliance_org_08")
        domain = Department._dealer_compliance_org_08(self.company, None, None)
        self.assertEqual(Department.search(domain), office)
        after_sales = Department.create(
            {
                "name": "After-sales team",
                "parent_id": office.id,
                "company_id": self.company.id,
            }
        )
        self.assertFalse(office.dealer_org_issue)
        self.assertNotIn(office, Department.search([("dealer_org_issue", "!=", False)]))
        with self.assertRaisesRegex(ValidationError, "ORG-08"), self.env.cr.savepoint():
            Department.create(
                {
                    "name": "Fourth team",
                    "parent_id": office.id,
                    "company_id": self.company.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "ORG-08"), self.env.cr.savepoint():
            office.manager_id = False
        other = Department.create({"name": "Warehouse", "company_id": self.company.id})
        with self.assertRaisesRegex(ValidationError, "ORG-08"), self.env.cr.savepoint():
            other.parent_id = office
        self.assertEqual(len(teams | after_sales), 3)

    def test_policy_off_keeps_core_people(self):
        """With the manual switched off: no induction session, no team limit,
        no training need."""
        self.company.write(
            {
                "dealer_induction_course_id": self.induction.id,
                "dealer_policy_manual": False,
            }
        )
        employee = self.env["hr.employee"].create(
            {
                "name": "Zhou Xin",
                "company_id": self.company.id,
                "parent_id": self.manager.id,
            }
        )
        self.assertFalse(
            self.env["hr.course.schedule"].search(
                [("attendant_ids", "in", employee.ids)]
            )
        )
        office = self.env["hr.department"].create(
            {"name": "Lighting office", "company_id": self.company.id}
        )
        self.company.dealer_lighting_office_id = office
        self.env["hr.department"].create(
            [
                {
                    "name": f"Team {n}",
                    "parent_id": office.id,
                    "company_id": self.company.id,
                }
                for n in range(4)
            ]
        )
        self.assertFalse(office.dealer_org_issue)

    def test_hrm_08_birthday_benefit_reminded_once_a_year(self):
        """HRM-08: with a birthday benefit in the company's list, the
        Administration head is reminded a week ahead, once per employee and
        year, however often the job runs."""
        Employee = self.env["hr.employee"]
        soon = Employee.create(
            {
                "name": "Lin Xiao",
                "company_id": self.company.id,
                "birthday": fields.Date.to_date("1995-11-05"),
            }
        )
        later = Employee.create(
            {
                "name": "Ma Jun",
                "company_id": self.company.id,
                "birthday": fields.Date.to_date("1990-12-20"),
            }
        )
        day = fields.Date.to_date("2026-11-01")
        self.assertFalse(Employee._cron_dealer_birthday_benefits(day=day))
        self.env["dealer.hr.benefit"].create(
            {
                "name": "Birthday cake voucher",
                "kind": "birthday",
                "company_id": self.company.id,
            }
        )
        reminded = Employee._cron_dealer_birthday_benefits(day=day)
        self.assertEqual(reminded, soon)
        self.assertFalse(Employee._cron_dealer_birthday_benefits(day=day))
        activity = soon.activity_ids.filtered(
            lambda a: a.summary == "Birthday benefit (HRM-08)"
        )
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.office_mgr)
        self.assertNotIn(later, reminded)
