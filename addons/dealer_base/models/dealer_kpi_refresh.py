# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The KPI refresh engine (issue 21; HRM-05, HRM-12, HRM-13, HRM-18): the
button, the daily job and the set-wise upsert of ``dealer.kpi.value`` from the
hooks described with the ``dealer.kpi`` model."""

import logging
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..tools import DEPARTMENTS, period_of

_logger = logging.getLogger(__name__)

# Who may refresh and finalise KPI values: the heads of departments and the
# general manager's office (ORG-15, ORG-24: managers appraise their staff).
KPI_MANAGER_GROUPS = (
    "dealer_base.group_general_management",
    *(f"dealer_base.group_{key}_manager" for key, _label in DEPARTMENTS),
)


class DealerKpi(models.Model):
    _inherit = "dealer.kpi"

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
