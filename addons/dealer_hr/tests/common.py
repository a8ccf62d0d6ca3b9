# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DealerHrCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Shenzhen HR Co"})
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.company.ids)
        )
        cls.company = cls.company.with_env(cls.env)

        def user(login, groups):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )

        cls.recruiter = user(
            "hr_recruiter",
            "dealer_base.group_administration_user,"
            "hr_recruitment.group_hr_recruitment_user",
        )
        cls.office_mgr = user(
            "hr_office_mgr",
            "dealer_base.group_administration_manager,"
            "hr_recruitment.group_hr_recruitment_user,hr.group_hr_manager",
        )
        cls.hr_officer = user(
            "hr_officer", "dealer_base.group_administration_user,hr.group_hr_manager"
        )
        cls.gm = user("hr_gm", "dealer_base.group_general_management")

    def _validate(self, record, user, comment="Agreed."):
        action = record.with_user(user).validate_tier()
        if isinstance(action, dict):
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()
