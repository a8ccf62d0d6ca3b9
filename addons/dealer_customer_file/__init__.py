# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import models


def post_init_hook(env):
    """CUS-08: every existing customer gets its file on installation."""
    customers = env["res.partner"].search(
        [("customer_rank", ">", 0), ("parent_id", "=", False)]
    )
    customers._dealer_ensure_customer_file()
