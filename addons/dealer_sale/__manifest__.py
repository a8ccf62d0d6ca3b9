# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Sales",
    "summary": "Customer classes and channels, needs capture, technical review of "
    "solutions, contract review, order follow-up, payment collection, price "
    "approval and channel partners",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": [
        "dealer_base",
        "sale_stock",
        "dealer_approval",
        "sale_tier_validation",
    ],
    "data": [
        "security/dealer_sale_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "data/tier_definition_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "views/account_move_views.xml",
        "views/dealer_price_change_views.xml",
        "views/dealer_channel_evaluation_views.xml",
        "views/product_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_sale_menus.xml",
        "security/dealer_sales_target_security.xml",
        "data/dealer_kpi_data.xml",
        "data/dealer_kpi_mechanism_data.xml",
        "views/dealer_sales_target_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "dealer_sale/static/tests/tours/dealer_sale_solution_tour.esm.js",
        ],
    },
}
