# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Inspections",
    "summary": "Quarterly comprehensive and special inspections with checklists "
    "from the rule registry, findings and corrective actions",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["dealer_approval", "mgmtsystem_audit"],
    "post_init_hook": "post_init_hook",
    "data": [
        "security/dealer_audit_security.xml",
        "security/dealer_audit_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "data/dealer_kpi_data.xml",
        "report/dealer_audit_reports.xml",
        "report/dealer_audit_inspection_templates.xml",
        "views/mgmtsystem_audit_views.xml",
        "views/mgmtsystem_nonconformity_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_audit_menus.xml",
    ],
}
