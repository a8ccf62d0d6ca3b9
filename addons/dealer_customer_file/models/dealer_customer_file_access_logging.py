# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.http import request

from .dealer_customer_file_access import (
    CONFIDENTIAL_MODELS,
    MERGED_CHANNELS,
    SCOPE_KEY,
    ReadScope,
)

# call_kw methods, as the web client names them in its URLs, and their channel.
_WEB_METHOD_CHANNELS = {
    "web_search_read": "list",
    "search_read": "list",
    "web_read_group": "grouped",
    "read_group": "grouped",
    "read_progress_bar": "grouped",
    "web_read": "form",
    "read": "form",
    "web_save": "form",
    "onchange": "form",
}


class DealerCustomerFileAccess(models.Model):
    """How the access log is written (CUS-21, CUS-22): the channel of a read,
    decided by the server; the files a read scope or request read, each once,
    in one insert per user; the changes of who has access to a file."""

    _inherit = "dealer.customer.file.access"

    # ------------------------------------------------------------------ channel
    @api.model
    def _dealer_channel(self, scope=None):
        """The route of the current read, decided by the server: the channel
        of the read in progress (set by the server code that opened it), else
        the path of the HTTP request being served."""
        if scope is not None and scope.channel:
            return scope.channel
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
        if path.startswith("/mail/"):
            return "chatter"
        if path.startswith("/web/dataset/call_kw"):
            method = path.rstrip("/").rsplit("/", 1)[-1]
            return _WEB_METHOD_CHANNELS.get(method, "other")
        return "other"

    @api.model
    def _dealer_scope(self):
        scope = self.env.context.get(SCOPE_KEY)
        return scope if isinstance(scope, ReadScope) and not scope.closed else None

    # ------------------------------------------------------------------ logging
    @api.model
    def _dealer_log(self, files, detail=False):
        """Log a read of ``files`` by the current user. Within a read in
        progress (a scope), the files are logged once when it ends, through
        the scope's channel; otherwise at once, through the channel of the
        request being served, once per file and channel within one request."""
        if not files or self.env.su:
            return self.browse()
        scope = self._dealer_scope()
        if scope is not None:
            uid = self.env.uid
            for file_id in files.ids:
                scope.pending.setdefault((uid, file_id), detail)
            return self.browse()
        return self._dealer_insert(
            {file_id: detail for file_id in files.ids}, self._dealer_channel()
        )

    @api.model
    def _dealer_open_scope(self, records, channel=None):
        """``records`` within a read scope, and the scope when this call
        opened it (the caller then flushes it); a read already in progress
        keeps its own scope."""
        current = records.env.context.get(SCOPE_KEY)
        if (isinstance(current, ReadScope) and not current.closed) or records.env.su:
            return records, None
        scope = ReadScope(channel)
        return records.with_context(**{SCOPE_KEY: scope}), scope

    @api.model
    def _dealer_flush(self, scope):
        """End the read ``scope`` opened: its files are logged, in one insert
        per user."""
        if scope is None or scope.closed:
            return self.browse()
        scope.closed = True
        by_user = {}
        for (uid, file_id), detail in scope.pending.items():
            by_user.setdefault(uid, {})[file_id] = detail
        channel = self._dealer_channel(scope)
        logs = self.browse()
        for uid, details in by_user.items():
            logs |= self.with_user(uid)._dealer_insert(details, channel)
        return logs

    @api.model
    def _dealer_insert(self, details, channel):
        """One line per file of ``details`` ({file id: detail}) read by the
        current user through ``channel``, in one insert."""
        user = self.env.user
        if request:
            # One HTTP request (one call of the web client or of the external
            # API) logs a file once per channel.
            seen = getattr(request, "_dealer_file_reads", None)
            if seen is None:
                seen = request._dealer_file_reads = set()
            details = {
                file_id: detail
                for file_id, detail in details.items()
                if (user.id, file_id, channel) not in seen
            }
            seen.update((user.id, file_id, channel) for file_id in details)
        if details and channel in MERGED_CHANNELS:
            recent = self._dealer_recent_reads(
                user, list(details), MERGED_CHANNELS[channel]
            )
            details = {k: v for k, v in details.items() if k not in recent}
        if not details:
            return self.browse()
        files = self.env["dealer.customer.file"].browse(list(details))
        bases = files._dealer_access_bases(user)
        now = fields.Datetime.now()
        policies = {}  # company id: its policy and the files read that day
        vals_list = []
        for file in files.sudo():
            basis, _until, grant = bases.get(file.id, ("none", False, False))
            company = file.company_id
            if company.id not in policies:
                policies[company.id] = self._dealer_unusual_policy(user, company, now)
            policy = policies[company.id]
            policy["read_today"].add(file.id)
            outside = policy["outside_hours"]
            over = len(policy["read_today"]) > policy["daily_files"]
            vals_list.append(
                {
                    "file_id": file.id,
                    "partner_id": file.partner_id.id,
                    "company_id": company.id,
                    "user_id": user.id,
                    "event": "read",
                    "channel": channel,
                    "basis": basis,
                    "grant_id": grant.id if grant else False,
                    "detail": details[file.id],
                    "date": now,
                    "outside_hours": outside,
                    "over_daily_limit": over,
                    "unusual": outside or over,
                }
            )
        # The log is written by the system: nobody holds create rights on it.
        return self.sudo().with_context(tracking_disable=True).create(vals_list)

    @api.model
    def _dealer_log_change(self, file, detail):
        """A change of who reads ``file`` (salesperson, custodians, customer,
        company), by the current user: what was true before, and what changed."""
        user = self.env.user
        basis, _until, grant = file._dealer_access_bases(user).get(
            file.id, ("none", False, False)
        )
        file = file.sudo()
        return (
            self.sudo()
            .with_context(tracking_disable=True)
            .create(
                {
                    "file_id": file.id,
                    "partner_id": file.partner_id.id,
                    "company_id": file.company_id.id,
                    "user_id": user.id,
                    "event": "change",
                    "channel": self._dealer_channel(),
                    "basis": basis,
                    "grant_id": grant.id if grant else False,
                    "detail": detail,
                }
            )
        )

    @api.model
    def _dealer_log_documents(self, pairs, detail):
        """Log the reads of data cards and contact persons given as
        (model, id) pairs (messages, tracking values, attachments)."""
        by_model = {}
        for model, res_id in pairs:
            if model in CONFIDENTIAL_MODELS and res_id:
                by_model.setdefault(model, set()).add(res_id)
        files = self.env["dealer.customer.file"]
        for model, res_ids in by_model.items():
            # Only the file of each record: the refusal already happened.
            files |= self.env[model].sudo().browse(res_ids).exists().file_id
        if files:
            self._dealer_log(files.sudo(False), detail=detail)
