# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import has_words


class DealerHrRecruitmentPlan(models.Model):
    """A recruitment plan per post (HRM-01): headcount, job requirements,
    channels (HRM-02: job websites, talent markets, campus, referral are
    recruitment sources) and dates; General Management approves it (never who
    prepared it) before anybody is hired on the post."""

    _name = "dealer.hr.recruitment.plan"
    _description = "Recruitment Plan"
    # dealer_approval: submitted by its author, approved by another (HRM-01).
    _inherit = ["dealer.approval.request.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    _state_from = ["submitted"]
    _dealer_approval_rule = "HRM-01"
    _dealer_approval_waiting_state = "submitted"
    _dealer_approval_rejected_state = "draft"
    _dealer_approval_author_fields = ("author_id",)
    # Never cancelled: a draft is deleted, a submitted plan rejected.
    _dealer_request_cancellable = False
    _dealer_draft_fields = ("job_id", "headcount", "source_ids", "date_from", "date_to")
    _dealer_governed = {"author_id": "HRM-01"}

    name = fields.Char(compute="_compute_name", store=True)
    job_id = fields.Many2one(
        "hr.job",
        string="Post",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    department_id = fields.Many2one(related="job_id.department_id", store=True)
    headcount = fields.Integer(
        required=True, default=1, tracking=True, help="How many to recruit."
    )
    requirements = fields.Text(
        string="Job requirements", help="What the post requires (HRM-01)."
    )
    source_ids = fields.Many2many(
        "utm.source",
        "dealer_hr_recruitment_plan_source_rel",
        "plan_id",
        "source_id",
        string="Channels",
        help="Where the post is advertised: job websites, talent markets, "
        "campus recruiting, internal referral (HRM-02).",
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    author_id = fields.Many2one(
        "res.users",
        string="Prepared by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Under approval"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    applicant_ids = fields.One2many(
        "hr.applicant", "dealer_recruitment_plan_id", string="Applicants"
    )

    _sql_constraints = [
        ("headcount_positive", "CHECK(headcount > 0)", "Recruit at least one person."),
    ]

    @api.depends("job_id.name", "date_from")
    def _compute_name(self):
        for plan in self:
            plan.name = f"{plan.job_id.name or ''} {plan.date_from or ''}".strip()

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for plan in self:
            if plan.date_to < plan.date_from:
                raise ValidationError(
                    self.env._("%s: To comes after From (HRM-01).", plan.name)
                )

    def _dealer_draft_refusal(self):
        return self.env._(
            "A submitted or approved recruitment plan is not changed (HRM-01)."
        )

    def _dealer_check_submit(self):
        res = super()._dealer_check_submit()
        for plan in self:
            if not has_words(plan.requirements):
                raise UserError(
                    self.env._(
                        "%s: write the job requirements (Job requirements, " "HRM-01).",
                        plan.name,
                    )
                )
            wanted = plan.company_id.dealer_recruitment_channels
            if len(plan.source_ids) < wanted:
                raise UserError(
                    self.env._(
                        "%(plan)s: recruit through at least %(count)s channels "
                        "(Channels, HRM-02).",
                        plan=plan.name,
                        count=wanted,
                    )
                )
        return res

    def _dealer_approval_done(self):
        res = super()._dealer_approval_done()
        for plan in self:
            # sudo: the approved plan sets the post's recruitment target.
            plan.job_id.sudo().no_of_recruitment = plan.headcount
        return res

    @api.model
    def _dealer_current(self, jobs, day):
        """The approved plans of these posts that cover ``day``, by post."""
        plans = self.sudo().search(
            [
                ("job_id", "in", jobs.ids),
                ("state", "=", "approved"),
                ("date_from", "<=", day),
                ("date_to", ">=", day),
            ],
            order="date_from desc, id desc",
        )
        current = {}
        for plan in plans:
            current.setdefault(plan.job_id.id, plan)
        return current
