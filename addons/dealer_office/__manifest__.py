# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Office",
    "summary": "Meetings and minutes, official documents, the archive ledger "
    "with loans, vehicle use",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "application": True,
    "depends": ["dealer_approval", "calendar", "fleet_vehicle_usage"],
    "data": [
        "security/dealer_office_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "data/tier_definition_data.xml",
        "data/dealer_kpi_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "views/dealer_meeting_series_views.xml",
        "views/dealer_meeting_views.xml",
        "views/dealer_meeting_compliance_views.xml",
        "views/dealer_archive_views.xml",
        "views/dealer_office_document_views.xml",
        "views/fleet_vehicle_usage_views.xml",
        "views/dealer_work_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_office_menus.xml",
    ],
}
