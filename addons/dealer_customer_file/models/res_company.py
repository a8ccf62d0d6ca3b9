# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # CUS-03, CUS-09: the class a quarterly review suggests.
    dealer_file_important_revenue = fields.Monetary(
        string="Important from (revenue, 12 months)",
        currency_field="currency_id",
        default=500000.0,
    )
    dealer_file_important_orders = fields.Integer(
        string="Important from (orders, 12 months)",
        default=6,
        help="Loyalty: an important customer also ordered at least this often.",
    )
    dealer_file_general_revenue = fields.Monetary(
        string="General from (revenue, 12 months)",
        currency_field="currency_id",
        default=50000.0,
    )
    # CUS-18 to CUS-21: a lending is short and returned at once.
    dealer_file_grant_default_hours = fields.Integer(
        string="Access granted for (hours, default)", default=8
    )
    dealer_file_grant_max_hours = fields.Integer(
        string="Access granted for (hours, at most)", default=72
    )
    # CUS-09, CUS-27: how often files are reviewed and big customers visited.
    dealer_file_review_months = fields.Integer(
        string="Review customer files every (months)", default=3
    )
    dealer_file_visit_months = fields.Integer(
        string="Visit important customers every (months)", default=1
    )
    # CUS-03, CUS-09, CUS-15: how far back a review and a data card look at
    # the customer's orders and complaints.
    dealer_file_lookback_months = fields.Integer(
        string="Look back over (months)",
        default=12,
        help="Reviews and data cards count the customer's orders, revenue, "
        "margin and complaints of this many months.",
    )
    # CUS-29, CUS-30: promises made on a visit are followed up.
    dealer_file_visit_followup_days = fields.Integer(
        string="Follow up visit promises after (days)",
        default=7,
        help="When a visit record with promises is filed, the supervisor it was "
        "reported to gets a follow-up activity due this many days later.",
    )
    # CUS-17: who may keep the files; new files get them as custodians.
    dealer_file_custodian_ids = fields.Many2many(
        "res.users",
        "dealer_company_file_custodian_rel",
        "company_id",
        "user_id",
        string="Customer file custodians",
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("dealer_base.group_file_custodian").ids,
            )
        ],
        help="The users who may keep customer files (members of the Customer File "
        "Custodian group). New customer files get them as custodians.",
    )
    # CUS-25: a minor leak costs a share of the wages.
    dealer_file_leak_deduction_percent = fields.Float(
        string="Wage deduction for a minor leak (%)", default=10.0
    )

    # CUS-21, CUS-22: what the access log marks as unusual, for the custodians
    # and Administration to look at first.
    dealer_file_log_hour_from = fields.Float(
        string="Working hours from",
        default=8.0,
        help="Reads of customer files before this hour (company time zone) are "
        "marked as unusual in the access log.",
    )
    dealer_file_log_hour_to = fields.Float(
        string="Working hours until",
        default=19.0,
        help="Reads of customer files from this hour on (company time zone) are "
        "marked as unusual in the access log.",
    )
    dealer_file_log_daily_files = fields.Integer(
        string="Unusual above (files per person and day)",
        default=20,
        help="A person who reads more customer files than this in one day: "
        "their further reads that day are marked as unusual in the access log.",
    )

    @api.constrains(
        "dealer_file_log_hour_from",
        "dealer_file_log_hour_to",
        "dealer_file_log_daily_files",
    )
    def _check_dealer_file_log_settings(self):
        for company in self:
            if not (
                0
                <= company.dealer_file_log_hour_from
                < company.dealer_file_log_hour_to
                <= 24
            ):
                raise ValidationError(
                    self.env._(
                        "Working hours of the access log: the start comes before "
                        "the end, both between 0 and 24 (CUS-21)."
                    )
                )
            if company.dealer_file_log_daily_files < 1:
                raise ValidationError(
                    self.env._(
                        "The number of files a person may read in a day before "
                        "it is unusual must be at least 1 (CUS-21)."
                    )
                )

    @api.constrains(
        "dealer_file_grant_default_hours",
        "dealer_file_grant_max_hours",
        "dealer_file_review_months",
        "dealer_file_visit_months",
        "dealer_file_lookback_months",
        "dealer_file_visit_followup_days",
    )
    def _check_dealer_file_settings(self):
        for company in self:
            if (
                not 0
                < company.dealer_file_grant_default_hours
                <= (company.dealer_file_grant_max_hours)
            ):
                raise ValidationError(
                    self.env._(
                        "The default access duration must be positive and not "
                        "longer than the maximum (CUS-20)."
                    )
                )
            if (
                company.dealer_file_review_months < 1
                or company.dealer_file_visit_months < 1
            ):
                raise ValidationError(
                    self.env._(
                        "Reviews and visits are due at least every month "
                        "(CUS-09, CUS-27)."
                    )
                )
            if not 1 <= company.dealer_file_lookback_months <= 120:
                raise ValidationError(
                    self.env._(
                        "%(field)s must be between 1 and 120 (CUS-09).",
                        field=self._fields[
                            "dealer_file_lookback_months"
                        ]._description_string(self.env),
                    )
                )
            if not 1 <= company.dealer_file_visit_followup_days <= 365:
                raise ValidationError(
                    self.env._(
                        "%(field)s must be between 1 and 365 (CUS-30).",
                        field=self._fields[
                            "dealer_file_visit_followup_days"
                        ]._description_string(self.env),
                    )
                )

    def write(self, vals):
        res = super().write(vals)
        if vals.get("dealer_file_custodian_ids"):
            # Files opened before anyone was appointed get a keeper (CUS-17).
            orphans = (
                self.env["dealer.customer.file"]
                .sudo()
                .with_context(active_test=False)
                .search([("company_id", "in", self.ids), ("custodian_ids", "=", False)])
            )
            for company in self:
                # The system appoints them, as it does for new files; the
                # change is recorded on each file.
                orphans.filtered(
                    lambda f, c=company: f.company_id == c
                )._dealer_apply_custody(custodians=company.dealer_file_custodian_ids)
        return res

    def _dealer_supervisors_of(self, user):
        """Who ``user`` reports to in this company: the heads of their
        department, themselves excepted; above a head, or without a
        department, the heads of Administration (dealer_base routing)."""
        self.ensure_one()
        department = user._dealer_department() if user else False
        heads = self._dealer_department_heads(department) - user
        return heads or (self._dealer_department_heads("administration") - user)

    @api.constrains("dealer_file_custodian_ids")
    def _check_dealer_file_custodians(self):
        group = self.env.ref("dealer_base.group_file_custodian")
        for company in self:
            outsiders = company.dealer_file_custodian_ids.filtered(
                lambda user: group not in user.groups_id
            )
            if outsiders:
                names = ", ".join(outsiders.mapped("name"))
                raise ValidationError(
                    self.env._(
                        "%s: only members of the Customer File Custodian group "
                        "keep customer files (CUS-17).",
                        names,
                    )
                )
