# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers the dealer addons share (DESIGN: dealer_base owns the period
schedule, the governed-fields guard and department routing)."""

import re
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo.tools import html2plaintext

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
