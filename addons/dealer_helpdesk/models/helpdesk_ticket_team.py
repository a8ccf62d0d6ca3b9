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

    def _dealer_escalation_user(self):
        """CMP-04: who hears about a late ticket of this team: the team leader
        when they manage the team's department, else a manager of it."""
        self.ensure_one()
        if not self.dealer_department:
            return self.user_id
        group_xmlid = f"dealer_base.group_{self.dealer_department}_manager"
        if self.user_id and self.user_id.has_group(group_xmlid):
            return self.user_id
        group = self.env.ref(group_xmlid)
        company = self.company_id or self.env.company
        managers = group.users.filtered(
            lambda u: company in u.company_ids and not u.share
        )
        # The superuser and admin are in every group: prefer a real manager.
        real = (
            managers - self.env.ref("base.user_admin") - self.env.ref("base.user_root")
        )
        return (real or managers or self.user_id)[:1]
