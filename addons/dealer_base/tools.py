# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpers the dealer addons share (DESIGN: dealer_base owns the period
schedule)."""

from dateutil.relativedelta import relativedelta


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
