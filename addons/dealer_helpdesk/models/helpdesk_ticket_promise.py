# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CMP-02, CMP-04, ASV-02: the processing time promised when a request is
taken, its extension with a reason, and the promise status (on time, at risk,
late) with the escalation of late tickets."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from odoo.addons.dealer_base.tools import has_words, period_datetimes

from .selections import SLA_STATES


class HelpdeskTicket(models.Model):
    # One file per concern of the ticket (issue 18), not one class per model.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # Only the ticket's own actions change these, on every route: the promise
    # is made once, when the request is taken, from the company's settings of
    # that moment (settings apply forward); it is only extended through the
    # wizard, with a reason; the status is set by the job and by closing.
    _dealer_governed = {
        "dealer_received_date": "CMP-02",
        "dealer_promised_date": "CMP-02",
        "dealer_promised_date_initial": "CMP-02",
        "dealer_promise_reason": "CMP-02",
        "dealer_at_risk_date": "CMP-04",
        "dealer_sla_state": "CMP-04",
        "dealer_closed_on_time": "CMP-04",
    }

    # CMP-02: when the request came in, and the processing time promised.
    dealer_received_date = fields.Datetime(
        string="Received on",
        default=fields.Datetime.now,
        readonly=True,
        copy=False,
        index=True,
        help="When the request was taken; the promise counts from here.",
    )
    dealer_promised_date = fields.Datetime(
        string="Promised by",
        compute="_compute_dealer_promise",
        store=True,
        precompute=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    dealer_promised_date_initial = fields.Datetime(
        string="First promise",
        compute="_compute_dealer_promise",
        store=True,
        precompute=True,
        readonly=True,
        copy=False,
    )
    dealer_promise_reason = fields.Text(
        string="Extension reason", readonly=True, copy=False, tracking=True
    )
    dealer_at_risk_date = fields.Datetime(
        string="At risk from",
        compute="_compute_dealer_promise",
        store=True,
        precompute=True,
        readonly=True,
        copy=False,
        index=True,
    )
    dealer_sla_state = fields.Selection(
        SLA_STATES,
        string="Promise status",
        default="on_time",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    dealer_closed_on_time = fields.Boolean(
        string="Closed on time", readonly=True, copy=False
    )

    # No dependency on purpose: the promise is made once, when the request is
    # taken. A later change of the company's hours, of the type or of the
    # severity never moves it; only an extension with a reason does.
    @api.depends()
    def _compute_dealer_promise(self):
        """CMP-02: the company's hours for the ticket type, scaled by severity,
        counted from the moment the request was taken (in the company's
        working hours when it counts in them); at risk after the company's
        share of that time."""
        for ticket in self:
            company = ticket.company_id or self.env.company
            received = ticket.dealer_received_date or fields.Datetime.now()
            promised, at_risk = company._dealer_hd_promise_dates(
                received, ticket.dealer_ticket_type, ticket.dealer_severity
            )
            ticket.dealer_promised_date = promised
            ticket.dealer_promised_date_initial = promised
            ticket.dealer_at_risk_date = at_risk

    # -------------------------------------------------------------------- CRUD
    def write(self, vals):
        # Invariants of the promise on every route, the superuser's included:
        # the first promise is kept, and a promise only moves later, with a
        # reason. Who may move it at all is the guard's (CMP-02 above).
        if "dealer_promised_date_initial" in vals and any(
            self.mapped("dealer_promised_date_initial")
        ):
            raise UserError(
                self.env._("CMP-02: the first promise made to the customer is kept.")
            )
        if "dealer_promised_date" in vals:
            self._dealer_check_promise_change(vals)
        return super().write(vals)

    def _dealer_check_promise_change(self, vals):
        """CMP-02: a promise can only be pushed back, and only with a reason."""
        new = fields.Datetime.to_datetime(vals["dealer_promised_date"])
        for ticket in self.filtered("dealer_promised_date"):
            if new == ticket.dealer_promised_date:
                continue
            if not new or new < ticket.dealer_promised_date:
                raise UserError(
                    self.env._(
                        "CMP-02: the promised time of %(ticket)s can only be "
                        "extended, not brought forward or removed.",
                        ticket=ticket.display_name,
                    )
                )
            if not has_words(vals.get("dealer_promise_reason")):
                raise UserError(
                    self.env._(
                        "CMP-02: extending the promised time of %(ticket)s needs an "
                        "Extension reason.",
                        ticket=ticket.display_name,
                    )
                )

    # ----------------------------------------------------------------- actions
    def action_extend_promise(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Extend the promised time"),
            "res_model": "dealer.helpdesk.promise.extend",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _dealer_extend_promise(self, new_date, reason):
        """CMP-02: push the promise back, with the reason (the wizard's action).
        The at-risk point keeps the share of the time that the company set when
        the promise was made: settings apply forward."""
        self.ensure_one()
        self.check_access("write")
        if self.stage_id.closed:
            raise UserError(
                self.env._(
                    "CMP-02: %(ticket)s is closed; its promise is no longer "
                    "extended.",
                    ticket=self.display_name,
                )
            )
        new_date = fields.Datetime.to_datetime(new_date)
        if not new_date or new_date <= self.dealer_promised_date:
            raise UserError(
                self.env._(
                    "CMP-02: the promised time of %(ticket)s can only be "
                    "extended, not brought forward or removed.",
                    ticket=self.display_name,
                )
            )
        vals = {"dealer_promised_date": new_date, "dealer_promise_reason": reason}
        self._dealer_check_promise_change(vals)
        start = self.dealer_received_date or self.create_date
        span = self.dealer_promised_date - start
        share = (
            (self.dealer_at_risk_date - start) / span
            if span and self.dealer_at_risk_date
            else self.company_id.dealer_hd_at_risk_pct / 100.0
        )
        vals["dealer_at_risk_date"] = start + (new_date - start) * share
        self._dealer_as_action().write(vals)
        self._dealer_check_sla()

    def _dealer_freeze_promise_status(self):
        """CMP-04: a closed ticket keeps whether it was closed on time."""
        on_time = self.filtered(
            lambda t: t.closed_date
            and t.dealer_promised_date
            and t.closed_date <= t.dealer_promised_date
        )
        late = self - on_time
        if on_time:
            on_time._dealer_as_action().write(
                {"dealer_closed_on_time": True, "dealer_sla_state": "on_time"}
            )
        if late:
            late._dealer_as_action().write(
                {"dealer_closed_on_time": False, "dealer_sla_state": "late"}
            )

    # --------------------------------------------------------------- SLA check
    @api.model
    def _dealer_sla_domains(self, now):
        open_ = [("stage_id.closed", "=", False), ("dealer_promised_date", "!=", False)]
        return {
            "late": open_
            + [("dealer_promised_date", "<", now), ("dealer_sla_state", "!=", "late")],
            "at_risk": open_
            + [
                ("dealer_promised_date", ">=", now),
                ("dealer_at_risk_date", "<=", now),
                ("dealer_sla_state", "!=", "at_risk"),
            ],
            "on_time": open_
            + [
                ("dealer_at_risk_date", ">", now),
                ("dealer_sla_state", "!=", "on_time"),
            ],
        }

    def _dealer_check_sla(self):
        """CMP-04, ASV-02: set the promise status of open tickets and escalate
        the newly late ones. Set-wise (three searches, three writes) and safe
        to run twice: a ticket already in its status is not touched again."""
        now = fields.Datetime.now()
        base = [("id", "in", self.ids)] if self else []
        # Only the companies that run by the manual keep promises (CMP-04).
        base.append(("company_id.dealer_policy_manual", "=", True))
        moved = {}
        for state, domain in self._dealer_sla_domains(now).items():
            tickets = self.search(base + domain)
            if tickets:
                # A clock reading, not a decision: no chatter line per ticket
                # (a catch-up run may move thousands); lateness is recorded by
                # the escalation activity below.
                tickets._dealer_as_action().with_context(mail_notrack=True).write(
                    {"dealer_sla_state": state}
                )
            moved[state] = tickets
        if moved["late"]:
            moved["late"]._dealer_escalate()
        return moved

    @api.model
    def _dealer_cron_check_sla(self):
        return self.browse()._dealer_check_sla()

    def _dealer_responsible_head(self):
        """CMP-04: who answers for this ticket's promise: the head of its team's
        department (the team leader when they are one), else its agent, else
        the After-sales head (ASV-02: After-sales coordinates)."""
        self.ensure_one()
        head = self.team_id._dealer_escalation_user(self.company_id)
        return (
            head
            or self.user_id
            or self.company_id._dealer_department_head("after_sales")
        )

    def _dealer_escalate(self):
        """CMP-04: the responsible department's head hears of a late ticket."""
        activity_type = self.env.ref("dealer_helpdesk.mail_activity_type_escalation")
        model_id = self.env["ir.model"]._get_id("helpdesk.ticket")
        today = fields.Date.context_today(self)
        vals_list = []
        heads = {}
        for ticket in self:
            key = (ticket.team_id, ticket.company_id, ticket.user_id)
            if key not in heads:
                heads[key] = ticket._dealer_responsible_head()
            user = heads[key]
            if not user:
                continue
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": ticket.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": today,
                    "summary": self.env._(
                        "Late: promised by %(date)s",
                        date=format_datetime(self.env, ticket.dealer_promised_date),
                    ),
                }
            )
        if vals_list:
            # One activity per late ticket, shown in the manager's activities;
            # no email per activity (a catch-up run may escalate thousands).
            self.env["mail.activity"].with_context(
                mail_activity_quick_update=True
            ).create(vals_list)

    # ------------------------------------------------------------------ AUD-05
    def _dealer_compliance_cmp_04(self, companies, date_from, date_to):
        """CMP-04 compliance check (dealer_base registry): complaints received
        in the period that passed their promised time: marked late, or still
        open after it (before the scheduled action marks them)."""
        start, end = period_datetimes(date_from, date_to)
        return [
            ("company_id", "in", companies.ids),
            ("dealer_ticket_type", "=", "complaint"),
            ("dealer_received_date", ">=", start),
            ("dealer_received_date", "<", end),
            "|",
            ("dealer_sla_state", "=", "late"),
            "&",
            ("closed_date", "=", False),
            ("dealer_promised_date", "<", fields.Datetime.now()),
        ]
