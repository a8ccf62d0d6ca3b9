# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerRiskCommon


@tagged("post_install", "-at_install")
class TestIncident(DealerRiskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.risk = cls._risk(2, 4, name="Stock damaged in the warehouse")
        cls.incident_type = cls.env.ref("dealer_risk.mail_activity_type_incident")
        cls.review_type = cls.env.ref("dealer_risk.mail_activity_type_risk_review")

    def _report(self, user=None, **vals):
        return (
            self.env["dealer.risk.incident"]
            .with_user(user or self.staff)
            .create(
                {
                    "name": "Water leak over the monitor shelf",
                    "risk_id": self.risk.id,
                    "company_id": self.company.id,
                    "description": "Twelve monitors wet; the shelf is closed.",
                    **vals,
                }
            )
        )

    def test_rsk_08_major_incident_notifies_gm_and_head_in_one_transaction(self):
        """RSK-08: reporting a major incident tells General Management and the
        department head at once: an activity each and a message sent to them,
        within the reporting transaction; the risk's review is raised."""
        savepoint_cr = self.env.cr
        incident = self._report()
        # Same cursor, nothing committed: both notifications exist already.
        self.assertIs(incident.env.cr, savepoint_cr)
        self.assertEqual(incident.department, "sales")
        activities = incident.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == self.incident_type
        )
        self.assertEqual(
            set(activities.user_id.ids), {self.gm.id, self.gm2.id, self.sales_head.id}
        )
        message = incident.message_ids.filtered(
            lambda m: m.message_type == "comment" and "Water leak" in m.body
        )
        self.assertEqual(len(message), 1)
        self.assertTrue(
            {self.gm.partner_id, self.sales_head.partner_id} <= set(message.partner_ids)
        )
        self.assertTrue(
            {self.gm.partner_id, self.sales_head.partner_id}
            <= set(incident.message_partner_ids)
        )
        notified = (
            self.env["mail.notification"]
            .sudo()
            .search([("mail_message_id", "=", message.id)])
        )
        self.assertIn(self.sales_head.partner_id, notified.res_partner_id)
        self.assertIn(self.gm.partner_id, notified.res_partner_id)
        reviews = self.risk.activity_ids.filtered(
            lambda a: a.activity_type_id == self.review_type
        )
        self.assertEqual(reviews.user_id, self.owner)
        self.assertEqual(self.risk.incident_ids, incident)

    def test_rsk_08_incident_needs_words_and_is_kept(self):
        """RSK-08: an incident says what happened; it is never deleted; the
        reporter cannot forge who reported it or close it."""
        with self.assertRaisesRegex(ValidationError, "RSK-08"):
            self._report(description="   ")
        incident = self._report()
        with self.assertRaisesRegex(UserError, "RSK-08"):
            incident.with_user(self.staff).write({"reporter_id": self.gm.id})
        with self.assertRaisesRegex(UserError, "RSK-08"):
            incident.with_user(self.staff).action_handle()
        with self.assertRaisesRegex(UserError, "RSK-08"):
            incident.with_user(self.sales_head).action_handle()
        incident.with_user(
            self.sales_head
        ).immediate_action = "Shelf moved, roof fixed."
        incident.with_user(self.sales_head).action_handle()
        self.assertEqual(incident.state, "handled")
        self.assertEqual(incident.handled_by_id, self.sales_head)
        self.assertFalse(incident.activity_ids)
        with self.assertRaises(UserError):
            incident.sudo().unlink()
