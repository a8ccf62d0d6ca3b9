# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer HR",
    "summary": "Recruitment plans and channels, hiring checks, approved "
    "headcount, training plan, induction, training needs and evaluation",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": [
        "dealer_approval",
        "dealer_kpi",
        "hr_recruitment",
        "hr_recruitment_survey",
        "hr_course",
    ],
    "data": [
        "security/dealer_hr_security.xml",
        "security/ir.model.access.csv",
        "data/tier_definition_data.xml",
        "data/dealer_manual_rule_mechanism_data.xml",
        "data/ir_cron_data.xml",
        "views/hr_applicant_views.xml",
        "views/hr_job_views.xml",
        "views/dealer_hr_recruitment_plan_views.xml",
        "views/dealer_hr_training_plan_views.xml",
        "views/dealer_hr_training_need_views.xml",
        "views/dealer_hr_benefit_views.xml",
        "views/hr_course_schedule_views.xml",
        "views/res_config_settings_views.xml",
    ],
}
