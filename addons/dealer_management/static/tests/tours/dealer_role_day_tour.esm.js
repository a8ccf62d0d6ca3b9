/* Copyright 2026 Dealer Management Team
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/*
 * Issue 19: each demo role's working day, in Simplified Chinese. Every tour opens
 * the role's home, then its main screens, and fails on English UI text (words
 * outside a short allow-list of names and codes), on raw values such as `{}`,
 * and on an empty home.
 */

// Names that stay as they are in a Chinese UI: the software's, and the brand
// and model names of the dealer's products. Codes and acronyms (RMA, ISO, MON-)
// are written in capitals and always allowed.
const ALLOWED = new Set([
    "Odoo",
    "OdooBot",
    "Beast",
    "Crucial",
    "Link",
    "Master",
    "NVMe",
    "Office",
    "UltraSharp",
]);
const CODE = /^[A-Z0-9][A-Z0-9-]*$/;
const RAW_VALUES = ["{}", "[object Object]"];

// Home first; screens are opened by their URL (the tour resumes after the load).
const SCREENS = {
    sales: ["/odoo/action-dealer_customer_file.dealer_customer_file_action"],
    sales_mgr: [
        "/odoo/action-dealer_sale.sale_order_action_legal_review",
        "/odoo/action-dealer_base.dealer_kpi_value_action",
    ],
    tech: ["/odoo/action-helpdesk_mgmt.helpdesk_ticket_dashboard_action"],
    tech_mgr: ["/odoo/action-helpdesk_mgmt.helpdesk_ticket_dashboard_action"],
    purchase: ["/odoo/action-dealer_purchase.dealer_purchase_plan_action"],
    purchase_mgr: ["/odoo/action-dealer_purchase.dealer_supplier_qualification_action"],
    stock: ["/odoo/action-dealer_stock_zone.dealer_receipt_inspection_action"],
    stock_mgr: ["/odoo/action-dealer_stock_count.dealer_stocktake_action"],
    service: [
        "/odoo/action-helpdesk_mgmt.helpdesk_ticket_dashboard_action",
        "/odoo/action-dealer_warranty.dealer_warranty_claim_action",
    ],
    service_mgr: ["/odoo/action-dealer_warranty.dealer_warranty_claim_action"],
    office_mgr: [
        "/odoo/action-dealer_base.dealer_manual_rule_action",
        "/odoo/action-dealer_office.dealer_meeting_action",
        "/odoo/action-dealer_office.dealer_office_document_action",
        "/odoo/action-dealer_asset.dealer_asset_count_action",
        "/odoo/action-hr_recruitment.action_hr_job",
    ],
    office: [
        "/odoo/action-dealer_risk.dealer_risk_action",
        "/odoo/action-dealer_office.dealer_work_report_action",
    ],
    gm: [
        "/odoo/action-dealer_risk.dealer_risk_action",
        "/odoo/action-dealer_finance.mis_budget_by_account_action_department",
        "/odoo/action-dealer_hr.dealer_hr_training_plan_action",
    ],
    lighting_mgr: [
        "/odoo/action-hr_expense.action_hr_expense_sheet_all",
        "/odoo/action-dealer_finance.dealer_travel_request_action",
    ],
    finance: ["/odoo/action-hr_expense.action_hr_expense_sheet_all"],
    legal: ["/odoo/action-dealer_purchase.purchase_order_action_legal_review"],
    custodian: ["/odoo/action-dealer_customer_file.dealer_customer_file_access_action"],
};

function englishWords(text) {
    const words = text.match(/\b[A-Za-z][A-Za-z'’-]{2,}\b/g) || [];
    return [...new Set(words)].filter((word) => !ALLOWED.has(word) && !CODE.test(word));
}

function checkScreen(where, {home = false} = {}) {
    const client = document.querySelector(".o_web_client");
    const text = client.innerText;
    const problems = [];
    const english = englishWords(text);
    if (english.length) {
        problems.push(`English text: ${english.join(", ")}`);
    }
    const raw = RAW_VALUES.filter((value) =>
        new RegExp(`(^|\\s)${value.replace(/[[\]{}]/g, "\\$&")}(\\s|$)`).test(text)
    );
    if (raw.length) {
        problems.push(`raw values: ${raw.join(", ")}`);
    }
    if (home && client.querySelector(".o_view_nocontent")) {
        problems.push("the home is empty");
    }
    if (problems.length) {
        throw new Error(`${where}: ${problems.join("; ")}`);
    }
}

// The view is loaded (an empty one shows its help over sample records).
const LOADED = ".o_action_manager .o_view_controller";

function roleSteps(login) {
    const steps = [
        {trigger: LOADED, content: `${login}: the home opens`},
        {
            trigger: "body:not(:has(.o_loading_indicator))",
            content: `${login}: the home is Chinese, raw-value free and not empty`,
            run: () => checkScreen(`${login} home`, {home: true}),
        },
    ];
    for (const url of SCREENS[login]) {
        steps.push(
            {
                trigger: "body",
                content: `${login}: open ${url}`,
                run: () => {
                    window.location.href = url;
                },
                expectUnloadPage: true,
            },
            {trigger: LOADED},
            {
                trigger: "body:not(:has(.o_loading_indicator))",
                content: `${login}: ${url} is Chinese and raw-value free`,
                run: () => checkScreen(`${login} ${url}`),
            }
        );
    }
    return steps;
}

for (const login of Object.keys(SCREENS)) {
    registry.category("web_tour.tours").add(`dealer_role_day_${login}`, {
        steps: () => roleSteps(login),
    });
}
