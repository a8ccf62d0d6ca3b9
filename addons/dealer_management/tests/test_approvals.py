# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every approving document of the suite, tried by the demo roles (issue 16):
the author cannot approve, a head of another department cannot approve, the
requester cannot forge a review, the state and reviewer fields cannot be
written, a cancelled document is never approved, and the legitimate chain
approves with who, when and the comment recorded."""

from contextlib import suppress

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

# Every demo role (dealer_management/demo/res_users_demo.xml).
DEMO_LOGINS = (
    "sales_mgr",
    "sales",
    "tech_mgr",
    "tech",
    "purchase_mgr",
    "purchase",
    "stock_mgr",
    "stock",
    "service_mgr",
    "service",
    "office_mgr",
    "office",
    "legal",
    "custodian",
)


@tagged("post_install", "-at_install")
class ApprovalCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo = bool(
            cls.env.ref("dealer_management.user_sales", raise_if_not_found=False)
        )

    def setUp(self):
        super().setUp()
        if not self.demo:
            self.skipTest("the database was installed without demo data")

    def user(self, login):
        if login == "admin":
            # The demo's administrator (README: admin / admin): in every
            # manager group, as in a fresh install.
            return self.env.ref("base.user_admin")
        return self.env.ref(f"dealer_management.user_{login}")

    def as_user(self, record, login):
        """``record`` as ``login`` in a new request: what the previous one
        wrote is flushed (tier validation opens a review's turn when its
        stored computes are), and nothing is read from its cache."""
        self.env.flush_all()
        self.env.invalidate_all()
        return record.with_user(self.user(login))

    def assertReviewsUnforgeable(self, document, login):
        """The requester cannot approve, add or remove a review in anyone's name."""
        reviews = self.as_user(document, login).review_ids
        self.assertTrue(reviews, "the document is under review")
        reviewer = reviews[0].reviewer_ids[:1] or self.user("office_mgr")
        with self.assertRaises(AccessError):
            reviews.write({"status": "approved", "done_by": reviewer.id})
        with self.assertRaises(AccessError):
            reviews.unlink()
        with self.assertRaises(AccessError):
            reviews.create(
                {
                    "model": document._name,
                    "res_id": document.id,
                    "definition_id": reviews[0].definition_id.id,
                    "status": "approved",
                    "done_by": reviewer.id,
                }
            )
        # Nor through a comment wizard naming the reviewers' reviews: refused
        # (every refusal is a UserError), or deciding nothing.
        with suppress(UserError), self.env.cr.savepoint():
            self.env["comment.wizard"].with_user(self.user(login)).create(
                {
                    "res_model": document._name,
                    "res_id": document.id,
                    "review_ids": [Command.set(reviews.ids)],
                    "validate_reject": "validate",
                    "comment": "代为审批",
                }
            ).add_comment()
        document.invalidate_recordset()
        self.assertNotIn("approved", document.review_ids.mapped("status"))
        self.assertFalse(self.decisions(document))

    def decisions(self, document, login=None):
        """The recorded decisions (dealer.decision) on ``document``, all or
        those ``login`` took; read from the document where it carries them."""
        if "dealer_decision_ids" in document._fields:
            document.invalidate_recordset(["dealer_decision_ids"])
            decisions = document.sudo().dealer_decision_ids
        else:
            decisions = (
                self.env["dealer.decision"]
                .sudo()
                .search(
                    [("res_model", "=", document._name), ("res_id", "=", document.id)]
                )
            )
        if login:
            decisions = decisions.filtered(
                lambda decision: decision.decided_by_id == self.user(login)
            )
        return decisions

    def assertCannotDecide(self, document, login, method="validate_tier"):
        """``login`` pressing Validate (or Reject) decides nothing: refused, or
        nothing of theirs to decide (the wizard then finds no review)."""
        # Refused (every refusal is a UserError), or deciding nothing.
        with suppress(UserError), self.env.cr.savepoint():
            self.decide(document, login, method=method, comment="越权审批")
        document.invalidate_recordset()
        reviews = document.sudo().review_ids
        self.assertFalse(
            reviews.filtered(lambda review: review.done_by == self.user(login)),
            f"{login} decided a review of {document.display_name}",
        )
        self.assertFalse(self.decisions(document, login))

    def assertNotBeforeTurn(self, document, login):
        """A later tier's reviewer does not decide before the earlier tiers,
        not even with a comment wizard naming their own waiting review."""
        user = self.user(login)
        self.assertFalse(self.as_user(document, login).can_review)
        theirs = document.sudo().review_ids.filtered(
            lambda review: user in review.reviewer_ids
            and review.status in ("waiting", "pending")
        )
        self.assertTrue(theirs, f"{login} reviews a later tier")
        # Refused (every refusal is a UserError), or deciding nothing.
        with suppress(UserError), self.env.cr.savepoint():
            self.env["comment.wizard"].with_user(user).create(
                {
                    "res_model": document._name,
                    "res_id": document.id,
                    "review_ids": [Command.set(theirs.ids)],
                    "validate_reject": "validate",
                    "comment": "先批了",
                }
            ).add_comment()
        document.invalidate_recordset()
        self.assertFalse(
            document.sudo().review_ids.filtered(lambda review: review.done_by == user),
            f"{login} decided before their turn",
        )
        self.assertFalse(self.decisions(document, login))

    def assertDecisionRecorded(self, document, login, comment=None, rule=None):
        reviews = document.review_ids.filtered(
            lambda review: review.done_by == self.user(login)
        )
        self.assertTrue(reviews, f"{login} decided a review")
        self.assertTrue(all(reviews.mapped("reviewed_date")))
        if comment:
            self.assertIn(comment, reviews.mapped("comment"))
        # The suite's one record of decisions holds it too: who, when, why,
        # under which rule, and never the requester.
        decisions = self.decisions(document, login)
        self.assertTrue(decisions, f"{login}'s decision is in dealer.decision")
        self.assertTrue(all(decisions.mapped("decided_on")))
        self.assertNotIn(self.user(login), decisions.requested_by_id)
        if comment:
            self.assertIn(comment, decisions.mapped("reason"))
        if rule:
            self.assertEqual(set(decisions.mapped("rule")), {rule})
        self.assertTrue(
            document.message_ids.filtered(
                lambda message: message.author_id == self.user(login).partner_id
                and self.user(login).name in (message.body or "")
            ),
            "the decision is in the chatter",
        )

    def assertDecisionsHidden(self, document, reader):
        """The demo users who may not read ``document`` (found first: at least
        one) do not read its decisions, by search or by reading them;
        ``reader`` does. Returns their logins."""
        hidden = []
        for login in DEMO_LOGINS:
            try:
                document.with_user(self.user(login)).check_access("read")
            except AccessError:
                hidden.append(login)
        self.assertTrue(hidden, f"some demo user may not read {document}")
        decisions = self.decisions(document)
        self.assertTrue(decisions)
        domain = [("res_model", "=", document._name), ("res_id", "=", document.id)]
        Decision = self.env["dealer.decision"]
        for login in hidden:
            with self.subTest(login=login):
                self.assertFalse(Decision.with_user(self.user(login)).search(domain))
                with self.assertRaises(AccessError):
                    decisions.with_user(self.user(login)).read(["reason"])
        self.assertEqual(
            Decision.with_user(self.user(reader)).search(domain), decisions
        )
        return hidden

    def assertDecisionsAppendOnly(self, document):
        """No demo user creates, changes or deletes a recorded decision."""
        decision = self.decisions(document)[:1]
        self.assertTrue(decision)
        values = decision.sudo().copy_data()[0]
        for login in DEMO_LOGINS:
            with self.subTest(login=login):
                mine = decision.with_user(self.user(login))
                with self.assertRaises(AccessError):
                    mine.write({"reason": "改写", "decided_by_id": mine.env.uid})
                with self.assertRaises(AccessError):
                    mine.unlink()
                with self.assertRaises(AccessError):
                    mine.create(dict(values, decided_by_id=mine.env.uid))
        self.assertTrue(decision.exists())

    def decide(self, document, login, method="validate_tier", comment="同意。"):
        """Validate or reject as ``login``, through the comment wizard when the
        tier asks for a comment, as the web client does."""
        action = getattr(self.as_user(document, login), method)()
        if isinstance(action, dict) and action.get("res_model") == "comment.wizard":
            self.env["comment.wizard"].with_user(self.user(login)).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()
        document.invalidate_recordset()


class TestCustomerFileRequestApproval(ApprovalCase):
    """CUS-18, CUS-19: a file-access request is signed by the head of the
    requester's department, then approved by a custodian of the file."""

    def _request(self, login, partner_xmlid="customer_chuangyuan"):
        file = self.env["dealer.customer.file"].search(
            [("partner_id", "=", self.env.ref(f"dealer_management.{partner_xmlid}").id)]
        )
        request = (
            self.env["dealer.customer.file.request"]
            .with_user(self.user(login))
            .create(
                {
                    "file_id": file.id,
                    "purpose": "准备报价",
                    "reason": "客户要求本周提交笔记本更换报价。",
                    "duration_hours": 4,
                }
            )
        )
        request.request_validation()
        return request

    def test_cus_18_the_author_cannot_sign(self):
        request = self._request("tech_mgr")
        with self.assertRaisesRegex(UserError, "CUS-1[89]"):
            self.as_user(request, "tech_mgr").validate_tier()

    def test_cus_18_another_departments_head_cannot_sign(self):
        request = self._request("tech")
        # Heads see only their own department's requests (record rule).
        with self.assertRaises(AccessError):
            self.as_user(request, "stock_mgr").validate_tier()
        request.invalidate_recordset()
        self.assertNotIn("approved", request.review_ids.mapped("status"))

    def test_cus_19_the_requester_cannot_forge_reviews(self):
        request = self._request("tech")
        self.assertReviewsUnforgeable(request, "tech")

    def test_cus_19_state_and_reviewer_fields_are_not_written(self):
        request = self._request("tech")
        mine = self.as_user(request, "tech")
        with self.assertRaisesRegex(UserError, "CUS-1[89]"):
            mine.write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "CUS-1[89]"):
            mine.write({"head_group_id": self.env.ref("base.group_user").id})
        with self.assertRaisesRegex(UserError, "CUS-1[89]"):
            mine.write({"custodian_ids": [(6, 0, self.user("tech").ids)]})

    def test_cus_19_a_cancelled_request_is_never_approved(self):
        request = self._request("tech")
        self.decide(request, "tech_mgr")
        self.as_user(request, "tech").action_cancel()
        self.decide(request, "custodian")
        self.assertEqual(request.state, "cancel")
        self.assertFalse(request.grant_id)
        with self.assertRaisesRegex(UserError, "CUS-19"):
            request.sudo().write({"state": "approved"})

    def test_cus_19_the_chain_approves_and_records_each_decision(self):
        request = self._request("tech")
        self.decide(request, "tech_mgr", comment="理由充分。")
        self.decide(request, "custodian", comment="手续齐全。")
        self.assertEqual(request.state, "approved")
        self.assertTrue(request.grant_id)
        self.assertDecisionRecorded(request, "tech_mgr", "理由充分。")
        self.assertDecisionRecorded(request, "custodian", "手续齐全。")
