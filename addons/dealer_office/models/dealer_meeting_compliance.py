# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools


class DealerMeetingCompliance(models.Model):
    """Weeks without a held meeting of an active weekly series (ADM-16,
    ADM-18): one row per series and week that ended without it."""

    _name = "dealer.meeting.compliance"
    _description = "Weeks Without a Meeting"
    _auto = False
    _order = "week_start desc, series_id"

    series_id = fields.Many2one("dealer.meeting.series", string="Series", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    department = fields.Selection(related="series_id.department")
    week_start = fields.Date(string="Week of", readonly=True)
    week_end = fields.Date(string="Week ending", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                SELECT s.id * 10000 + (w.week_start::date - DATE '2000-01-03') / 7
                           AS id,
                       s.id AS series_id,
                       s.company_id,
                       w.week_start::date AS week_start,
                       (w.week_start::date + 6) AS week_end
                  FROM dealer_meeting_series s
                 CROSS JOIN LATERAL generate_series(
                       date_trunc('week', s.date_start)::date,
                       (date_trunc('week', CURRENT_DATE) - INTERVAL '7 days')::date,
                       INTERVAL '7 days') AS w(week_start)
                 WHERE s.active
                   AND s.kind = 'weekly'
                   AND NOT EXISTS (
                       SELECT 1 FROM dealer_meeting m
                        WHERE m.series_id = s.id
                          AND m.state IN ('held', 'closed')
                          AND m.meeting_date >= w.week_start::date
                          AND m.meeting_date < w.week_start::date + 7)
            )
            """
        )

    @api.model
    def _dealer_compliance_adm_16(self, companies, date_from, date_to):
        """ADM-16: the weeks of the period without a held weekly meeting."""
        return [
            ("company_id", "in", companies.ids),
            ("week_start", ">=", date_from),
            ("week_start", "<=", date_to),
        ]
