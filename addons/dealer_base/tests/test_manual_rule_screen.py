# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestManualRuleScreen(BaseCommon):
    """The rule list says where each rule is carried and opens that screen,
    through the menus the user may open."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env.ref("dealer_base.rule_adm_24")
        Mechanism = cls.env["dealer.manual.rule.mechanism"]
        cls.on_rules = Mechanism.create(
            {
                "rule_id": cls.rule.id,
                "name": "Shown in the rule list",
                "module": "dealer_base",
                "reference": "dealer.manual.rule code",
            }
        )
        # Areas are listed only under Configuration, a menu of administrators.
        cls.on_areas = Mechanism.create(
            {
                "rule_id": cls.rule.id,
                "name": "Shown in the area list",
                "module": "dealer_base",
                "reference": "dealer.manual.area code",
            }
        )
        cls.staff = new_test_user(
            cls.env, login="screen_staff", groups="dealer_base.group_sales_user"
        )

    def test_aud_05_rule_names_the_screens_that_carry_it(self):
        models = self.env["ir.model"]
        self.assertEqual(
            self.on_rules.screen_name, models._get("dealer.manual.rule").name
        )
        self.assertIn(models._get("dealer.manual.area").name, self.rule.carried_in)
        self.assertIn(self.on_rules.screen_name, self.rule.carried_in)
        template = self.on_rules.copy({"reference": "template base.view_users_form"})
        self.assertFalse(template.screen_model)

    def test_aud_05_open_screen_through_a_menu_the_user_sees(self):
        action = self.on_rules.with_user(self.staff).action_open_screen()
        self.assertEqual(action["res_model"], "dealer.manual.rule")
        with self.assertRaisesRegex(UserError, "ADM-24"):
            self.on_areas.with_user(self.staff).action_open_screen()
        # Positive control: the administrator sees the Configuration menu.
        admin = self.env.ref("base.user_admin")
        action = self.on_areas.with_user(admin).action_open_screen()
        self.assertEqual(action["res_model"], "dealer.manual.area")
