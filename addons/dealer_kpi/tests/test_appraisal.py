# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestAppraisal(BaseCommon):
    """HRM-14 to HRM-18: quarterly appraisals from the KPI scheme of the
    department, KPI results frozen on confirmation, grades and outcomes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "dealer_appraisal_grade_a": 90,
                "dealer_appraisal_grade_b": 75,
                "dealer_appraisal_grade_c": 60,
            }
        )
        cls.head = new_test_user(
            cls.env, login="ap_head", groups="dealer_base.group_technical_manager"
        )
        cls.tech = new_test_user(
            cls.env, login="ap_tech", groups="dealer_base.group_technical_user"
        )
        cls.tech2 = new_test_user(
            cls.env, login="ap_tech2", groups="dealer_base.group_technical_user"
        )
        Employee = cls.env["hr.employee"]
        cls.head_emp = Employee.create({"name": "Head", "user_id": cls.head.id})
        cls.department = cls.env["hr.department"].create(
            {"name": "Technical", "manager_id": cls.head_emp.id}
        )
        cls.head_emp.department_id = cls.department
        cls.tech_emp, cls.tech2_emp = Employee.create(
            [
                {
                    "name": name,
                    "user_id": user.id,
                    "department_id": cls.department.id,
                    "parent_id": cls.head_emp.id,
                }
                for name, user in (("Tech", cls.tech), ("Tech 2", cls.tech2))
            ]
        )
        Kpi = cls.env["dealer.kpi"]
        cls.ontime = Kpi.create(
            {"code": "AP-ONTIME", "name": "On time", "model": "res.users"}
        )
        cls.rework = Kpi.create(
            {
                "code": "AP-REWORK",
                "name": "Rework",
                "direction": "lower",
                "model": "res.users",
            }
        )
        cls.Scheme = cls.env["dealer.kpi.scheme"]
        cls.Appraisal = cls.env["hr.appraisal"]

    def _scheme(self, user=None, weights=(60, 40)):
        return self.Scheme.with_user(user or self.head).create(
            {
                "name": "Technical staff",
                "department_id": self.department.id,
                "line_ids": [
                    Command.create({"kpi_id": kpi.id, "weight": weight})
                    for kpi, weight in zip(
                        (self.ontime, self.rework), weights, strict=True
                    )
                ],
            }
        )

    def _value(self, kpi, user, value):
        # The engine writes values; here the facts the appraisal copies.
        return self.env["dealer.kpi.value"].create(
            {
                "kpi_id": kpi.id,
                "company_id": self.company.id,
                "user_id": user.id,
                "period": "2026-Q2",
                "date_from": date(2026, 4, 1),
                "date_to": date(2026, 6, 30),
                "value": value,
                "state": "final",
            }
        )

    def test_hrm_16_weights_total_100_and_only_the_head_sets_them(self):
        with self.assertRaisesRegex(ValidationError, "HRM-16"):
            with self.env.cr.savepoint():
                self._scheme(weights=(60, 30))
        with self.assertRaisesRegex(AccessError, "HRM-16"):
            with self.env.cr.savepoint():
                self._scheme(user=self.tech)
        scheme = self._scheme()
        self.assertEqual(scheme.weight_total, 100)
        with self.assertRaisesRegex(ValidationError, "HRM-16"):
            with self.env.cr.savepoint():
                scheme.line_ids[0].with_user(self.head).weight = 50

    def test_hrm_14_cycle_twice_and_from_two_cursors_opens_one_per_employee(self):
        self._scheme()
        staff = self.tech_emp | self.tech2_emp
        # The demo company's employees (when installed) get theirs too.
        first = self.Appraisal._dealer_cron_open_cycle(day=date(2026, 7, 5)).filtered(
            lambda appraisal: appraisal.employee_id in staff
        )
        self.assertEqual(first.employee_id, staff)
        self.assertEqual(set(first.mapped("dealer_period")), {"2026-Q2"})
        self.assertEqual(first.manager_ids, self.head_emp)
        self.assertFalse(self.Appraisal._dealer_cron_open_cycle(day=date(2026, 7, 6)))
        with self.registry.cursor() as cr:
            other = self.Appraisal.with_env(self.env(cr=cr))
            self.assertFalse(other._dealer_cron_open_cycle(day=date(2026, 7, 6)))
        self.assertEqual(
            self.Appraisal.search_count(
                [("dealer_period", "=", "2026-Q2"), ("employee_id", "in", staff.ids)]
            ),
            2,
        )
        # The index refuses a second appraisal opened at the same moment.
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.Appraisal._dealer_as_action().create(
                    {
                        "employee_id": self.tech_emp.id,
                        "manager_ids": [Command.set(self.head_emp.ids)],
                        "date_close": date(2026, 7, 15),
                        "dealer_period": "2026-Q2",
                    }
                )
        # Nobody types a period in.
        with self.assertRaisesRegex(UserError, "HRM-14"):
            first[0].with_user(self.head).write({"dealer_period": "2026-Q3"})

    def test_hrm_18_kpi_results_frozen_when_confirmed(self):
        self._scheme()
        ontime = self._value(self.ontime, self.tech, 80)
        self._value(self.rework, self.tech, 10)
        appraisal = self.Appraisal._dealer_cron_open_cycle(day=date(2026, 7, 5))
        appraisal = appraisal.filtered(lambda a: a.employee_id == self.tech_emp)
        appraisal.with_user(self.head).action_confirm()
        lines = appraisal.dealer_line_ids
        self.assertEqual(lines.mapped("value"), [80.0, 10.0])
        self.assertEqual(lines.mapped("score"), [80.0, 90.0])
        self.assertEqual(appraisal.dealer_score, 84.0)
        self.assertEqual(appraisal.dealer_grade, "b")
        # The source changes; the appraisal keeps what it copied.
        ontime.value = 20
        appraisal.with_user(self.head).action_back()
        appraisal.with_user(self.head).action_confirm()
        self.assertEqual(appraisal.dealer_line_ids.mapped("value"), [80.0, 10.0])
        with self.assertRaisesRegex(UserError, "HRM-18"):
            appraisal.dealer_line_ids[0].with_user(self.head).write({"value": 99})
        with self.assertRaisesRegex(UserError, "HRM-18"):
            appraisal.dealer_line_ids[0].with_user(self.head).unlink()
        # The appraisee reads their results; a colleague does not.
        self.assertEqual(
            appraisal.dealer_line_ids.with_user(self.tech).mapped("value"), [80, 10]
        )
        with self.assertRaises(AccessError):
            appraisal.dealer_line_ids.with_user(self.tech2).read(["value"])
        with self.assertRaises(AccessError):
            appraisal.with_user(self.tech2).read(["dealer_score"])

    def test_hrm_15_failed_grade_needs_its_outcome(self):
        self._scheme()
        self._value(self.ontime, self.tech2, 20)
        self._value(self.rework, self.tech2, 50)
        appraisal = self.Appraisal._dealer_cron_open_cycle(day=date(2026, 7, 5))
        appraisal = appraisal.filtered(lambda a: a.employee_id == self.tech2_emp)
        appraisal.with_user(self.head).action_confirm()
        self.assertEqual(appraisal.dealer_score, 32.0)
        self.assertEqual(appraisal.dealer_grade, "d")
        with self.assertRaisesRegex(UserError, "HRM-15"):
            appraisal.with_user(self.head).action_done()
        appraisal.with_user(self.head).dealer_outcome = "reward"
        with self.assertRaisesRegex(UserError, "HRM-15"):
            appraisal.with_user(self.head).action_done()
        # Positive control: with training planned, it closes.
        appraisal.with_user(self.head).write(
            {"dealer_outcome": "training", "dealer_interview_date": date(2026, 7, 10)}
        )
        appraisal.with_user(self.head).action_done()
        self.assertEqual(appraisal.state, "3_done")
