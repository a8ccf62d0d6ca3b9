# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Management",
    "summary": "All dealer addons in one install, with a Shenzhen demo company",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "application": True,
    # Every dealer addon; the others are added here as they land.
    # l10n_cn: the company is Chinese; its chart of accounts (in CNY) is loaded
    # once installation ends, which also sets the company currency.
    "depends": [
        "dealer_base",
        "dealer_approval",
        "dealer_stock_zone",
        "dealer_stock_count",
        "dealer_warranty",
        "dealer_purchase",
        "dealer_sale",
        "dealer_helpdesk",
        "dealer_customer_file",
        "dealer_risk",
        "dealer_audit",
        "dealer_customer_file_helpdesk",
        "dealer_purchase_warranty",
        "dealer_finance",
        "dealer_asset",
        "l10n_cn",
        # Only to load after it: it opens the Apps menu to every employee.
        "base_install_request",
    ],
    "data": ["data/res_lang_data.xml", "data/ir_ui_menu_data.xml"],
    "assets": {
        "web.assets_tests": [
            "dealer_management/static/tests/tours/dealer_role_day_tour.esm.js",
        ],
    },
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/customer_file_demo.xml",
        "demo/product_demo.xml",
        "demo/stock_zone_demo.xml",
        "demo/stocktake_demo.xml",
        "demo/warranty_demo.xml",
        "demo/purchase_demo.xml",
        "demo/sale_demo.xml",
        "demo/helpdesk_demo.xml",
        "demo/customer_file_followup_demo.xml",
        "demo/risk_demo.xml",
        "demo/audit_demo.xml",
        "demo/finance_demo.xml",
        "demo/asset_demo.xml",
        "demo/odoo_demo_archive.xml",
        "demo/odoo_demo_chinese.xml",
        "demo/homes_demo.xml",
    ],
}
