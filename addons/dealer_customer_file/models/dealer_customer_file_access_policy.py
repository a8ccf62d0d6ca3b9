# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CUS-21, CUS-22: which reads the access log marks as unusual (outside the
company's working hours, beyond a number of files a day), and which reads of
the same screen are merged."""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

from .dealer_customer_file_access import MERGE_SECONDS


class DealerCustomerFileAccess(models.Model):
    # One file per concern of the access log (issue 18).
    _inherit = "dealer.customer.file.access"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _dealer_recent_reads(self, user, file_ids, channels):
        """The files among ``file_ids`` that ``user`` read through one of
        ``channels`` in the last moments: the same screen, read again."""
        cutoff = fields.Datetime.now() - timedelta(seconds=MERGE_SECONDS)
        rows = self.env.execute_query(
            SQL(
                "SELECT DISTINCT file_id FROM dealer_customer_file_access "
                "WHERE user_id = %s AND event = 'read' AND channel IN %s "
                "AND date >= %s AND file_id = ANY(%s)",
                user.id,
                tuple(channels),
                cutoff,
                file_ids,
            )
        )
        return {file_id for (file_id,) in rows}

    @api.model
    def _dealer_unusual_policy(self, user, company, when):
        """What makes a read of ``company``'s files by ``user`` at ``when``
        (UTC) unusual (CUS-21): outside the company's working hours (company
        time zone, else the user's), and the files the user read that day.
        Two queries, whatever the number of files logged."""
        # SQL: the settings of the moment, without loading company and user
        # records into the cache of the read being logged (pending changes
        # are written first; nothing is queried when there are none).
        self.env["res.company"].flush_model(
            [
                "dealer_file_log_hour_from",
                "dealer_file_log_hour_to",
                "dealer_file_log_daily_files",
                "partner_id",
            ]
        )
        self.env["res.partner"].flush_model(["tz"])
        self.env["res.users"].flush_model(["partner_id"])
        hour_from, hour_to, daily_files, tz_name = self.env.execute_query(
            SQL(
                "SELECT c.dealer_file_log_hour_from, c.dealer_file_log_hour_to, "
                "c.dealer_file_log_daily_files, COALESCE(cp.tz, up.tz, 'UTC') "
                "FROM res_company c JOIN res_partner cp ON cp.id = c.partner_id, "
                "res_users u JOIN res_partner up ON up.id = u.partner_id "
                "WHERE c.id = %s AND u.id = %s",
                company.id,
                user.id,
            )
        )[0]
        try:
            tz = pytz.timezone(tz_name)
        except pytz.UnknownTimeZoneError:
            tz = pytz.utc
        local = pytz.utc.localize(when).astimezone(tz)
        hour = local.hour + local.minute / 60.0
        start = (
            tz.localize(datetime.combine(local.date(), time.min))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )
        rows = self.env.execute_query(
            SQL(
                "SELECT DISTINCT file_id FROM dealer_customer_file_access "
                "WHERE user_id = %s AND company_id = %s AND event = 'read' "
                "AND date >= %s",
                user.id,
                company.id,
                start,
            )
        )
        return {
            "outside_hours": not ((hour_from or 0.0) <= hour < (hour_to or 24.0)),
            # No number set: no read is unusual for it.
            "daily_files": daily_files or float("inf"),
            "read_today": {file_id for (file_id,) in rows},
        }
