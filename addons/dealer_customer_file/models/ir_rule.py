# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError

from .dealer_customer_file_access import CONFIDENTIAL_MODELS


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        """CUS-18, CUS-22: a data card (or contact person) one may not read,
        e.g. opened from a link, explains how to ask for it instead of Odoo's
        generic refusal."""
        if operation != "read" or records._name not in CONFIDENTIAL_MODELS:
            return super()._make_access_error(operation, records)
        # The refusal is written in the user's language.
        self = self.with_context(**self.env.user.context_get())
        # sudo: which customer a card belongs to is what the register shows
        # everyone; nothing of the card's content is read.
        customers = records.sudo().file_id.partner_id
        return AccessError(
            self.env._(
                "The data card of %(customers)s is confidential (CUS-22): only "
                "its custodians, the responsible salesperson and holders of an "
                "approved access request read it.\n\n"
                "To read it, request access: open Customer Files > Customer "
                "Register, open the customer's file and press Request Access. The "
                "head of your department signs, then a custodian approves; the "
                "access is lent for a few hours (CUS-18, CUS-19, CUS-20).",
                customers=", ".join(customers[:3].mapped("display_name")) or "-",
            )
        )
