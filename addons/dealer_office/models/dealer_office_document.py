# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _lt, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import has_words


class DealerOfficeDocumentCategory(models.Model):
    """A category of official documents (ADM-03) with its own numbering,
    restarted each year: <code>-<year>-<number>."""

    _name = "dealer.office.document.category"
    _description = "Official Document Category"
    _order = "code"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Prefix of the documents' numbers.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company
    )
    sequence_id = fields.Many2one("ir.sequence", readonly=True, copy=False)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique (code, company_id)",
            "Each category has its own code (ADM-03).",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        categories = super().create(vals_list)
        for category in categories:
            # sudo: the numbering belongs to the category, whoever creates it.
            category.sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": category.name,
                        "code": f"dealer.office.document.{category.id}",
                        "prefix": f"{category.code}-%(range_year)s-",
                        "padding": 3,
                        "use_date_range": True,
                        "company_id": category.company_id.id,
                    }
                )
            )
        return categories


class DealerOfficeDocument(models.Model):
    """An official document (公文, ADM-03): drafted, approved through the
    approval mechanism, issued with its number of the category and year, read
    and acknowledged by each recipient, then filed in the archive ledger."""

    _name = "dealer.office.document"
    _description = "Official Document"
    # dealer_approval: submitted by its author, approved by another (ADM-03).
    _inherit = ["dealer.approval.request.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["submitted"]
    _dealer_approval_rule = "ADM-03"
    _dealer_approval_waiting_state = "submitted"
    _dealer_approval_rejected_state = "draft"
    _dealer_approval_author_fields = ("author_id",)
    _dealer_governed = {
        "number": "ADM-03",
        "author_id": "ADM-03",
        "date_issued": "ADM-03",
        "archive_item_id": "ADM-03",
    }

    name = fields.Char(string="Title", required=True, tracking=True)
    number = fields.Char(readonly=True, copy=False, index=True)
    category_id = fields.Many2one(
        "dealer.office.document.category",
        string="Category",
        required=True,
        check_company=True,
        tracking=True,
    )
    author_id = fields.Many2one(
        "res.users",
        string="Drafted by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    body = fields.Html(string="Text")
    recipient_ids = fields.Many2many(
        "res.users",
        "dealer_office_document_recipient_rel",
        "document_id",
        "user_id",
        string="Recipients",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Under review"),
            ("approved", "Approved"),
            ("issued", "Issued"),
            ("filed", "Filed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date_issued = fields.Datetime(string="Issued on", readonly=True, copy=False)
    receipt_ids = fields.One2many(
        "dealer.office.document.receipt", "document_id", string="Read receipts"
    )
    unread_count = fields.Integer(compute="_compute_unread_count")
    archive_item_id = fields.Many2one(
        "dealer.archive.item", string="Filed as", readonly=True, copy=False
    )

    @api.depends("receipt_ids.date_read")
    def _compute_unread_count(self):
        for document in self:
            document.unread_count = len(
                document.receipt_ids.filtered(lambda r: not r.date_read)
            )

    @api.depends("number", "name")
    def _compute_display_name(self):
        for document in self:
            document.display_name = (
                f"{document.number} {document.name}"
                if document.number
                else document.name
            )

    def write(self, vals):
        # ADM-03: what is issued is what was approved.
        changed = vals.keys() & {"name", "body", "recipient_ids", "category_id"}
        if changed and not self._dealer_is_trusted():
            for document in self.filtered(lambda d: d.state not in ("draft",)):
                raise UserError(self.env._("%s was already submitted.", document.name))
        return super().write(vals)

    def _dealer_check_author(self):
        for document in self:
            if self.env.user != document.author_id and not self.env.user.has_group(
                "dealer_base.group_administration_manager"
            ):
                raise UserError(
                    self.env._(
                        "%s: only its author or the Administration Manager "
                        "does this (ADM-03).",
                        document.name,
                    )
                )

    # ------------------------------------------------------------------ workflow
    def request_validation(self):
        """Submit the draft for review and approval (ADM-03)."""
        self._dealer_check_author()
        return super().request_validation()

    def _dealer_check_submit(self):
        res = super()._dealer_check_submit()
        for document in self:
            if not has_words(document.body) or not document.recipient_ids:
                raise UserError(
                    self.env._(
                        "%s: write the text and name the recipients before the "
                        "review (ADM-03).",
                        document.name,
                    )
                )
        return res

    def action_issue(self):
        """Issue an approved document: its number, one read receipt and one
        reminder per recipient (ADM-03)."""
        self._dealer_check_author()
        for document in self:
            if document.state != "approved":
                raise UserError(
                    self.env._(
                        "%s is not approved: a document is issued only after "
                        "its approval (ADM-03).",
                        document.name,
                    )
                )
        now = fields.Datetime.now()
        for document in self:
            # sudo: the number comes from the category's sequence.
            number = document.category_id.sequence_id.sudo().next_by_id(
                sequence_date=fields.Date.context_today(document)
            )
            document._dealer_as_action().write(
                {
                    "state": "issued",
                    "number": number,
                    "date_issued": now,
                    "receipt_ids": [
                        (0, 0, {"user_id": user.id}) for user in document.recipient_ids
                    ],
                }
            )
            for user in document.recipient_ids:
                # sudo: the author asks each recipient to acknowledge.
                document.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_lt("Read and acknowledge this document (ADM-03)"),
                    user_id=user.id,
                )
        return True

    def action_acknowledge(self):
        """The current user has read the document."""
        user = self.env.user
        for document in self:
            receipt = document.receipt_ids.filtered(lambda r: r.user_id == user)
            if document.state not in ("issued", "filed") or not receipt:
                raise UserError(
                    self.env._(
                        "%s was not issued to you (ADM-03).", document.display_name
                    )
                )
            if not receipt.date_read:
                # sudo: a recipient records their own reading only.
                receipt.sudo().date_read = fields.Datetime.now()
                document.sudo().activity_ids.filtered(
                    lambda a: a.user_id == user
                ).action_feedback(feedback=self.env._("Read."))
        return True

    def action_file(self):
        """File the issued document in the archive ledger."""
        self._dealer_check_author()
        for document in self:
            if document.state != "issued":
                raise UserError(
                    self.env._("Only an issued document is filed (ADM-03).")
                )
            item = self.env["dealer.archive.item"]._dealer_file(
                document,
                document.display_name,
                "official_document",
                content=document.body,
            )
            document._dealer_as_action().write(
                {"state": "filed", "archive_item_id": item.id}
            )
        return True

    def action_cancel(self):
        self._dealer_check_author()
        if any(d.state not in ("draft", "submitted", "approved") for d in self):
            raise UserError(self.env._("An issued document is not cancelled."))
        self._dealer_as_action().with_context(skip_validation_check=True).write(
            {"state": "cancel"}
        )
        return True


class DealerOfficeDocumentReceipt(models.Model):
    """A recipient's read acknowledgement of an issued document (ADM-03)."""

    _name = "dealer.office.document.receipt"
    _description = "Official Document Read Receipt"
    _inherit = ["dealer.governed.mixin"]
    _order = "document_id, id"

    # The document too: a recipient's acknowledgement is not moved to
    # another document (every internal user may write receipts).
    _dealer_governed = {
        "date_read": "ADM-03",
        "user_id": "ADM-03",
        "document_id": "ADM-03",
    }

    document_id = fields.Many2one(
        "dealer.office.document", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Recipient", required=True)
    date_read = fields.Datetime(string="Read on", readonly=True)

    _sql_constraints = [
        (
            "document_user_uniq",
            "unique (document_id, user_id)",
            "One read receipt per recipient (ADM-03).",
        ),
    ]
