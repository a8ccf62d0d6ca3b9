# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""ASV-12, ASV-14, ASV-16: the acknowledged technical handover before
installation work, and training with attendees and an assessment."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.dealer_base.tools import policy_records


class HelpdeskTicket(models.Model):
    # One file per concern of the ticket (issue 18), not one class per model.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # ASV-12: installation needs an acknowledged technical handover.
    dealer_handover_ids = fields.One2many(
        "dealer.helpdesk.handover", "ticket_id", string="Technical handovers"
    )
    dealer_handover_done = fields.Boolean(
        string="Handover acknowledged", compute="_compute_dealer_handover_done"
    )
    # ASV-14, ASV-16: training with attendees and an assessment.
    dealer_training_attendee_ids = fields.Many2many(
        "res.partner",
        "dealer_helpdesk_ticket_training_partner_rel",
        "ticket_id",
        "partner_id",
        string="Attendees",
    )
    dealer_training_mode = fields.Selection(
        [("on_site", "On site"), ("online", "Online"), ("mixed", "On site and online")],
        string="Training format",
    )
    dealer_assessment_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")],
        string="Assessment result",
        tracking=True,
        copy=False,
    )
    dealer_assessment_note = fields.Text(string="Assessment note", copy=False)

    @api.depends("dealer_handover_ids.state")
    def _compute_dealer_handover_done(self):
        for ticket in self:
            ticket.dealer_handover_done = (
                "acknowledged" in ticket.dealer_handover_ids.mapped("state")
            )

    # ------------------------------------------------------------- constrains
    @api.constrains("stage_id", "dealer_ticket_type")
    def _check_dealer_handover(self):
        """ASV-12: no installation work before the installer acknowledged the
        technical handover."""
        for ticket in policy_records(self):
            stage = ticket.stage_id
            if (
                ticket.dealer_ticket_type == "installation"
                and stage
                and not stage.unattended
                and not stage.closed
                and not ticket.dealer_handover_done
            ):
                raise ValidationError(
                    self.env._(
                        "ASV-12: installation %(ticket)s cannot move to "
                        "%(stage)s before the installer acknowledged a "
                        "Technical handover.",
                        ticket=ticket.display_name,
                        stage=stage.name,
                    )
                )

    def action_create_handover(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.helpdesk.handover",
            "view_mode": "form",
            "context": {"default_ticket_id": self.id},
        }

    def action_view_handovers(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Technical handovers"),
            "res_model": "dealer.helpdesk.handover",
            "view_mode": "list,form",
            "domain": [("ticket_id", "=", self.id)],
            "context": {"default_ticket_id": self.id},
        }
