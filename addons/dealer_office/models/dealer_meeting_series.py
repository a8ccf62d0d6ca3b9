# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.dealer_base.tools import DEPARTMENTS

MEETING_KINDS = [
    ("weekly", "Weekly meeting"),
    ("monthly", "Monthly meeting"),
    ("quarterly", "Quarterly meeting"),
    ("month_start", "Month-start review"),
    ("salesperson", "Salesperson meeting"),
]
WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class DealerMeetingSeries(models.Model):
    """A standing meeting of a department (ADM-07, ADM-14, ADM-16, ADM-22):
    its kind and rhythm, time in the company's time zone, chair, deputy chair,
    minute-taker, participants and standing agenda. A scheduled job puts its
    meetings in the calendar ahead of time (ADM-08)."""

    _name = "dealer.meeting.series"
    _description = "Meeting Series"
    _inherit = ["mail.thread"]
    _order = "department, kind, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    department = fields.Selection(DEPARTMENTS, required=True, tracking=True)
    kind = fields.Selection(
        MEETING_KINDS, required=True, default="weekly", tracking=True
    )
    weekday = fields.Selection(
        WEEKDAYS,
        default="5",
        tracking=True,
        help="Day of the week of weekly and salesperson meetings.",
    )
    interval_weeks = fields.Integer(
        string="Every (weeks)",
        default=1,
        help="Salesperson meetings: every how many weeks (ADM-22).",
    )
    month_day = fields.Integer(
        string="Day of the month",
        default=1,
        help="Monthly, month-start and quarterly meetings: the day of the "
        "month (of the quarter's first month).",
    )
    hour_start = fields.Float(
        string="Starts at", default=15.0, required=True, tracking=True
    )
    duration = fields.Float(string="Duration (hours)", default=1.0, required=True)
    date_start = fields.Date(
        string="First day", required=True, default=fields.Date.context_today
    )
    chair_id = fields.Many2one(
        "res.users", string="Chair", required=True, check_company=True, tracking=True
    )
    deputy_chair_id = fields.Many2one(
        "res.users",
        string="Deputy chair",
        check_company=True,
        tracking=True,
        help="Chairs the meeting when the chair declines it (ADM-17).",
    )
    minute_taker_id = fields.Many2one(
        "res.users",
        string="Minute-taker",
        required=True,
        check_company=True,
        tracking=True,
        help="The designated person who takes the minutes (ADM-21).",
    )
    attendee_ids = fields.Many2many(
        "res.users",
        "dealer_meeting_series_user_rel",
        "series_id",
        "user_id",
        string="Participants",
        check_company=True,
    )
    agenda_ids = fields.One2many(
        "dealer.meeting.agenda", "series_id", string="Standing agenda"
    )
    meeting_ids = fields.One2many("dealer.meeting", "series_id", string="Meetings")
    meeting_count = fields.Integer(compute="_compute_meeting_count")

    def _compute_meeting_count(self):
        counts = dict(
            self.env["dealer.meeting"]._read_group(
                [("series_id", "in", self.ids)], ["series_id"], ["__count"]
            )
        )
        for series in self:
            series.meeting_count = counts.get(series, 0)

    @api.constrains("hour_start", "duration", "month_day", "interval_weeks")
    def _check_rhythm(self):
        for series in self:
            if not (
                0 <= series.hour_start < 24
                and 0 < series.duration <= 12
                and 1 <= series.month_day <= 28
                and series.interval_weeks >= 1
            ):
                raise ValidationError(
                    self.env._(
                        "%s: a meeting starts between 0:00 and 24:00, lasts up to "
                        "12 hours, on a day of the month from 1 to 28, at least "
                        "every week (ADM-07).",
                        series.name,
                    )
                )

    # ------------------------------------------------------------------ dates
    def _dealer_occurrences(self, date_from, date_to):
        """The meeting days of this series from ``date_from`` to ``date_to``."""
        self.ensure_one()
        days = []
        start = max(date_from, self.date_start)
        if self.kind in ("weekly", "salesperson"):
            first = self.date_start + timedelta(
                days=(int(self.weekday or 5) - self.date_start.weekday()) % 7
            )
            step = timedelta(weeks=self.interval_weeks or 1)
            day = first
            while day <= date_to:
                if day >= start:
                    days.append(day)
                day += step
        else:
            months = 3 if self.kind == "quarterly" else 1
            month = start.replace(day=1)
            if months == 3:
                month = month.replace(month=(month.month - 1) // 3 * 3 + 1)
            while month <= date_to:
                day = month.replace(day=self.month_day or 1)
                if start <= day <= date_to:
                    days.append(day)
                month += relativedelta(months=months)
        return days

    def _dealer_start_stop(self, day):
        """UTC start and stop of the meeting of ``day``, at the series' hour
        in the company's time zone (ADM-16: Saturday 15:00-16:00 local)."""
        self.ensure_one()
        tz = self.company_id._dealer_tz()
        hours = int(self.hour_start)
        minutes = round((self.hour_start - hours) * 60)
        local = tz.localize(datetime.combine(day, time(hours, minutes)))
        start = local.astimezone(pytz.utc).replace(tzinfo=None)
        return start, start + timedelta(hours=self.duration)

    # ------------------------------------------------------------------ planning
    def _dealer_meeting_vals(self, day):
        self.ensure_one()
        start, stop = self._dealer_start_stop(day)
        users = (
            self.attendee_ids
            | self.chair_id
            | self.deputy_chair_id
            | self.minute_taker_id
        )
        return {
            "series_id": self.id,
            "meeting_date": day,
            "start": start,
            "stop": stop,
            "agenda_ids": [
                Command.create(
                    {
                        "sequence": line.sequence,
                        "name": line.name,
                        "owner_id": line.owner_id.id,
                    }
                )
                for line in self.agenda_ids
            ],
            "attendance_ids": [Command.create({"user_id": user.id}) for user in users],
        }

    def _dealer_plan_meetings(self, date_from=None, date_to=None):
        """Create the missing meetings (and their calendar events) of these
        series; safe to run twice: one meeting per series and day."""
        meetings = self.env["dealer.meeting"]
        for series in self.filtered("active"):
            today = fields.Date.context_today(series)
            first = date_from or today
            last = date_to or today + timedelta(
                days=series.company_id.dealer_meeting_horizon_days
            )
            days = series._dealer_occurrences(first, last)
            planned = set(
                meetings.with_context(active_test=False)
                .search([("series_id", "=", series.id), ("meeting_date", "in", days)])
                .mapped("meeting_date")
            )
            vals_list = [
                series._dealer_meeting_vals(day) for day in days if day not in planned
            ]
            if vals_list:
                meetings |= meetings._dealer_as_action().create(vals_list)
        return meetings

    def action_plan_meetings(self):
        self.check_access("write")
        self._dealer_plan_meetings()
        return True

    @api.model
    def _cron_plan_meetings(self):
        """Scheduled: every active series has its meetings in the calendar for
        the company's horizon."""
        self.search([])._dealer_plan_meetings()

    def action_view_meetings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_office.dealer_meeting_action"
        )
        action["domain"] = [("series_id", "=", self.id)]
        action["context"] = {"default_series_id": self.id}
        return action
