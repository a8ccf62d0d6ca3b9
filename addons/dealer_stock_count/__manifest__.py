# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Stocktakes",
    "summary": "Monthly and quarterly stocktakes: blind counts, recounts, "
    "variance accountability, approval and apply through inventory mode",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": [
        "dealer_stock_zone",
        "stock_account",
        "dealer_approval",
        "report_xlsx",
    ],
    "external_dependencies": {"python": ["openpyxl", "xlsxwriter"]},
    "data": [
        "security/dealer_stock_count_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/dealer_stocktake_reason_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/tier_definition_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "report/dealer_stocktake_reports.xml",
        "report/dealer_stocktake_count_sheet_templates.xml",
        "report/dealer_stocktake_variance_templates.xml",
        "wizards/dealer_stocktake_import_views.xml",
        "views/dealer_stocktake_views.xml",
        "views/dealer_stocktake_sheet_views.xml",
        "views/dealer_stocktake_line_views.xml",
        "views/dealer_stocktake_reason_views.xml",
        "views/dealer_stocktake_compliance_views.xml",
        "views/stock_warehouse_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_stock_count_menus.xml",
        "data/dealer_kpi_data.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "dealer_stock_count/static/src/scss/dealer_stocktake_sheet.scss",
        ],
        "web.assets_tests": [
            "dealer_stock_count/static/tests/tours/dealer_stocktake_count_tour.esm.js",
        ],
    },
}
