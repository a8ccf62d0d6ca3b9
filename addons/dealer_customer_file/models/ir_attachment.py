# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

CONFIDENTIAL_MODELS = ("dealer.customer.file.card", "dealer.customer.file.contact")


class IrAttachment(models.Model):
    """Attachments of a data card are its content: the card's record rules
    refuse them (ir.attachment checks the document it is attached to), and
    every read of one is logged (CUS-21, CUS-22)."""

    _inherit = "ir.attachment"

    def _dealer_log_confidential(self):
        if self.env.su or not self:
            return
        self.env.cr.execute(
            "SELECT res_model, res_id FROM ir_attachment "
            "WHERE id IN %s AND res_model IN %s AND res_id IS NOT NULL",
            [tuple(self.ids), CONFIDENTIAL_MODELS],
        )
        by_model = {}
        for res_model, res_id in self.env.cr.fetchall():
            by_model.setdefault(res_model, []).append(res_id)
        files = self.env["dealer.customer.file"]
        for res_model, res_ids in by_model.items():
            # Only the file of each record: the refusal already happened.
            files |= self.env[res_model].sudo().browse(res_ids).file_id
        if files:
            self.env["dealer.customer.file.access"]._dealer_log(
                files.sudo(False), detail=self._description, channel="attachment"
            )

    def _read_format(self, fnames, load="_classic_read"):
        if {"datas", "raw", "db_datas", "index_content"} & set(fnames):
            self._dealer_log_confidential()
        return super()._read_format(fnames, load=load)

    def _to_http_stream(self):
        self._dealer_log_confidential()
        return super()._to_http_stream()
