# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 19: every demo role's working day in the browser, in Simplified
Chinese: its home and main screens show no English UI text, no raw values
and no empty home; the warehouse and after-sales staff on a phone."""

from odoo.tests import HttpCase, tagged

from .test_demo import DEMO_USERS

PHONE = ("stock", "service", "tech")


@tagged("post_install", "-at_install")
class TestRoleTours(HttpCase):
    def setUp(self):
        super().setUp()
        if not self.env.ref("dealer_management.user_sales", raise_if_not_found=False):
            self.skipTest("the database was installed without demo data")

    def walk(self, login):
        user = self.env.ref(f"dealer_management.user_{login}")
        self.assertEqual(user.lang, "zh_CN", login)
        # The test browser logs in with the login as its password.
        user.password = login
        self.start_tour("/odoo", f"dealer_role_day_{login}", login=login)

    def test_issue19_desk_roles_work_in_chinese(self):
        for login in DEMO_USERS:
            if login not in PHONE:
                with self.subTest(login=login):
                    self.walk(login)

    def test_issue19_warehouse_and_after_sales_work_on_a_phone(self):
        self.browser_size = "390x844"
        self.touch_enabled = True
        for login in PHONE:
            with self.subTest(login=login):
                self.walk(login)
