# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Approvals",
    "summary": "One approval mechanism for the dealer addons on OCA tier validation: "
    "the author never approves, reviews change only through their reviewers, "
    "every decision is recorded",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["dealer_base", "base_tier_validation"],
    "data": ["views/tier_review_views.xml"],
}
