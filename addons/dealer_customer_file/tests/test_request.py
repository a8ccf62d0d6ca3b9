# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SECRET, DealerCustomerFileCommon


@tagged("post_install", "-at_install")
class TestAccessRequest(DealerCustomerFileCommon):
    def test_cus_18_request_names_file_purpose_reason_and_is_signed_by_the_head(self):
        request = self._request()
        self.assertEqual(request.department, "technical")
        self.assertEqual(
            request.head_group_id, self.env.ref("dealer_base.group_technical_manager")
        )
        self.assertEqual(request.duration_hours, 8, "company default duration")
        request.with_user(self.technician).request_validation()
        self.assertEqual(request.state, "submitted")
        # CUS-19 after CUS-18: the custodian cannot approve before the head.
        self._tier(request, self.custodian)
        self.assertEqual(request.state, "submitted")
        self.assertFalse(request.grant_id)
        self._tier(request, self.tech_head, comment="Needed for the proposal.")
        self.assertEqual(request.state, "submitted")
        head_review = request.review_ids.filtered(lambda r: r.status == "approved")
        self.assertEqual(head_review.done_by, self.tech_head)
        self.assertTrue(head_review.reviewed_date)
        self.assertEqual(head_review.comment, "Needed for the proposal.")
        self._tier(request, self.custodian, comment="Reason sufficient.")
        self.assertEqual(request.state, "approved")
        grant = request.grant_id
        self.assertEqual(grant.user_id, self.technician)
        self.assertEqual(grant.state, "active")
        self.assertAlmostEqual(
            (grant.date_end - grant.date_start).total_seconds(), 8 * 3600
        )
        self.assertEqual(
            self.card.with_user(self.technician).credit_terms,
            SECRET,
            "CUS-19: approval lends the file",
        )

    def test_cus_18_other_department_head_cannot_sign(self):
        request = self._request()
        request.with_user(self.technician).request_validation()
        self._tier(request, self.sales_manager)
        self.assertFalse(
            request.review_ids.filtered(lambda r: r.status == "approved"),
            "CUS-18: only the head of the requester's department signs",
        )

    def test_cus_18_requester_cannot_sign_own_request(self):
        request = self._request(user=self.tech_head)
        request.with_user(self.tech_head).request_validation()
        with self.assertRaisesRegex(UserError, r"cannot decide it.*CUS-19"):
            request.with_user(self.tech_head).validate_tier()

    def test_cus_18_requester_must_belong_to_the_department(self):
        with self.assertRaisesRegex(UserError, "CUS-18"):
            self._request(department="sales")
        with self.assertRaisesRegex(ValidationError, "CUS-18"):
            self._request().sudo().write({"department": "sales"})

    def test_cus_19_refused_by_head_or_custodian(self):
        request = self._request()
        request.with_user(self.technician).request_validation()
        self._tier(request, self.tech_head, "reject_tier", "Not your customer.")
        self.assertEqual(request.state, "refused")
        self.assertFalse(request.grant_id)
        second = self._request()
        second.with_user(self.technician).request_validation()
        self._tier(second, self.tech_head)
        self._tier(second, self.custodian, "reject_tier", "Paperwork incomplete.")
        self.assertEqual(second.state, "refused")
        with self.assertRaises(AccessError):
            self.card.with_user(self.technician).read(["credit_terms"])

    def test_cus_20_duration_within_the_company_maximum(self):
        with self.assertRaisesRegex(ValidationError, "CUS-20"):
            self._request(duration_hours=100)
        with self.assertRaisesRegex(ValidationError, "CUS-20"):
            self._request(duration_hours=0)

    def test_cus_18_no_request_when_already_reading(self):
        request = self._request(user=self.salesperson)
        with self.assertRaisesRegex(UserError, "already read"):
            request.with_user(self.salesperson).request_validation()

    def test_cus_20_cus_21_early_return_closes_the_lending(self):
        request = self._granted()
        request.with_user(self.technician).action_return()
        grant = request.grant_id
        self.assertEqual(grant.state, "returned")
        self.assertEqual(grant.closed_by_id, self.technician)
        self.assertTrue(grant.date_closed)
        with self.assertRaises(AccessError):
            self.card.with_user(self.technician).read(["credit_terms"])
        with self.assertRaises(UserError):
            grant.with_user(self.technician).action_return()

    def test_cus_20_only_holder_or_custodian_returns(self):
        request = self._granted()
        with self.assertRaises(UserError):
            request.grant_id.with_user(self.other_sales).action_return()
        request.grant_id.with_user(self.custodian).action_revoke()
        self.assertEqual(request.grant_id.state, "revoked")

    def test_cus_20_grants_expire_by_schedule(self):
        start = datetime(2026, 11, 23, 9, 0)
        with freeze_time(start):
            request = self._granted()
            grant = request.grant_id
            self.assertEqual(grant.date_end, start + timedelta(hours=8))
        Grant = self.env["dealer.customer.file.grant"]
        with freeze_time(start + timedelta(hours=7, minutes=59)):
            Grant._cron_expire()
            self.assertEqual(grant.state, "active", "still within the duration")
        with freeze_time(start + timedelta(hours=8)):
            Grant._cron_expire()
            Grant._cron_expire()
            self.assertEqual(grant.state, "expired")
            self.assertEqual(
                Grant.search_count([("id", "=", grant.id), ("state", "=", "expired")]),
                1,
            )
            with self.assertRaises(AccessError):
                self.card.with_user(self.technician).read(["credit_terms"])

    def test_cus_21_register_searchable_by_file_user_state_and_date(self):
        self._granted()
        Request = self.env["dealer.customer.file.request"].with_user(self.custodian)
        today = datetime.now().date()
        found = Request.search(
            [
                ("file_id", "=", self.file.id),
                ("requester_id", "=", self.technician.id),
                ("state", "=", "approved"),
                ("date_submitted", ">=", today),
            ]
        )
        self.assertEqual(len(found), 1)
        grants = self.env["dealer.customer.file.grant"].with_user(self.custodian)
        self.assertEqual(
            len(
                grants.search(
                    [("file_id", "=", self.file.id), ("state", "=", "active")]
                )
            ),
            1,
        )

    def test_cus_21_others_do_not_see_my_requests(self):
        self._granted()
        Request = self.env["dealer.customer.file.request"].with_user(self.other_sales)
        self.assertFalse(Request.search([]))
        Grant = self.env["dealer.customer.file.grant"].with_user(self.other_sales)
        self.assertFalse(Grant.search([]))
        with self.assertRaises(AccessError):
            Grant.create(
                {
                    "file_id": self.file.id,
                    "user_id": self.other_sales.id,
                    "date_end": datetime.now() + timedelta(hours=1),
                }
            )

    def test_cus_18_only_requester_or_custodian_cancels_and_restart_goes_back(self):
        request = self._request()
        request.with_user(self.technician).request_validation()
        with self.assertRaises(UserError):
            request.with_user(self.tech_head).action_cancel()
        request.with_user(self.tech_head).restart_validation()
        self.assertEqual(request.state, "draft", "back to the requester")
        self.assertFalse(request.review_ids)
        request.with_user(self.technician).request_validation()
        self.assertEqual(request.state, "submitted")
        request.with_user(self.custodian).action_cancel()
        self.assertEqual(request.state, "cancel")

    def test_cus_22_returned_grant_stops_following_the_card(self):
        """Followers receive the card's tracked changes by email: a holder who
        returned the file, or a former salesperson, stops following it."""
        request = self._granted()
        card = self.card.with_user(self.technician)
        card.message_subscribe(partner_ids=self.technician.partner_id.ids)
        self.card.message_subscribe(partner_ids=self.salesperson.partner_id.ids)
        self.assertIn(self.technician.partner_id, self.card.message_partner_ids)
        request.with_user(self.technician).action_return()
        self.assertNotIn(self.technician.partner_id, self.card.message_partner_ids)
        self.customer.user_id = self.other_sales
        self.assertNotIn(self.salesperson.partner_id, self.card.message_partner_ids)
        self.assertEqual(self.file.user_id, self.other_sales)
