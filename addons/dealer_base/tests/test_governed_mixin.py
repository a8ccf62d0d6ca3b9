# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

from .common import load_fake_models


@tagged("post_install", "-at_install")
class TestGovernedMixin(BaseCommon):
    """The guard every dealer addon uses to keep a rule's fields in the hands
    of the model's own actions, on every route a user has."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def import_models():
            from .governed_tester import (
                DealerGovernedTester,
                DealerGovernedTesterExtension,
            )

            return DealerGovernedTester, DealerGovernedTesterExtension

        load_fake_models(cls, cls.__module__, import_models)
        cls.user = new_test_user(
            cls.env, login="governed_user", groups="base.group_user"
        )
        cls.Tester = cls.env["dealer.governed.tester"].with_user(cls.user)

    def test_write_of_a_governed_field_is_refused(self):
        rec = self.Tester.create({"name": "A", "qty": 1})
        with self.assertRaisesRegex(UserError, "TST-01"):
            rec.write({"state": "done"})
        with self.assertRaisesRegex(UserError, "TST-04"):
            rec.write({"count": 3})
        # Positive controls: free fields are written, the action moves the state.
        rec.write({"name": "B"})
        rec.action_done()
        self.assertEqual(rec.state, "done")

    def test_stored_computed_field_cannot_be_written_or_given(self):
        rec = self.Tester.create({"qty": 2})
        self.assertEqual(rec.total, 4)
        with self.assertRaisesRegex(UserError, "TST-02"):
            rec.write({"total": 100})
        with self.assertRaisesRegex(UserError, "TST-02"):
            self.Tester.create({"qty": 2, "total": 0})

    def test_create_only_with_the_starting_value(self):
        with self.assertRaisesRegex(UserError, "TST-01"):
            self.Tester.create({"name": "forged", "state": "done"})
        rec = self.Tester.create({"name": "plain", "state": "draft"})
        self.assertEqual(rec.state, "draft")

    def test_a_context_key_from_the_caller_is_no_token(self):
        """The guard's key sent as a string (what JSON-RPC can send) is refused."""
        rec = self.Tester.create({"name": "A"})
        forged = rec.with_context(dealer_governed="server")
        with self.assertRaisesRegex(UserError, "TST-01"):
            forged.write({"state": "done"})

    def test_a_forged_key_never_reaches_the_servers_environment(self):
        """Odoo reuses an environment whose context compares equal: the forged
        string must not find the action's environment, in either order."""
        rec = self.Tester.create({"name": "A"})
        rec._dealer_as_action().write({"name": "trusted first"})
        with self.assertRaisesRegex(UserError, "TST-01"):
            rec.with_context(dealer_governed="dealer_governed").write({"state": "done"})
        other = self.Tester.create({"name": "B"})
        forged = other.with_context(dealer_governed="dealer_governed")
        with self.assertRaisesRegex(UserError, "TST-01"):
            forged.write({"state": "done"})
        other.action_done()
        self.assertEqual(other.state, "done")

    def test_context_defaults_of_governed_fields_are_ignored(self):
        rec = self.Tester.with_context(
            default_state="done", default_name="kept"
        ).create({})
        self.assertEqual(rec.state, "draft")
        self.assertEqual(rec.name, "kept", "defaults of free fields still apply")
        trusted = self.Tester._dealer_as_action().with_context(default_state="done")
        self.assertEqual(trusted.create({}).state, "done")

    def test_rewriting_the_same_value_is_not_refused(self):
        rec = self.Tester.create({"name": "A"})
        rec.action_done()
        rec.write({"state": "done", "name": "again"})
        self.assertEqual(rec.name, "again")

    def test_import_is_refused(self):
        result = self.Tester.load(["name", "state"], [["imported", "done"]])
        self.assertFalse(result["ids"])
        self.assertIn("TST-01", result["messages"][0]["message"])
        result = self.Tester.load(["name", "state"], [["imported", "draft"]])
        self.assertEqual(len(result["ids"]), 1, result["messages"])

    def test_superuser_passes(self):
        rec = self.Tester.create({"name": "A"})
        rec.sudo().write({"state": "done"})
        self.assertEqual(rec.state, "done")

    def test_kept_records_are_not_deleted(self):
        draft, done = self.Tester.create([{"name": "draft"}, {"name": "done"}])
        done.action_done()
        with self.assertRaisesRegex(UserError, "TST-03"):
            done.unlink()
        with self.assertRaisesRegex(UserError, "TST-03"):
            done.sudo().unlink()
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_numbers_a_column_cannot_hold_are_refused(self):
        rec = self.Tester.create({"name": "A"})
        for vals in (
            {"qty": float("nan")},
            {"qty": float("inf")},
            {"qty": -float("inf")},
            {"size": 2**31},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, "Qty|Size"),
            ):
                rec.write(vals)
        with self.assertRaisesRegex(ValidationError, "Qty"):
            self.Tester.create({"qty": float("nan")})
        with self.assertRaisesRegex(ValidationError, "Total"):
            rec.write({"total": float("nan")})  # governed: named, not a crash
        rec.write({"qty": 1e12})
        self.assertEqual(rec.qty, 1e12)

    def test_import_of_nan(self):
        """CSV and XLSX import turn 'nan' into a float: refused with the field."""
        result = self.Tester.load(["name", "qty"], [["bad", "nan"]])
        self.assertFalse(result["ids"])
        self.assertIn("Qty", result["messages"][0]["message"])


@tagged("post_install", "-at_install")
class TestGovernedPolicy(BaseCommon):
    """A company that does not run by the manual keeps Odoo's own behaviour:
    the guard and the keep rule step aside for its records only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def import_models():
            from .governed_tester import DealerGovernedTester

            return (DealerGovernedTester,)

        load_fake_models(cls, cls.__module__, import_models)
        cls.user = new_test_user(cls.env, login="policy_user", groups="base.group_user")
        cls.Tester = cls.env["dealer.governed.tester"].with_user(cls.user)

    def test_policy_off_lets_governed_fields_be_written(self):
        rec = self.Tester.create({"name": "A"})
        with self.assertRaisesRegex(UserError, "TST-01"):
            rec.write({"state": "done"})
        self.env.company.dealer_policy_manual = False
        rec.write({"state": "done"})
        self.assertEqual(rec.state, "done")
        rec.unlink()  # nothing is kept either
        self.assertFalse(rec.exists())

    def test_policy_of_the_record_s_company_not_the_caller_s(self):
        """A record of a company that runs the manual stays guarded when the
        caller works from a company that does not (and the other way round)."""
        other = self.env["res.company"].create({"name": "No manual"})
        other.dealer_policy_manual = False
        self.user.write({"company_ids": [(4, other.id)]})
        from_other = self.Tester.with_company(other)
        with self.assertRaisesRegex(UserError, "TST-01"):
            from_other.create(
                {"name": "A", "company_id": self.env.company.id, "state": "done"}
            )
        rec = from_other.create({"name": "B", "company_id": self.env.company.id})
        with self.assertRaisesRegex(UserError, "TST-01"):
            from_other.browse(rec.id).write({"state": "done"})
        # Positive control: the other company's own records are Odoo's.
        own = from_other.create({"name": "C", "company_id": other.id, "state": "done"})
        self.assertEqual(own.state, "done")

    def test_shared_record_follows_the_user_s_companies_not_the_current_one(self):
        """A record that names no company is shared: a user of a company that
        runs the manual cannot step around its rules by switching to one that
        does not; a user of that other company alone keeps Odoo's behaviour."""
        other = self.env["res.company"].create({"name": "No manual"})
        other.dealer_policy_manual = False
        self.user.write({"company_ids": [(4, other.id)]})
        from_other = self.Tester.with_company(other)
        with self.assertRaisesRegex(UserError, "TST-01"):
            from_other.create({"name": "A", "state": "done"})
        shared = from_other.create({"name": "B"})
        with self.assertRaisesRegex(UserError, "TST-01"):
            shared.write({"state": "done"})
        self.assertTrue(shared.exists())
        # Positive control: a user of the other company only.
        outsider = new_test_user(
            self.env,
            login="policy_outsider",
            groups="base.group_user",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        shared.with_user(outsider).with_company(other).write({"state": "done"})
        self.assertEqual(shared.state, "done")

    def test_new_company_follows_the_company_it_is_created_from(self):
        self.assertTrue(self.env.company.dealer_policy_manual)
        self.assertTrue(
            self.env["res.company"].create({"name": "On"}).dealer_policy_manual
        )
        self.env.company.dealer_policy_manual = False
        self.assertFalse(
            self.env["res.company"].create({"name": "Off"}).dealer_policy_manual
        )
