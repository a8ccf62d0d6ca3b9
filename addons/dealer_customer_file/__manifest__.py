# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Customer Files",
    "summary": "Confidential customer files with a custodian, access requests and "
    "time-limited grants, an append-only access log, leak incidents, quarterly "
    "reviews and big-customer visits",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": [
        "dealer_sale",
        "dealer_approval",
        "sale_margin",
    ],
    "data": [
        "security/dealer_customer_file_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/dealer_visit_material_data.xml",
        "data/ir_cron_data.xml",
        "data/tier_definition_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "data/dealer_kpi_data.xml",
        "report/dealer_customer_file_card_report.xml",
        "views/dealer_customer_file_views.xml",
        "views/dealer_customer_file_card_views.xml",
        "views/dealer_customer_file_request_views.xml",
        "views/dealer_customer_file_grant_views.xml",
        "views/dealer_customer_file_access_views.xml",
        "views/dealer_customer_file_incident_views.xml",
        "views/dealer_customer_file_review_views.xml",
        "views/dealer_customer_file_visit_views.xml",
        "views/dealer_visit_material_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_customer_file_custody_views.xml",
        "views/dealer_customer_file_menus.xml",
    ],
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "assets": {
        "web.assets_tests": [
            "dealer_customer_file/static/tests/tours/*.esm.js",
        ],
    },
}
