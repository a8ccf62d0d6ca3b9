# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class DealerCustomerFileRequest(models.Model):
    """A file-access request (查档申请, CUS-18, CUS-19): which customer, the
    purpose and the reason, signed by the head of the requester's department,
    then approved by a custodian of the file. Approval lends the file for a
    limited time (a grant)."""

    _name = "dealer.customer.file.request"
    _description = "Customer File Access Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "dealer.approval.mixin",
        "dealer.approval.department.mixin",
    ]
    _order = "id desc"

    _state_from = ["draft", "submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _dealer_approval_rule = "CUS-19"
    _dealer_approval_waiting_state = "submitted"
    _dealer_approval_rejected_state = "refused"
    # The head of the requester's department signs (CUS-18).
    _dealer_department_user = "requester_id"
    # Who asked, who signs and what was lent are set by the workflow only
    # (state and the reviewer fields are governed by dealer.approval.mixin).
    _dealer_governed = {
        "requester_id": "CUS-18",
        "department": "CUS-18",
        "date_submitted": "CUS-18",
        "head_group_id": "CUS-18",
        "custodian_ids": "CUS-19",
        "grant_id": "CUS-19",
    }

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    file_id = fields.Many2one(
        "dealer.customer.file",
        string="Customer file",
        required=True,
        index=True,
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="file_id.partner_id", store=True, string="Customer"
    )
    company_id = fields.Many2one(related="file_id.company_id", store=True)
    requester_id = fields.Many2one(
        "res.users",
        string="Requested by",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    department = fields.Selection(
        required=True,
        help="The requester's department, from their role: its head signs the "
        "request (CUS-18). Administration signs for users without a department.",
    )
    head_group_id = fields.Many2one(string="Signed by")
    custodian_ids = fields.Many2many(
        "res.users",
        "dealer_customer_file_request_custodian_rel",
        "request_id",
        "user_id",
        string="Custodians",
        compute="_compute_custodian_ids",
        store=True,
    )
    purpose = fields.Char(required=True, tracking=True)
    reason = fields.Text(required=True, tracking=True)
    duration_hours = fields.Integer(
        string="Duration (hours)",
        required=True,
        default=lambda self: self.env.company.dealer_file_grant_default_hours,
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date_submitted = fields.Datetime(readonly=True, copy=False)
    grant_id = fields.Many2one(
        "dealer.customer.file.grant", string="Grant", readonly=True, copy=False
    )
    grant_state = fields.Selection(related="grant_id.state", string="Grant status")
    grant_date_end = fields.Datetime(related="grant_id.date_end", string="Until")

    def _dealer_approval_authors(self):
        return super()._dealer_approval_authors() | self.requester_id

    @api.depends("file_id.custodian_ids")
    def _compute_custodian_ids(self):
        for request in self:
            if request.state in (False, "draft"):
                request.custodian_ids = request.file_id.custodian_ids

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("dealer.customer.file.request")
                    or "/"
                )
        return super().create(vals_list)

    @api.constrains("duration_hours", "company_id")
    def _check_duration(self):
        for request in self:
            maximum = request.company_id.dealer_file_grant_max_hours
            if not 0 < request.duration_hours <= maximum:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the duration is between 1 and %(max)s hours "
                        "(Duration, CUS-20).",
                        name=request.name,
                        max=maximum,
                    )
                )

    @api.constrains("department", "requester_id")
    def _check_department(self):
        for request in self:
            own = self._dealer_department_of(request.requester_id)
            if request.department != own:
                raise ValidationError(
                    self.env._(
                        "%(user)s works in another department: the head of the "
                        "requester's own department signs; Administration only "
                        "for users without a department (Department, CUS-18).",
                        user=request.requester_id.name,
                    )
                )

    # ------------------------------------------------------------------ workflow
    def request_validation(self):
        """Submit: the paperwork is complete, and the requester does not
        already read the file."""
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("%s was already submitted.", request.name))
            if self.env.user != request.requester_id:
                raise UserError(
                    self.env._(
                        "%s: only the requester submits their request.",
                        request.name,
                    )
                )
            if not request.file_id.custodian_ids:
                raise UserError(
                    self.env._(
                        "%s has no custodian to approve the request: ask "
                        "Administration to appoint one (CUS-17).",
                        request.file_id.display_name,
                    )
                )
            basis = request.file_id._dealer_access_bases(request.requester_id)
            if basis.get(request.file_id.id):
                raise UserError(
                    self.env._(
                        "You already read the data card of %s.",
                        request.partner_id.display_name,
                    )
                )
        self.invalidate_recordset(["need_validation"])
        reviews = super().request_validation()
        self._dealer_as_action().with_context(skip_validation_check=True).write(
            {"state": "submitted", "date_submitted": fields.Datetime.now()}
        )
        return reviews

    def action_submit(self):
        self.request_validation()
        return True

    def _dealer_approval_done(self):
        self._dealer_grant()

    def _dealer_approval_rejected(self):
        res = super()._dealer_approval_rejected()
        for request in self:
            request.message_post(
                body=self.env._("Your request was refused."),
                partner_ids=request.requester_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return res

    def _dealer_grant(self):
        """CUS-19: approval lends the file for the requested time."""
        now = fields.Datetime.now()
        # Grants are written by the system; requesters and approvers hold no
        # create right on them, so nobody lends a file outside this workflow.
        grants = (
            self.env["dealer.customer.file.grant"]
            .sudo()
            .create(
                [
                    {
                        "file_id": request.file_id.id,
                        "user_id": request.requester_id.id,
                        "request_id": request.id,
                        "date_start": now,
                        "date_end": now + timedelta(hours=request.duration_hours),
                    }
                    for request in self
                ]
            )
        )
        for request, grant in zip(self, grants, strict=True):
            request._dealer_as_action().with_context(skip_validation_check=True).write(
                {"state": "approved", "grant_id": grant.id}
            )
            request.message_post(
                body=self.env._(
                    "Access granted until %(until)s. Return the file as soon as "
                    "you are done (CUS-20).",
                    until=fields.Datetime.context_timestamp(
                        request, grant.date_end
                    ).strftime("%Y-%m-%d %H:%M"),
                ),
                partner_ids=request.requester_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def restart_validation(self):
        """Restarting the signatures sends the request back to its requester."""
        res = super().restart_validation()
        self.filtered(
            lambda r: r.state == "submitted"
        )._dealer_as_action().with_context(skip_validation_check=True).write(
            {"state": "draft"}
        )
        return res

    def action_cancel(self):
        for request in self:
            if request.state not in ("draft", "submitted"):
                raise UserError(self.env._("%s is already decided.", request.name))
            if self.env.user != request.requester_id and (
                self.env.user not in request.custodian_ids
            ):
                raise UserError(
                    self.env._(
                        "%s: only the requester or a custodian of the file cancels "
                        "it.",
                        request.name,
                    )
                )
        self._dealer_as_action().with_context(skip_validation_check=True).write(
            {"state": "cancel"}
        )
        return True

    def action_return(self):
        """CUS-20: the requester returns the file early."""
        self.grant_id.action_return()
        return True

    def action_open_card(self):
        self.ensure_one()
        return self.file_id.action_open_card()
