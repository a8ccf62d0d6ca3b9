/* Copyright 2026 Dealer Management Team
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// The buyer adds a department's need to the plan and sends it for review.
registry.category("web_tour.tours").add("dealer_purchase_plan_request_tour", {
    steps: () => [
        {
            trigger:
                ".o_form_view .o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
            content: "Add a department's need",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_selected_row .o_field_widget[name=product_id] input",
            run: "edit SATA cable",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('SATA cable')",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_selected_row .o_field_widget[name=quantity] input",
            run: "edit 40",
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_selected_row .o_field_widget[name=reason] input",
            run: "edit Spare cables for repairs",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            trigger: ".o_form_view button[name=request_validation]",
            content: "Send the plan for review and approval",
            run: "click",
        },
        {
            trigger: ".o_form_view .alert-warning:contains('needs to be')",
            content: "The plan now waits for its reviewers",
        },
    ],
});

// Once approved, the buyer turns the plan into requests for quotation.
registry.category("web_tour.tours").add("dealer_purchase_plan_order_tour", {
    steps: () => [
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_buttons button[name=action_create_rfqs]",
            content: "Create the requests for quotation",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:nth-child(2)",
            content: "One request per supplier",
        },
    ],
});
