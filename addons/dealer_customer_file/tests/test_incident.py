# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DealerCustomerFileCommon


@tagged("post_install", "-at_install")
class TestLeakIncident(DealerCustomerFileCommon):
    def _incident(self, user=None, **values):
        return (
            self.env["dealer.customer.file.incident"]
            .with_user(user or self.custodian)
            .create(
                dict(
                    {
                        "file_id": self.file.id,
                        "employee_id": self.other_sales.id,
                        "description": "Price list sent to a competitor's buyer",
                    },
                    **values,
                )
            )
        )

    def test_cus_23_incidents_visible_to_custodians_and_administration_only(self):
        incident = self._incident()
        self.assertTrue(incident.with_user(self.admin_manager).read(["description"]))
        for user in self.sales_manager | self.salesperson | self.other_sales:
            Incident = self.env["dealer.customer.file.incident"].with_user(user)
            with self.assertRaises(AccessError, msg=user.login):
                Incident.search([])
            with self.assertRaises(AccessError, msg=user.login):
                incident.with_user(user).read(["description"])
            with self.assertRaises(AccessError, msg=user.login):
                self._incident(user=user)

    def test_cus_24_remedy_and_report_to_the_head_first(self):
        incident = self._incident()
        with self.assertRaisesRegex(ValidationError, "CUS-24"):
            incident.action_report()
        incident.write(
            {
                "remedial_actions": "Asked the buyer to delete it; changed the prices",
                "reported_to_id": self.sales_manager.id,
            }
        )
        incident.action_report()
        self.assertEqual(incident.state, "reported")
        self.assertTrue(incident.date_reported)
        self.assertEqual(incident.activity_ids.user_id, self.sales_manager)

    def test_cus_25_minor_leak_warning_and_wage_deduction(self):
        incident = self._incident(
            remedial_actions="Recalled the email", reported_to_id=self.sales_manager.id
        )
        with self.assertRaisesRegex(UserError, "CUS-24"):
            incident.action_sanction()
        incident.action_report()
        with self.assertRaisesRegex(ValidationError, "CUS-25"):
            incident.action_sanction()
        incident.severity = "minor"
        self.assertEqual(incident.sanction, "warning")
        self.assertEqual(incident.wage_deduction_percent, 10.0, "company default")
        incident.wage_deduction_percent = 0.0
        with self.assertRaisesRegex(ValidationError, "CUS-25"):
            incident.action_sanction()
        incident.wage_deduction_percent = 5.0
        incident.action_sanction()
        self.assertEqual(incident.state, "sanctioned")
        with self.assertRaises(UserError):
            incident.action_cancel()
        with self.assertRaises(UserError):
            incident.unlink()

    def test_cus_26_serious_leak_dismissal_and_compensation(self):
        incident = self._incident(
            remedial_actions="Legal notice sent", reported_to_id=self.sales_manager.id
        )
        incident.action_report()
        incident.severity = "serious"
        self.assertEqual(incident.sanction, "dismissal")
        with self.assertRaisesRegex(ValidationError, "CUS-26"):
            incident.action_sanction()
        incident.write({"serious_case": "competitor", "compensation_amount": 20000.0})
        incident.action_sanction()
        self.assertEqual(incident.state, "sanctioned")
        with self.assertRaisesRegex(ValidationError, "CUS-26"):
            incident.compensation_amount = -1
