# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

CITY_TIERS = [
    ("tier_1", "First-tier city"),
    ("tier_2", "Second-tier city"),
    ("tier_3", "Other city"),
]
GRADES = [
    ("staff", "Staff"),
    ("manager", "Manager"),
    ("executive", "Executive"),
]


class DealerTravelCap(models.Model):
    """What a night of hotel and a day of per diem may cost (ADM-12), by the
    destination's city tier and the traveller's grade."""

    _name = "dealer.travel.cap"
    _description = "Travel Expense Cap"
    _order = "company_id, city_tier, grade"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    city_tier = fields.Selection(CITY_TIERS, required=True)
    grade = fields.Selection(GRADES, required=True)
    hotel_amount = fields.Monetary(
        string="Hotel per night", currency_field="currency_id", required=True
    )
    per_diem_amount = fields.Monetary(
        string="Per diem", currency_field="currency_id", required=True
    )

    _sql_constraints = [
        (
            "tier_grade_uniq",
            "UNIQUE (company_id, city_tier, grade)",
            "One cap per city tier and grade (rule ADM-12).",
        ),
    ]

    @api.constrains("hotel_amount", "per_diem_amount")
    def _check_amounts(self):
        for cap in self:
            if cap.hotel_amount < 0 or cap.per_diem_amount < 0:
                raise ValidationError(
                    self.env._(
                        "A travel cap is not negative (fields Hotel per night and "
                        "Per diem, rule ADM-12)."
                    )
                )

    @api.model
    def _dealer_caps(self, companies):
        """{(company id, tier, grade): cap} in one query."""
        caps = self.sudo().search([("company_id", "in", companies.ids)])
        return {(cap.company_id.id, cap.city_tier, cap.grade): cap for cap in caps}


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    dealer_travel_grade = fields.Selection(
        GRADES,
        string="Travel grade",
        default="staff",
        groups="hr.group_hr_user",
        help="The grade whose hotel and per-diem caps apply on trips (ADM-12).",
    )


class DealerTravelRequest(models.Model):
    _inherit = "dealer.travel.request"

    city_tier = fields.Selection(
        CITY_TIERS,
        tracking=True,
        help="The destination's tier: it sets the hotel and per-diem caps (ADM-12).",
    )


class HrExpense(models.Model):
    _inherit = "hr.expense"

    dealer_cap_kind = fields.Selection(related="product_id.dealer_travel_cap_kind")
    dealer_cap_amount = fields.Monetary(
        string="Cap per unit",
        compute="_compute_dealer_over_cap",
        currency_field="company_currency_id",
    )
    dealer_over_cap = fields.Boolean(
        string="Above the travel cap", compute="_compute_dealer_over_cap"
    )

    @api.depends(
        "product_id.dealer_travel_cap_kind",
        "dealer_travel_request_id.city_tier",
        "employee_id",
        "total_amount",
        "quantity",
    )
    def _compute_dealer_over_cap(self):
        capped = self.filtered(
            lambda e: e.dealer_cap_kind and e.dealer_travel_request_id.city_tier
        )
        caps = self.env["dealer.travel.cap"]._dealer_caps(capped.company_id)
        # sudo: the grade is an HR field; only the cap's key is read.
        grades = {
            employee.id: employee.dealer_travel_grade or "staff"
            for employee in capped.employee_id.sudo()
        }
        for expense in self:
            cap = expense in capped and caps.get(
                (
                    expense.company_id.id,
                    expense.dealer_travel_request_id.city_tier,
                    grades.get(expense.employee_id.id, "staff"),
                )
            )
            if not cap:
                expense.dealer_cap_amount = 0.0
                expense.dealer_over_cap = False
                continue
            limit = (
                cap.hotel_amount
                if expense.dealer_cap_kind == "hotel"
                else cap.per_diem_amount
            )
            units = expense.quantity or 1.0
            expense.dealer_cap_amount = limit
            expense.dealer_over_cap = expense.total_amount / units > limit
