# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import AccessError

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
