# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Purchasing",
    "summary": "Supplier qualification and evaluation, purchase plans with two-step "
    "approval, legal review of purchase contracts, arrival notices",
    "version": "18.0.1.0.0",
    "category": "Inventory/Purchase",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": [
        "dealer_stock_zone",
        "dealer_approval",
        "purchase_stock",
        "purchase_tier_validation",
    ],
    "data": [
        "security/dealer_purchase_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/dealer_supplier_document_type_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/tier_definition_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "views/dealer_supplier_document_type_views.xml",
        "views/dealer_supplier_qualification_views.xml",
        "views/dealer_supplier_evaluation_views.xml",
        "views/dealer_supplier_breach_views.xml",
        "views/dealer_purchase_plan_views.xml",
        "views/res_partner_views.xml",
        "views/purchase_order_views.xml",
        "views/stock_picking_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_purchase_menus.xml",
        "wizards/dealer_purchase_reason_wizard_views.xml",
        "data/dealer_kpi_data.xml",
        "data/dealer_kpi_mechanism_data.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "dealer_purchase/static/tests/tours/dealer_purchase_plan_tour.esm.js",
        ],
    },
}
