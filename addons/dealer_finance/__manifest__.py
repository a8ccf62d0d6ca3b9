# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Finance",
    "summary": "Department budgets approved by General Management, spread and "
    "revised; the expense chain with vouchers, fapiao and pre-approval; travel",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "dealer_approval",
        "hr_expense_tier_validation",
        "mis_builder_budget",
        "report_xlsx",
    ],
    "data": [
        "security/dealer_finance_security.xml",
        "security/ir.model.access.csv",
        "data/dealer_budget_profile_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "data/mis_report_data.xml",
        "views/dealer_budget_profile_views.xml",
        "views/mis_budget_by_account_views.xml",
        "views/dealer_budget_spread_views.xml",
        "views/dealer_expense_preapproval_views.xml",
        "views/dealer_travel_request_views.xml",
        "views/hr_expense_views.xml",
        "views/dealer_budget_review_views.xml",
        "views/dealer_travel_cap_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_finance_menus.xml",
    ],
}
