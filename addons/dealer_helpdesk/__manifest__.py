# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Helpdesk",
    "summary": "After-sales tickets: consultations, faults, complaints with "
    "promised times, repairs, on-site service, technical handover, training, "
    "knowledge base",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": [
        "dealer_warranty",
        "helpdesk_mgmt",
        "calendar",
        "rating",
        "resource",
    ],
    "data": [
        "security/dealer_helpdesk_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "wizards/dealer_helpdesk_promise_extend_views.xml",
        "wizards/dealer_helpdesk_type_change_views.xml",
        "views/dealer_helpdesk_article_views.xml",
        "views/dealer_helpdesk_handover_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_list_views.xml",
        "views/helpdesk_ticket_actions.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/calendar_event_views.xml",
        "views/repair_order_views.xml",
        "views/helpdesk_ticket_templates.xml",
        "views/res_config_settings_views.xml",
        "report/dealer_helpdesk_ticket_report_views.xml",
        "report/dealer_helpdesk_complaint_rate_views.xml",
        "views/dealer_helpdesk_menus.xml",
        "data/dealer_kpi_data.xml",
        "data/dealer_kpi_mechanism_data.xml",
        "views/helpdesk_ticket_accountability_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "dealer_helpdesk/static/tests/tours/dealer_helpdesk_complaint_tour.esm.js",
        ],
    },
}
