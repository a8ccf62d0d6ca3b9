# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import models
from . import wizards


def post_init_hook(env):
    """CUS-08: every existing customer gets its file on installation."""
    customers = env["res.partner"].search(
        [("customer_rank", ">", 0), ("parent_id", "=", False)]
    )
    customers._dealer_ensure_customer_file()


def uninstall_hook(env):
    """The access log's table goes with its triggers; its function too."""
    env.cr.execute(
        "DROP FUNCTION IF EXISTS dealer_customer_file_access_append_only() CASCADE"
    )
