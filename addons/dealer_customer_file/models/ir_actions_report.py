# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .dealer_customer_file_access import CONFIDENTIAL_MODELS


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_html(self, report_ref, docids, data=None):
        """Reads of a data card made to print it are logged as one report."""
        report = self._get_report(report_ref)
        if report.model not in CONFIDENTIAL_MODELS or self.env.su:
            return super()._render_qweb_html(report_ref, docids, data=data)
        Access = self.env["dealer.customer.file.access"]
        report_self, scope = Access._dealer_open_scope(self, "report")
        docs = report_self.env[report.model].browse(docids)
        # A clear refusal before rendering, rather than an error inside it.
        docs.check_access("read")
        docs._dealer_log_read(["content"])
        result = super(IrActionsReport, report_self)._render_qweb_html(
            report_ref, docids, data=data
        )
        Access._dealer_flush(scope)
        return result
