# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def validate_access(self, access_token):
        """CUS-23: a customer never downloads a ticket's file that is not meant
        for them (an internal note's attachment), not even with its access
        token: helpdesk_mgmt's ticket page gave every attachment of the
        ticket a token and printed it, so such tokens may be in customers'
        hands (``/web/content``, ``/web/image``)."""
        attachment_sudo = super().validate_access(access_token)
        if self.env.user._is_internal():
            return attachment_sudo
        # sudo: where the file belongs decides; super() may return it as the
        # visitor, who cannot read it.
        record = self.sudo()
        if (
            record.res_model == "helpdesk.ticket"
            and record.res_id
            and not record.res_field
        ):
            ticket = self.env["helpdesk.ticket"].sudo().browse(record.res_id).exists()
            if ticket and record not in ticket._dealer_portal_attachments():
                raise AccessError(
                    self.env._(
                        "This file of the ticket is not shared with customers "
                        "(CUS-23)."
                    )
                )
        return attachment_sudo
