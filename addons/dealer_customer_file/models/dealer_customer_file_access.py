# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from contextlib import contextmanager
from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.dealer_base.tools import ServerToken

from .dealer_customer_file import ACCESS_BASES

CHANNELS = [
    ("form", "Form"),
    ("list", "List"),
    ("grouped", "Grouped list or pivot"),
    ("rpc", "External API"),
    ("export", "Export"),
    ("report", "Report"),
    ("attachment", "Attachment"),
    ("chatter", "Chatter"),
    ("other", "Other"),
]
EVENTS = [("read", "Read"), ("change", "Change of custody")]
CONFIDENTIAL_MODELS = ("dealer.customer.file.card", "dealer.customer.file.contact")

# Context key of a read in progress (see ReadScope). Only its value's type counts:
# a caller's context is JSON, so whatever a caller sends there is ignored.
SCOPE_KEY = "dealer_file_read_scope"
# The PostgreSQL setting that lets a migration change or delete log lines.
UNLOCK_SETTING = "dealer.file_access_log_unlocked"

# One form open is one read: the web client reads the record (form), then its
# chatter in further requests (chatter). Those reads of the same file by the
# same person shortly after join the first line instead of adding their own.
# A technical window (the requests of one screen), not a policy of the manual.
MERGED_CHANNELS = {"form": ("form", "chatter"), "chatter": ("form", "chatter")}
MERGE_SECONDS = 60

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


class ReadScope(ServerToken):
    """One read by one route: a call of ``read``, ``search_read``,
    ``web_search_read``, ``read_group``, an export, a report, a download. The
    files it reads are collected while it runs and logged when it ends, each
    once and in one insert, whatever the call fetched or found in the cache.

    Only server code creates a scope (a caller's context is plain JSON and
    cannot hold one), and its channel is set by the server code that opens it."""

    def __init__(self, channel=None):
        super().__init__(SCOPE_KEY)
        self.channel = channel
        self.pending = {}  # (uid, file id): detail
        self.closed = False


@contextmanager
def access_log_unlocked(cr):
    """For migrations only: lets the statements run inside change or delete
    access-log lines, which the database refuses otherwise (CUS-21)."""
    cr.execute("SELECT set_config(%s, 'on', true)", [UNLOCK_SETTING])
    try:
        yield
    finally:
        cr.execute("SELECT set_config(%s, 'off', true)", [UNLOCK_SETTING])


class DealerCustomerFileAccess(models.Model):
    """The access log (CUS-21, CUS-22): who read which confidential file,
    when, through which channel and on which basis, and who changed who has
    access (salesperson, custodians, customer, company). Written by the
    system, append-only: nobody changes or deletes a line, the superuser
    included; the database refuses it too, except in a migration. A line
    keeps the file, customer and company of the moment it was written."""

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
    # Copies, not related fields: re-pointing a file later does not rewrite
    # what the log says was read.
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, ondelete="restrict", readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Read by",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    date = fields.Datetime(
        required=True, index=True, readonly=True, default=fields.Datetime.now
    )
    event = fields.Selection(EVENTS, required=True, default="read", readonly=True)
    channel = fields.Selection(CHANNELS, required=True, readonly=True)
    basis = fields.Selection(
        ACCESS_BASES,
        string="Access basis",
        readonly=True,
    )
    grant_id = fields.Many2one(
        "dealer.customer.file.grant",
        string="Grant",
        readonly=True,
        ondelete="restrict",
    )
    detail = fields.Char(readonly=True)
    # CUS-21, CUS-22: marked when written, by the company's settings of the
    # time (a later change of the settings does not rewrite the log).
    outside_hours = fields.Boolean(
        string="Outside working hours",
        readonly=True,
        help="Read outside the company's working hours (company time zone).",
    )
    over_daily_limit = fields.Boolean(
        string="Beyond the daily number",
        readonly=True,
        help="The person had already read the company's daily number of files "
        "that day.",
    )
    unusual = fields.Boolean(
        readonly=True,
        index=True,
        help="Outside working hours or beyond the daily number of files: the "
        "custodians and Administration look at these first.",
    )

    def init(self):
        # CUS-21: append-only in the database too. A migration lifts it for
        # its own statements (access_log_unlocked).
        self.env.cr.execute(
            """
            CREATE OR REPLACE FUNCTION dealer_customer_file_access_append_only()
            RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF coalesce(
                    current_setting('dealer.file_access_log_unlocked', true), ''
                ) = 'on' THEN
                    IF TG_OP = 'DELETE' THEN
                        RETURN OLD;
                    END IF;
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION
                    'The customer file access log is append-only (CUS-21): % refused',
                    TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$;
            DROP TRIGGER IF EXISTS dealer_customer_file_access_append_only
                ON dealer_customer_file_access;
            CREATE TRIGGER dealer_customer_file_access_append_only
                BEFORE UPDATE OR DELETE ON dealer_customer_file_access
                FOR EACH ROW
                EXECUTE FUNCTION dealer_customer_file_access_append_only();
            DROP TRIGGER IF EXISTS dealer_customer_file_access_no_truncate
                ON dealer_customer_file_access;
            CREATE TRIGGER dealer_customer_file_access_no_truncate
                BEFORE TRUNCATE ON dealer_customer_file_access
                FOR EACH STATEMENT
                EXECUTE FUNCTION dealer_customer_file_access_append_only();
            """
        )

    def _auto_init(self):
        # An upgrade that adds a column fills it in existing lines: that is a
        # migration, the only time lines are updated.
        with access_log_unlocked(self.env.cr):
            return super()._auto_init()

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

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        # What the file was at the time, when the caller did not say.
        files = self.env["dealer.customer.file"].sudo()
        for vals in vals_list:
            if not (vals.get("partner_id") and vals.get("company_id")):
                file = files.browse(vals.get("file_id"))
                vals.setdefault("partner_id", file.partner_id.id)
                vals.setdefault("company_id", file.company_id.id)
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise AccessError(
                self.env._(
                    "The customer file access log is append-only: entries are "
                    "never changed (CUS-21)."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise AccessError(
            self.env._(
                "The customer file access log is append-only: entries are "
                "never deleted (CUS-21)."
            )
        )
