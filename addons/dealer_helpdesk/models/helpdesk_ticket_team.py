# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .selections import DEPARTMENTS


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    # CMP-03: a team belongs to a department, whose manager is escalated to.
    dealer_department = fields.Selection(
        DEPARTMENTS,
        string="Department",
        help="The department that answers for this team's tickets; its manager "
        "is told when a ticket is late.",
    )

    def _dealer_escalation_user(self, company=None):
        """CMP-04: who hears about a late ticket of this team: the team leader
        when they head the team's department, else a head of it (dealer_base's
        department routing, with its Administration fallback). A team without
        a department: its leader. No team: nobody (the caller decides)."""
        if not self:
            return self.env["res.users"]
        self.ensure_one()
        if not self.dealer_department:
            return self.user_id
        company = self.company_id or company or self.env.company
        heads = company._dealer_department_heads(self.dealer_department)
        if self.user_id in heads:
            return self.user_id
        return heads[:1] or self.user_id
