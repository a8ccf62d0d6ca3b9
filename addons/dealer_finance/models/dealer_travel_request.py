# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import has_words

_lt = LazyTranslate(__name__)


class DealerTravelRequest(models.Model):
    """A business trip is approved before it starts (ADM-12); its travel
    expenses are claimed within it, by the same employee (ADM-13)."""

    _name = "dealer.travel.request"
    _description = "Travel Request"
    # dealer_approval: named TRV/00001, approved from draft (ADM-12).
    _inherit = ["dealer.approval.request.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    _dealer_governed = {
        "report_date": "ADM-13",
        "report_reminded": "ADM-13",
        # Computed from the return date: not postponed by a write.
        "report_due_date": "ADM-13",
    }
    _dealer_approval_rule = "ADM-12"
    _dealer_request_code = "TRV"
    _dealer_approval_author_fields = ("employee_id.user_id",)
    _dealer_draft_fields = ("date_start", "date_end", "employee_id")

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
    destination = fields.Char(required=True, tracking=True)
    itinerary = fields.Text(required=True)
    purpose = fields.Text()
    date_start = fields.Date(string="Departure", required=True, tracking=True)
    date_end = fields.Date(string="Return", required=True, tracking=True)
    estimate = fields.Monetary(
        string="Estimated cost", currency_field="currency_id", tracking=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    # ADM-13: the travel report, due some days after return.
    report = fields.Html(string="Travel report", copy=False)
    report_date = fields.Date(string="Report submitted on", readonly=True, copy=False)
    report_due_date = fields.Date(
        string="Report due",
        compute="_compute_report_due_date",
        store=True,
        index="btree_not_null",
    )
    report_reminded = fields.Boolean(readonly=True, copy=False)
    expense_ids = fields.One2many(
        "hr.expense", "dealer_travel_request_id", string="Travel expenses"
    )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for request in self:
            if request.date_end < request.date_start:
                raise ValidationError(
                    self.env._(
                        "A trip returns after it departs (field Return, rule ADM-12)."
                    )
                )

    @api.depends("date_end", "company_id.dealer_travel_report_days")
    def _compute_report_due_date(self):
        for request in self:
            request.report_due_date = request.date_end and request.date_end + timedelta(
                days=request.company_id.dealer_travel_report_days
            )

    def write(self, vals):
        if "report" in vals and self.filtered("report_date"):
            raise UserError(
                self.env._("A submitted travel report is kept as it is (rule ADM-13).")
            )
        return super().write(vals)

    def _dealer_draft_refusal(self):
        return self.env._(
            "The dates and traveller of an approved trip do not change: "
            "request a new trip (rule ADM-12)."
        )

    def _dealer_check_before_trip(self):
        today = fields.Date.context_today(self)
        for request in self:
            if request.date_start < today:
                raise UserError(
                    self.env._(
                        "Trip %(name)s started on %(date)s: a trip is approved "
                        "before it starts (rule ADM-12).",
                        name=request.name,
                        date=request.date_start,
                    )
                )

    def request_validation(self):
        self._dealer_check_before_trip()
        return super().request_validation()

    def _validate_tier(self, tiers=False):
        self._dealer_check_before_trip()
        return super()._validate_tier(tiers=tiers)

    def _dealer_check_cancel(self):
        if self.expense_ids:
            raise UserError(
                self.env._("A trip with claimed expenses stays (rule ADM-13).")
            )

    # ------------------------------------------------------------------ ADM-13
    def action_submit_report(self):
        """The traveller's report after the trip (ADM-13): words, once."""
        for request in self:
            if request.state != "approved" or request.report_date:
                raise UserError(
                    self.env._(
                        "Trip %(name)s has no travel report to submit (rule ADM-13).",
                        name=request.name,
                    )
                )
            if not has_words(request.report):
                raise UserError(
                    self.env._(
                        "Trip %(name)s: write the travel report first (field Travel "
                        "report, rule ADM-13).",
                        name=request.name,
                    )
                )
        self._dealer_as_action().write({"report_date": fields.Date.context_today(self)})
        return True

    @api.model
    def _cron_remind_reports(self):
        return self._dealer_remind_reports(fields.Date.context_today(self))

    @api.model
    def _dealer_remind_reports(self, day):
        """One reminder per overdue travel report (ADM-13), however often the
        job runs: the flag is set by one UPDATE ... RETURNING, so a second run
        or a second worker (waiting on the row locks) finds nothing left."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE dealer_travel_request
                   SET report_reminded = TRUE
                 WHERE state = 'approved'
                   AND report_date IS NULL
                   AND report_reminded IS NOT TRUE
                   AND report_due_date <= %(day)s
             RETURNING id
                """,
                day=day,
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        self.invalidate_model(["report_reminded"])
        requests = self.browse(ids)
        for request in requests:
            user = request.employee_id.user_id
            if not user:
                continue
            request.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=day,
                summary=_lt("Submit your travel report"),
                note=_lt("The travel report of this trip was due after your return."),
                user_id=user.id,
            )
        return requests
