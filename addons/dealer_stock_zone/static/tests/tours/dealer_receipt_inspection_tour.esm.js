/* Copyright 2026 Dealer Management Team
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

// The technical inspector signs with their own login and records a rejection
// (PUR-07).
registry.category("web_tour.tours").add("dealer_receipt_inspection_tech_tour", {
    steps: () => [
        {
            trigger:
                ".o_form_view .o_statusbar_buttons button[name=action_sign_technical]",
            content: "Sign as the technical inspector",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=technical_inspector_id]:contains('Tech Inspector')",
            content: "The signature is the technical inspector's own",
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:first .o_data_cell[name=spec_check]",
            content: "Open the first line",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row.o_selected_row .o_field_widget[name=spec_check] select",
            run: 'select "pass"',
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row.o_selected_row .o_field_widget[name=appearance_check] select",
            run: 'select "fail"',
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row.o_selected_row .o_field_widget[name=qty_rejected] input",
            content: "Reject the damaged unit",
            run: "edit 1",
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row.o_selected_row .o_field_widget[name=reason_id] input",
            run: "edit Damaged",
        },
        {
            trigger: ".ui-autocomplete a:contains('Damaged')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_dealer_inspection_missing:contains('Accepted')",
            content: "The checklist asks for the accepted quantity (STK-07)",
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row.o_selected_row .o_field_widget[name=qty_accepted] input",
            content: "Accept the two good units: nothing is prefilled",
            run: "edit 2",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=technical_inspector_id]",
            content: "Leave the line",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_dealer_inspection_missing:not(:contains('Accepted'))",
            content: "The checklist no longer asks for it",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
            content: "The findings are saved",
        },
    ],
});

// The warehouse inspector validates the acceptance.
registry.category("web_tour.tours").add("dealer_receipt_inspection_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_validate]",
            content: "Validate the acceptance",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            content: "Confirm",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Validated')",
            content: "The acceptance is validated",
        },
    ],
});
