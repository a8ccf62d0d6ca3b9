# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from markupsafe import Markup
from psycopg2.errors import SerializationFailure

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import period_of

from .dealer_risk import RISK_MANAGERS

_lt = LazyTranslate(__name__)

_logger = logging.getLogger(__name__)


class DealerRiskAssessment(models.Model):
    """A periodic risk assessment campaign (RSK-01 to RSK-03): opened once per
    company and period by a scheduled job, it snapshots every open risk of the
    register; each owner reviews their risks; General Management approves the
    assessment (never who requested it), which closes it."""

    _name = "dealer.risk.assessment"
    _description = "Risk Assessment"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.approval.mixin"]
    _order = "period_start desc, id desc"
    _check_company_auto = True

    _dealer_governed = {
        "name": "RSK-01",
        "company_id": "RSK-01",
        "period_key": "RSK-01",
        "period_start": "RSK-01",
        "period_end": "RSK-01",
        "state": "RSK-01",
        "closed_date": "RSK-01",
        "approval_requested_by_id": "RSK-01",
    }
    _dealer_keep_rule = "RSK-01"

    # dealer_approval: General Management approves; the requester never does.
    _state_from = ["open"]
    _state_to = ["closed"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _dealer_approval_rule = "RSK-01"
    _dealer_approval_waiting_state = "open"

    name = fields.Char(required=True, readonly=True, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda s: s.env.company
    )
    period_key = fields.Char(string="Period", required=True, readonly=True)
    period_start = fields.Date(required=True, readonly=True)
    period_end = fields.Date(required=True, readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed"), ("cancel", "Cancelled")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    responsible_id = fields.Many2one(
        "res.users",
        string="Responsible",
        check_company=True,
        tracking=True,
        help="Follows the reviews and asks for approval: by default the "
        "Administration Manager.",
    )
    line_ids = fields.One2many(
        "dealer.risk.assessment.line", "assessment_id", readonly=True
    )
    line_count = fields.Integer(compute="_compute_progress")
    reviewed_count = fields.Integer(compute="_compute_progress")
    high_count = fields.Integer(compute="_compute_progress")
    all_reviewed = fields.Boolean(compute="_compute_progress")
    closed_date = fields.Date(readonly=True, copy=False)
    approval_requested_by_id = fields.Many2one(
        "res.users", string="Approval requested by", readonly=True, copy=False
    )
    summary = fields.Text(help="Conclusions of the assessment.")

    _sql_constraints = [
        (
            "company_period_uniq",
            "unique (company_id, period_key)",
            "A company has one risk assessment per period (RSK-01).",
        ),
    ]

    @api.depends("line_ids.reviewed", "line_ids.level")
    def _compute_progress(self):
        for assessment in self:
            lines = assessment.line_ids
            assessment.line_count = len(lines)
            assessment.reviewed_count = len(lines.filtered("reviewed"))
            assessment.high_count = len(
                lines.filtered(
                    lambda line: (line.level_reviewed or line.level) == "high"
                )
            )
            assessment.all_reviewed = all(lines.mapped("reviewed"))

    # ------------------------------------------------------------------ job
    @api.model
    def _cron_open_assessments(self):
        """Scheduled: open this period's assessment of every company (RSK-01).
        Safe to run twice and on two workers at once."""
        companies = self.env["res.company"].search([])
        return self._dealer_open_assessments(companies, fields.Date.context_today(self))

    @api.model
    def _dealer_open_assessments(self, companies, day):
        """Open the assessment of ``companies`` for the period holding ``day``.

        The row is inserted with ``ON CONFLICT DO NOTHING`` on the unique
        (company, period) pair: a second run inserts nothing; a second worker
        running at the same moment waits for the first one's transaction,
        then inserts nothing (or, its snapshot being older, gets a
        serialization failure, undone in a savepoint). Either way nothing is
        snapshotted twice and nothing is logged as an error."""
        created = self.browse()
        for company in companies:
            key, start, end = period_of(day, company.dealer_risk_assessment_months)
            query = SQL(
                """
                INSERT INTO dealer_risk_assessment (
                    name, company_id, period_key, period_start, period_end,
                    state, create_uid, create_date, write_uid, write_date)
                VALUES (%(key)s, %(company)s, %(key)s, %(start)s, %(end)s,
                    'open', %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s,
                    NOW() AT TIME ZONE 'UTC')
                ON CONFLICT (company_id, period_key) DO NOTHING
                RETURNING id
                """,
                key=key,
                company=company.id,
                start=start,
                end=end,
                uid=self.env.uid,
            )
            try:
                with self.env.cr.savepoint(flush=False):
                    self.env.cr.execute(query, log_exceptions=False)
                    row = self.env.cr.fetchone()
            except SerializationFailure:
                # Odoo's transactions are REPEATABLE READ: a worker whose
                # snapshot predates another worker's committed row is told so
                # instead of seeing the conflict. That worker opened it.
                _logger.info(
                    "Risk assessment %s of %s opened by another worker",
                    key,
                    company.name,
                )
                row = None
            if row:
                assessment = self.browse(row[0]).with_company(company)
                assessment._dealer_start()
                created |= assessment
        return created

    def _dealer_start(self):
        """Snapshot every open risk of the company, one line each (RSK-02),
        and ask each owner to review theirs."""
        self.ensure_one()
        risks = self.env["dealer.risk"].search(
            [("company_id", "=", self.company_id.id), ("state", "!=", "closed")]
        )
        self.env["dealer.risk.assessment.line"]._dealer_as_action().create(
            [
                {
                    "assessment_id": self.id,
                    "risk_id": risk.id,
                    "likelihood": risk.likelihood,
                    "impact": risk.impact,
                    "level": risk.level,
                    "strategy_id": risk.strategy_id.id,
                }
                for risk in risks
            ]
        )
        responsible = self.company_id._dealer_department_head("administration")
        self._dealer_as_action().write({"responsible_id": responsible.id})
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "Assessment opened for %(period)s with %(count)s risks.",
                period=self.period_key,
                count=len(risks),
            ),
            subtype_xmlid="mail.mt_note",
        )
        activity_type = self.env.ref("dealer_risk.mail_activity_type_assessment_review")
        for owner in risks.owner_id:
            self.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=self.period_end,
                summary=_lt("Review your risks for %(period)s", period=self.name),
                user_id=owner.id,
            )

    # ------------------------------------------------------------------ approval
    def _dealer_approval_authors(self):
        """Who asked for approval, and the assessment's responsible: never its
        approver."""
        return (
            super()._dealer_approval_authors()
            | self.approval_requested_by_id
            | self.responsible_id
        )

    def _dealer_check_may_manage(self):
        user = self.env.user
        if self.env.su or any(user.has_group(group) for group in RISK_MANAGERS):
            return
        for assessment in self:
            if assessment.responsible_id != user:
                raise UserError(
                    self.env._(
                        "Only the responsible of assessment %(name)s, the "
                        "Administration Manager or General Management may do "
                        "this (rule RSK-01).",
                        name=assessment.name,
                    )
                )

    def request_validation(self):
        """Approval is asked once every risk has been reviewed (RSK-02)."""
        self._dealer_check_may_manage()
        for assessment in self:
            if assessment.state != "open":
                raise UserError(
                    self.env._("Assessment %(name)s is not open.", name=assessment.name)
                )
            waiting = assessment.line_ids.filtered(lambda line: not line.reviewed)
            if waiting:
                raise UserError(
                    self.env._(
                        "Assessment %(name)s: %(count)s risks are not reviewed yet "
                        "(%(risks)s) (rule RSK-02).",
                        name=assessment.name,
                        count=len(waiting),
                        risks=", ".join(waiting[:5].risk_id.mapped("name")),
                    )
                )
        self._dealer_as_action().write({"approval_requested_by_id": self.env.user.id})
        return super().request_validation()

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "approval_requested_by_id",
            "closed_date",
            "summary",
        ]

    def _dealer_approval_done(self):
        self._dealer_close()

    def _dealer_close(self):
        for assessment in self:
            if not assessment.all_reviewed:
                raise UserError(
                    self.env._(
                        "Assessment %(name)s is closed when every risk is reviewed "
                        "(rule RSK-02).",
                        name=assessment.name,
                    )
                )
        self._dealer_as_action().write(
            {"state": "closed", "closed_date": fields.Date.context_today(self)}
        )
        # sudo: the approver closes the owners' reminders on the assessment.
        self.sudo().activity_ids.action_feedback(
            feedback=self.env._("Assessment closed.")
        )

    def action_close(self):
        """Close an approved assessment (the last approval closes it too)."""
        self._dealer_check_may_manage()
        if any(a.state != "open" for a in self):
            raise UserError(self.env._("Only an open assessment is closed."))
        self._dealer_close()
        return True

    def action_cancel(self):
        self._dealer_check_may_manage()
        if any(a.state != "open" for a in self):
            raise UserError(self.env._("Only an open assessment is cancelled."))
        self._dealer_as_action().write({"state": "cancel"})
        # sudo: whoever cancels closes the owners' reminders too.
        self.sudo().activity_ids.action_feedback(
            feedback=self.env._("Assessment cancelled.")
        )
        return True
