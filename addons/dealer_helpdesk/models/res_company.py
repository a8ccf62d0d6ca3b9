# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .selections import TICKET_TYPES


class ResCompany(models.Model):
    _inherit = "res.company"

    # CMP-02, KNW-01: the manual leaves the promised processing time to the
    # company; one time per ticket type, scaled by severity.
    dealer_hd_hours_consultation = fields.Integer(
        string="Consultation (hours)", default=24
    )
    dealer_hd_hours_fault = fields.Integer(string="Fault / repair (hours)", default=48)
    dealer_hd_hours_complaint = fields.Integer(string="Complaint (hours)", default=48)
    dealer_hd_hours_return = fields.Integer(
        string="Return / exchange (hours)", default=72
    )
    dealer_hd_hours_installation = fields.Integer(
        string="Installation (hours)", default=120
    )
    dealer_hd_hours_training = fields.Integer(string="Training (hours)", default=168)
    dealer_hd_pct_low = fields.Integer(
        string="Low severity (% of the time)", default=150
    )
    dealer_hd_pct_normal = fields.Integer(
        string="Normal severity (% of the time)", default=100
    )
    dealer_hd_pct_high = fields.Integer(
        string="High severity (% of the time)", default=50
    )
    dealer_hd_pct_critical = fields.Integer(
        string="Critical severity (% of the time)", default=25
    )
    dealer_hd_at_risk_pct = fields.Integer(
        string="At risk after (% of the promised time)",
        default=75,
        help="A ticket still open after this share of its promised time is at " "risk.",
    )
    # CMP-02: promised times in working hours (a request taken on Friday
    # evening is not late on Saturday morning) or round the clock.
    dealer_hd_promise_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Promised times count in",
        help="The working hours in which promised times count, public holidays "
        "(the calendar's global leaves) excluded. Empty: round the clock.",
    )
    # CMP-03, ASV-01: the team of the department responsible for each type.
    dealer_hd_team_consultation_id = fields.Many2one(
        "helpdesk.ticket.team", string="Consultation team"
    )
    dealer_hd_team_fault_id = fields.Many2one(
        "helpdesk.ticket.team", string="Fault / repair team"
    )
    dealer_hd_team_complaint_id = fields.Many2one(
        "helpdesk.ticket.team", string="Complaint team"
    )
    dealer_hd_team_return_id = fields.Many2one(
        "helpdesk.ticket.team", string="Return / exchange team"
    )
    dealer_hd_team_installation_id = fields.Many2one(
        "helpdesk.ticket.team", string="Installation team"
    )
    dealer_hd_team_training_id = fields.Many2one(
        "helpdesk.ticket.team", string="Training team"
    )
    # CMP-06, CMP-08: the follow-up call after a ticket is closed.
    dealer_hd_followup_days = fields.Integer(
        string="Follow-up after closing (days)", default=3
    )
    dealer_hd_repeat_fault_days = fields.Integer(
        string="Repeat fault window (days)", default=90
    )

    # ASV-13: when an on-site visit is proposed (the next day) and how long.
    dealer_hd_visit_start_hour = fields.Float(
        string="Visits start at",
        default=9.0,
        help="Hour of the next day, in the company's time zone, at which a new "
        "on-site visit is proposed.",
    )
    dealer_hd_visit_duration = fields.Float(
        string="Visit duration (hours)", default=2.0
    )

    # Bounds of the helpdesk settings: a promise of more than a year is no
    # promise, and every number stays one the database can hold.
    _DEALER_HD_BOUNDS = {
        **{f"dealer_hd_hours_{code}": (1, 8760) for code, _label in TICKET_TYPES},
        **{
            f"dealer_hd_pct_{severity}": (1, 1000)
            for severity in ("low", "normal", "high", "critical")
        },
        "dealer_hd_at_risk_pct": (1, 99),
        "dealer_hd_followup_days": (0, 365),
        "dealer_hd_repeat_fault_days": (1, 3650),
    }

    @api.constrains(*_DEALER_HD_BOUNDS)
    def _check_dealer_hd_promised_times(self):
        """CMP-02, CMP-06: promised times, severity shares, the at-risk share
        and the follow-up delays within their bounds, named when refused."""
        for company in self:
            for fname, (low, high) in self._DEALER_HD_BOUNDS.items():
                if not low <= company[fname] <= high:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must be between %(low)s and %(high)s "
                            "(CMP-02).",
                            field=self._fields[fname]._description_string(self.env),
                            low=low,
                            high=high,
                        )
                    )

    @api.constrains("dealer_hd_visit_start_hour", "dealer_hd_visit_duration")
    def _check_dealer_hd_visit(self):
        """ASV-13: a visit starts within the day and lasts at most a day."""
        for company in self:
            for fname, low, high in (
                ("dealer_hd_visit_start_hour", 0.0, 23.99),
                ("dealer_hd_visit_duration", 0.25, 24.0),
            ):
                if not low <= company[fname] <= high:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must be between %(low)s and %(high)s "
                            "(ASV-13).",
                            field=self._fields[fname]._description_string(self.env),
                            low=low,
                            high=high,
                        )
                    )

    def _dealer_hd_visit_slot(self):
        """ASV-13: the proposed visit: the next day at the company's start hour
        in its time zone, for its duration (UTC, as stored)."""
        self.ensure_one()
        tz = pytz.timezone(self.partner_id.tz or self.env.user.tz or "UTC")
        local_now = pytz.utc.localize(fields.Datetime.now()).astimezone(tz)
        day = local_now.date() + timedelta(days=1)
        local_start = tz.localize(datetime.combine(day, time.min)) + timedelta(
            hours=self.dealer_hd_visit_start_hour
        )
        start = local_start.astimezone(pytz.utc).replace(tzinfo=None, second=0)
        start = start.replace(microsecond=0)
        return start, start + timedelta(hours=self.dealer_hd_visit_duration)

    def _dealer_hd_promised_delta(self, ticket_type, severity):
        """CMP-02: the processing time promised for a type and a severity."""
        self.ensure_one()
        hours = self[f"dealer_hd_hours_{ticket_type or 'consultation'}"]
        pct = self[f"dealer_hd_pct_{severity or 'normal'}"]
        return timedelta(hours=hours * pct / 100.0)

    def _dealer_hd_promise_dates(self, received, ticket_type, severity):
        """CMP-02: (promised by, at risk from) for a request taken at
        ``received``, in the company's working hours when it counts in them."""
        self.ensure_one()
        delta = self._dealer_hd_promised_delta(ticket_type, severity)
        risk = delta * (self.dealer_hd_at_risk_pct / 100.0)
        calendar = self.dealer_hd_promise_calendar_id
        if not calendar:
            return received + delta, received + risk
        # plan_hours reads a naive datetime as UTC and answers in UTC; it
        # answers False when the calendar has no hours at all in 1,400 days.
        hours = delta.total_seconds() / 3600
        promised = calendar.plan_hours(hours, received, compute_leaves=True)
        at_risk = calendar.plan_hours(
            hours * self.dealer_hd_at_risk_pct / 100.0, received, compute_leaves=True
        )
        if not promised:
            return received + delta, received + risk
        return promised, at_risk or promised

    def _dealer_hd_team(self, ticket_type):
        self.ensure_one()
        return self[f"dealer_hd_team_{ticket_type}_id"] if ticket_type else False
