# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _lt, api, fields, models
from odoo.exceptions import UserError


class DealerArchiveLoan(models.Model):
    """Borrowing an archive item (借阅手续, ADM-05): the borrower asks with a
    purpose and a due date; the head of the borrower's department approves,
    and for a confidential item the Administration Manager too (ADM-06); the
    item is lent until it is returned; an overdue loan is reminded at most
    once a day."""

    _name = "dealer.archive.loan"
    _description = "Archive Loan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "dealer.loan.mixin",
        "dealer.approval.mixin",
        "dealer.approval.department.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["draft", "requested"]
    _state_to = ["granted"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _dealer_approval_rule = "ADM-05"
    _dealer_approval_waiting_state = "requested"
    _dealer_approval_rejected_state = "refused"
    _dealer_loan_rule = "ADM-05"
    # The head of the borrower's department approves.
    _dealer_department_user = "borrower_id"
    _dealer_governed = {
        "department": "ADM-05",
        "head_group_id": "ADM-05",
    }
    _dealer_keep_rule = "ADM-05"
    _dealer_deletable_states = ("draft",)

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    item_id = fields.Many2one(
        "dealer.archive.item",
        string="Archive item",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(related="item_id.company_id", store=True)
    confidential = fields.Boolean(related="item_id.confidential", store=True)
    custodian_id = fields.Many2one(related="item_id.custodian_id")
    purpose = fields.Text(required=True, tracking=True)
    date_due = fields.Date(
        default=lambda self: fields.Date.context_today(self)
        + timedelta(days=self.env.company.dealer_loan_default_days)
    )
    department = fields.Selection(
        help="The borrower's department: its head approves the loan.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("dealer.archive.loan") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        # ADM-05: what is borrowed, and why, is what was approved.
        if vals.keys() & {"item_id", "purpose"} and not self._dealer_is_trusted():
            for loan in self.filtered(lambda loan: loan.state != "draft"):
                raise UserError(self.env._("%s was already requested.", loan.name))
        return super().write(vals)

    def _dealer_approval_authors(self):
        return super()._dealer_approval_authors() | self.borrower_id

    def _dealer_loan_may_receive(self):
        return (
            super()._dealer_loan_may_receive()
            or self.env.user in (self.custodian_id)
            or self.env.user.has_group("dealer_base.group_administration_manager")
        )

    def _dealer_loan_reminder_summary(self):
        return _lt("Return the archive item you borrowed: it is overdue (ADM-05)")

    # ------------------------------------------------------------------ workflow
    def request_validation(self):
        for loan in self:
            if loan.state != "draft":
                raise UserError(self.env._("%s was already requested.", loan.name))
            if self.env.user != loan.borrower_id and not self.env.su:
                raise UserError(
                    self.env._("%s: only the borrower requests the loan.", loan.name)
                )
            if loan.date_due < fields.Date.context_today(self):
                raise UserError(
                    self.env._(
                        "%s: the due date is in the past (Due date, ADM-05).",
                        loan.name,
                    )
                )
        self.invalidate_recordset(["need_validation"])
        reviews = super().request_validation()
        self._dealer_as_action().with_context(skip_validation_check=True).write(
            {"state": "requested"}
        )
        return reviews

    def action_request(self):
        self.request_validation()
        return True

    def _dealer_approval_done(self):
        self._dealer_loan_grant()

    def _dealer_loan_after_grant(self):
        lent = self.item_id.filtered(lambda item: item.state == "lent")
        if lent:
            raise UserError(
                self.env._(
                    "%s is already lent: it is lent again once returned (ADM-05).",
                    lent[0].display_name,
                )
            )
        # sudo: the approver lends the item, which only Administration edits.
        self.item_id.sudo().write({"state": "lent"})
        for loan in self:
            loan.message_post(
                body=self.env._(
                    "Lent until %(date)s. Return it by then (ADM-05).",
                    date=loan.date_due,
                ),
                partner_ids=loan.borrower_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def _dealer_loan_after_return(self):
        # sudo: whoever records the return files the item back.
        self.item_id.sudo().write({"state": "filed"})

    def action_cancel(self):
        for loan in self:
            if loan.state not in ("draft", "requested"):
                raise UserError(self.env._("%s is already decided.", loan.name))
            if self.env.user != loan.borrower_id and not self.env.su:
                raise UserError(
                    self.env._("%s: only the borrower cancels it.", loan.name)
                )
        self._dealer_as_action().with_context(skip_validation_check=True).write(
            {"state": "cancel"}
        )
        return True

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "date_granted",
            "date_returned",
            "last_reminder_date",
        ]
