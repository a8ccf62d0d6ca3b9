# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The key that lets tier validation's own steps change ``tier.review``.

Like dealer_base's governed-fields token, the value is an object a caller cannot
send (see ServerToken). It is a separate key so
that a review step never lets a document's governed fields through."""

from odoo.addons.dealer_base.tools import ServerToken

REVIEW_KEY = "dealer_tier_review"
REVIEW_TOKEN = ServerToken("dealer_tier_review")


def as_review_step(records):
    """``records`` allowed to create, change and remove tier reviews."""
    return records.with_context(**{REVIEW_KEY: REVIEW_TOKEN})


def is_review_step(env):
    return env.su or env.context.get(REVIEW_KEY) is REVIEW_TOKEN
