# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

DEPARTMENTS = (
    "sales",
    "technical",
    "purchasing",
    "warehouse",
    "after_sales",
    "administration",
)


@tagged("post_install", "-at_install")
class TestDepartmentGroups(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.root_category = cls.env.ref("dealer_base.module_category_dealer_management")

    def test_org_01_six_departments_each_with_user_and_manager(self):
        """ORG-01: Sales, Technical, Purchasing, Warehouse, After-sales and
        Administration each have a User and a Manager group of their own."""
        department_categories = self.env["ir.module.category"]
        for department in DEPARTMENTS:
            user = self.env.ref(f"dealer_base.group_{department}_user")
            manager = self.env.ref(f"dealer_base.group_{department}_manager")
            self.assertEqual(user.category_id, manager.category_id)
            self.assertEqual(user.category_id.parent_id, self.root_category)
            department_categories |= user.category_id
        self.assertEqual(len(department_categories), 6, "one category per department")
        self.assertEqual(
            self.env["res.groups"].search_count(
                [("category_id", "in", department_categories.ids)]
            ),
            12,
            "exactly two levels per department",
        )

    def test_org_01_department_head_has_staff_rights_only_in_own_department(self):
        """ORG-01: the department head (Manager) has every right of the department's
        staff (User), and no right in another department."""
        for department in DEPARTMENTS:
            head = new_test_user(
                self.env,
                login=f"head_{department}",
                groups=f"dealer_base.group_{department}_manager",
            )
            self.assertTrue(head.has_group(f"dealer_base.group_{department}_user"))
            self.assertTrue(head.has_group("base.group_user"))
            for other in DEPARTMENTS:
                if other != department:
                    self.assertFalse(
                        head.has_group(f"dealer_base.group_{other}_user"),
                        f"head of {department} must not be {other} staff",
                    )

    def test_org_01_staff_is_not_department_head(self):
        """ORG-01: staff (User) do not get the head's (Manager) approvals."""
        for department in DEPARTMENTS:
            staff = new_test_user(
                self.env,
                login=f"staff_{department}",
                groups=f"dealer_base.group_{department}_user",
            )
            self.assertFalse(staff.has_group(f"dealer_base.group_{department}_manager"))

    def test_org_01_special_roles_independent_of_departments(self):
        """ORG-01, SAL-20, CUS-17: the Legal Reviewer and the Customer File Custodian
        are roles of their own, given on top of a department."""
        for xmlid in (
            "dealer_base.group_legal_reviewer",
            "dealer_base.group_file_custodian",
        ):
            group = self.env.ref(xmlid)
            self.assertEqual(group.category_id.parent_id, self.root_category)
            holder = new_test_user(self.env, login=xmlid.split(".")[1], groups=xmlid)
            self.assertTrue(holder.has_group("base.group_user"))
            self.assertFalse(
                any(
                    holder.has_group(f"dealer_base.group_{department}_user")
                    for department in DEPARTMENTS
                ),
                f"{xmlid} must not imply a department",
            )
        legal = self.env.ref("dealer_base.group_legal_reviewer")
        custodian = self.env.ref("dealer_base.group_file_custodian")
        self.assertNotIn(custodian, legal.implied_ids)
        self.assertNotIn(legal, custodian.implied_ids)

    def test_org_01_administrator_heads_every_department(self):
        """ORG-01: the administrator can act as the head of every department."""
        admin = self.env.ref("base.user_admin")
        for department in DEPARTMENTS:
            self.assertTrue(admin.has_group(f"dealer_base.group_{department}_manager"))
