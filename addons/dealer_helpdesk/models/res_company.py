# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

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

    @api.constrains(
        "dealer_hd_hours_consultation",
        "dealer_hd_hours_fault",
        "dealer_hd_hours_complaint",
        "dealer_hd_hours_return",
        "dealer_hd_hours_installation",
        "dealer_hd_hours_training",
        "dealer_hd_pct_low",
        "dealer_hd_pct_normal",
        "dealer_hd_pct_high",
        "dealer_hd_pct_critical",
        "dealer_hd_at_risk_pct",
    )
    def _check_dealer_hd_promised_times(self):
        for company in self:
            hours = [company[f"dealer_hd_hours_{code}"] for code, _l in TICKET_TYPES]
            pcts = [
                company.dealer_hd_pct_low,
                company.dealer_hd_pct_normal,
                company.dealer_hd_pct_high,
                company.dealer_hd_pct_critical,
            ]
            if min(hours + pcts) <= 0 or not 0 < company.dealer_hd_at_risk_pct < 100:
                raise ValidationError(
                    self.env._(
                        "CMP-02: promised processing times and severity shares "
                        "must be positive, and the at-risk share between 1 and "
                        "99%."
                    )
                )

    def _dealer_hd_promised_delta(self, ticket_type, severity):
        """CMP-02: the processing time promised for a type and a severity."""
        self.ensure_one()
        hours = self[f"dealer_hd_hours_{ticket_type or 'consultation'}"]
        pct = self[f"dealer_hd_pct_{severity or 'normal'}"]
        return timedelta(hours=hours * pct / 100.0)

    def _dealer_hd_team(self, ticket_type):
        self.ensure_one()
        return self[f"dealer_hd_team_{ticket_type}_id"] if ticket_type else False
