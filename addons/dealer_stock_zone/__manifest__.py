# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Dealer Inspection Zones",
    "summary": "Warehouse zones and receipt acceptance: only accepted goods in stock",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["dealer_base", "stock"],
    "data": [
        "security/dealer_stock_zone_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/dealer_rejection_reason_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "report/dealer_receipt_inspection_report.xml",
        "views/dealer_receipt_inspection_views.xml",
        "views/dealer_receipt_inspection_line_views.xml",
        "views/dealer_rejection_reason_views.xml",
        "views/stock_location_views.xml",
        "views/stock_warehouse_views.xml",
        "views/stock_picking_views.xml",
        "views/product_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_stock_zone_menus.xml",
        "data/dealer_kpi_data.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "dealer_stock_zone/static/src/scss/dealer_receipt_inspection.scss",
        ],
        "web.assets_tests": [
            "dealer_stock_zone/static/tests/tours/dealer_receipt_inspection_tour.esm.js",
        ],
    },
}
