# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.http import request

from .dealer_customer_file import ACCESS_BASES

CHANNELS = [
    ("form", "Form"),
    ("list", "List"),
    ("rpc", "External API"),
    ("export", "Export"),
    ("report", "Report"),
    ("attachment", "Attachment"),
    ("other", "Other"),
]


class DealerCustomerFileAccess(models.Model):
    """The access log (CUS-21, CUS-22): who read which confidential file,
    when, through which channel. Written by the system, append-only: only
    the superuser may change or delete an entry."""

    _name = "dealer.customer.file.access"
    _description = "Customer File Access Log"
    _order = "date desc, id desc"

    file_id = fields.Many2one(
        "dealer.customer.file",
        string="Customer file",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    partner_id = fields.Many2one(
        related="file_id.partner_id", store=True, string="Customer"
    )
    company_id = fields.Many2one(related="file_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Read by", required=True, index=True, readonly=True
    )
    date = fields.Datetime(
        required=True, index=True, readonly=True, default=fields.Datetime.now
    )
    channel = fields.Selection(CHANNELS, required=True, readonly=True)
    basis = fields.Selection(
        ACCESS_BASES,
        string="Access basis",
        readonly=True,
    )
    grant_id = fields.Many2one(
        "dealer.customer.file.grant", string="Grant", readonly=True
    )
    detail = fields.Char(readonly=True)

    @api.model
    def _dealer_channel(self):
        """The route of the current read: an explicit context key wins, then
        the path of the HTTP request being served."""
        channel = self.env.context.get("dealer_file_channel")
        if channel:
            return channel
        if request:
            path = request.httprequest.path
        else:
            # XML-RPC and JSON-RPC calls run with the request unexposed; the
            # serving thread still knows its URL.
            url = getattr(threading.current_thread(), "url", "") or ""
            path = urlsplit(url).path
            if not path.startswith(("/xmlrpc", "/jsonrpc")):
                return "other"
        if path.startswith(("/xmlrpc", "/jsonrpc", "/json/")):
            return "rpc"
        if path.startswith("/web/export"):
            return "export"
        if path.startswith("/report"):
            return "report"
        if path.startswith(("/web/content", "/web/image", "/web/binary")):
            return "attachment"
        if path.startswith("/web/dataset/call_kw") and "search_read" in path:
            return "list"
        if path.startswith("/web/"):
            return "form"
        return "other"

    @api.model
    def _dealer_log(self, files, detail=False, channel=None):
        """Log a read of ``files`` by the current user. Within one HTTP request
        a file is logged once per channel."""
        if not files:
            return self.browse()
        channel = channel or self._dealer_channel()
        user = self.env.user
        if request:
            seen = getattr(request, "_dealer_file_reads", None)
            if seen is None:
                seen = request._dealer_file_reads = set()
            files = files.filtered(lambda f: (user.id, f.id, channel) not in seen)
            seen.update((user.id, f.id, channel) for f in files)
            if not files:
                return self.browse()
        bases = files._dealer_access_bases(user)
        vals_list = []
        for file in files:
            basis, _until, grant = bases.get(file.id, ("none", False, False))
            vals_list.append(
                {
                    "file_id": file.id,
                    "user_id": user.id,
                    "channel": channel,
                    "basis": basis,
                    "grant_id": grant.id if grant else False,
                    "detail": detail,
                }
            )
        # The log is written by the system: nobody holds create rights on it.
        return self.sudo().with_context(tracking_disable=True).create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "The customer file access log is append-only: entries are "
                    "never changed (CUS-21)."
                )
            )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "The customer file access log is append-only: entries are "
                    "never deleted (CUS-21)."
                )
            )
        return super().unlink()
