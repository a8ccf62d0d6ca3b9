# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

from .common import load_fake_models


@tagged("post_install", "-at_install")
class TestDecision(BaseCommon):
    """ADM-25: every decision the manual wants on record says who decided,
    when, why and under which rule, is never taken by who asked for it, is in
    the document's chatter, and is never changed or deleted afterwards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def import_models():
            from .decision_tester import DealerDecisionTester

            return (DealerDecisionTester,)

        load_fake_models(cls, cls.__module__, import_models)
        cls.requester = new_test_user(
            cls.env, login="dec_req", groups="base.group_user"
        )
        cls.decider = new_test_user(cls.env, login="dec_boss", groups="base.group_user")
        cls.outsider = new_test_user(cls.env, login="dec_out", groups="base.group_user")
        model = cls.env["ir.model"]._get("dealer.decision.tester")
        # Like a confidential document: each user reads only the documents
        # they are on (the requester's and the decider's, not the outsider's).
        cls.env["ir.rule"].create(
            {
                "name": "decision tester: own documents",
                "model_id": model.id,
                "domain_force": "['|', ('user_id', '=', user.id), "
                "('create_uid', '=', user.id)]",
                "groups": [(4, cls.env.ref("base.group_user").id)],
            }
        )
        cls.document = (
            cls.env["dealer.decision.tester"]
            .with_user(cls.decider)
            .create({"name": "Doc 1", "user_id": cls.requester.id})
        )

    def test_adm_25_decision_records_who_when_why_in_the_chatter(self):
        decision = self.document.with_user(self.decider).action_decide("Cheaper here.")
        self.assertEqual(decision.decided_by_id, self.decider)
        self.assertEqual(decision.requested_by_id, self.requester)
        self.assertEqual(decision.rule, "TST-10")
        self.assertEqual(decision.reason, "Cheaper here.")
        self.assertTrue(decision.decided_on)
        self.assertEqual(self.document.dealer_decision_ids, decision)
        self.assertEqual(self.document.dealer_decision_count, 1)
        self.assertIn("Cheaper here.", self.document.message_ids[0].body)
        self.assertIn(self.decider.name, self.document.message_ids[0].body)

    def test_adm_25_the_requester_never_decides(self):
        with self.assertRaisesRegex(UserError, "TST-10"):
            self.document.with_user(self.requester).action_decide("My own wish.")
        self.assertFalse(self.document.dealer_decision_ids)

    def test_adm_25_a_reason_in_words_is_required(self):
        for reason in (False, "", "   ", "<p> </p>"):
            with self.assertRaisesRegex(ValidationError, "TST-10"):
                self.document.with_user(self.decider).action_decide(reason)
        self.assertFalse(self.document.dealer_decision_ids)

    def test_adm_25_decisions_are_never_forged_changed_or_deleted(self):
        decision = self.document.with_user(self.decider).action_decide("Fine.")
        Decision = self.env["dealer.decision"]
        vals = {
            "company_id": self.env.company.id,
            "res_model_id": self.env["ir.model"]._get_id("dealer.decision.tester"),
            "res_id": self.document.id,
            "kind": "approval",
            "outcome": "approved",
            "decided_by_id": self.decider.id,
            "decided_on": "2026-01-01 00:00:00",
        }
        with self.assertRaises(AccessError):
            Decision.with_user(self.requester).create(vals)
        # Not even the superuser, nor a caller sending the key as a string.
        with self.assertRaises(AccessError):
            Decision.sudo().with_context(dealer_decision="dealer_decision").create(vals)
        with self.assertRaises(AccessError):
            decision.with_user(self.requester).write({"decided_by_id": self.requester})
        with self.assertRaises(AccessError):
            decision.sudo().write({"reason": "Other"})
        with self.assertRaises(AccessError):
            decision.with_user(self.decider).unlink()
        with self.assertRaises(AccessError):
            decision.sudo().unlink()
        self.assertEqual(decision.reason, "Fine.")

    mine = [("res_model", "=", "dealer.decision.tester")]

    def test_adm_25_decisions_are_read_with_their_document_only(self):
        decision = self.document.with_user(self.decider).action_decide("Fine.")
        Decision = self.env["dealer.decision"]
        self.assertEqual(
            Decision.with_user(self.requester).search([("id", "=", decision.id)]),
            decision,
        )
        # The outsider may not read the document: nor its decisions, by any route.
        outsider = Decision.with_user(self.outsider)
        self.assertFalse(outsider.search([("id", "=", decision.id)]))
        self.assertFalse(outsider.search_count([("id", "=", decision.id)]))
        self.assertFalse(outsider.read_group(self.mine, ["res_id"], ["res_id"]))
        with self.assertRaises(AccessError):
            decision.with_user(self.outsider).read(["reason"])
        # Pages are filled with readable rows only.
        other = (
            self.env["dealer.decision.tester"]
            .with_user(self.outsider)
            .create({"name": "Doc 2", "user_id": self.outsider.id})
        )
        other.with_user(self.decider).sudo().action_decide("Other.")
        mine = self.mine
        self.assertEqual(outsider.search(mine, limit=1).document_name, "Doc 2")
        self.assertEqual(outsider.search_count(mine), 1)
        # Positive control: the document's own users read it.
        self.assertEqual(decision.with_user(self.requester).reason, "Fine.")
