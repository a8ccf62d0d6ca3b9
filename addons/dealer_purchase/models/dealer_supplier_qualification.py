# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Changing one of these means the document must be checked again (PUR-09).
REVERIFY_FIELDS = {
    "number",
    "date_from",
    "date_to",
    "type_id",
    "attachment_ids",
    "partner_id",
    "company_id",
}
STATES = [
    ("unverified", "Not verified"),
    ("valid", "Valid"),
    ("expiring", "Expiring"),
    ("expired", "Expired"),
]


class DealerSupplierQualification(models.Model):
    """One qualification document of a supplier, checked for authenticity and
    validity (PUR-09)."""

    _name = "dealer.supplier.qualification"
    _description = "Supplier Qualification Document"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "partner_id, type_id, date_to desc"
    _rec_name = "number"
    _check_company_auto = True

    # Who checked the original, and when: set by 'Verified Against the Original'.
    _dealer_governed = {"verified_by_id": "PUR-09", "verified_on": "PUR-09"}

    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    type_id = fields.Many2one(
        "dealer.supplier.document.type",
        string="Document",
        required=True,
        tracking=True,
    )
    number = fields.Char(required=True, tracking=True)
    issuer = fields.Char(tracking=True)
    date_from = fields.Date(string="Valid from", required=True, tracking=True)
    date_to = fields.Date(
        string="Valid until",
        tracking=True,
        help="Empty for a document without end date.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Scans")
    verified_by_id = fields.Many2one(
        "res.users", string="Verified by", readonly=True, tracking=True, copy=False
    )
    verified_on = fields.Datetime(readonly=True, copy=False)
    note = fields.Text()
    state = fields.Selection(
        STATES,
        compute="_compute_state",
        search="_search_state",
        help="Computed every day from the dates: expiring within the warning "
        "days of the settings.",
    )

    @api.depends("date_from", "date_to", "verified_by_id")
    @api.depends_context("date")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for document in self:
            document.state = document._dealer_state_on(today)

    def _dealer_state_on(self, day):
        self.ensure_one()
        warning = self.company_id.dealer_qualification_warning_days or (
            self.env.company.dealer_qualification_warning_days
        )
        if self.date_to and self.date_to < day:
            return "expired"
        if not self.verified_by_id or self.date_from > day:
            return "unverified"
        if self.date_to and self.date_to <= day + timedelta(days=warning):
            return "expiring"
        return "valid"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the document status."))
        values = {value} if isinstance(value, str) else set(value)
        today = fields.Date.context_today(self)
        warn = today + timedelta(
            days=self.env.company.dealer_qualification_warning_days
        )
        domains = {
            "expired": [("date_to", "<", today)],
            "unverified": [
                "&",
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", today),
                "|",
                ("verified_by_id", "=", False),
                ("date_from", ">", today),
            ],
            "expiring": [
                ("verified_by_id", "!=", False),
                ("date_from", "<=", today),
                ("date_to", ">=", today),
                ("date_to", "<=", warn),
            ],
            "valid": [
                ("verified_by_id", "!=", False),
                ("date_from", "<=", today),
                "|",
                ("date_to", "=", False),
                ("date_to", ">", warn),
            ],
        }
        ids = set()
        for state in values:
            ids |= set(self._search(domains[state]))
        negative = operator in ("!=", "not in")
        return [("id", "not in" if negative else "in", list(ids))]

    @api.constrains("partner_id", "type_id", "number")
    def _check_number_unique(self):
        for document in self:
            twin = self.search_count(
                [
                    ("id", "!=", document.id),
                    ("partner_id", "=", document.partner_id.id),
                    ("type_id", "=", document.type_id.id),
                    ("number", "=", document.number),
                ]
            )
            if twin:
                raise ValidationError(
                    self.env._(
                        "%(supplier)s already has %(document)s number %(number)s "
                        "(PUR-09).",
                        supplier=document.partner_id.display_name,
                        document=document.type_id.name,
                        number=document.number,
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for document in self:
            if document.date_to and document.date_to < document.date_from:
                raise ValidationError(
                    self.env._(
                        "%(document)s %(number)s: 'Valid until' cannot be before "
                        "'Valid from' (PUR-09).",
                        document=document.type_id.name,
                        number=document.number,
                    )
                )

    def write(self, vals):
        # A changed document must be verified again: what was checked is no
        # longer what is on file (or no longer this supplier's).
        self._dealer_check_governed_write(vals)
        if REVERIFY_FIELDS & set(vals):
            vals = dict(vals, verified_by_id=False, verified_on=False)
            return super(DealerSupplierQualification, self._dealer_as_action()).write(
                vals
            )
        return super().write(vals)

    def action_verify(self):
        """PUR-09: a buyer checked the original for authenticity and validity."""
        if not self.env.user.has_group("dealer_base.group_purchasing_user"):
            raise UserError(self.env._("Only Purchasing verifies supplier documents."))
        for document in self:
            if document.date_to and document.date_to < fields.Date.context_today(self):
                raise UserError(
                    self.env._(
                        "%(document)s %(number)s expired on %(date)s: it cannot be "
                        "verified as valid.",
                        document=document.type_id.name,
                        number=document.number,
                        date=document.date_to,
                    )
                )
        self._dealer_as_action().write(
            {"verified_by_id": self.env.user.id, "verified_on": fields.Datetime.now()}
        )
        return True

    @api.model
    def _cron_expiry_reminders(self):
        """An activity to the buyer before a document lapses; safe to run twice."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref(
            "dealer_purchase.mail_activity_type_renew_document"
        )
        for company in self.env["res.company"].search([]):
            limit = today + timedelta(days=company.dealer_qualification_warning_days)
            documents = self.search(
                [
                    ("company_id", "in", [company.id, False]),
                    ("date_to", ">=", today),
                    ("date_to", "<=", limit),
                    ("verified_by_id", "!=", False),
                    ("partner_id.active", "=", True),
                ]
            )
            reminded = self.env["mail.activity"].search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", documents.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            done = set(reminded.mapped("res_id"))
            for document in documents:
                if document.id in done:
                    continue
                buyer = (
                    document.partner_id.user_id
                    or document.verified_by_id
                    or company._dealer_department_head("purchasing")
                )
                document.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=document.date_to,
                    user_id=buyer.id,
                )
        return True
