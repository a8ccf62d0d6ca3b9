# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import period_of


class DealerCustomerFileVisit(models.Model):
    """A customer visit and its record (客户回访记录表, CUS-27 to CUS-31).
    Important customers get a visit due each period (CUS-07, CUS-27)."""

    _name = "dealer.customer.file.visit"
    _description = "Customer Visit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_visit desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    file_id = fields.Many2one(
        "dealer.customer.file",
        string="Customer file",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="file_id.partner_id", store=True, string="Customer"
    )
    company_id = fields.Many2one(related="file_id.company_id", store=True)
    customer_class = fields.Selection(related="file_id.customer_class")
    visitor_id = fields.Many2one(
        "res.users",
        string="Visitor",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    date_visit = fields.Date(
        string="Visit date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_due = fields.Date(string="Due by", tracking=True)
    period = fields.Char(readonly=True, index=True)
    scheduled = fields.Boolean(
        readonly=True, help="Opened by the schedule of big-customer visits."
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    people_met = fields.Char()
    material_ids = fields.Many2many("dealer.visit.material", string="Materials brought")
    stock_checked = fields.Boolean(string="Customer stock checked")
    stock_notes = fields.Text(string="Customer stock of our products")
    stock_abnormal = fields.Boolean(string="Stock abnormal")
    remedial_action = fields.Text(string="Remedial action on stock")
    issues_raised = fields.Text()
    settled_on_spot = fields.Text(string="Settled on the spot")
    promises = fields.Text(string="Promises made")
    escalated_to_id = fields.Many2one(
        "res.users",
        string="Reported to",
        compute="_compute_escalated_to_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('id', 'in', allowed_escalated_to_ids)]",
        help="The visitor's supervisor, who handles what could not be settled "
        "on the spot (CUS-30).",
    )
    allowed_escalated_to_ids = fields.Many2many(
        "res.users", compute="_compute_allowed_escalated_to_ids"
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )

    def init(self):
        # CUS-27: one scheduled visit per file and period, even when two cron
        # workers overlap.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS dealer_customer_file_visit_sched_uniq "
            "ON dealer_customer_file_visit (file_id, period) WHERE scheduled"
        )

    def _dealer_supervisors(self):
        """CUS-30: the visitor's supervisor (the head of their department)."""
        self.ensure_one()
        company = self.file_id.company_id
        if not (self.visitor_id and company):
            return self.env["res.users"]
        return company._dealer_supervisors_of(self.visitor_id)

    @api.depends("visitor_id", "file_id.company_id")
    def _compute_allowed_escalated_to_ids(self):
        for visit in self:
            visit.allowed_escalated_to_ids = visit._dealer_supervisors()

    @api.depends("visitor_id", "file_id.company_id")
    def _compute_escalated_to_id(self):
        for visit in self:
            supervisors = visit._dealer_supervisors()
            if visit.escalated_to_id not in supervisors:
                visit.escalated_to_id = supervisors[:1]

    @api.constrains("escalated_to_id", "visitor_id")
    def _check_escalated_to(self):
        for visit in self:
            supervisors = visit._dealer_supervisors()
            if visit.escalated_to_id and visit.escalated_to_id not in supervisors:
                raise ValidationError(
                    self.env._(
                        "%(name)s: what could not be settled on the spot goes to "
                        "the supervisor of %(visitor)s (%(supervisors)s), not to "
                        "%(user)s (Reported to, CUS-30).",
                        name=visit.name,
                        visitor=visit.visitor_id.name or "-",
                        supervisors=", ".join(supervisors.mapped("name")) or "-",
                        user=visit.escalated_to_id.name,
                    )
                )

    @api.depends("file_id.partner_id", "date_visit")
    def _compute_name(self):
        for visit in self:
            visit.name = (
                f"{visit.file_id.partner_id.name or ''} {visit.date_visit or ''}"
            )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for visit in self:
            visit.is_overdue = (
                visit.state == "planned"
                and (visit.date_due or visit.date_visit) < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on Overdue."))
        today = fields.Date.context_today(self)
        domain = [
            ("state", "=", "planned"),
            "|",
            ("date_due", "<", today),
            "&",
            ("date_due", "=", False),
            ("date_visit", "<", today),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    def action_done(self):
        """CUS-29 to CUS-31: the visit record is complete when it is filed."""
        for visit in self:
            if visit.state != "planned":
                raise UserError(self.env._("%s is not planned.", visit.name))
            if visit.date_visit > fields.Date.context_today(self):
                raise ValidationError(
                    self.env._(
                        "%s: a visit is recorded after it took place (Visit "
                        "date, CUS-31).",
                        visit.name,
                    )
                )
            if not visit.people_met:
                raise ValidationError(
                    self.env._("%s: who did you meet? (People met, CUS-31)", visit.name)
                )
            if visit.customer_class == "important" and not visit.stock_checked:
                raise ValidationError(
                    self.env._(
                        "%s: on a visit to a big customer, check its stock of our "
                        "products (Customer stock checked, CUS-29).",
                        visit.name,
                    )
                )
            if visit.stock_abnormal and not visit.remedial_action:
                raise ValidationError(
                    self.env._(
                        "%s: the stock is abnormal; record the remedial action "
                        "(CUS-29).",
                        visit.name,
                    )
                )
            if visit.promises and not visit.escalated_to_id:
                raise ValidationError(
                    self.env._(
                        "%s: what could not be settled on the spot goes to a "
                        "supervisor (Reported to, CUS-30).",
                        visit.name,
                    )
                )
        self.write({"state": "done"})
        for visit in self.filtered("promises"):
            visit.activity_schedule(
                "dealer_customer_file.mail_activity_visit_follow_up",
                date_deadline=fields.Date.context_today(self)
                + timedelta(days=visit.company_id.dealer_file_visit_followup_days),
                user_id=visit.escalated_to_id.id,
                note=visit.promises,
            )
        return True

    def action_cancel(self):
        if any(visit.state == "done" for visit in self):
            raise UserError(self.env._("A filed visit record stays on file."))
        self.write({"state": "cancel"})
        return True

    @api.model
    def _cron_schedule_visits(self):
        """CUS-07, CUS-27: a visit is due each period for every important
        customer that has none yet; safe to run twice."""
        today = fields.Date.context_today(self)
        files = self.env["dealer.customer.file"].search(
            [("active", "=", True), ("customer_class", "=", "important")]
        )
        activity_type = self.env.ref(
            "dealer_customer_file.mail_activity_customer_visit"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        for company in files.company_id:
            company_files = files.filtered(lambda f, c=company: f.company_id == c)
            period, start, end = period_of(today, company.dealer_file_visit_months)
            visited = self.search(
                [
                    ("file_id", "in", company_files.ids),
                    ("state", "!=", "cancel"),
                    "|",
                    ("period", "=", period),
                    "&",
                    ("date_visit", ">=", start),
                    ("date_visit", "<=", end),
                ]
            ).file_id
            todo = company_files - visited
            if not todo:
                continue
            visits = self.create(
                [
                    {
                        "file_id": file.id,
                        "visitor_id": file.user_id.id,
                        "date_visit": end,
                        "date_due": end,
                        "period": period,
                        "scheduled": True,
                    }
                    for file in todo
                ]
            )
            self.env["mail.activity"].sudo().create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": visit.id,
                        "activity_type_id": activity_type.id,
                        "user_id": visit.visitor_id.id,
                        "date_deadline": visit.date_due,
                    }
                    for visit in visits.filtered("visitor_id")
                ]
            )
        return True
