# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ticket type (ASV-05, KNW-03): chosen by the agent when the request is
taken, then governed, because the rules follow it: a complaint closes only with
its root cause (CMP-07) and counts in the complaint rate (CMP-10), an
installation waits for its handover (ASV-12), a training for its assessment
(ASV-16). A ticket taken under the wrong type is reclassified by a helpdesk
manager, with the reason, while it is open."""

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.dealer_base.tools import has_words


class HelpdeskTicket(models.Model):
    # One file per concern of the ticket (issue 18), not one class per model.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    _dealer_governed = {"dealer_ticket_type": "ASV-05"}

    @api.model
    def _dealer_check_governed_create(self, vals_list):
        # The intake fields are the agent's choice when the request is taken.
        intake = set(self._dealer_intake_fields)
        return super()._dealer_check_governed_create(
            [
                {key: value for key, value in vals.items() if key not in intake}
                for vals in vals_list
            ]
        )

    def action_change_type(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change the ticket type"),
            "res_model": "dealer.helpdesk.type.change",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _dealer_change_type(self, ticket_type, reason):
        """ASV-05: a helpdesk manager reclassifies an open ticket, with the
        reason, recorded in the chatter. The promise made at intake stays
        (CMP-02: only an extension with a reason moves it)."""
        self.ensure_one()
        if not self.env.user.has_group("helpdesk_mgmt.group_helpdesk_manager"):
            raise AccessError(
                self.env._(
                    "ASV-05: only a helpdesk manager changes the type of a "
                    "ticket once it is taken."
                )
            )
        self.check_access("write")
        if self.stage_id.closed:
            raise UserError(
                self.env._(
                    "ASV-05: %(ticket)s is closed; reopen it before changing its "
                    "type.",
                    ticket=self.display_name,
                )
            )
        if not has_words(reason):
            raise UserError(
                self.env._(
                    "ASV-05: write why the type of %(ticket)s changes.",
                    ticket=self.display_name,
                )
            )
        labels = dict(
            self._fields["dealer_ticket_type"]._description_selection(self.env)
        )
        if ticket_type not in labels:
            raise UserError(
                self.env._("ASV-05: %(type)s is not a ticket type.", type=ticket_type)
            )
        if ticket_type == self.dealer_ticket_type:
            return
        old = labels[self.dealer_ticket_type]
        self._dealer_as_action().write({"dealer_ticket_type": ticket_type})
        self.message_post(
            body=self.env._(
                "Type changed from %(old)s to %(new)s: %(reason)s",
                old=old,
                new=labels[ticket_type],
                reason=reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
