# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import pytz

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_meeting_horizon_days = fields.Integer(
        string="Meetings planned ahead (days)",
        default=28,
        help="How far ahead the meetings of each active series are put in the "
        "calendar, so that participants are told in advance (ADM-08).",
    )
    dealer_loan_default_days = fields.Integer(
        string="Archive loan period (days)",
        default=7,
        help="Default time an archive item is lent for (ADM-05).",
    )

    dealer_report_grace_days = fields.Integer(
        string="Work reports due (days after the period)",
        default=1,
        help="A work report is due this many days after its period ends; later "
        "is flagged late (ADM-15, ADM-23).",
    )

    def _dealer_tz(self):
        """The company's time zone: its address's, else UTC."""
        self.ensure_one()
        tz = self.partner_id.tz
        return pytz.timezone(tz) if tz in pytz.all_timezones_set else pytz.utc
