# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _creation_message(self):
        """A record the system creates (a scheduled job, data loading) is
        announced in its company's language, not in the system user's
        English (issue 19); a person's records speak their own language."""
        company = "company_id" in self._fields and self.company_id
        lang = (company or self.env.company).partner_id.lang
        if self.env.uid == SUPERUSER_ID and lang and lang != self.env.lang:
            return super(MailThread, self.with_context(lang=lang))._creation_message()
        return super()._creation_message()
