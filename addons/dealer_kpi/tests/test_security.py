# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 21, security: managers through the hierarchy, the appraisee without
the private note and the peers' names, a colleague with nothing; refused on
the ORM and on the external API."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import DealerKpiHierarchyCommon


@tagged("post_install", "-at_install")
class TestAppraisalSecurity(DealerKpiHierarchyCommon):
    def test_hrm_14_manager_two_levels_up_reads_and_follows_the_hierarchy(self):
        for user in (self.head, self.director):
            self.assertEqual(
                self.appraisal.with_user(user).read(["note"])[0]["note"],
                "<p>Late twice; talk first.</p>",
            )
            self.assertEqual(self.value.with_user(user).read(["value"])[0]["value"], 80)
            self.assertEqual(
                self.appraisal.dealer_line_ids.with_user(user).mapped("value"), [80]
            )
        # Refused: the other director, before the head moves under them.
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.director2).read(["employee_id"])
        with self.assertRaises(AccessError):
            self.value.with_user(self.director2).read(["value"])
        # A change higher up: the head now reports to director 2.
        self.head_emp.parent_id = self.director2_emp
        self.env.invalidate_all()
        self.assertTrue(
            self.appraisal.with_user(self.director2).read(["note"])[0]["note"]
        )
        self.assertEqual(
            self.value.with_user(self.director2).read(["value"])[0]["value"], 80
        )
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.director).read(["employee_id"])
        with self.assertRaises(AccessError):
            self.value.with_user(self.director).read(["value"])
        with self.assertRaises(AccessError):
            self.appraisal.dealer_line_ids.with_user(self.director).read(["value"])

    def test_hrm_14_appraisee_without_private_note_and_peer_names(self):
        mine = self.appraisal.with_user(self.tech)
        self.assertEqual(mine.read(["dealer_score"])[0]["dealer_score"], 80)
        self.assertFalse(mine.read(["note"])[0]["note"])
        Note = self.env["dealer.appraisal.note"].with_user(self.tech)
        self.assertFalse(Note.search([]))
        note = self.env["dealer.appraisal.note"].search(
            [("appraisal_id", "=", self.appraisal.id)]
        )
        with self.assertRaises(AccessError):
            note.with_user(self.tech).read(["note"])
        with self.assertRaises(AccessError):
            mine.note = "<p>Nothing to see.</p>"
        # Peers: the appraisee does not see who they are.
        evaluations = self.env["dealer.appraisal.evaluation"].with_user(self.tech)
        self.assertEqual(
            set(evaluations.search([]).mapped("kind")), {"self", "superior"}
        )
        self.assertNotIn("peer", mine.dealer_evaluation_ids.mapped("kind"))
        with self.assertRaises(AccessError):
            self.peer_eval.with_user(self.tech).read(["evaluator_user_id"])
        # The peer sees their own evaluation; the managers see all.
        self.assertEqual(evaluations.with_user(self.tech2).search([]), self.peer_eval)
        self.assertIn(
            self.peer_eval,
            self.appraisal.with_user(self.director).dealer_evaluation_ids,
        )

    def test_hrm_14_appraisee_does_not_grade_or_close_their_appraisal(self):
        """HRM-14, HRM-15: the appraisee writes their feedback only: not the
        grade, the scores, the state, the outcome nor the managers, and does
        not close or reopen their appraisal; the managers do not type the
        grade or the state either. hr_appraisal_oca lets every internal user
        write them."""
        mine = self.appraisal.with_user(self.tech)
        forged = [
            {"dealer_grade": "a"},
            {"dealer_total_score": 99},
            {"dealer_eval_self": 100},
            {"state": "3_done"},
            {"dealer_outcome": "promotion"},
            {"manager_ids": [Command.link(self.tech_emp.id)]},
        ]
        for vals in forged:
            with self.assertRaisesRegex(AccessError, "HRM-14"):
                mine.write(vals)
        for action in ("action_done", "action_back", "action_confirm"):
            with self.assertRaisesRegex(AccessError, "HRM-14"):
                getattr(mine, action)()
        mine.employee_feedback = "<p>I met my targets.</p>"
        managed = self.appraisal.with_user(self.head)
        for vals in ({"dealer_grade": "a"}, {"dealer_score": 99}, {"state": "3_done"}):
            with self.assertRaisesRegex(UserError, "HRM-14"):
                managed.write(vals)
        with self.assertRaisesRegex(ValidationError, "HRM-14"):
            managed.write({"manager_ids": [Command.link(self.tech_emp.id)]})
        self.assertEqual(self.appraisal.state, "2_pending")
        self.assertEqual(self.appraisal.dealer_total_score, 80)
        # Positive control: the head closes it with the interview recorded.
        managed.write({"dealer_interview_date": "2026-07-10"})
        managed.action_done()
        self.assertEqual(self.appraisal.state, "3_done")
        self.assertIn("targets", self.appraisal.employee_feedback)

    def test_hrm_14_evaluations_stay_as_given(self):
        """HRM-14: the appraisee does not turn their self evaluation into a
        superior one nor mark it submitted; the managers do not delete a
        submitted evaluation, directly or through the appraisal."""
        own = self.appraisal.dealer_evaluation_ids.filtered(lambda e: e.kind == "self")
        for vals in ({"kind": "superior"}, {"state": "done"}):
            with self.assertRaisesRegex(AccessError, "HRM-14"):
                own.with_user(self.tech).write(vals)
        self.peer_eval.with_user(self.tech2).write({"score": 30})
        self.peer_eval.with_user(self.tech2).action_submit()
        with self.assertRaisesRegex(UserError, "HRM-14"):
            self.peer_eval.with_user(self.head).unlink()
        with self.assertRaisesRegex(UserError, "HRM-14"):
            self.appraisal.with_user(self.head).write(
                {"dealer_evaluation_ids": [Command.delete(self.peer_eval.id)]}
            )
        self.assertTrue(self.peer_eval.exists())
        self.assertEqual(self.appraisal.dealer_eval_peer, 30)
        # Positive control: the appraisee fills in their own score.
        own.with_user(self.tech).write({"score": 90, "comment": "On time."})
        own.with_user(self.tech).action_submit()
        self.assertEqual(own.state, "done")

    def test_hrm_14_appraisal_visible_to_managers_hidden_from_appraisee(self):
        """Issue 21: an appraisal visible to managers only is not read by the
        appraisee (the hierarchy branch of the record rule counts the
        appraisee's own employee too)."""
        self.appraisal.visibility = "manager"
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.tech).read(["employee_id"])
        self.assertFalse(self.env["hr.appraisal"].with_user(self.tech).search([]))
        # Positive control: the head and the director above still read it.
        for user in (self.head, self.director):
            self.assertTrue(self.appraisal.with_user(user).read(["employee_id"]))

    def test_hrm_14_colleague_sees_nothing(self):
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.tech2).read(["employee_id"])
        with self.assertRaises(AccessError):
            self.value.with_user(self.tech2).read(["value"])
        with self.assertRaises(AccessError):
            self.appraisal.dealer_line_ids.with_user(self.tech2).read(["value"])
        self.assertFalse(
            self.env["hr.appraisal"]
            .with_user(self.tech2)
            .search([("employee_id", "=", self.tech_emp.id)])
        )
        # Positive control: the colleague sees their own values.
        own = self.value.copy({"user_id": self.tech2.id})
        self.assertEqual(
            self.env["dealer.kpi.value"].with_user(self.tech2).search([]), own
        )


@tagged("post_install", "-at_install")
class TestAppraisalSecurityHttp(HttpCase, DealerKpiHierarchyCommon):
    def call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_hrm_14_external_api_refuses_the_appraisee_and_the_colleague(self):
        self.authenticate(self.tech.login, self.tech.login)
        [record] = self.call_kw(
            "hr.appraisal",
            "web_read",
            [self.appraisal.ids, {"note": {}, "dealer_total_score": {}}],
        )
        self.assertFalse(record["note"])
        self.assertEqual(record["dealer_total_score"], 80)
        rows = self.call_kw(
            "dealer.appraisal.evaluation",
            "search_read",
            [[], ["kind", "evaluator_user_id"]],
        )
        self.assertEqual({row["kind"] for row in rows}, {"self", "superior"})
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self.call_kw(
                "dealer.appraisal.evaluation",
                "read",
                [self.peer_eval.ids, ["evaluator_user_id"]],
            )
        self.assertFalse(
            self.call_kw("dealer.appraisal.note", "search_read", [[], ["note"]])
        )
        self.authenticate(self.tech2.login, self.tech2.login)
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self.call_kw("hr.appraisal", "read", [self.appraisal.ids, ["employee_id"]])
        # Positive control: the director two levels up reads the note.
        self.authenticate(self.director.login, self.director.login)
        [record] = self.call_kw("hr.appraisal", "read", [self.appraisal.ids, ["note"]])
        self.assertIn("Late twice", record["note"])
