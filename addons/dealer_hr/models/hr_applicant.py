# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import has_words, policy_records


class HrApplicant(models.Model):
    """Hiring checks (HRM-03): an applicant is hired only once the interview,
    the written-test score and the background check are recorded; hiring
    beyond the approved headcount of the post or the department (ORG-23)
    needs the Administration Manager's recorded decision."""

    _name = "hr.applicant"
    _inherit = ["hr.applicant", "dealer.decision.mixin"]

    dealer_interview_date = fields.Date(string="Interviewed on", tracking=True)
    dealer_interviewer_id = fields.Many2one(
        "res.users", string="Interviewed by", tracking=True
    )
    dealer_interview_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")],
        string="Interview result",
        tracking=True,
    )
    dealer_test_score = fields.Float(
        string="Written-test score",
        tracking=True,
        compute="_compute_dealer_test",
        store=True,
        readonly=False,
        help="Score of the written test: the score (%) of the applicant's "
        "completed answer to the post's interview form when there is one, "
        "else typed by the recruiter.",
    )
    dealer_test_done = fields.Boolean(
        string="Written test taken",
        tracking=True,
        compute="_compute_dealer_test",
        store=True,
        readonly=False,
    )
    dealer_background_result = fields.Selection(
        [("clear", "Clear"), ("concerns", "Concerns")],
        string="Background check",
        tracking=True,
    )
    dealer_background_note = fields.Text(string="Background check notes")
    dealer_override_reason = fields.Text(
        string="Why hire beyond the headcount",
        help="The Administration Manager's reason, recorded with the decision "
        "(ORG-23).",
    )
    dealer_recruitment_plan_id = fields.Many2one(
        "dealer.hr.recruitment.plan",
        string="Recruitment plan",
        readonly=True,
        index=True,
        copy=False,
        help="The approved recruitment plan of the post the applicant applies "
        "for (HRM-01); linked at application and at hire.",
    )
    dealer_headcount_override = fields.Boolean(
        string="Beyond headcount approved",
        compute="_compute_dealer_headcount_override",
    )

    @api.depends("response_ids.state", "response_ids.scoring_percentage")
    def _compute_dealer_test(self):
        """The written test taken on the post's interview form
        (hr_recruitment_survey) gives the score; without a completed answer
        the recruiter's typed score stays."""
        for applicant in self:
            done = applicant.response_ids.filtered(
                lambda answer: answer.state == "done"
            ).sorted("id")
            if done:
                applicant.dealer_test_done = True
                applicant.dealer_test_score = done[-1].scoring_percentage
            else:
                applicant.dealer_test_done = applicant.dealer_test_done
                applicant.dealer_test_score = applicant.dealer_test_score

    def _compute_dealer_headcount_override(self):
        decided = {
            decision.res_id
            for decision in self.env["dealer.decision"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("kind", "=", "headcount_override"),
                    ("outcome", "=", "approved"),
                ]
            )
        }
        for applicant in self:
            applicant.dealer_headcount_override = applicant.id in decided

    # ------------------------------------------------------------------ checks
    def _dealer_missing_checks(self):
        self.ensure_one()
        missing = []
        if not (self.dealer_interview_date and self.dealer_interview_result):
            missing.append(self.env._("interview"))
        if not self.dealer_test_done:
            missing.append(self.env._("written-test score"))
        if not self.dealer_background_result:
            missing.append(self.env._("background check"))
        return missing

    def _dealer_beyond_headcount(self):
        """The post or the department is full: (label, approved) or False."""
        self.ensure_one()
        # sudo: counting the employees and hires of a post is not reading them.
        Employee = self.env["hr.employee"].sudo()
        hired = self.sudo().search(
            [
                ("id", "!=", self.id),
                ("date_closed", "!=", False),
                ("candidate_id.employee_id", "=", False),
            ]
        )
        job = self.job_id
        if job.dealer_approved_headcount:
            count = Employee.search_count([("job_id", "=", job.id)]) + len(
                hired.filtered(lambda a: a.job_id == job)
            )
            if count + 1 > job.dealer_approved_headcount:
                return job.display_name, job.dealer_approved_headcount
        department = self.department_id
        if department.dealer_approved_headcount:
            count = Employee.search_count(
                [("department_id", "=", department.id)]
            ) + len(hired.filtered(lambda a: a.department_id == department))
            if count + 1 > department.dealer_approved_headcount:
                return department.display_name, department.dealer_approved_headcount
        return False

    def _dealer_link_plan(self):
        """HRM-01: link each applicant to the approved plan of its post."""
        today = fields.Date.context_today(self)
        plans = self.env["dealer.hr.recruitment.plan"]._dealer_current(
            self.job_id, today
        )
        for applicant in self.filtered("job_id"):
            plan = plans.get(applicant.job_id.id)
            if plan and applicant.dealer_recruitment_plan_id != plan:
                # sudo: the link is the plan's, not the recruiter's to type.
                applicant.sudo().dealer_recruitment_plan_id = plan

    def _dealer_check_hiring(self):
        applicants = policy_records(self)
        applicants._dealer_link_plan()
        for applicant in applicants:
            if not applicant.dealer_recruitment_plan_id:
                raise UserError(
                    self.env._(
                        "%(name)s: %(post)s has no approved recruitment plan for "
                        "today; hiring waits for it (Recruitment plan, HRM-01).",
                        name=applicant.partner_name or applicant.display_name,
                        post=applicant.job_id.display_name or self.env._("no post"),
                    )
                )
            if not applicant.source_id:
                raise UserError(
                    self.env._(
                        "%s cannot be hired before the channel the application "
                        "came through is recorded (Source, HRM-02).",
                        applicant.partner_name or applicant.display_name,
                    )
                )
            missing = applicant._dealer_missing_checks()
            if missing:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be hired before the %(missing)s is "
                        "recorded (HRM-03).",
                        name=applicant.partner_name or applicant.display_name,
                        missing=", ".join(missing),
                    )
                )
            full = applicant._dealer_beyond_headcount()
            if full and not applicant.dealer_headcount_override:
                raise UserError(
                    self.env._(
                        "%(name)s: %(post)s has its approved headcount of "
                        "%(count)s; hiring beyond it needs the Administration "
                        "Manager's recorded decision (ORG-23).",
                        name=applicant.partner_name or applicant.display_name,
                        post=full[0],
                        count=full[1],
                    )
                )

    @api.model
    def _dealer_hires(self, vals):
        stage = self.env["hr.recruitment.stage"].browse(vals.get("stage_id"))
        return bool(vals.get("date_closed")) or (
            "stage_id" in vals and stage.hired_stage
        )

    @api.model_create_multi
    def create(self, vals_list):
        applicants = super().create(vals_list)
        policy_records(applicants)._dealer_link_plan()
        for applicant, vals in zip(applicants, vals_list, strict=True):
            if self._dealer_hires(vals):
                applicant._dealer_check_hiring()
        return applicants

    def write(self, vals):
        res = super().write(vals)
        if self._dealer_hires(vals):
            self._dealer_check_hiring()
        return res

    def create_employee_from_applicant(self):
        """HRM-03: the employee is made from a hired applicant: the
        recruiter does not skip the hire (and its checks, the plan and the
        headcount) by creating the employee over the external API."""
        for applicant in policy_records(self).filtered(lambda a: not a.date_closed):
            # The missing check, plan or headcount is named first.
            applicant._dealer_check_hiring()
            raise UserError(
                self.env._(
                    "%s is not hired yet: the employee is created once the "
                    "applicant is moved to the hired stage (HRM-03).",
                    applicant.partner_name or applicant.display_name,
                )
            )
        return super().create_employee_from_applicant()

    # ------------------------------------------------------------------ decision
    def action_dealer_allow_beyond_headcount(self):
        """ORG-23: the Administration Manager decides, with the reason, that
        this applicant may be hired beyond the approved headcount."""
        if not self.env.user.has_group("dealer_base.group_administration_manager"):
            raise UserError(
                self.env._(
                    "Only the Administration Manager decides a hire beyond the "
                    "approved headcount (ORG-23)."
                )
            )
        for applicant in self:
            if not has_words(applicant.dealer_override_reason):
                raise UserError(
                    self.env._(
                        "%s: write why the hire goes beyond the headcount (Why "
                        "hire beyond the headcount, ORG-23).",
                        applicant.partner_name or applicant.display_name,
                    )
                )
            applicant._dealer_decide(
                "headcount_override",
                "ORG-23",
                applicant.dealer_override_reason,
                authors=applicant.user_id,
            )
        self.invalidate_recordset(["dealer_headcount_override"])
        return True
