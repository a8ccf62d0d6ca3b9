# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers the dealer addons share (DESIGN: dealer_base owns the period
schedule, the governed-fields guard and department routing)."""

import re
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo.tools import SQL, html2plaintext

# The manual's six departments (ORG-01), as dealer_base's groups name them:
# dealer_base.group_<key>_user for staff, dealer_base.group_<key>_manager for heads.
DEPARTMENTS = [
    ("sales", "Sales"),
    ("technical", "Technical"),
    ("purchasing", "Purchasing"),
    ("warehouse", "Warehouse"),
    ("after_sales", "After-sales"),
    ("administration", "Administration"),
]

# Context key of the governed-fields guard (dealer.governed.mixin).
GOVERNED_KEY = "dealer_governed"


class ServerToken:
    """A context value only server code can hold. Contexts that reach Odoo over
    JSON-RPC, XML-RPC or import are made of plain JSON values: a caller can send
    a string, never this object, and the guards check identity (``is``).

    Equality is identity too: Odoo reuses an environment whose context compares
    equal, so a token equal to its string would let a caller's context find the
    server's environment. ``str()`` gives a name for JSON, should an action copy
    the context into what it returns."""

    def __init__(self, name):
        self.name = name

    def __str__(self):
        return self.name

    def __repr__(self):
        return f"<ServerToken {self.name}>"


GOVERNED_TOKEN = ServerToken("dealer_governed")

_WORD = re.compile(r"\w", re.UNICODE)


def has_words(text):
    """True when ``text`` (plain or HTML) holds at least one letter or digit:
    the manual asks for reasons, root causes and actions, not whitespace."""
    if not text:
        return False
    if "<" in text:
        text = html2plaintext(text)
    return bool(_WORD.search(text))


def period_of(day, months):
    """The period of ``months`` months (1 month, 3 a quarter...) counted from
    January that holds ``day``, as (key, first day, last day). Keys read
    2026-Q4 for quarters, 2026-11 for months, 2026-07/6 otherwise."""
    index = (day.month - 1) // months
    start = day.replace(month=index * months + 1, day=1)
    end = start + relativedelta(months=months, days=-1)
    if months == 3:
        key = f"{start.year}-Q{index + 1}"
    elif months == 1:
        key = f"{start:%Y-%m}"
    else:
        key = f"{start:%Y-%m}/{months}"
    return key, start, end


def period_datetimes(date_from, date_to):
    """The datetimes that bound the days ``date_from`` to ``date_to`` included:
    (start, end) with the end excluded, for domains on datetime fields."""
    return (
        datetime.combine(date_from, time.min),
        datetime.combine(date_to + timedelta(days=1), time.min),
    )


# ---------------------------------------------------------------------------
# Company policies (DESIGN: every policy is a company switch). dealer_base's
# ``dealer_policy_manual`` says whether a company runs by the manual at all; an
# addon may add finer switches, ``res.company`` Booleans named
# ``dealer_policy_<area>`` made with ``policy_field()``. A check asks
# ``policy_records(records, "dealer_policy_x")`` (or ``None``: the manual's
# switch alone) for the records whose company runs the rule; a governed model
# names its switch in ``_dealer_policy``. With a company's switches off, the
# addons are neutral for that company (``make compat`` runs the tests of the
# core and OCA modules we extend that way).
POLICY_PREFIX = "dealer_policy_"
POLICY_MANUAL = "dealer_policy_manual"


def _follow_current_company(fname):
    def default(model):
        # A new company runs the policies of the company it is created from.
        # While the switch is being installed its column is new (missing, or
        # NULL everywhere): the companies that exist then run the policy.
        cr = model.env.cr
        cr.execute(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'res_company' AND column_name = %s",
            [fname],
        )
        if not cr.fetchone():
            return True
        model.env["res.company"].flush_model([fname])
        cr.execute(
            SQL(
                "SELECT %s FROM res_company WHERE id = %s",
                SQL.identifier(fname),
                model.env.company.id,
            )
        )
        row = cr.fetchone()
        return True if not row or row[0] is None else row[0]

    return default


def policy_field(fname, string, help_text):
    """A company's switch of one policy area, on by default."""
    from odoo import fields  # pylint: disable=import-outside-toplevel

    return fields.Boolean(
        string=string, default=_follow_current_company(fname), help=help_text
    )


def company_runs(company, policy=None):
    """Whether ``company`` runs the rules of ``policy`` (and the manual)."""
    return company[POLICY_MANUAL] and (not policy or company[policy])


def sharing_companies(env):
    """The companies whose rules hold for a record shared by all companies (a
    model without a company, or a record that names none): the user's own
    companies as the database holds them, not the current company that the
    caller chooses in the context. A user of a company that runs the manual
    cannot step around its rules on shared records by switching to another."""
    return env.company | env.user.sudo().company_ids


def policy_on(records, policy=None):
    """Whether the rules of ``policy`` (a ``dealer_policy_*`` field, or None for
    the manual as a whole) hold for any of these records: for each record its
    own company, for a shared record (``sharing_companies``) any of the user's
    companies, and for an empty recordset (a create) the user's current
    company."""
    env = records.env
    if not records:
        return company_runs(env.company, policy)
    if "company_id" not in records._fields:
        companies = sharing_companies(env)
    else:
        companies = records.company_id
        if any(not rec.company_id for rec in records):
            companies |= sharing_companies(env)
    return any(company_runs(company, policy) for company in companies)


def policy_records(records, policy=None):
    """The records whose company runs ``policy`` (shared ones: see
    ``policy_on``)."""
    shared = any(company_runs(c, policy) for c in sharing_companies(records.env))
    if "company_id" not in records._fields:
        return records if shared else records.browse()
    return records.filtered(
        lambda rec: company_runs(rec.company_id, policy) if rec.company_id else shared
    )
