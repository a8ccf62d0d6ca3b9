# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DealerOfficeCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Shenzhen Office Co"})
        cls.company.partner_id.tz = "Asia/Shanghai"
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

        cls.sales_head = user("off_sales_head", "dealer_base.group_sales_manager")
        cls.sales_deputy = user("off_sales_deputy", "dealer_base.group_sales_user")
        cls.sales = user("off_sales", "dealer_base.group_sales_user")
        cls.tech = user("off_tech", "dealer_base.group_technical_user")
        cls.office = user("off_office", "dealer_base.group_administration_user")
        cls.office_mgr = user(
            "off_office_mgr", "dealer_base.group_administration_manager"
        )
        cls.gm = user("off_gm", "dealer_base.group_general_management")

    def _validate(self, record, user, comment="Agreed."):
        """Approve as ``user`` through the comment wizard the tier asks for."""
        action = record.with_user(user).validate_tier()
        if isinstance(action, dict):
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()
