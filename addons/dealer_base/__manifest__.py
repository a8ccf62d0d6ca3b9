# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Dealer Management Base",
    "summary": "Department roles, the Management Manual settings and rule registry",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": True,
    "depends": ["base", "mail", "product"],
    "demo": ["demo/res_company_demo.xml"],
    "data": [
        "security/dealer_base_groups.xml",
        "security/ir.model.access.csv",
        "security/dealer_decision_security.xml",
        "data/dealer_manual_area_data.xml",
        "data/dealer_manual_rule_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "views/dealer_manual_rule_views.xml",
        "views/dealer_decision_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_base_menus.xml",
        "security/dealer_kpi_security.xml",
        "data/dealer_kpi_cron.xml",
        "views/dealer_kpi_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "dealer_base/static/tests/tours/dealer_manual_rule_tour.esm.js",
        ],
    },
}
