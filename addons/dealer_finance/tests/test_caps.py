# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import DealerFinanceCommon


@tagged("post_install", "-at_install")
class TestTravelCaps(DealerFinanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Enough budget that only the caps decide.
        cls.budget = cls._approve_budget(cls._budget(12_000_000))
        cls.env["dealer.travel.cap"].create(
            {
                "company_id": cls.company.id,
                "city_tier": "tier_1",
                "grade": "staff",
                "hotel_amount": 500,
                "per_diem_amount": 150,
            }
        )
        cls.hotel = cls.env["product.product"].create(
            {
                "name": "Hotel",
                "type": "service",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "dealer_travel_expense": True,
                "dealer_travel_cap_kind": "hotel",
                "property_account_expense_id": cls.expense_account.id,
            }
        )
        cls.gm_tier = cls.env.ref("dealer_finance.tier_definition_expense_gm")
        cls.office_tier = cls.env.ref("dealer_finance.tier_definition_expense_office")
        cls.finance_tier = cls.env.ref("dealer_finance.tier_definition_expense_finance")

    def _trip(self, employee):
        start = self.today + timedelta(days=2)
        trip = (
            self.env["dealer.travel.request"]
            .with_user(employee.user_id)
            .create(
                {
                    "employee_id": employee.id,
                    "destination": "Shanghai",
                    "city_tier": "tier_1",
                    "itinerary": "Lighting trade fair",
                    "date_start": start,
                    "date_end": start + timedelta(days=3),
                }
            )
        )
        trip.with_user(employee.user_id).request_validation()
        self._validate(trip, self.office_mgr)
        return trip

    def test_adm_12_hotel_above_the_cap_flagged_and_escalated(self):
        """ADM-12: a hotel night above the cap of the city tier and grade is
        flagged on the claim and adds General Management's tier; within the
        cap, no such tier."""
        trip = self._trip(self.claimant_employee)
        night = trip.date_start + timedelta(days=1)
        within = self._expense(
            self.claimant_employee,
            480,
            product=self.hotel,
            date=night,
            dealer_travel_request_id=trip.id,
        )
        self.assertFalse(within.dealer_over_cap)
        sheet = self._sheet(within)
        sheet.with_user(self.claimant).action_submit_sheet()
        self.assertFalse(sheet.dealer_gm_required)
        self.assertNotIn(self.gm_tier, sheet.review_ids.definition_id)

        above = self._expense(
            self.claimant_employee,
            650,
            product=self.hotel,
            date=night,
            dealer_travel_request_id=trip.id,
            name="Hotel, second night",
        )
        self.assertTrue(above.dealer_over_cap)
        self.assertEqual(above.dealer_cap_amount, 500)
        sheet = self._sheet(above, name="Hotel claim")
        self.assertTrue(sheet.dealer_over_cap)
        sheet.with_user(self.claimant).action_submit_sheet()
        self.assertTrue(sheet.dealer_gm_required)
        self.assertEqual(sheet.dealer_gm_reason, "Above the travel caps")
        self.assertIn(self.gm_tier, sheet.review_ids.definition_id)

    def test_adm_12_caps_kept_by_finance(self):
        """ADM-12: staff read the caps, only Finance and General Management
        change them."""
        cap = self.env["dealer.travel.cap"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(cap.with_user(self.claimant).hotel_amount, 500)
        with self.assertRaises(AccessError):
            cap.with_user(self.claimant).write({"hotel_amount": 5000})
        cap.with_user(self.finance).write({"hotel_amount": 550})

    def test_fin_07_sole_office_manager_claim_goes_to_general_management(self):
        """FIN-07: the only office manager's own claim has no office manager
        tier (nobody could approve it) but General Management's; with a
        second office manager, the usual tier."""
        mgr_employee = self.env["hr.employee"].create(
            {
                "name": "Office manager",
                "user_id": self.office_mgr.id,
                "company_id": self.company.id,
                "department_id": self.department.id,
            }
        )
        sheet = self._sheet(self._expense(mgr_employee, 100))
        sheet.with_user(self.office_mgr).action_submit_sheet()
        self.assertTrue(sheet.dealer_office_escalated)
        self.assertTrue(sheet.dealer_gm_required)
        definitions = sheet.review_ids.definition_id
        self.assertNotIn(self.office_tier, definitions)
        self.assertIn(self.gm_tier, definitions)

        new_test_user(
            self.env,
            login="fin_office_mgr_2",
            groups="dealer_finance.group_office_manager",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        sheet = self._sheet(self._expense(mgr_employee, 90), name="Second claim")
        sheet.with_user(self.office_mgr).action_submit_sheet()
        self.assertFalse(sheet.dealer_office_escalated)
        self.assertFalse(sheet.dealer_gm_required)
        self.assertIn(self.office_tier, sheet.review_ids.definition_id)
        self.assertNotIn(self.gm_tier, sheet.review_ids.definition_id)

    def test_fin_07_sole_finance_claim_goes_to_general_management(self):
        """FIN-07: the only Finance member's own claim has no Finance tier
        (nobody else could approve it) but General Management's; another
        claimant's claim keeps the Finance tier."""
        finance_employee = self.env["hr.employee"].create(
            {
                "name": "Finance clerk",
                "user_id": self.finance.id,
                "company_id": self.company.id,
                "department_id": self.department.id,
            }
        )
        others = (
            self.env.ref("dealer_finance.group_finance")
            .sudo()
            .users.filtered(lambda u: self.company in u.company_ids)
            - self.finance
        )
        others.sudo().write(
            {
                "groups_id": [
                    Command.unlink(self.env.ref("dealer_finance.group_finance").id)
                ]
            }
        )
        sheet = self._sheet(self._expense(finance_employee, 100))
        sheet.with_user(self.finance).action_submit_sheet()
        self.assertTrue(sheet.dealer_finance_escalated)
        self.assertTrue(sheet.dealer_gm_required)
        definitions = sheet.review_ids.definition_id
        self.assertNotIn(self.finance_tier, definitions)
        self.assertIn(self.gm_tier, definitions)
        # Positive control: someone else's claim is reviewed by Finance.
        other = self._sheet(
            self._expense(self.claimant_employee, 90), name="Other claim"
        )
        other.with_user(self.claimant).action_submit_sheet()
        self.assertFalse(other.dealer_finance_escalated)
        self.assertIn(self.finance_tier, other.review_ids.definition_id)
