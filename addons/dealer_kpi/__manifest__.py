# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer KPI Appraisals",
    "summary": "Quarterly appraisals on OCA hr_appraisal_oca: KPI schemes with "
    "weights, KPI results frozen on confirmation, grades and outcomes",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["dealer_base", "hr_appraisal_oca", "survey", "report_xlsx"],
    "data": [
        "security/dealer_kpi_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "views/dealer_kpi_scheme_views.xml",
        "views/hr_appraisal_views.xml",
        "views/res_config_settings_views.xml",
        "report/appraisal_cycle_xlsx.xml",
    ],
}
