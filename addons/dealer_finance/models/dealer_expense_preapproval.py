# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class DealerExpensePreapproval(models.Model):
    """A large expense is approved by General Management before it is spent
    (FIN-08): the claim above the company's "large" threshold names an
    approved pre-approval of the same employee covering its total."""

    _name = "dealer.expense.preapproval"
    _description = "Expense Pre-approval"
    # dealer_approval: named PRE/00001, approved from draft (FIN-08).
    _inherit = ["dealer.approval.request.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _dealer_approval_rule = "FIN-08"
    _dealer_request_code = "PRE"
    _dealer_approval_author_fields = ("employee_id.user_id",)
    _dealer_draft_fields = ("amount", "employee_id", "purpose", "date", "company_id")

    name = fields.Char(string="Reference", required=True, readonly=True, default="/")
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        check_company=True,
        tracking=True,
        default=lambda s: s.env.user.employee_id,
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    purpose = fields.Text(required=True)
    amount = fields.Monetary(
        string="Estimated amount",
        required=True,
        currency_field="currency_id",
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        string="Planned date", required=True, default=fields.Date.context_today
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    sheet_ids = fields.One2many(
        "hr.expense.sheet", "dealer_preapproval_id", string="Claims"
    )

    @api.constrains("amount")
    def _check_amount(self):
        for request in self:
            if request.amount <= 0:
                raise ValidationError(
                    self.env._(
                        "The estimated amount of a pre-approval is positive "
                        "(field Estimated amount, rule FIN-08)."
                    )
                )

    def _dealer_draft_refusal(self):
        return self.env._(
            "An approved or cancelled pre-approval does not change: "
            "request a new one (rule FIN-08)."
        )

    def _dealer_check_cancel(self):
        for request in self:
            if request.sheet_ids.filtered(lambda s: s.state != "cancel"):
                raise UserError(
                    self.env._(
                        "Pre-approval %(name)s is used by a claim: it stays "
                        "(rule FIN-08).",
                        name=request.name,
                    )
                )
