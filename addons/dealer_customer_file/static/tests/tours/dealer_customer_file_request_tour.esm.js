/* Copyright 2026 Dealer Management Team
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A technician finds the customer in the register and files an access request.
registry.category("web_tour.tours").add("dealer_customer_file_request_tour", {
    steps: () => [
        {
            trigger: ".o_list_view .o_data_cell:contains('Nanshan Middle School')",
            content: "Open the customer's file from the register",
            run: "click",
        },
        {
            trigger: ".o_form_view .alert-warning:contains('confidential')",
            content: "The data card is confidential",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_buttons button[name=action_request_access]",
            content: "Request access",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=purpose] input",
            content: "Say what the file is for",
            run: "edit Prepare the lab network proposal",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=reason] textarea",
            content: "And why",
            run: "edit The school asked for a quotation this week",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=request_validation]",
            content: "Submit it to the head of the department",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Submitted')",
        },
    ],
});

// The department head, then the custodian, sign with a comment.
registry.category("web_tour.tours").add("dealer_customer_file_sign_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name=validate_tier]",
            content: "Sign the request",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=comment] input",
            content: "Comment",
            run: "edit Purpose and reason are sufficient",
        },
        {
            trigger: ".modal button[name=add_comment]",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});

// The requester reads the card, then returns the file.
registry.category("web_tour.tours").add("dealer_customer_file_return_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_open_card]",
            content: "Open the data card lent to you",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=credit_terms]:contains('rebate')",
            content: "The confidential content is readable",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_return]",
            content: "Return the file at once (CUS-20)",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=grant_state]:contains('Returned')",
        },
    ],
});
