# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged, users, warmup
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import BaseCommon

# Rules per area in manual/RULES.md (the repository tests compare the data file
# with RULES.md itself, line by line).
RULES_PER_AREA = {
    "ORG": 26,
    "SAL": 26,
    "PUR": 19,
    "STK": 22,
    "ASV": 27,
    "CMP": 13,
    "CUS": 31,
    "KNW": 7,
    "FIN": 14,
    "ADM": 26,
    "RSK": 8,
    "HRM": 22,
    "AUD": 5,
}
CJK = re.compile(r"[\u4e00-\u9fff]")


@tagged("post_install", "-at_install")
class TestManualRuleData(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["dealer.manual.rule"]

    def test_aud_05_every_rule_of_the_manual_is_loaded(self):
        """AUD-05: the registry holds all 246 rules of the manual, area by area,
        each with its title, text, source and an XML id named after its code."""
        rules = self.Rule.search([])
        self.assertEqual(len(rules), sum(RULES_PER_AREA.values()))
        counts = {
            area.code: count
            for area, count in self.Rule._read_group([], ["area_id"], ["__count"])
        }
        self.assertEqual(counts, RULES_PER_AREA)
        xmlids = rules.get_external_id()
        for rule in rules:
            self.assertTrue(rule.title and rule.text and rule.seed_ref, rule.code)
            self.assertEqual(
                xmlids[rule.id],
                "dealer_base.rule_" + rule.code.lower().replace("-", "_"),
            )
        self.assertEqual(rules[0].code, "ORG-01", "rules are listed in manual order")
        self.assertEqual(rules[-1].code, "AUD-05")

    def test_aud_05_titles_and_areas_in_chinese(self):
        """AUD-05: Chinese-speaking staff read every rule title and area in zh_CN."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "dealer_base")]
        )._update_translations(["zh_CN"])
        rules = self.Rule.search([])
        english = {rule.id: rule.title for rule in rules}
        for rule in rules.with_context(lang="zh_CN"):
            self.assertRegex(rule.title, CJK, rule.code)
            self.assertNotEqual(rule.title, english[rule.id], rule.code)
        areas = self.env["dealer.manual.area"].with_context(lang="zh_CN").search([])
        self.assertEqual(len(areas), 13)
        self.assertEqual(
            self.env.ref("dealer_base.area_stk").with_context(lang="zh_CN").name,
            "仓储与盘点",
        )
        self.assertTrue(all(CJK.search(area.name) for area in areas))

    def test_aud_05_dealer_base_marks_the_rules_it_implements(self):
        """AUD-05, ORG-01 to ORG-07, ADM-24: dealer_base declares its own
        mechanisms; the departments' duties are carried by their roles."""
        own = self.env["dealer.manual.rule.mechanism"].search(
            [("module", "=", "dealer_base")]
        )
        self.assertEqual(
            set(own.rule_id.mapped("code")),
            {f"ORG-0{n}" for n in range(1, 8)} | {"ADM-24", "ADM-25", "AUD-05"},
        )
        self.assertEqual(self.env.ref("dealer_base.rule_org_01").state, "recorded")
        # Rules no installed addon implements (yet) and not human conduct are
        # planned, shown as "Not implemented yet".
        unimplemented = self.env["dealer.manual.rule"].search(
            [("mechanism_count", "=", 0), ("is_manual_only", "=", False)]
        )
        self.assertTrue(unimplemented)
        self.assertEqual(set(unimplemented.mapped("state")), {"planned"})
        labels = dict(
            self.env["dealer.manual.rule"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        self.assertEqual(labels["planned"], "Not implemented yet")

    def test_aud_05_human_conduct_rules_say_why(self):
        """AUD-05: the rules left to people on purpose (duty descriptions,
        meeting etiquette, a business the company is not in) each give their
        reason, and none of them is planned software work."""
        human = self.Rule.search([("is_manual_only", "=", True)])
        self.assertIn(self.env.ref("dealer_base.rule_pur_19"), human)
        for rule in human:
            self.assertTrue(rule.manual_only_reason, rule.code)
            self.assertNotIn(rule.area_id.code, ("HRM", "FIN", "RSK", "AUD"))


@tagged("post_install", "-at_install")
class TestManualRuleBehaviour(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env["dealer.manual.rule"].create(
            {
                "code": "ADM-90",
                "area_id": cls.env.ref("dealer_base.area_adm").id,
                "title": "Test rule",
                "text": "A rule made for this test.",
            }
        )
        cls.staff = new_test_user(
            cls.env, login="sales_staff", groups="dealer_base.group_sales_user"
        )
        cls.admin_head = new_test_user(
            cls.env,
            login="admin_head",
            groups="dealer_base.group_administration_manager",
        )

    def _mechanism(self, kind, rule=None):
        return self.env["dealer.manual.rule.mechanism"].create(
            {
                "rule_id": (rule or self.rule).id,
                "kind": kind,
                "module": "dealer_test",
                "name": f"{kind} by a test",
            }
        )

    def test_aud_05_state_is_the_strongest_mechanism(self):
        """AUD-05: a rule shows the strongest way the installed addons carry it out."""
        self.assertEqual(self.rule.state, "planned")
        self._mechanism("reminded")
        self.assertEqual(self.rule.state, "reminded")
        recorded = self._mechanism("recorded")
        self.assertEqual(self.rule.state, "recorded")
        enforced = self._mechanism("enforced")
        self.assertEqual(self.rule.state, "enforced")
        self.assertEqual(self.rule.mechanism_count, 3)
        (enforced | recorded).unlink()
        self.assertEqual(self.rule.state, "reminded")

    def test_aud_05_manual_only_rules(self):
        """AUD-05: a rule carried out by people only differs from a planned one,
        and says why in words."""
        with self.assertRaisesRegex(ValidationError, "Why human conduct"):
            self.rule.write({"is_manual_only": True, "manual_only_reason": "  "})
        self.rule.write(
            {"is_manual_only": True, "manual_only_reason": "Meeting etiquette."}
        )
        self.assertEqual(self.rule.state, "manual_only")
        self._mechanism("recorded")
        self.assertEqual(
            self.rule.state, "recorded", "a mechanism outranks 'manual only'"
        )

    def test_aud_05_code_must_match_area(self):
        """AUD-05: codes follow the manual's IDs; the error names the Code field."""
        area = self.env.ref("dealer_base.area_adm")
        for code in ("ADM-9", "STK-93", "adm-91"):
            with self.assertRaisesRegex(ValidationError, r"Code field"):
                self.env["dealer.manual.rule"].create(
                    {"code": code, "area_id": area.id, "title": "Bad", "text": "Bad."}
                )

    @mute_logger("odoo.sql_db")
    def test_aud_05_code_is_unique(self):
        """AUD-05: a rule code exists once."""
        with self.assertRaises(IntegrityError):
            self.env["dealer.manual.rule"].create(
                {
                    "code": "ADM-90",
                    "area_id": self.env.ref("dealer_base.area_adm").id,
                    "title": "Twin",
                    "text": "Twin.",
                }
            )

    def test_aud_05_implemented_rule_is_archived_not_deleted(self):
        """AUD-05: a rule an installed addon implements cannot be deleted."""
        self._mechanism("enforced")
        with self.assertRaisesRegex(UserError, "ADM-90"):
            self.rule.unlink()
        self.rule.action_archive()
        self.assertFalse(self.rule.active)

    def test_aud_05_staff_read_the_registry_but_cannot_change_it(self):
        """AUD-05, ORG-07: every employee reads the rules; only the Administration
        department head edits them, and nobody but system administrators deletes."""
        as_staff = self.rule.with_user(self.staff)
        self.assertEqual(as_staff.read(["title"])[0]["title"], "Test rule")
        with self.assertRaises(AccessError):
            as_staff.write({"title": "Changed by staff"})
        with self.assertRaises(AccessError):
            self.env["dealer.manual.rule.mechanism"].with_user(self.admin_head).create(
                {
                    "rule_id": self.rule.id,
                    "kind": "enforced",
                    "module": "x",
                    "name": "x",
                }
            )
        self.rule.with_user(self.admin_head).write({"title": "Changed by the head"})
        self.assertEqual(self.rule.title, "Changed by the head")
        with self.assertRaises(AccessError):
            self.rule.with_user(self.admin_head).unlink()

    def test_aud_05_form_shows_code_and_title(self):
        """AUD-05: the rule form creates a rule the way a user types it."""
        with Form(self.env["dealer.manual.rule"]) as form:
            form.code = "ADM-91"
            form.area_id = self.env.ref("dealer_base.area_adm")
            form.title = "Typed rule"
            form.text = "Typed in the form."
        rule = form.record
        self.assertEqual(rule.display_name, "ADM-91 Typed rule")
        self.assertEqual(
            self.env["dealer.manual.rule"].name_search("ADM-91")[0][0], rule.id
        )
        self.assertEqual(
            self.env["dealer.manual.rule"].name_search("Typed rule")[0][0], rule.id
        )


@tagged("post_install", "-at_install")
class TestManualRuleTracking(TransactionCase):
    def test_adm_24_rule_changes_are_tracked(self):
        """ADM-24: each revision of a rule is kept in its chatter (who, when, what)."""
        rule = self.env.ref("dealer_base.rule_stk_03")
        old_title = rule.title
        rule.title = "Revised title"
        # Tracking values are written when the transaction commits.
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracking = rule.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "title"
        )
        self.assertTrue(tracking)
        self.assertEqual(tracking[:1].old_value_char, old_title)
        self.assertEqual(tracking[:1].new_value_char, "Revised title")


@tagged("post_install", "-at_install")
class TestManualRulePerformance(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env, login="perf_staff", groups="dealer_base.group_sales_user"
        )

    @users("perf_staff")
    @warmup
    def test_aud_05_rule_list_loads_in_fixed_queries(self):
        """AUD-05: the registry's list (every rule with its area, status and number
        of mechanisms) loads in a fixed number of queries, not one per rule."""
        spec = {
            "code": {},
            "title": {},
            "area_id": {"fields": {"display_name": {}}},
            "mechanism_count": {},
            "state": {},
        }
        with self.assertQueryCount(perf_staff=2):
            result = self.env["dealer.manual.rule"].web_search_read([], spec)
        self.assertEqual(result["length"], 246)
