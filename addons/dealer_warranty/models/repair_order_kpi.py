# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""HRM-13: the KPIs of repairs (repair timeliness, repair quality), computed
set-wise by dealer_base's KPI engine through the hooks below."""

from odoo import fields, models
from odoo.tools import SQL


class RepairOrder(models.Model):
    # The KPIs' concern of the repair, apart from the repair's own rules.
    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    _dealer_governed = {"dealer_done_date": "HRM-13"}

    dealer_done_date = fields.Datetime(
        string="Done on",
        readonly=True,
        copy=False,
        index=True,
        help="When the repair was done: its timeliness counts to here.",
    )

    def action_repair_done(self):
        res = super().action_repair_done()
        self.filtered(
            lambda r: r.state == "done" and not r.dealer_done_date
        )._dealer_as_action().write({"dealer_done_date": fields.Datetime.now()})
        return res

    def _dealer_kpi_done_repairs(self, bounds):
        """Repairs done in the period (in the company's time zone), with their
        technician and the local day they were done. Repairs done before the
        stamp existed count from their last change."""
        return SQL(
            """
            SELECT r.id, r.company_id, r.user_id, r.lot_id, r.dealer_claim_date,
                   (COALESCE(r.dealer_done_date, r.write_date)
                        AT TIME ZONE 'UTC' AT TIME ZONE b.tz)::date AS done_day
              FROM repair_order r
              JOIN %(bounds)s b
                ON b.company_id = r.company_id
               AND COALESCE(r.dealer_done_date, r.write_date) >= b.dt_from
               AND COALESCE(r.dealer_done_date, r.write_date) < b.dt_to
             WHERE r.state = 'done' AND r.user_id IS NOT NULL
            """,
            bounds=bounds,
        )

    def _dealer_kpi_repair_ontime(self, kpi, bounds):
        """HRM-13 repair timeliness: repairs done within the KPI's window
        (days after the customer's claim date) out of the repairs the
        technician finished in the period."""
        return SQL(
            """
            SELECT d.company_id, d.user_id,
                   COUNT(*) FILTER (
                       WHERE d.done_day <= COALESCE(d.dealer_claim_date, d.done_day)
                                           + %(window)s
                   ),
                   COUNT(*)
              FROM (%(done)s) d
             GROUP BY 1, 2
            """,
            window=kpi.window_days or 0,
            done=self._dealer_kpi_done_repairs(bounds),
        )

    def _dealer_kpi_repair_rework(self, kpi, bounds):
        """HRM-13 repair quality: repairs of the period whose serial came back
        for another repair within the KPI's window after it was done, charged
        to the technician of that first repair (not to whoever repairs it
        again), out of that technician's repairs of the period."""
        return SQL(
            """
            SELECT d.company_id, d.user_id,
                   COUNT(*) FILTER (
                       WHERE d.lot_id IS NOT NULL AND EXISTS (
                           SELECT 1 FROM repair_order again
                            WHERE again.lot_id = d.lot_id
                              AND again.company_id = d.company_id
                              AND again.id != d.id
                              AND again.state != 'cancel'
                              AND again.dealer_claim_date >= d.done_day
                              AND again.dealer_claim_date <= d.done_day + %(window)s
                       )
                   ),
                   COUNT(*)
              FROM (%(done)s) d
             GROUP BY 1, 2
            """,
            window=kpi.window_days or 0,
            done=self._dealer_kpi_done_repairs(bounds),
        )
