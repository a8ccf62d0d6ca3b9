# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import _lt, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import has_words

MEETING_MANAGERS = (
    "dealer_base.group_administration_manager",
    "dealer_base.group_general_management",
)


class DealerMeeting(models.Model):
    """One meeting of a series (ADM-07 to ADM-09, ADM-16 to ADM-21): its
    calendar event, chair (the deputy when the chair declines), minute-taker,
    agenda items with owners, attendance per person, action items, and the
    minutes without which it does not close; closing publishes the minutes to
    the participants and files them in the archive ledger."""

    _name = "dealer.meeting"
    _description = "Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "start desc, id desc"
    _check_company_auto = True

    _dealer_governed = {
        "series_id": "ADM-16",
        "meeting_date": "ADM-16",
        "event_id": "ADM-08",
        "state": "ADM-09",
        "date_closed": "ADM-21",
        "archive_item_id": "ADM-21",
    }
    _dealer_keep_rule = "ADM-21"
    _dealer_deletable_states = ("planned",)

    name = fields.Char(compute="_compute_name", store=True)
    series_id = fields.Many2one(
        "dealer.meeting.series",
        string="Series",
        required=True,
        index=True,
        readonly=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(related="series_id.company_id", store=True)
    department = fields.Selection(related="series_id.department", store=True)
    kind = fields.Selection(related="series_id.kind", store=True)
    meeting_date = fields.Date(string="Date", required=True, readonly=True, index=True)
    start = fields.Datetime(required=True, tracking=True)
    stop = fields.Datetime(string="End", required=True, tracking=True)
    event_id = fields.Many2one(
        "calendar.event", string="Calendar event", readonly=True, copy=False
    )
    topic = fields.Char(help="The meeting's theme (ADM-08).")
    chair_id = fields.Many2one(related="series_id.chair_id")
    deputy_chair_id = fields.Many2one(related="series_id.deputy_chair_id")
    minute_taker_id = fields.Many2one(related="series_id.minute_taker_id")
    acting_chair_id = fields.Many2one(
        "res.users",
        string="Chaired by",
        compute="_compute_acting_chair_id",
        store=True,
        help="The chair, or the deputy chair when the chair declined the "
        "meeting (ADM-17).",
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("held", "Held"),
            ("closed", "Minutes published"),
            ("cancel", "Cancelled"),
        ],
        default="planned",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    agenda_ids = fields.One2many("dealer.meeting.agenda", "meeting_id", string="Agenda")
    attendance_ids = fields.One2many(
        "dealer.meeting.attendance", "meeting_id", string="Attendance"
    )
    action_ids = fields.One2many(
        "dealer.meeting.action", "meeting_id", string="Action items"
    )
    report_ids = fields.Many2many(
        "dealer.work.report",
        string="Weekly reports",
        compute="_compute_report_ids",
        help="The department's weekly reports of the meeting's week (ADM-19).",
    )
    minutes = fields.Html(help="The minutes (ADM-09, ADM-21).")
    date_closed = fields.Datetime(string="Minutes published on", readonly=True)
    archive_item_id = fields.Many2one(
        "dealer.archive.item", string="Filed as", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "series_day_uniq",
            "unique (series_id, meeting_date)",
            "A series has one meeting per day (ADM-16).",
        ),
    ]

    @api.depends("series_id.name", "meeting_date")
    def _compute_name(self):
        for meeting in self:
            meeting.name = (
                f"{meeting.series_id.name or ''} {meeting.meeting_date or ''}"
            )

    @api.depends(
        "series_id.chair_id",
        "series_id.deputy_chair_id",
        "event_id.attendee_ids.state",
    )
    def _compute_acting_chair_id(self):
        for meeting in self:
            chair = meeting.series_id.chair_id
            declined = meeting.event_id.attendee_ids.filtered(
                lambda att, chair=chair: att.partner_id == chair.partner_id
                and att.state == "declined"
            )
            deputy = meeting.series_id.deputy_chair_id
            meeting.acting_chair_id = deputy if declined and deputy else chair

    def _compute_report_ids(self):
        Report = self.env["dealer.work.report"]
        for meeting in self:
            day = meeting.meeting_date
            if not day:
                meeting.report_ids = Report
                continue
            monday = day - timedelta(days=day.weekday())
            meeting.report_ids = Report.search(
                [
                    ("company_id", "=", meeting.company_id.id),
                    ("department", "=", meeting.department),
                    ("kind", "=", "weekly"),
                    ("period_start", ">=", monday),
                    ("period_start", "<=", monday + timedelta(days=6)),
                ]
            )

    @api.constrains("start", "stop")
    def _check_dates(self):
        for meeting in self:
            if meeting.stop <= meeting.start:
                raise ValidationError(
                    self.env._("%s: a meeting ends after it starts.", meeting.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        meetings._dealer_create_events()
        return meetings

    def _dealer_create_events(self):
        """Each meeting in the participants' calendars: they are told in
        advance (ADM-08)."""
        for meeting in self:
            users = meeting.attendance_ids.user_id | meeting.series_id.chair_id
            # sudo: the event is the meeting's, whoever planned it.
            event = (
                self.env["calendar.event"]
                .sudo()
                .create(
                    {
                        "name": meeting.name,
                        "start": meeting.start,
                        "stop": meeting.stop,
                        "user_id": meeting.series_id.chair_id.id,
                        "partner_ids": [(6, 0, users.partner_id.ids)],
                        "description": meeting.topic or False,
                    }
                )
            )
            meeting._dealer_as_action().write({"event_id": event.id})

    # ------------------------------------------------------------------ rights
    def _dealer_may_manage(self):
        self.ensure_one()
        user = self.env.user
        if self.env.su or any(user.has_group(g) for g in MEETING_MANAGERS):
            return True
        if user.has_group(f"dealer_base.group_{self.department}_manager"):
            return True
        series = self.series_id
        return user in (
            series.chair_id | series.deputy_chair_id | series.minute_taker_id
        )

    def _dealer_check_may_manage(self):
        for meeting in self:
            if not meeting._dealer_may_manage():
                raise UserError(
                    self.env._(
                        "%s: only its chair, deputy chair, minute-taker or the "
                        "department head manage the meeting (ADM-21).",
                        meeting.name,
                    )
                )

    def write(self, vals):
        if not self._dealer_is_trusted() and (
            vals.keys()
            & {"minutes", "topic", "start", "stop", "agenda_ids", "attendance_ids"}
        ):
            self._dealer_check_may_manage()
        closed = self.filtered(lambda m: m.state == "closed")
        if (
            closed
            and not self._dealer_is_trusted()
            and (vals.keys() & {"minutes", "start", "stop", "topic"})
        ):
            raise UserError(
                self.env._(
                    "%s: the minutes are published and filed; they are not "
                    "changed (ADM-21).",
                    closed[0].name,
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------ workflow
    def action_hold(self):
        """The meeting took place: attendance is recorded (ADM-18)."""
        self._dealer_check_may_manage()
        if any(m.state != "planned" for m in self):
            raise UserError(self.env._("Only a planned meeting is held."))
        self._dealer_as_action().write({"state": "held"})
        return True

    def action_close(self):
        """Publish the minutes to the participants and file them (ADM-09,
        ADM-21): refused while the minutes are empty."""
        self._dealer_check_may_manage()
        for meeting in self:
            if meeting.state != "held":
                raise UserError(
                    self.env._(
                        "%s: only a held meeting is closed with its minutes.",
                        meeting.name,
                    )
                )
            if not has_words(meeting.minutes):
                raise UserError(
                    self.env._(
                        "%s: write the minutes before the meeting is closed "
                        "(Minutes, ADM-09).",
                        meeting.name,
                    )
                )
        for meeting in self:
            item = self.env["dealer.archive.item"]._dealer_file(
                meeting,
                self.env._("Minutes: %s", meeting.name),
                "minutes",
                content=meeting.minutes,
                department=meeting.department,
            )
            meeting._dealer_as_action().write(
                {
                    "state": "closed",
                    "date_closed": fields.Datetime.now(),
                    "archive_item_id": item.id,
                }
            )
            partners = meeting.attendance_ids.user_id.partner_id
            meeting.message_post(
                body=Markup("<p>%s</p>%s")
                % (self.env._("Minutes of the meeting (ADM-09):"), meeting.minutes),
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_cancel(self):
        self._dealer_check_may_manage()
        if any(m.state != "planned" for m in self):
            raise UserError(self.env._("Only a planned meeting is cancelled."))
        self._dealer_as_action().write({"state": "cancel"})
        # sudo: the meeting's event goes with it.
        self.event_id.sudo().action_archive()
        return True

    def _dealer_chair_declined(self):
        """The chair declined: the deputy chairs (ADM-17) and is told."""
        for meeting in self.filtered(lambda m: m.state == "planned"):
            deputy = meeting.series_id.deputy_chair_id
            if not deputy:
                continue
            meeting.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=meeting.meeting_date,
                summary=_lt("The chair declined: you chair this meeting (ADM-17)"),
                user_id=deputy.id,
            )
