# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Risk Matrix",
    "summary": "Risk register, likelihood x impact matrix, periodic assessments, "
    "key risk indicators and major incidents",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["dealer_approval"],
    "data": [
        "security/dealer_risk_security.xml",
        "security/ir.model.access.csv",
        "data/dealer_risk_strategy_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/tier_definition_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "views/dealer_risk_views.xml",
        "views/dealer_risk_assessment_views.xml",
        "views/dealer_risk_indicator_views.xml",
        "views/dealer_risk_incident_views.xml",
        "views/dealer_risk_matrix_cell_views.xml",
        "views/dealer_risk_strategy_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_risk_menus.xml",
    ],
    "demo": ["demo/dealer_risk_demo.xml"],
}
