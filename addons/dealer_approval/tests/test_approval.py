# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.dealer_base.tests.common import load_fake_models


@tagged("post_install", "-at_install")
class TestApprovalMechanism(BaseCommon):
    """The one approval mechanism: the author never approves, reviews change only
    through their reviewers, the document is approved only through its last
    validated tier and never from cancelled, every decision is recorded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def import_models():
            from .approval_tester import DealerApprovalTester

            return (DealerApprovalTester,)

        load_fake_models(cls, cls.__module__, import_models)
        cls.env["tier.definition"].create(
            {
                "name": "Department head",
                "model_id": cls.env["ir.model"]._get("dealer.approval.tester").id,
                "review_type": "field",
                "reviewer_field_id": cls.env["ir.model.fields"]
                ._get("dealer.approval.tester", "head_group_id")
                .id,
                "definition_domain": "[]",
            }
        )
        # The requester heads the department too: only the rule stops them.
        cls.requester = new_test_user(
            cls.env, login="apr_requester", groups="dealer_base.group_sales_manager"
        )
        cls.head = new_test_user(
            cls.env, login="apr_head", groups="dealer_base.group_sales_manager"
        )
        cls.other_head = new_test_user(
            cls.env, login="apr_other", groups="dealer_base.group_warehouse_manager"
        )
        cls.Tester = cls.env["dealer.approval.tester"]

    def _requested(self, **vals):
        doc = self.Tester.with_user(self.requester).create({"name": "Doc", **vals})
        doc.request_validation()
        doc.invalidate_recordset()
        self.assertEqual(doc.review_ids.status, "pending")
        return doc

    def test_the_author_never_approves(self):
        doc = self._requested()
        with self.assertRaisesRegex(UserError, "TST-10"):
            doc.validate_tier()
        self.assertEqual(doc.review_ids.status, "pending")

    def test_a_preparer_named_by_the_document_never_approves(self):
        doc = self._requested(preparer_id=self.head.id)
        with self.assertRaisesRegex(UserError, "TST-10"):
            doc.with_user(self.head).validate_tier()

    def test_a_head_of_another_department_cannot_approve(self):
        doc = self._requested()
        doc.with_user(self.other_head).validate_tier()
        self.assertEqual(doc.review_ids.status, "pending")
        with self.assertRaises(ValidationError):
            doc.with_user(self.other_head).action_approve()

    def test_the_legitimate_chain_approves_and_records_the_decision(self):
        doc = self._requested()
        before = len(doc.message_ids)
        doc.with_user(self.head).validate_tier()
        review = doc.review_ids
        self.assertEqual(review.status, "approved")
        self.assertEqual(review.done_by, self.head)
        self.assertTrue(review.reviewed_date)
        self.assertEqual(doc.validation_status, "validated")
        doc.with_user(self.requester).action_approve()
        self.assertEqual(doc.state, "approved")
        note = doc.message_ids[: len(doc.message_ids) - before].filtered(
            lambda m: self.head.name in (m.body or "")
        )
        self.assertTrue(note, "the decision is in the chatter")
        self.assertEqual(note[0].author_id, self.head.partner_id)

    def test_a_restart_keeps_the_decisions_on_record(self):
        """ADM-25: restarting a validation sets the reviews aside; who restarted
        is in the chatter and the approval set aside stays recorded."""
        doc = self._requested()
        doc.with_user(self.head).validate_tier()
        decisions = self.env["dealer.decision"].search(
            [("res_model", "=", doc._name), ("res_id", "=", doc.id)]
        )
        self.assertTrue(decisions)
        doc.with_user(self.requester).restart_validation()
        self.assertFalse(doc.review_ids)
        self.assertIn("Validation restarted", doc.message_ids[0].body)
        self.assertEqual(doc.message_ids[0].author_id, self.requester.partner_id)
        self.assertEqual(
            self.env["dealer.decision"].search(
                [("res_model", "=", doc._name), ("res_id", "=", doc.id)]
            ),
            decisions,
        )

    def test_rejection_is_recorded(self):
        doc = self._requested()
        doc.with_user(self.head).reject_tier()
        self.assertEqual(doc.review_ids.status, "rejected")
        self.assertEqual(doc.review_ids.done_by, self.head)
        self.assertIn(self.head.name, doc.message_ids[0].body)

    def test_forged_reviews_are_refused(self):
        """The requester writes, creates or deletes tier.review records."""
        doc = self._requested()
        review = doc.review_ids.with_user(self.requester)
        with self.assertRaises(AccessError):
            review.write({"status": "approved", "done_by": self.head.id})
        with self.assertRaises(AccessError):
            review.unlink()
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.requester).create(
                {
                    "model": doc._name,
                    "res_id": doc.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        with self.assertRaises(AccessError):
            review.with_context(dealer_tier_review="dealer_tier_review").write(
                {"status": "approved"}
            )
        self.assertEqual(doc.review_ids.status, "pending")

    def test_the_comment_wizard_decides_only_the_users_reviews(self):
        doc = self._requested()
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.other_head)
            .create(
                {
                    "res_model": doc._name,
                    "res_id": doc.id,
                    "review_ids": [(6, 0, doc.review_ids.ids)],
                    "validate_reject": "validate",
                    "comment": "forged",
                }
            )
        )
        wizard.add_comment()
        self.assertEqual(doc.review_ids.status, "pending")
        self.assertFalse(doc.review_ids.comment)

    def test_state_and_reviewer_fields_are_governed(self):
        doc = self._requested()
        with self.assertRaisesRegex(UserError, "TST-10"):
            doc.with_user(self.requester).write({"state": "approved"})
        group = self.env.ref("dealer_base.group_warehouse_manager")
        with self.assertRaisesRegex(UserError, "TST-10"):
            doc.with_user(self.requester).write({"head_group_id": group.id})

    def test_a_cancelled_document_is_never_approved(self):
        doc = self._requested()
        doc.with_user(self.head).validate_tier()
        doc.with_user(self.requester).action_cancel()
        with self.assertRaisesRegex(UserError, "TST-10"):
            doc.with_user(self.requester).action_approve()
        with self.assertRaisesRegex(UserError, "TST-10"):
            doc.sudo().write({"state": "approved"})
        self.assertEqual(doc.state, "cancel")

    def test_skipping_the_under_validation_check_is_for_the_server(self):
        """base_tier_validation's ``skip_validation_check`` sent by a caller does
        not open a document under validation to edits."""
        doc = self._requested()
        forged = doc.with_user(self.requester).with_context(skip_validation_check=True)
        with self.assertRaisesRegex(ValidationError, "under validation"):
            forged.write({"name": "changed under review"})
        self.assertEqual(doc.name, "Doc")

    def test_tier_definitions_offer_the_document(self):
        names = self.env["tier.definition"]._get_tier_validation_model_names()
        self.assertIn("dealer.approval.tester", names)
