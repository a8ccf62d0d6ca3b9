# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the customer may do and see on the ticket portal (issue 17): close
their own ticket, never a complaint or a training (CMP-07, CMP-08, ASV-16),
and get only the files meant for them, never those of internal notes
(CUS-23). helpdesk_mgmt's portal routes call these (controllers/)."""

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import policy_on


class HelpdeskTicket(models.Model):
    # One file per concern of the ticket (issue 18), not one class per model.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # CMP-07/CMP-08, ASV-16: staff close these with their results (root cause,
    # corrective action and the customer's confirmation; attendees and
    # assessment). The customer confirms by other means, not by closing.
    _dealer_staff_closed_types = ("complaint", "training")

    def _dealer_portal_close_stages(self):
        """The stages the customer may close this ticket to from the portal:
        helpdesk_mgmt's *Close from portal* stages of its team, while the
        ticket is open and is not closed by staff."""
        self.ensure_one()
        # sudo: the portal reads only teams shown in the portal; the stages
        # are those helpdesk_mgmt's own page offers for this team.
        ticket = self.sudo()
        if (
            ticket.closed_date
            or ticket.stage_id.closed
            or (
                ticket.dealer_ticket_type in self._dealer_staff_closed_types
                and policy_on(ticket)
            )
        ):
            return self.env["helpdesk.ticket.stage"]
        return ticket.team_id._get_applicable_stages().filtered("close_from_portal")

    def _dealer_close_from_portal(self, stage):
        """The customer closes their ticket from the portal (POST /ticket/close).

        Called as the portal user on the ticket id they sent: the read check
        is theirs (helpdesk_mgmt's portal rule: their company's tickets and
        those they follow), so another customer's ticket raises AccessError.
        The write goes through ``write`` like every other closing, so the
        closing rules (CMP-07, CMP-08, ASV-16) and what closing sets off
        (rating, follow-up) apply.
        """
        self.ensure_one()
        self.check_access("read")
        if stage not in self._dealer_portal_close_stages():
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s cannot be closed as %(stage)s from the "
                    "portal: it is closed already, or it is a complaint or a "
                    "training, which our staff close with their results "
                    "(CMP-07, CMP-08, ASV-16).",
                    ticket=self.sudo().display_name,
                    stage=stage.sudo().name,
                )
            )
        # sudo: customers have no write access on tickets (helpdesk_mgmt's
        # ACL); the ticket is theirs (checked above) and the stage one the
        # portal offers them. The tracking names them as the author.
        self.sudo().write({"stage_id": stage.id})
        return True

    def _dealer_portal_attachments(self, user=None):
        """CUS-23: the ticket's files a customer is given (portal page,
        downloads, the chatter's attachment list): those of the messages the
        portal shows them (not internal notes, not internal subtypes), and
        files a customer attached without a message (their request's
        attachments). Attachments of internal notes, and files staff
        attached without sending them, are never given to a customer.
        Employees get every attachment of the tickets they read, as in the
        back office.

        :param user: who is given the files; by default the environment's
            user (pass it when ``self`` runs as the superuser, as the portal's
            ``_document_check_access`` returns it)."""
        self.ensure_one()
        # sudo: the filter runs for customers, who may not read attachments
        # or notes; what it returns is checked against them below.
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "=", self.id)])
        )
        if (user or self.env.user)._is_internal():
            return attachments
        Message = self.env["mail.message"].sudo()
        messages = Message.search(
            [
                ("model", "=", self._name),
                ("res_id", "=", self.id),
                ("attachment_ids", "in", attachments.ids),
            ]
        )
        shown = messages.filtered_domain(Message._get_search_domain_share())
        on_messages = messages.attachment_ids
        return attachments.filtered(
            lambda a: a in shown.attachment_ids
            or (a not in on_messages and a.create_uid.share)
        )

    def _get_mail_thread_data_attachments(self):
        """CUS-23: the chatter's attachment list (``/mail/thread/data``) gives
        a customer only the files meant for them."""
        attachments = super()._get_mail_thread_data_attachments()
        if self.env.user._is_internal():
            return attachments
        return attachments & self._dealer_portal_attachments()
