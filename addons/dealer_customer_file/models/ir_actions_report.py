# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .ir_attachment import CONFIDENTIAL_MODELS


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_html(self, report_ref, docids, data=None):
        """Reads of a data card made to print it are logged as reports."""
        report = self._get_report(report_ref)
        if report.model in CONFIDENTIAL_MODELS and not self.env.su:
            self = self.with_context(dealer_file_channel="report")
            docs = self.env[report.model].browse(docids)
            # A clear refusal before rendering, rather than an error inside it.
            docs.check_access("read")
            docs._dealer_log_read(["content"], channel="report")
        return super()._render_qweb_html(report_ref, docids, data=data)
