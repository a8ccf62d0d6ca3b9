/* Copyright 2026 Dealer Management Team
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// Sales marks the quotation as a solution and asks Technical to review it.
registry.category("web_tour.tours").add("dealer_sale_solution_request_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name=dealer_is_solution] input",
            content: "This quotation is a personalised solution",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_buttons button[name=action_dealer_request_technical_review]",
            content: "Ask Technical to review it",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=dealer_technical_state]:contains('Requested')",
        },
    ],
});

// Technical writes its comments and approves the solution.
registry.category("web_tour.tours").add("dealer_sale_solution_review_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_notebook a:contains('Technical Review')",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=dealer_technical_comment] textarea",
            content: "Comment the solution",
            run: "edit Dual monitors need the DisplayPort cards",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_buttons button[name=action_dealer_technical_approve]",
            content: "Approve the solution",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=dealer_technical_state]:contains('Approved')",
        },
    ],
});

// Sales confirms the approved solution.
registry.category("web_tour.tours").add("dealer_sale_solution_confirm_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_confirm]",
            content: "Confirm the order",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Sales Order')",
        },
    ],
});
