# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Messages and tracking values of data cards and contact persons follow the
card's record rules (CUS-22): mail lets authors, recipients and notified
partners read a message whatever the document says, and lets the
Administrator read every tracking value (old and new credit limits, bank
details). Here, a message or tracking value of a confidential record is read
only by who reads that record now, and each read of one is logged."""

from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL

from .dealer_customer_file_access import CONFIDENTIAL_MODELS

# What a message says; reading only its ids, dates or authors reads nothing.
_CONTENT_FIELDS = frozenset(
    {
        "body",
        "subject",
        "preview",
        "tracking_value_ids",
        "attachment_ids",
        "body_html",
        "old_value_char",
        "new_value_char",
        "old_value_text",
        "new_value_text",
        "old_value_float",
        "new_value_float",
        "old_value_integer",
        "new_value_integer",
        "old_value_datetime",
        "new_value_datetime",
    }
)


def readable_message_domain(env, prefix=""):
    """A domain on mail.message (``prefix`` leads to it from another model):
    messages not on a data card or contact person, or on one the user reads."""
    user_env = env(su=False)
    domain = [(f"{prefix}model", "not in", CONFIDENTIAL_MODELS)]
    for model in CONFIDENTIAL_MODELS:
        records = user_env[model]
        if not records.has_access("read"):
            continue
        domain = expression.OR(
            [
                domain,
                [
                    (f"{prefix}model", "=", model),
                    (f"{prefix}res_id", "in", records._search([])),
                ],
            ]
        )
    return domain


def pins_other_models(domain, field="model"):
    """Whether ``domain`` (a plain AND of leaves, like a chatter's) only
    matches messages of models other than the data card and its contacts: a
    chatter of another document then needs no filter."""
    if any(item in ("|", "!") for item in domain):
        return False
    for leaf in domain:
        if isinstance(leaf, list | tuple) and len(leaf) == 3 and leaf[0] == field:
            operator, value = leaf[1], leaf[2]
            if operator == "=" and isinstance(value, str):
                return value not in CONFIDENTIAL_MODELS
            if operator == "in" and isinstance(value, list | tuple):
                return not set(value) & set(CONFIDENTIAL_MODELS)
    return False


def forbidden_documents(env, rows):
    """The ids of ``rows`` ((id, model, res_id) of messages, tracking values
    or mails) whose confidential record the user does not read."""
    by_model = {}
    for row_id, model, res_id in rows:
        by_model.setdefault(model, {}).setdefault(res_id, []).append(row_id)
    forbidden = []
    user_env = env(su=False)
    for model, docs in by_model.items():
        records = user_env[model].browse(list(docs)).exists()
        readable = set(records._filtered_access("read").ids)
        for res_id, row_ids in docs.items():
            if res_id not in readable:
                forbidden.extend(row_ids)
    return forbidden


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and not pins_other_models(domain):
            domain = expression.AND([domain, readable_message_domain(self.env)])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if operation not in ("read", "write"):
            return forbidden
        rest = self - forbidden
        if not rest:
            return forbidden
        rows = self.env.execute_query(
            SQL(
                "SELECT id, model, res_id FROM mail_message "
                "WHERE id = ANY(%s) AND model IN %s AND res_id IS NOT NULL",
                rest.ids,
                CONFIDENTIAL_MODELS,
            )
        )
        return forbidden | self.browse(forbidden_documents(self.env, rows))

    def _dealer_log_content_read(self, fnames=None):
        if self.env.su or not self:
            return
        if fnames is not None and not set(fnames) & _CONTENT_FIELDS:
            return
        # sudo: which record a message belongs to; the messages were read
        # under the user's rights.
        pairs = [
            (message.model, message.res_id)
            for message in self.sudo()
            if message.model in CONFIDENTIAL_MODELS
        ]
        if pairs:
            self.env["dealer.customer.file.access"]._dealer_log_documents(
                pairs, self._description
            )

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        self._dealer_log_content_read(fnames)
        return result

    def _to_store(self, store, /, **kwargs):
        # The chatter and the inbox format messages here (with their parents
        # and tracking values): one read.
        Access = self.env["dealer.customer.file.access"]
        messages, scope = Access._dealer_open_scope(self)
        result = super(MailMessage, messages)._to_store(store, **kwargs)
        messages._dealer_log_content_read()
        Access._dealer_flush(scope)
        return result


class MailTrackingValue(models.Model):
    _inherit = "mail.tracking.value"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            # sudo: the messages are only a path to their record; the records
            # the user reads are searched under the user's rights.
            messages = (
                self.env["mail.message"]
                .sudo()
                ._search(readable_message_domain(self.env))
            )
            domain = expression.AND([domain, [("mail_message_id", "in", messages)]])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        rest = self - result[0] if result else self
        if not rest or self.env.su:
            return result
        rows = self.env.execute_query(
            SQL(
                "SELECT value.id, message.model, message.res_id "
                "FROM mail_tracking_value value "
                "JOIN mail_message message ON message.id = value.mail_message_id "
                "WHERE value.id = ANY(%s) AND message.model IN %s "
                "AND message.res_id IS NOT NULL",
                rest.ids,
                CONFIDENTIAL_MODELS,
            )
        )
        forbidden = self.browse(forbidden_documents(self.env, rows))
        if not forbidden:
            return result
        if result:
            return result[0] | forbidden, result[1]
        return forbidden, lambda: forbidden._make_access_error(operation)

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if not self.env.su and set(fnames) & _CONTENT_FIELDS:
            # sudo: which record a tracking value belongs to; the values were
            # read under the user's rights.
            pairs = [
                (value.mail_message_id.model, value.mail_message_id.res_id)
                for value in self.sudo()
            ]
            self.env["dealer.customer.file.access"]._dealer_log_documents(
                pairs, self._description
            )
        return result


class MailMail(models.Model):
    _inherit = "mail.mail"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = expression.AND([domain, readable_message_domain(self.env)])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        rest = self - result[0] if result else self
        if not rest or self.env.su:
            return result
        rows = self.env.execute_query(
            SQL(
                "SELECT mail.id, message.model, message.res_id "
                "FROM mail_mail mail "
                "JOIN mail_message message ON message.id = mail.mail_message_id "
                "WHERE mail.id = ANY(%s) AND message.model IN %s "
                "AND message.res_id IS NOT NULL",
                rest.ids,
                CONFIDENTIAL_MODELS,
            )
        )
        forbidden = self.browse(forbidden_documents(self.env, rows))
        if not forbidden:
            return result
        if result:
            return result[0] | forbidden, result[1]
        return forbidden, lambda: forbidden._make_access_error(operation)
