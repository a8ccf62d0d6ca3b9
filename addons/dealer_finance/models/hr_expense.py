# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import unicodedata

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrExpense(models.Model):
    _inherit = "hr.expense"  # pylint: disable=consider-merging-classes-inherited

    # FIN-06: a fapiao (发票) is identified by its code and number, and is
    # claimed once, whoever claims it.
    dealer_fapiao_code = fields.Char(
        string="Fapiao code", copy=False, help="The fapiao's code (发票代码)."
    )
    dealer_fapiao_number = fields.Char(
        string="Fapiao number", copy=False, help="The fapiao's number (发票号码)."
    )
    # FIN-09: the expense analysis groups by the claimant's department.
    dealer_department_id = fields.Many2one(
        "hr.department",
        string="Department",
        related="employee_id.department_id",
        store=True,
        index="btree_not_null",
    )
    dealer_travel_expense = fields.Boolean(
        related="product_id.dealer_travel_expense", string="Travel expense"
    )
    dealer_travel_request_id = fields.Many2one(
        "dealer.travel.request",
        string="Trip",
        copy=False,
        index="btree_not_null",
        domain="[('employee_id', '=', employee_id), ('state', '=', 'approved')]",
        help="The approved trip this travel expense belongs to (ADM-13).",
    )

    _sql_constraints = [
        (
            "dealer_fapiao_unique",
            "UNIQUE (dealer_fapiao_code, dealer_fapiao_number)",
            "This fapiao (code and number) is already claimed: a fapiao is "
            "claimed once (fields Fapiao code and Fapiao number, rule FIN-06).",
        ),
    ]

    @api.model
    def _dealer_normalise_fapiao(self, vals):
        for name in ("dealer_fapiao_code", "dealer_fapiao_number"):
            if isinstance(vals.get(name), str):
                # NFKC: full-width digits and letters (typed with a Chinese
                # input method) are the same fapiao as their ASCII form.
                text = unicodedata.normalize("NFKC", vals[name])
                vals[name] = "".join(text.split()).upper() or False
        return vals

    def _dealer_check_fapiao(self, pairs):
        """Refuse a fapiao already on another expense, of any employee, with
        a message naming the fields and the rule (FIN-06); the unique index
        stays the guarantee under concurrent claims."""
        pairs = [(code, number) for code, number in pairs if code and number]
        if not pairs:
            return
        if len(set(pairs)) != len(pairs):
            raise ValidationError(self._dealer_fapiao_message(*pairs[0]))
        # sudo: the check spans every employee's claims, which the claimant
        # may not read; only the existence of the pair is used.
        Expense = self.sudo().with_context(active_test=False)
        domain = ["|"] * (len(pairs) - 1)
        for code, number in pairs:
            domain += [
                "&",
                ("dealer_fapiao_code", "=", code),
                ("dealer_fapiao_number", "=", number),
            ]
        clash = Expense.search(domain + [("id", "not in", self.ids)], limit=1)
        if clash:
            raise ValidationError(
                self._dealer_fapiao_message(
                    clash.dealer_fapiao_code, clash.dealer_fapiao_number
                )
            )

    def _dealer_fapiao_message(self, code, number):
        return self.env._(
            "Fapiao code %(code)s number %(number)s is already claimed: a fapiao "
            "is claimed only once, across all claims and employees (fields "
            "Fapiao code and Fapiao number, rule FIN-06).",
            code=code,
            number=number,
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._dealer_normalise_fapiao(vals)
        self._dealer_check_fapiao(
            [
                (vals.get("dealer_fapiao_code"), vals.get("dealer_fapiao_number"))
                for vals in vals_list
            ]
        )
        return super().create(vals_list)

    def write(self, vals):
        self._dealer_normalise_fapiao(vals)
        if {"dealer_fapiao_code", "dealer_fapiao_number"} & set(vals):
            if (
                len(self) > 1
                and vals.get("dealer_fapiao_code")
                and vals.get("dealer_fapiao_number")
            ):
                raise ValidationError(
                    self._dealer_fapiao_message(
                        vals["dealer_fapiao_code"], vals["dealer_fapiao_number"]
                    )
                )
            for expense in self:
                expense._dealer_check_fapiao(
                    [
                        (
                            vals.get("dealer_fapiao_code", expense.dealer_fapiao_code),
                            vals.get(
                                "dealer_fapiao_number", expense.dealer_fapiao_number
                            ),
                        )
                    ]
                )
        return super().write(vals)

    # ------------------------------------------------------------------ checks
    def _dealer_check_voucher(self):
        """FIN-06: above the company's amount, the voucher is attached."""
        for expense in self:
            limit = expense.company_id.dealer_expense_attachment_amount
            if limit and expense.total_amount > limit and not expense.nb_attachment:
                raise ValidationError(
                    self.env._(
                        "Expense %(name)s (%(amount)s) needs its voucher attached "
                        "above %(limit)s (field Attachments, rule FIN-06).",
                        name=expense.name,
                        amount=expense.total_amount,
                        limit=limit,
                    )
                )

    def _dealer_check_travel(self):
        """ADM-13: a travel expense falls within an approved trip of the same
        employee."""
        for expense in self.filtered("dealer_travel_expense"):
            trip = expense.dealer_travel_request_id
            if (
                not trip
                or trip.state != "approved"
                or trip.employee_id != expense.employee_id
                or not (trip.date_start <= expense.date <= trip.date_end)
            ):
                raise ValidationError(
                    self.env._(
                        "Travel expense %(name)s of %(date)s is not within an "
                        "approved trip of %(employee)s (field Trip, rules ADM-12 "
                        "and ADM-13).",
                        name=expense.name,
                        date=expense.date,
                        employee=expense.employee_id.name,
                    )
                )
