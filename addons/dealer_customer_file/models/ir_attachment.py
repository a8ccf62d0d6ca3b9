# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .dealer_customer_file_access import CONFIDENTIAL_MODELS

# The fields that hold an attachment's content.
_CONTENT_FIELDS = frozenset({"datas", "raw", "db_datas", "index_content"})


class IrAttachment(models.Model):
    """Attachments of a data card are its content: the card's record rules
    refuse them (ir.attachment checks the document it is attached to), and
    every read of their content is logged (CUS-21, CUS-22): a download, a
    read of their data, or server code reading it."""

    _inherit = "ir.attachment"

    def _dealer_log_confidential(self):
        if self.env.su or not self:
            return
        # sudo: which record an attachment belongs to; the content itself was
        # read under the user's rights.
        pairs = [
            (attachment.res_model, attachment.res_id)
            for attachment in self.sudo()
            if attachment.res_model in CONFIDENTIAL_MODELS
        ]
        if pairs:
            self.env["dealer.customer.file.access"]._dealer_log_documents(
                pairs, self._description
            )

    def _dealer_scoped(self):
        return self.env["dealer.customer.file.access"]._dealer_open_scope(
            self, "attachment"
        )

    def _dealer_end(self, scope):
        self.env["dealer.customer.file.access"]._dealer_flush(scope)

    def _fetch_query(self, query, fields):
        records = super()._fetch_query(query, fields)
        if not self.env.su and _CONTENT_FIELDS & {field.name for field in fields}:
            records._dealer_log_confidential()
        return records

    def _compute_raw(self):
        # datas is computed from raw: both are logged here. Logged after the
        # content was read under the user's rights, never before.
        res = super()._compute_raw()
        self._dealer_log_confidential()
        return res

    def _read_format(self, fnames, load="_classic_read"):
        content = _CONTENT_FIELDS & set(fnames)
        if self.env.context.get("bin_size"):
            # datas is then the size of the file, not its content.
            content -= {"datas"}
        if not content or self.env.su:
            return super()._read_format(fnames, load=load)
        records, scope = self._dealer_scoped()
        result = super(IrAttachment, records)._read_format(fnames, load=load)
        records._dealer_log_confidential()
        self._dealer_end(scope)
        return result

    def _to_http_stream(self):
        records, scope = self._dealer_scoped()
        stream = super(IrAttachment, records)._to_http_stream()
        records._dealer_log_confidential()
        self._dealer_end(scope)
        return stream
