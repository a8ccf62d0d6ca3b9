# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestActivityLanguage(BaseCommon):
    """Issue 19: an activity reads in its assignee's language, whoever or
    whatever created it, also when its summary is the activity type's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.activity_type = cls.env["mail.activity.type"].create(
            {
                "name": "Check the goods",
                "summary": "Inspect the goods",
                "default_note": "<p>Count every box</p>",
                "res_model": "res.partner",
            }
        )
        cls.activity_type.update_field_translations("summary", {"zh_CN": "检验货物"})
        cls.activity_type.update_field_translations(
            "default_note", {"zh_CN": {"Count every box": "清点每一箱"}}
        )
        cls.chinese = new_test_user(cls.env, login="zh_clerk", lang="zh_CN")
        cls.english = new_test_user(cls.env, login="en_clerk", lang="en_US")
        cls.partner = cls.env["res.partner"].create({"name": "Supplier"})

    def _schedule(self, user, **values):
        return self.partner.with_context(lang="en_US").activity_schedule(
            activity_type_id=self.activity_type.id, user_id=user.id, **values
        )

    def test_issue19_type_summary_in_the_assignees_language(self):
        activity = self._schedule(self.chinese)
        self.assertEqual(activity.summary, "检验货物")
        self.assertIn("清点每一箱", activity.note)
        # Positive control: the English assignee reads English.
        activity = self._schedule(self.english)
        self.assertEqual(activity.summary, "Inspect the goods")
        self.assertIn("Count every box", activity.note)

    def test_issue19_given_summary_is_kept(self):
        activity = self._schedule(self.chinese, summary="Call Mr Wang")
        self.assertEqual(activity.summary, "Call Mr Wang")
        self.assertIn("清点每一箱", activity.note)


@tagged("post_install", "-at_install")
class TestSystemLanguage(BaseCommon):
    """Issue 19: what the system writes itself (a scheduled job, data loading)
    is in the company's language, not in the system user's English."""

    def _create_rule(self, code):
        # BaseCommon switches creation messages off; the test needs them.
        Rule = self.env["dealer.manual.rule"].with_context(
            mail_create_nolog=False, tracking_disable=False
        )
        return Rule.create(
            {
                "code": code,
                "area_id": self.env.ref("dealer_base.area_adm").id,
                "title": "Test rule",
                "text": "A rule written for the test.",
            }
        )

    def _creation_line(self, rule):
        return rule.message_ids.filtered(lambda m: m.message_type == "notification")[
            -1:
        ].body

    def test_issue19_creation_message_in_the_companys_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env.company.partner_id.lang = "zh_CN"
        self.assertIn("创建", self._creation_line(self._create_rule("ADM-97")))
        # Positive control: an English company reads English.
        self.env.company.partner_id.lang = "en_US"
        self.assertIn("created", self._creation_line(self._create_rule("ADM-98")))
