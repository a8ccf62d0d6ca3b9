# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import DealerHrCommon


class TestTraining(DealerHrCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        category = cls.env["hr.course.category"].create({"name": "Products"})
        cls.course = cls.env["hr.course"].create(
            {"name": "DDR5 memory product knowledge", "category_id": category.id}
        )
        cls.plan = (
            cls.env["dealer.hr.training.plan"]
            .with_user(cls.hr_officer)
            .create(
                {
                    "name": "Training plan 2027",
                    "company_id": cls.company.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "course_id": cls.course.id,
                                "content": "DDR5: speeds, timings, compatibility",
                                "method": "internal",
                                "date_planned": fields.Date.today(),
                                "trainer": "Chen Zhiqiang",
                            },
                        )
                    ],
                }
            )
        )
        employee = cls.env["hr.employee"].create(
            {"name": "Zhao Lei", "company_id": cls.company.id}
        )
        cls.session = (
            cls.env["hr.course.schedule"]
            .with_user(cls.hr_officer)
            .create(
                {
                    "name": "DDR5 - March",
                    "course_id": cls.course.id,
                    "cost": 0,
                    "authorized_by": employee.id,
                    "start_date": fields.Date.today(),
                    "end_date": fields.Date.today(),
                    "dealer_plan_line_id": cls.plan.line_ids.id,
                    "attendant_ids": [(6, 0, employee.ids)],
                }
            )
        )

    def test_hrm_09_plan_approved_before_use(self):
        """HRM-09: no session starts before General Management approved the
        plan; the author does not approve it; an approved plan is not changed."""
        with self.assertRaisesRegex(UserError, "HRM-09"):
            self.session.draft2waiting()
        self.plan.with_user(self.hr_officer).action_submit()
        with self.assertRaises(UserError):
            self._validate(self.plan, self.hr_officer)
        with self.assertRaisesRegex(UserError, "HRM-09"):
            self.plan.with_user(self.hr_officer).write({"state": "approved"})
        self._validate(self.plan, self.gm)
        self.assertEqual(self.plan.state, "approved")
        with self.assertRaisesRegex(UserError, "HRM-09"):
            self.plan.line_ids.with_user(self.hr_officer).write({"trainer": "Someone"})
        self.session.draft2waiting()
        self.assertEqual(self.session.state, "waiting_attendees")

    def test_hrm_11_session_cannot_close_without_evaluation(self):
        """HRM-11: a session closes only once its evaluation is recorded."""
        self.plan.with_user(self.hr_officer).action_submit()
        self._validate(self.plan, self.gm)
        session = self.session.with_user(self.hr_officer)
        session.draft2waiting()
        session.waiting2inprogress()
        session.inprogress2validation()
        session.all_passed()
        with self.assertRaisesRegex(UserError, "HRM-11"):
            session.validation2complete()
        session.write(
            {
                "dealer_evaluation_method": "exam",
                "dealer_evaluation": "<p>Average score 86; add a lab session.</p>",
                "dealer_evaluation_date": fields.Date.today(),
            }
        )
        session.validation2complete()
        self.assertEqual(session.state, "completed")

    def test_hrm_09_hrm_11_session_not_created_started_or_closed(self):
        """HRM-09, HRM-11: the HR officer does not create a session already
        started without an approved plan, nor already closed without its
        evaluation (the checks were on the move only)."""
        Session = self.env["hr.course.schedule"].with_user(self.hr_officer)
        vals = {
            "name": "DDR5 - forged",
            "course_id": self.course.id,
            "cost": 0,
            "authorized_by": self.session.authorized_by.id,
            "start_date": fields.Date.today(),
            "end_date": fields.Date.today(),
            "dealer_plan_line_id": self.plan.line_ids.id,
        }
        with self.assertRaisesRegex(UserError, "HRM-09"):
            Session.create(dict(vals, state="in_progress"))
        self.plan.with_user(self.hr_officer).action_submit()
        self._validate(self.plan, self.gm)
        with self.assertRaisesRegex(UserError, "HRM-11"):
            Session.create(dict(vals, state="completed"))
        # Positive control: on the approved plan, with its evaluation.
        closed = Session.create(
            dict(
                vals,
                state="completed",
                dealer_evaluation_method="feedback",
                dealer_evaluation="<p>Useful; repeat in autumn.</p>",
                dealer_evaluation_date=fields.Date.today(),
            )
        )
        self.assertEqual(closed.state, "completed")

    def test_hrm_10_oca_terms_read_in_chinese(self):
        """HRM-10: hr_course ships no Chinese; its labels come in zh_CN from
        this addon."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "dealer_hr")]
        )._update_translations(["zh_CN"])
        field = self.env["ir.model.fields"]._get("hr.course.schedule", "instructor_ids")
        self.assertEqual(field.with_context(lang="zh_CN").field_description, "培训师")

    def test_hrm_20_induction_planned_for_new_employee(self):
        """HRM-20: a new employee's manager is reminded to plan the induction
        training within the company's days."""
        self.company.dealer_induction_days = 5
        manager = self.env["hr.employee"].create(
            {
                "name": "Wang Jianguo",
                "user_id": self.office_mgr.id,
                "company_id": self.company.id,
            }
        )
        newcomer = self.env["hr.employee"].create(
            {"name": "Qian Hao", "parent_id": manager.id, "company_id": self.company.id}
        )
        activity = newcomer.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.office_mgr)
        self.assertEqual(
            activity.date_deadline, fields.Date.today() + timedelta(days=5)
        )
