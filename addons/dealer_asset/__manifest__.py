# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Assets",
    "summary": "Asset custody, periodic asset counts with accountable shortages, "
    "approved disposals, and upkeep checks (fire, pests, office equipment)",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "dealer_approval",
        "account_asset_management",
        "account_asset_low_value",
        "maintenance",
        "hr",
        "report_xlsx",
    ],
    "data": [
        "security/dealer_asset_security.xml",
        "security/ir.model.access.csv",
        "data/tier_definition_data.xml",
        "data/maintenance_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "data/ir_cron_data.xml",
        "views/account_asset_views.xml",
        "views/dealer_asset_count_views.xml",
        "views/dealer_asset_disposal_views.xml",
        "views/dealer_asset_surplus_views.xml",
        "views/maintenance_views.xml",
        "views/dealer_asset_menus.xml",
    ],
}
