# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Dealer Inspections - Helpdesk",
    "summary": "A product with complaints above the threshold gets a special "
    "inspection (bridge)",
    "version": "18.0.1.0.0",
    "category": "Dealer Management",
    "website": "https://github.com/dealer-management/dealer-addons",
    "author": "Dealer Management Team",
    "maintainers": ["dealer-management"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["dealer_audit", "dealer_helpdesk"],
    "auto_install": True,
}
