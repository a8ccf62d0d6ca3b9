# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""HRM-05, HRM-06, HRM-14 to HRM-18: the quarterly appraisal on OCA
hr_appraisal_oca. A job opens one appraisal per employee and quarter; the
KPI results of the quarter are copied into it when it is confirmed and never
change afterwards; the weighted score gives the grade from the company's
thresholds; a failed grade is not closed without its outcome."""

import logging
import re
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, mute_logger

from odoo.addons.dealer_base.tools import period_of

_logger = logging.getLogger(__name__)

GRADES = [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D (failed)")]
OUTCOMES = [
    ("training", "Training"),
    ("post_change", "Change of post"),
    ("admonition", "Admonition talk"),
    ("reward", "Reward proposal"),
    ("promotion", "Promotion proposal"),
]
FAILED_OUTCOMES = ("training", "post_change", "admonition")
# What the appraisee writes in their own appraisal: their feedback. The rest
# (managers, outcome, interview, dates, state) is their managers'.
APPRAISEE_FIELDS = {"employee_feedback", "employee_feedback_published"}


class HrAppraisal(models.Model):
    _name = "hr.appraisal"
    _inherit = ["hr.appraisal", "dealer.governed.mixin"]

    # The cycle and the snapshot are the appraisal's own actions (HRM-14,
    # HRM-18): nobody types them in.
    _dealer_governed = {
        "dealer_period": "HRM-14",
        "dealer_date_from": "HRM-14",
        "dealer_date_to": "HRM-14",
        "dealer_scheme_id": "HRM-16",
        "dealer_snapshot_date": "HRM-18",
        # The state moves only by the managers' buttons (action_done checks
        # a failed grade's outcome, HRM-06/HRM-15); the scores and the grade
        # are computed from the KPI results and the evaluations: a stored
        # computed field would otherwise take whatever a caller writes.
        "state": "HRM-14",
        "dealer_score": "HRM-14",
        "dealer_eval_self": "HRM-14",
        "dealer_eval_superior": "HRM-14",
        "dealer_eval_peer": "HRM-14",
        "dealer_eval_customer": "HRM-14",
        "dealer_eval_score": "HRM-14",
        "dealer_total_score": "HRM-14",
        "dealer_grade": "HRM-14",
    }

    dealer_period = fields.Char(string="Period", readonly=True, index=True, copy=False)
    dealer_date_from = fields.Date(string="Period from", readonly=True, copy=False)
    dealer_date_to = fields.Date(string="Period to", readonly=True, copy=False)
    dealer_scheme_id = fields.Many2one(
        "dealer.kpi.scheme", string="KPI scheme", readonly=True, copy=False
    )
    dealer_line_ids = fields.One2many(
        "dealer.appraisal.kpi", "appraisal_id", string="KPI results", readonly=True
    )
    dealer_snapshot_date = fields.Datetime(
        string="KPI results copied on", readonly=True, copy=False
    )
    dealer_score = fields.Float(
        string="KPI score", compute="_compute_dealer_grade", store=True
    )
    dealer_evaluation_ids = fields.One2many(
        "dealer.appraisal.evaluation", "appraisal_id", string="Evaluations"
    )
    dealer_eval_self = fields.Float(
        string="Self evaluation", compute="_compute_dealer_grade", store=True
    )
    dealer_eval_superior = fields.Float(
        string="Superior evaluation", compute="_compute_dealer_grade", store=True
    )
    dealer_eval_peer = fields.Float(
        string="Peer evaluation",
        compute="_compute_dealer_grade",
        store=True,
        help="The average of the peers' scores; who they were stays with the "
        "managers.",
    )
    dealer_eval_customer = fields.Float(
        string="Customer evaluation", compute="_compute_dealer_grade", store=True
    )
    dealer_eval_score = fields.Float(
        string="Evaluation score", compute="_compute_dealer_grade", store=True
    )
    dealer_total_score = fields.Float(
        string="Score", compute="_compute_dealer_grade", store=True
    )
    dealer_grade = fields.Selection(
        GRADES, string="Grade", compute="_compute_dealer_grade", store=True
    )
    dealer_outcome = fields.Selection(
        OUTCOMES,
        string="Outcome",
        tracking=True,
        help="What the result leads to (HRM-06, HRM-15): a failed grade needs "
        "training, a change of post or an admonition talk.",
    )
    dealer_outcome_note = fields.Text(string="Outcome note", tracking=True)
    dealer_interview_date = fields.Date(
        string="Review interview", tracking=True, help="HRM-17: when it was held."
    )
    dealer_improvement_plan = fields.Html(
        string="Improvement plan", help="HRM-07, HRM-18: training and development."
    )

    def init(self):
        # HRM-14: one appraisal per employee and period, whoever opens it.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS hr_appraisal_dealer_period "
            "ON hr_appraisal (employee_id, dealer_period) "
            "WHERE dealer_period IS NOT NULL"
        )

    @api.depends(
        "dealer_line_ids.score",
        "dealer_line_ids.weight",
        "dealer_evaluation_ids.score",
        "dealer_evaluation_ids.state",
        "company_id",
    )
    def _compute_dealer_grade(self):
        """HRM-14: the score is the KPI score and the evaluation score mixed
        by the company's KPI share; the evaluation score is the average of
        each kind's submitted scores mixed by the company's weights. A part
        with nothing in it yet leaves its weight to the others."""
        for appraisal in self:
            company = appraisal.company_id or self.env.company
            lines = appraisal.dealer_line_ids
            kpi = sum(line.score * line.weight for line in lines) / 100.0
            done = appraisal.dealer_evaluation_ids.filtered(lambda e: e.state == "done")
            weights = company._dealer_eval_weights()
            averages = {}
            for kind in weights:
                scores = done.filtered(lambda e, k=kind: e.kind == k).mapped("score")
                averages[kind] = sum(scores) / len(scores) if scores else None
                appraisal[f"dealer_eval_{kind}"] = round(averages[kind] or 0.0, 2)
            present = {k: w for k, w in weights.items() if averages[k] is not None}
            evaluation = (
                sum(averages[k] * w for k, w in present.items()) / sum(present.values())
                if sum(present.values())
                else None
            )
            parts = []
            if lines:
                parts.append((company.dealer_appraisal_kpi_share, kpi))
            if evaluation is not None:
                parts.append((100.0 - company.dealer_appraisal_kpi_share, evaluation))
            total_weight = sum(weight for weight, _score in parts)
            if total_weight:
                total = sum(w * score for w, score in parts) / total_weight
            else:
                # Only one part, weighted 0: it is the whole score.
                total = parts[0][1] if parts else None
            appraisal.dealer_score = round(kpi, 2)
            appraisal.dealer_eval_score = round(evaluation or 0.0, 2)
            appraisal.dealer_total_score = round(total or 0.0, 2)
            appraisal.dealer_grade = (
                company._dealer_appraisal_grade(total) if total is not None else False
            )

    # ------------------------------------------------------------------ guards
    def _dealer_managed(self):
        """The appraisals the current user manages: one of their managers,
        above the appraisee in hr's hierarchy, or an HR officer; never the
        appraisee themself."""
        user = self.env.user
        if self.env.su:
            return self
        if user.has_group("hr_appraisal_oca.group_appraisal_hr_officer"):
            return self.filtered(lambda a: a.employee_id.user_id != user)
        employees = user.employee_ids
        if not employees:
            return self.browse()
        managed = self.search(
            [
                ("id", "in", self.ids),
                ("employee_id.user_id", "!=", user.id),
                "|",
                ("manager_ids", "in", employees.ids),
                ("employee_id.parent_id", "child_of", employees.ids),
            ]
        )
        return self & managed

    def _dealer_check_managed(self):
        refused = self - self._dealer_managed()
        if refused:
            raise AccessError(
                self.env._(
                    "Appraisal of %(employee)s: only its managers confirm, close "
                    "or reopen it; the appraisee writes their own feedback "
                    "only (rule HRM-14).",
                    employee=refused[0].employee_id.name,
                )
            )

    def write(self, vals):
        # The appraisee sees their appraisal and writes their feedback in it;
        # the rest is their managers' (hr_appraisal_oca lets them write it
        # all: the form only hides it).
        if set(vals) - APPRAISEE_FIELDS and not self._dealer_is_trusted():
            own = self.filtered(lambda a: a.employee_id.user_id == self.env.user)
            if own:
                own._dealer_check_managed()
        return super().write(vals)

    @api.constrains("employee_id", "manager_ids")
    def _check_dealer_not_own_manager(self):
        for appraisal in self:
            if appraisal.employee_id in appraisal.manager_ids:
                raise ValidationError(
                    self.env._(
                        "Appraisal of %(employee)s: the appraisee is not one of "
                        "its managers (field Manager, rule HRM-14).",
                        employee=appraisal.employee_id.name,
                    )
                )

    # ------------------------------------------------------------------ cycle
    @api.model
    def _dealer_cron_open_cycle(self, day=None):
        """HRM-14: open the appraisals of the quarter that ended before
        ``day`` (today), one per employee with a KPI scheme and a manager.
        Safe twice and on two workers: an appraisal that exists is kept, and
        the unique index refuses a second one opened at the same moment."""
        day = day or fields.Date.context_today(self)
        key, start, end = period_of(period_of(day, 3)[1] - timedelta(days=1), 3)
        # One worker opens a quarter's cycle at a time; another one running
        # meanwhile leaves it (it would wait on the first one's new rows).
        self.env.cr.execute(
            SQL(
                "SELECT pg_try_advisory_xact_lock(%s, %s)",
                21014,
                int(re.sub(r"\D", "", key)),
            )
        )
        if not self.env.cr.fetchone()[0]:
            return self.browse()
        Scheme = self.env["dealer.kpi.scheme"]
        employees = self.env["hr.employee"].search(
            [("department_id", "in", Scheme.search([]).department_id.ids)]
        )
        opened = set(
            self.with_context(active_test=False)
            .search([("dealer_period", "=", key)])
            .employee_id.ids
        )
        created = self.browse()
        for employee in employees.filtered(lambda e: e.id not in opened):
            scheme = Scheme._dealer_scheme_of(employee)
            managers = employee.parent_id or employee.department_id.manager_id
            if not scheme or not managers or managers == employee:
                continue
            try:
                with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                    created |= self._dealer_as_action().create(
                        {
                            "employee_id": employee.id,
                            "manager_ids": [fields.Command.set(managers.ids)],
                            "date_close": end + timedelta(days=15),
                            "dealer_period": key,
                            "dealer_date_from": start,
                            "dealer_date_to": end,
                            "dealer_scheme_id": scheme.id,
                        }
                    )
            except IntegrityError:
                _logger.info("Appraisal of %s for %s exists", employee.name, key)
        return created

    # --------------------------------------------------------------- snapshot
    def action_confirm(self):
        self._dealer_check_managed()
        # The state is governed: the managers' button moves it.
        res = super(HrAppraisal, self._dealer_as_action()).action_confirm()
        self._dealer_snapshot()
        self._dealer_request_evaluations()
        return res

    def _dealer_request_evaluations(self):
        """HRM-14: the self and superior evaluations are asked for when the
        appraisal is confirmed; managers add peers and customers."""
        Evaluation = self.env["dealer.appraisal.evaluation"]
        vals_list = []
        for appraisal in self:
            asked = {
                (e.kind, e.evaluator_user_id.id)
                for e in appraisal.sudo().dealer_evaluation_ids
            }
            wanted = [("self", appraisal.employee_id.user_id)] + [
                ("superior", user) for user in appraisal.manager_ids.user_id
            ]
            vals_list += [
                {
                    "appraisal_id": appraisal.id,
                    "kind": kind,
                    "evaluator_user_id": user.id,
                }
                for kind, user in wanted
                if user and (kind, user.id) not in asked
            ]
        Evaluation.create(vals_list)

    def _dealer_snapshot(self):
        """HRM-18: copy the period's KPI results once; they stay as copied."""
        Value = self.env["dealer.kpi.value"].sudo()
        Line = self.env["dealer.appraisal.kpi"].sudo()
        for appraisal in self.filtered(
            lambda a: a.dealer_scheme_id and not a.dealer_snapshot_date
        ):
            user = appraisal.employee_id.user_id
            # sudo: the KPI values of the appraisee, read for the appraisal
            # its managers confirm (the record rules show a person's values
            # to that person and to department heads only).
            values = {
                value.kpi_id: value
                for value in Value.search(
                    [
                        ("user_id", "=", user.id or 0),
                        ("period", "=", appraisal.dealer_period),
                        ("company_id", "=", appraisal.company_id.id),
                    ]
                )
            }
            Line.create(
                [
                    {
                        "appraisal_id": appraisal.id,
                        "kpi_id": line.kpi_id.id,
                        "weight": line.weight,
                        "numerator": values.get(line.kpi_id, Value).numerator,
                        "denominator": values.get(line.kpi_id, Value).denominator,
                        "value": values.get(line.kpi_id, Value).value,
                        "value_state": values.get(line.kpi_id, Value).state
                        or "missing",
                        "score": line.kpi_id._dealer_score(
                            values.get(line.kpi_id, Value).value
                        ),
                    }
                    for line in appraisal.dealer_scheme_id.line_ids
                ]
            )
            appraisal._dealer_as_action().write(
                {"dealer_snapshot_date": fields.Datetime.now()}
            )

    def action_done(self):
        """HRM-06, HRM-15, HRM-17: a failed grade is closed only with its
        outcome (training, change of post or admonition talk)."""
        self._dealer_check_managed()
        for appraisal in self:
            if appraisal.dealer_grade == "d" and (
                appraisal.dealer_outcome not in FAILED_OUTCOMES
            ):
                raise UserError(
                    self.env._(
                        "Appraisal of %(employee)s: grade D (failed) needs an "
                        "outcome: training, a change of post or an admonition "
                        "talk (rules HRM-06, HRM-15).",
                        employee=appraisal.employee_id.name,
                    )
                )
        return super(HrAppraisal, self._dealer_as_action()).action_done()

    def action_back(self):
        self._dealer_check_managed()
        return super(HrAppraisal, self._dealer_as_action()).action_back()


class DealerKpi(models.Model):
    _inherit = "dealer.kpi"

    def _dealer_score(self, value):
        """A percent value on a 0 to 100 scale where higher is better."""
        self.ensure_one()
        value = min(max(value or 0.0, 0.0), 100.0)
        return value if self.direction == "higher" else 100.0 - value


class DealerAppraisalKpi(models.Model):
    """A KPI result as it was when the appraisal was confirmed (HRM-18)."""

    _name = "dealer.appraisal.kpi"
    _description = "Appraisal KPI Result"
    _order = "appraisal_id, id"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    kpi_id = fields.Many2one("dealer.kpi", string="KPI", required=True)
    weight = fields.Float(required=True)
    numerator = fields.Float()
    denominator = fields.Float()
    value = fields.Float(digits=(16, 2))
    value_state = fields.Selection(
        [
            ("open", "Open"),
            ("provisional", "Provisional"),
            ("final", "Final"),
            ("missing", "No value"),
        ],
        string="Value status",
    )
    score = fields.Float(
        help="The value on a 0 to 100 scale where higher is better, as copied."
    )

    def write(self, vals):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "KPI results are kept as they were copied when the appraisal "
                    "was confirmed (rule HRM-18)."
                )
            )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "KPI results are kept as they were copied when the "
                    "appraisal was confirmed (rule HRM-18)."
                )
            )
        return super().unlink()
