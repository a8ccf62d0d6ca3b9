# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SERIOUS_CASES = [
    ("serious_loss", "Important data leaked, serious consequences or major loss"),
    ("secrets_given", "Trade secrets given to others"),
    ("competitor", "Secrets leaked to a competitor"),
]


class DealerCustomerFileIncident(models.Model):
    """A leak, or possible leak, of customer information (CUS-23 to CUS-26):
    remedied at once, reported to the department head, then sanctioned.
    Only custodians and Administration Managers see incidents."""

    _name = "dealer.customer.file.incident"
    _description = "Customer Information Leak Incident"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_discovered desc, id desc"

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
    currency_id = fields.Many2one(related="company_id.currency_id")
    employee_id = fields.Many2one(
        "res.users", string="Employee", required=True, tracking=True
    )
    date_discovered = fields.Date(
        string="Discovered on",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    description = fields.Text(required=True)
    remedial_actions = fields.Text(string="Remedial actions taken", tracking=True)
    reported_to_id = fields.Many2one(
        "res.users",
        string="Reported to",
        compute="_compute_reported_to_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        domain="[('id', 'in', allowed_reported_to_ids)]",
        help="The head of the employee's department (CUS-24).",
    )
    allowed_reported_to_ids = fields.Many2many(
        "res.users", compute="_compute_allowed_reported_to_ids"
    )
    date_reported = fields.Datetime(string="Reported on", readonly=True)
    severity = fields.Selection(
        [("minor", "Minor"), ("serious", "Serious")],
        tracking=True,
        help="Minor: no serious consequence, or remedied promptly (CUS-25). "
        "Serious: see the cases of CUS-26.",
    )
    serious_case = fields.Selection(SERIOUS_CASES, tracking=True)
    sanction = fields.Selection(
        [
            ("warning", "Warning and wage deduction"),
            ("dismissal", "Dismissal and compensation"),
        ],
        compute="_compute_sanction",
        store=True,
    )
    wage_deduction_percent = fields.Float(
        string="Wage deduction (%)",
        compute="_compute_wage_deduction_percent",
        store=True,
        readonly=False,
        tracking=True,
    )
    compensation_amount = fields.Monetary(string="Compensation", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Discovered"),
            ("reported", "Reported"),
            ("sanctioned", "Sanctioned"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )

    def _dealer_heads(self):
        """CUS-24: the head of the employee's department."""
        self.ensure_one()
        company = self.file_id.company_id
        if not (self.employee_id and company):
            return self.env["res.users"]
        return company._dealer_supervisors_of(self.employee_id)

    @api.depends("employee_id", "file_id.company_id")
    def _compute_allowed_reported_to_ids(self):
        for incident in self:
            incident.allowed_reported_to_ids = incident._dealer_heads()

    @api.depends("employee_id", "file_id.company_id")
    def _compute_reported_to_id(self):
        for incident in self:
            heads = incident._dealer_heads()
            if incident.reported_to_id not in heads:
                incident.reported_to_id = heads[:1]

    @api.constrains("reported_to_id", "employee_id")
    def _check_reported_to(self):
        for incident in self:
            heads = incident._dealer_heads()
            if incident.reported_to_id and incident.reported_to_id not in heads:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a leak is reported to the head of %(employee)s's "
                        "department (%(heads)s), not to %(user)s (Reported to, "
                        "CUS-24).",
                        name=incident.name,
                        employee=incident.employee_id.name,
                        heads=", ".join(heads.mapped("name")) or "-",
                        user=incident.reported_to_id.name,
                    )
                )

    @api.depends("severity")
    def _compute_sanction(self):
        for incident in self:
            incident.sanction = {
                "minor": "warning",
                "serious": "dismissal",
            }.get(incident.severity, False)

    @api.depends("severity", "company_id")
    def _compute_wage_deduction_percent(self):
        for incident in self:
            if incident.severity == "minor" and not incident.wage_deduction_percent:
                incident.wage_deduction_percent = (
                    incident.company_id.dealer_file_leak_deduction_percent
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code(
                        "dealer.customer.file.incident"
                    )
                    or "/"
                )
        return super().create(vals_list)

    @api.constrains("wage_deduction_percent", "compensation_amount")
    def _check_amounts(self):
        for incident in self:
            if not 0 <= incident.wage_deduction_percent <= 100:
                raise ValidationError(
                    self.env._(
                        "%s: the wage deduction is a percentage between 0 and 100 "
                        "(CUS-25).",
                        incident.name,
                    )
                )
            if incident.compensation_amount < 0:
                raise ValidationError(
                    self.env._(
                        "%s: the compensation cannot be negative (CUS-26).",
                        incident.name,
                    )
                )

    def action_report(self):
        """CUS-24: remedial actions first, then the department head is told."""
        for incident in self:
            if incident.state != "draft":
                raise UserError(self.env._("%s was already reported.", incident.name))
            missing = [
                label
                for label, value in (
                    (self.env._("Remedial actions taken"), incident.remedial_actions),
                    (self.env._("Reported to"), incident.reported_to_id),
                )
                if not value
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(name)s: fill in %(fields)s before reporting; a leak is "
                        "remedied at once and reported to the department head "
                        "(CUS-24).",
                        name=incident.name,
                        fields=", ".join(missing),
                    )
                )
            incident.write(
                {"state": "reported", "date_reported": fields.Datetime.now()}
            )
            incident.activity_schedule(
                "dealer_customer_file.mail_activity_leak_incident",
                user_id=incident.reported_to_id.id,
                note=incident.description,
            )
        return True

    def action_sanction(self):
        """CUS-25, CUS-26: the sanction follows the severity."""
        for incident in self:
            if incident.state != "reported":
                raise UserError(
                    self.env._("%s: report the incident first (CUS-24).", incident.name)
                )
            if not incident.severity:
                raise ValidationError(
                    self.env._("%s: set the severity (CUS-25, CUS-26).", incident.name)
                )
            if incident.severity == "minor" and not incident.wage_deduction_percent:
                raise ValidationError(
                    self.env._(
                        "%s: a minor leak is sanctioned by a warning and a wage "
                        "deduction; enter the percentage (CUS-25).",
                        incident.name,
                    )
                )
            if incident.severity == "serious" and not incident.serious_case:
                raise ValidationError(
                    self.env._(
                        "%s: say which serious case applies (Serious case, CUS-26).",
                        incident.name,
                    )
                )
        self.write({"state": "sanctioned"})
        return True

    def action_cancel(self):
        if any(incident.state == "sanctioned" for incident in self):
            raise UserError(self.env._("A sanctioned incident stays on record."))
        self.write({"state": "cancel"})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_on_record(self):
        raise UserError(
            self.env._("Leak incidents stay on record; cancel one instead.")
        )
