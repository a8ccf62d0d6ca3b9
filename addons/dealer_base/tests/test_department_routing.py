# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestDepartmentRouting(BaseCommon):
    """ORG-01: who heads department X in company C, asked the same way by every
    addon that routes a review or an activity."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Routing Co"})
        cls.other = cls.env["res.company"].create({"name": "Other Co"})

        def user(login, group, company):
            return new_test_user(
                cls.env,
                login=login,
                groups=group,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )

        cls.sales_head = user(
            "route_sales_head", "dealer_base.group_sales_manager", cls.company
        )
        cls.sales_staff = user(
            "route_sales", "dealer_base.group_sales_user", cls.company
        )
        cls.admin_head = user(
            "route_admin_head", "dealer_base.group_administration_manager", cls.company
        )
        cls.foreign_head = user(
            "route_tech_head_other", "dealer_base.group_technical_manager", cls.other
        )

    def test_org_01_head_of_the_department_in_the_company(self):
        self.assertEqual(
            self.company._dealer_department_heads("sales"), self.sales_head
        )
        self.assertEqual(self.company._dealer_department_head("sales"), self.sales_head)

    def test_org_01_administration_heads_when_the_department_has_none(self):
        """The technical head of another company does not head this one's."""
        self.assertEqual(
            self.company._dealer_department_heads("technical"), self.admin_head
        )
        self.assertEqual(self.company._dealer_department_heads(False), self.admin_head)

    def test_org_01_administrator_only_when_nobody_else(self):
        """The administrator is in every manager group by default: a head only
        of a company where no real person heads the department or Administration."""
        empty = self.env["res.company"].create({"name": "Empty Co"})
        admin = self.env.ref("base.user_admin")
        admin.company_ids |= empty
        self.assertEqual(empty._dealer_department_heads("purchasing"), admin)
        head = new_test_user(
            self.env,
            login="route_purchase_head",
            groups="dealer_base.group_purchasing_manager",
            company_id=empty.id,
            company_ids=[(6, 0, empty.ids)],
        )
        self.assertEqual(empty._dealer_department_heads("purchasing"), head)

    def test_org_01_department_of_a_user(self):
        self.assertEqual(self.sales_staff._dealer_department(), "sales")
        self.assertEqual(self.sales_head._dealer_department(), "sales")
        self.assertEqual(self.admin_head._dealer_department(), "administration")
        plain = new_test_user(self.env, login="route_plain", groups="base.group_user")
        self.assertFalse(plain._dealer_department())
