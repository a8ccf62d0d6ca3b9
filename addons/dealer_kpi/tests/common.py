# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DealerKpiHierarchyCommon(BaseCommon):
    """Two levels of managers above a technician, a colleague beside them,
    and another director the middle manager may move under:

        director -> head -> tech, tech2 (colleague)
        director2
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        users = {
            login: new_test_user(cls.env, login=login, groups="base.group_user")
            for login in (
                "hk_director",
                "hk_director2",
                "hk_head",
                "hk_tech",
                "hk_tech2",
            )
        }
        cls.director, cls.director2, cls.head, cls.tech, cls.tech2 = users.values()
        Employee = cls.env["hr.employee"]
        cls.director_emp, cls.director2_emp = Employee.create(
            [
                {"name": "Director", "user_id": cls.director.id},
                {"name": "Director 2", "user_id": cls.director2.id},
            ]
        )
        cls.head_emp = Employee.create(
            {"name": "Head", "user_id": cls.head.id, "parent_id": cls.director_emp.id}
        )
        cls.department = cls.env["hr.department"].create(
            {"name": "Workshop", "manager_id": cls.head_emp.id}
        )
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
        cls.kpi = cls.env["dealer.kpi"].create(
            {"code": "HK-ONTIME", "name": "On time", "model": "res.users"}
        )
        cls.value = cls.env["dealer.kpi.value"].create(
            {
                "kpi_id": cls.kpi.id,
                "company_id": cls.company.id,
                "user_id": cls.tech.id,
                "period": "2026-Q2",
                "date_from": date(2026, 4, 1),
                "date_to": date(2026, 6, 30),
                "value": 80,
                "state": "final",
            }
        )
        cls.scheme = cls.env["dealer.kpi.scheme"].create(
            {
                "name": "Workshop",
                "department_id": cls.department.id,
                "line_ids": [Command.create({"kpi_id": cls.kpi.id, "weight": 100})],
            }
        )
        cls.appraisal = (
            cls.env["hr.appraisal"]
            ._dealer_cron_open_cycle(day=date(2026, 7, 5))
            .filtered(lambda a: a.employee_id == cls.tech_emp)
        )
        cls.appraisal.with_user(cls.head).action_confirm()
        cls.appraisal.with_user(cls.head).note = "<p>Late twice; talk first.</p>"
        cls.peer_eval = (
            cls.env["dealer.appraisal.evaluation"]
            .with_user(cls.head)
            .create(
                {
                    "appraisal_id": cls.appraisal.id,
                    "kind": "peer",
                    "evaluator_user_id": cls.tech2.id,
                }
            )
        )
