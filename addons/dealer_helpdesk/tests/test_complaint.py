# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestComplaint(DealerHelpdeskCommon):
    def _close(self, ticket, stage=None, when="2026-06-02 10:00:00"):
        with freeze_time(when):
            ticket.write({"stage_id": (stage or self.stage_done).id})
            self.env.flush_all()

    def _resolve(self, ticket, **values):
        vals = {
            "dealer_root_cause": "Firmware bug in batch 2026-05",
            "dealer_root_cause_category": "product_quality",
            "dealer_corrective_action": "Firmware 1.2 flashed; batch recalled",
            "dealer_customer_confirmation": "confirmed",
        }
        vals.update(values)
        ticket.write(vals)

    def test_cmp07_closing_needs_root_cause_and_corrective_action(self):
        """CMP-07: a complaint cannot be closed, in any closed stage and by any
        path through the ORM, without root cause and corrective action."""
        ticket = self._ticket("complaint", user=self.hd_agent)
        for stage in (self.stage_done, self.stage_cancelled):
            with self.assertRaisesRegex(ValidationError, "CMP-07.*Root cause"):
                with self.env.cr.savepoint():
                    self._close(ticket.with_user(self.hd_agent), stage)
        ticket.dealer_root_cause = "Wrong cable shipped"
        with self.assertRaisesRegex(ValidationError, "Corrective action"):
            with self.env.cr.savepoint():
                self._close(ticket)
        self.assertFalse(ticket.closed)

    def test_cmp08_closing_needs_confirmation_or_recorded_attempt(self):
        """CMP-08: the customer confirmed the solution, or the attempt to reach
        them is written down."""
        ticket = self._ticket("complaint")
        self._resolve(ticket, dealer_customer_confirmation=False)
        with self.assertRaisesRegex(ValidationError, "CMP-07/CMP-08.*confirmation"):
            with self.env.cr.savepoint():
                self._close(ticket)
        ticket.dealer_customer_confirmation = "attempted"
        with self.assertRaisesRegex(ValidationError, "CMP-08.*Confirmation note"):
            with self.env.cr.savepoint():
                self._close(ticket)
        ticket.dealer_confirmation_note = "Called 2 June 10:00 and 16:00, no answer"
        self._close(ticket)
        self.assertTrue(ticket.closed)
        with self.assertRaisesRegex(ValidationError, "CMP-07"):
            with self.env.cr.savepoint():
                ticket.dealer_root_cause = False
                self.env.flush_all()

    def test_cmp06_asv15_closing_sends_survey_and_plans_followup(self):
        """CMP-06, CMP-08, ASV-15: closing queues a satisfaction survey to the
        customer and gives the agent a follow-up call."""
        ticket = self._ticket("complaint", user_id=self.hd_agent.id)
        self._resolve(ticket)
        self._close(ticket)
        rating = self.env["rating.rating"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(rating.partner_id, self.customer)
        survey = self.env["mail.mail"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("body_html", "ilike", "/rate/"),
            ]
        )
        self.assertEqual(survey.state, "outgoing")
        followup = ticket.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("dealer_helpdesk.mail_activity_type_followup")
        )
        self.assertEqual(followup.user_id, self.hd_agent)
        self.assertEqual(str(followup.date_deadline), "2026-06-05")

    def test_cmp07_other_types_close_freely(self):
        """CMP-07 applies to complaints: a consultation closes without it."""
        ticket = self._ticket("consultation")
        self._close(ticket)
        self.assertTrue(ticket.closed)
