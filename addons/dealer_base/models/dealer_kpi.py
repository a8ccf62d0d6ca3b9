# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The KPI engine (issue 21; HRM-05, HRM-12, HRM-13, HRM-18): KPI definitions,
and their values per company x KPI x period x person, computed set-wise from
the facts the addons hold.

Each addon ships its KPIs as ``dealer.kpi`` records naming a model; the value
comes from the hook ``_dealer_kpi_<code>`` of that model (code in lower case,
dashes as underscores), an ordinary method any addon may override. The hook is
called as ``hook(kpi, bounds)`` and returns either

- an ``SQL`` query whose rows are ``(company_id, user_id, numerator,
  denominator)``; it joins the relation ``bounds`` (one row per company:
  ``company_id``, ``date_from``, ``date_to`` the period's first and last day in
  the company's time zone, ``dt_from``, ``dt_to`` the UTC timestamps that bound
  those days, ``dt_to`` excluded, ``tz`` the time zone's name), so that one
  query serves every company and every person; or
- a list of such tuples (for small, Python-computed KPIs).

Rows of the same company and person are added up. ``user_id`` is NULL for a
company KPI. The engine writes them with one ``INSERT ... ON CONFLICT DO
UPDATE ... WHERE state != 'final'`` per KPI and period: running it twice, or
on two workers at once, gives the same rows, and a final value never changes.
"""

import logging
import re
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..tools import DEPARTMENTS, period_of

_logger = logging.getLogger(__name__)

CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
KPI_UNITS = [
    ("percent", "Percent"),
    ("amount", "Amount"),
    ("count", "Count"),
]
KPI_STATES = [
    ("open", "Open"),
    ("provisional", "Provisional"),
    ("final", "Final"),
]
# Who may refresh and finalise KPI values: the heads of departments and the
# general manager's office (ORG-15, ORG-24: managers appraise their staff).
KPI_MANAGER_GROUPS = (
    "dealer_base.group_general_management",
    *(f"dealer_base.group_{key}_manager" for key, _label in DEPARTMENTS),
)


class DealerKpi(models.Model):
    """A measured result the manual appraises staff on (HRM-05, HRM-12,
    HRM-13): what is counted, in which unit, which way is better, and per
    person or for the whole company."""

    _name = "dealer.kpi"
    _description = "KPI"
    _order = "sequence, code"

    code = fields.Char(
        required=True,
        help="Short technical code (upper case, digits and dashes): the hook "
        "_dealer_kpi_<code> of the model computes the KPI.",
    )
    name = fields.Char(required=True, translate=True)
    description = fields.Text(
        translate=True, help="How the KPI is counted, for the people it measures."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    rule_ids = fields.Many2many(
        "dealer.manual.rule",
        "dealer_kpi_manual_rule_rel",
        "kpi_id",
        "rule_id",
        string="Rules",
        help="The rules of the manual this KPI measures.",
    )
    unit = fields.Selection(
        KPI_UNITS,
        required=True,
        default="percent",
        help="Percent: 100 x numerator / denominator. Amount and Count: the "
        "numerator.",
    )
    direction = fields.Selection(
        [("higher", "Higher is better"), ("lower", "Lower is better")],
        required=True,
        default="higher",
    )
    scope = fields.Selection(
        [("person", "Per person"), ("company", "Per company")],
        required=True,
        default="person",
    )
    period_months = fields.Integer(
        string="Period (months)",
        default=3,
        required=True,
        help="Length of a period: 3 for quarters, 1 for months.",
    )
    window_days = fields.Integer(
        string="Window (days)",
        help="Parameter of the KPI, when it has one: the rework window, the "
        "days a repair may take...",
    )
    model = fields.Char(
        required=True,
        help="Technical name of the model whose hook computes the KPI.",
    )
    value_ids = fields.One2many("dealer.kpi.value", "kpi_id", string="Values")

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "A KPI code is used once."),
        ("period_positive", "CHECK(period_months > 0)", "Period must be positive."),
        ("window_positive", "CHECK(window_days >= 0)", "Window cannot be negative."),
    ]

    @api.constrains("code", "period_months")
    def _check_code(self):
        for kpi in self:
            if not CODE_RE.match(kpi.code or ""):
                raise ValidationError(
                    _(
                        "KPI code %(code)s: use upper-case letters, digits and "
                        "dashes (HRM-05).",
                        code=kpi.code,
                    )
                )
            if 12 % kpi.period_months:
                raise ValidationError(
                    _(
                        "KPI %(code)s: a period divides the year (1, 2, 3, 4, 6 "
                        "or 12 months).",
                        code=kpi.code,
                    )
                )

    # ------------------------------------------------------------------ hooks
    def _dealer_hook_name(self):
        self.ensure_one()
        return "_dealer_kpi_" + self.code.lower().replace("-", "_")

    def _dealer_hook(self):
        """The bound hook method, or ``None`` when its model or method is not
        installed (the KPI is then skipped, with a warning)."""
        self.ensure_one()
        if self.model not in self.env:
            return None
        return getattr(self.env[self.model], self._dealer_hook_name(), None)

    # ---------------------------------------------------------------- refresh
    @api.model
    def _dealer_check_manager(self):
        if self.env.su or any(
            self.env.user.has_group(group) for group in KPI_MANAGER_GROUPS
        ):
            return
        raise AccessError(
            _(
                "Only department heads and general management refresh or "
                "finalise KPI values (ORG-15)."
            )
        )

    def action_refresh(self):
        """Button: refresh these KPIs (all active ones when called on an empty
        set) for the current and the previous period."""
        self._dealer_check_manager()
        # sudo: values are written by the engine alone (no user has write
        # access to them), after the manager check above.
        kpis = self.sudo() or self.sudo().search([])
        kpis._dealer_refresh()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("KPI values refreshed."),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _dealer_cron_refresh(self):
        """Daily job: refresh every active KPI, then finalise the periods
        that ended more than the company's days ago."""
        kpis = self.search([])
        kpis._dealer_refresh()
        self.env["dealer.kpi.value"]._dealer_finalize_due()

    def _dealer_periods(self, day):
        """The periods to refresh on ``day``: the current one and the one
        before (still provisional for a while)."""
        self.ensure_one()
        key, start, end = period_of(day, self.period_months)
        previous = period_of(start - timedelta(days=1), self.period_months)
        return [previous, (key, start, end)]

    def _dealer_refresh(self, day=None, companies=None):
        """Recompute these KPIs for the current and previous period of ``day``
        (today in each company's time zone when not given), in ``companies``
        (all by default): one statement per KPI and period, whatever the
        number of people."""
        companies = companies or self.env["res.company"].sudo().search([])
        if not companies:
            return
        Value = self.env["dealer.kpi.value"]
        # The hooks read the tables in SQL: what the ORM holds goes first.
        self.env.flush_all()
        # The refresh of a KPI runs alone: a button pressed while the job
        # runs waits for it, then writes the same rows.
        for kpi in self.sorted("id"):
            hook = kpi._dealer_hook()
            if hook is None:
                _logger.warning(
                    "KPI %s: %s.%s is not installed; skipped.",
                    kpi.code,
                    kpi.model,
                    kpi._dealer_hook_name(),
                )
                continue
            self.env.cr.execute(
                SQL("SELECT pg_advisory_xact_lock(%s, %s)", 21021, kpi.id)
            )
            periods = {}
            for company in companies:
                today = day or fields.Date.context_today(
                    self.with_context(tz=company._dealer_kpi_tz())
                )
                for period in kpi._dealer_periods(today):
                    known = periods.get(period, (today, companies.browse()))
                    periods[period] = (known[0], known[1] | company)
            for (key, date_from, date_to), (today, period_companies) in sorted(
                periods.items()
            ):
                kpi._dealer_refresh_period(
                    hook, key, date_from, date_to, today, period_companies
                )
        Value.invalidate_model()

    def _dealer_bounds(self, companies, date_from, date_to):
        """The ``bounds`` relation of the hooks: one row per company, with the
        period's days and the UTC timestamps bounding them in the company's
        time zone."""
        rows = []
        for company in companies:
            tz = pytz.timezone(company._dealer_kpi_tz())
            dt_from, dt_to = (
                tz.localize(datetime.combine(day, time.min))
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
                for day in (date_from, date_to + timedelta(days=1))
            )
            rows.append(
                SQL(
                    "(%s, %s::date, %s::date, %s::timestamp, %s::timestamp, %s)",
                    company.id,
                    date_from,
                    date_to,
                    dt_from,
                    dt_to,
                    tz.zone,
                )
            )
        return SQL(
            "bounds(company_id, date_from, date_to, dt_from, dt_to, tz) AS "
            "(VALUES %s)",
            SQL(", ").join(rows),
        )

    def _dealer_refresh_period(self, hook, key, date_from, date_to, today, companies):
        self.ensure_one()
        rows = hook(self, SQL.identifier("bounds"))
        if not isinstance(rows, SQL):
            rows = [tuple(row) for row in rows or ()]
            if not rows:
                rows = SQL(
                    "SELECT NULL::int, NULL::int, NULL::numeric, NULL::numeric "
                    "WHERE FALSE"
                )
            else:
                rows = SQL(
                    "SELECT * FROM (VALUES %s) AS r",
                    SQL(", ").join(SQL("(%s, %s, %s, %s)", *row) for row in rows),
                )
        state = "open" if date_to >= today else "provisional"
        factor = 100 if self.unit == "percent" else None
        if factor:
            value = SQL(
                "CASE WHEN f.denominator <> 0 "
                "THEN %s * f.numerator / f.denominator END",
                factor,
            )
        else:
            value = SQL("f.numerator")
        company_ids = tuple(companies.ids)
        person = self.scope == "person"
        self.env.cr.execute(
            SQL(
                """
                WITH %(bounds)s,
                rows(company_id, user_id, numerator, denominator) AS (%(rows)s),
                fresh AS (
                    SELECT company_id::int AS company_id,
                           CASE WHEN %(person)s THEN user_id::int END AS user_id,
                           COALESCE(SUM(numerator), 0)::numeric AS numerator,
                           COALESCE(SUM(denominator), 0)::numeric AS denominator
                      FROM rows
                     WHERE company_id IN %(companies)s
                       AND (user_id IS NOT NULL OR NOT %(person)s)
                     GROUP BY 1, 2
                ),
                upsert AS (
                    INSERT INTO dealer_kpi_value AS v (
                        kpi_id, company_id, user_id, period, date_from, date_to,
                        numerator, denominator, value, state, refreshed_on,
                        create_uid, create_date, write_uid, write_date
                    )
                    SELECT %(kpi)s, f.company_id, f.user_id, %(period)s,
                           %(date_from)s, %(date_to)s, f.numerator,
                           f.denominator, %(value)s, %(state)s,
                           now() AT TIME ZONE 'UTC', %(uid)s,
                           now() AT TIME ZONE 'UTC', %(uid)s,
                           now() AT TIME ZONE 'UTC'
                      FROM fresh f
                    ON CONFLICT (kpi_id, company_id, period, (COALESCE(user_id, 0)))
                    DO UPDATE SET numerator = EXCLUDED.numerator,
                                  denominator = EXCLUDED.denominator,
                                  value = EXCLUDED.value,
                                  state = EXCLUDED.state,
                                  refreshed_on = EXCLUDED.refreshed_on,
                                  write_uid = EXCLUDED.write_uid,
                                  write_date = EXCLUDED.write_date
                     WHERE v.state != 'final'
                )
                UPDATE dealer_kpi_value v
                   SET numerator = 0, denominator = 0,
                       value = CASE WHEN %(factor)s IS NULL THEN 0 END,
                       state = %(state)s,
                       refreshed_on = now() AT TIME ZONE 'UTC',
                       write_uid = %(uid)s,
                       write_date = now() AT TIME ZONE 'UTC'
                 WHERE v.kpi_id = %(kpi)s
                   AND v.period = %(period)s
                   AND v.company_id IN %(companies)s
                   AND v.state != 'final'
                   AND NOT EXISTS (
                       SELECT 1 FROM fresh f
                        WHERE f.company_id = v.company_id
                          AND f.user_id IS NOT DISTINCT FROM v.user_id
                   )
                """,
                bounds=self._dealer_bounds(companies, date_from, date_to),
                rows=rows,
                person=person,
                companies=company_ids,
                kpi=self.id,
                period=key,
                date_from=date_from,
                date_to=date_to,
                value=value,
                factor=factor,
                state=state,
                uid=self.env.uid,
            )
        )


class DealerKpiValue(models.Model):
    """The value of a KPI for a person (or the company) in a period. Written
    by the refresh alone; final values are kept (HRM-18: appraisal results
    are recorded)."""

    _name = "dealer.kpi.value"
    _description = "KPI Value"
    _order = "date_from desc, kpi_id, user_id"
    _rec_name = "kpi_id"

    kpi_id = fields.Many2one(
        "dealer.kpi", string="KPI", required=True, readonly=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Person", readonly=True, index=True, ondelete="cascade"
    )
    period = fields.Char(required=True, readonly=True, index=True)
    date_from = fields.Date(string="From", required=True, readonly=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    numerator = fields.Float(readonly=True, aggregator="sum")
    denominator = fields.Float(readonly=True, aggregator="sum")
    value = fields.Float(readonly=True, aggregator="avg", digits=(16, 2))
    state = fields.Selection(
        KPI_STATES,
        required=True,
        default="open",
        readonly=True,
        index=True,
        help="Open: the period runs. Provisional: the period ended and late "
        "facts still count. Final: the value is kept as it is.",
    )
    refreshed_on = fields.Datetime(readonly=True)
    unit = fields.Selection(related="kpi_id.unit")
    direction = fields.Selection(related="kpi_id.direction")
    dealer_my_team = fields.Boolean(
        string="My team",
        compute="_compute_dealer_my_team",
        search="_search_dealer_my_team",
        help="Values of the people in the departments you head.",
    )

    def init(self):
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS dealer_kpi_value_key
                ON dealer_kpi_value (kpi_id, company_id, period, COALESCE(user_id, 0))
            """
        )

    @api.model
    def _dealer_team_users(self):
        """The people of the departments the current user heads (ORG-15,
        ORG-24, ORG-25: managers appraise their staff)."""
        user = self.env.user
        members = self.env["res.users"]
        for key, _label in DEPARTMENTS:
            if user.has_group(f"dealer_base.group_{key}_manager"):
                # sudo: group membership is not readable by every user; only
                # the ids serve, to filter the values this manager reads.
                members |= self.env.ref(f"dealer_base.group_{key}_user").sudo().users
        return members

    def _compute_dealer_my_team(self):
        team = self._dealer_team_users()
        for value in self:
            value.dealer_my_team = value.user_id in team or (
                bool(team) and not value.user_id
            )

    def _search_dealer_my_team(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on My team."))
        team = self._dealer_team_users()
        domain = (
            ["|", ("user_id", "in", team.ids), ("user_id", "=", False)]
            if team
            else [("id", "=", 0)]
        )
        if (operator == "=") != value:
            domain = ["!", *domain]
        return domain

    def action_finalize(self):
        """Make these values final: nothing changes them afterwards."""
        self.env["dealer.kpi"]._dealer_check_manager()
        self.check_access("read")
        self._dealer_finalize()

    def _dealer_finalize(self):
        if not self:
            return
        self.flush_model()
        self.env.cr.execute(
            SQL(
                "UPDATE dealer_kpi_value SET state = 'final', write_uid = %s, "
                "write_date = now() AT TIME ZONE 'UTC' "
                "WHERE id IN %s AND state != 'final'",
                self.env.uid,
                tuple(self.ids),
            )
        )
        self.invalidate_model(["state", "write_uid", "write_date"])

    @api.model
    def _dealer_finalize_due(self, today=None):
        """Finalise the values of periods that ended more than the company's
        ``dealer_kpi_final_days`` ago (``today``: the job's day), in one
        statement."""
        today = today or fields.Date.context_today(self)
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
                UPDATE dealer_kpi_value v
                   SET state = 'final', write_date = now() AT TIME ZONE 'UTC'
                  FROM res_company c
                 WHERE c.id = v.company_id
                   AND v.state = 'provisional'
                   AND v.date_to + COALESCE(c.dealer_kpi_final_days, 0) < %s
                """,
                today,
            )
        )
        self.invalidate_model(["state", "write_date"])
