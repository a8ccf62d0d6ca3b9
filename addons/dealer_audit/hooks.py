# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Companies that exist at install get the default inspected areas (AUD-02):
    a many2many default only reaches companies created later."""
    companies = env["res.company"].search([("dealer_audit_area_ids", "=", False)])
    companies.dealer_audit_area_ids = companies._default_dealer_audit_area_ids()
