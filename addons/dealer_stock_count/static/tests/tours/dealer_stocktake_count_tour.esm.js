/* Copyright 2026 Dealer Management Team
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A counter counts a location on their sheet and submits it.
registry.category("web_tour.tours").add("dealer_stocktake_count_tour", {
    steps: () => [
        {
            trigger:
                ".o_form_view .o_field_widget[name=line_ids] .o_data_row:first .o_data_cell[name=draft_qty]",
            content: "Open the line to count",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row.o_selected_row .o_field_widget[name=draft_qty] input",
            content: "Enter the counted quantity",
            run: "edit 9",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_submit]",
            content: "Submit the counts",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            content: "Confirm",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Submitted')",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=line_ids] .o_data_row:first .o_data_cell[name=sheet_counted_qty]:contains('9.00')",
            content: "The submitted sheet shows what was counted, not 0.00 (STK-13)",
        },
    ],
});
