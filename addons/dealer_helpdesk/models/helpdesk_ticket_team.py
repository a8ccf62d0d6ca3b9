# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .selections import DEPARTMENTS, TICKET_TYPES


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    # CMP-03: a team belongs to a department, whose manager is escalated to.
    dealer_department = fields.Selection(
        DEPARTMENTS,
        string="Department",
        help="The department that answers for this team's tickets; its manager "
        "is told when a ticket is late.",
    )
    # CMP-04, ASV-02: the dashboard shows each team's open tickets by promise
    # status and by type, the after-sales department's core rule at a glance.
    dealer_at_risk_count = fields.Integer(
        string="At risk", compute="_compute_dealer_dashboard"
    )
    dealer_late_count = fields.Integer(
        string="Late", compute="_compute_dealer_dashboard"
    )
    dealer_type_summary = fields.Char(
        string="Open tickets by type", compute="_compute_dealer_dashboard"
    )

    def _compute_dealer_dashboard(self):
        Ticket = self.env["helpdesk.ticket"]
        domain = [("team_id", "in", self.ids), ("closed", "=", False)]
        by_state = {
            (team.id, state): count
            for team, state, count in Ticket._read_group(
                domain, ["team_id", "dealer_sla_state"], ["__count"]
            )
        }
        by_type = {}
        for team, ticket_type, count in Ticket._read_group(
            domain, ["team_id", "dealer_ticket_type"], ["__count"]
        ):
            by_type.setdefault(team.id, {})[ticket_type] = count
        labels = dict(
            Ticket._fields["dealer_ticket_type"]._description_selection(self.env)
        )
        for team in self:
            team.dealer_at_risk_count = by_state.get((team.id, "at_risk"), 0)
            team.dealer_late_count = by_state.get((team.id, "late"), 0)
            counts = by_type.get(team.id, {})
            team.dealer_type_summary = " · ".join(
                f"{labels[key]} {counts[key]}"
                for key, _label in TICKET_TYPES
                if counts.get(key)
            )

    def _retrieve_dashboard(self):
        """The dashboard's tiles in the user's language (helpdesk_mgmt names
        them in code it does not translate into Chinese), and the promise
        status of the open tickets: at risk and late (CMP-04)."""
        sections = super()._retrieve_dashboard()
        names = {
            "helpdesk_mgmt.helpdesk_ticket_action_unassigned": self.env._(
                "Open Tickets without team"
            ),
            "helpdesk_mgmt.helpdesk_ticket_action_opened": self.env._("Open Tickets"),
        }
        for section in sections:
            if section.get("action") in names:
                section["name"] = names[section["action"]]
        Ticket = self.env["helpdesk.ticket"]
        open_ = [("closed", "=", False)]
        at_risk = Ticket.search_count(open_ + [("dealer_sla_state", "=", "at_risk")])
        late = Ticket.search_count(open_ + [("dealer_sla_state", "=", "late")])
        sections += [
            {
                "name": self.env._("At risk"),
                "value": at_risk,
                "sequence": 3,
                "icon": "fa-hourglass-half",
                "show": True,
                "action": "dealer_helpdesk.helpdesk_ticket_action_at_risk",
            },
            {
                "name": self.env._("Late"),
                "value": late,
                "sequence": 4,
                "icon": "fa-exclamation-triangle",
                "show": True,
                "action": "dealer_helpdesk.helpdesk_ticket_action_late",
            },
        ]
        return sections

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
