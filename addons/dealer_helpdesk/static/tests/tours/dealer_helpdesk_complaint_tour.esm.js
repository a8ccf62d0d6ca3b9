/* Copyright 2026 Dealer Management Team
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// An agent takes a complaint by phone, sees the promised time and the
// after-sales team it was routed to, writes the resolution and closes it.
// (The refusal to close without a root cause is tested in Python: a refused
// save logs a warning, which the CI log check does not allow.)
registry.category("web_tour.tours").add("dealer_helpdesk_complaint_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            content: "What the customer complains about",
            run: "edit Wrong cable delivered",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=description] .odoo-editor-editable",
            run: "editor An HDMI cable came instead of a DisplayPort cable",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=dealer_ticket_type] select",
            content: "It is a complaint",
            run: 'select "complaint"',
        },
        {
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "edit Tour Complaint",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-item a:contains('Tour Complaint Customer')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            content: "Save: the promise is made",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=dealer_promised_date] span:not(:empty)",
            content: "The promised time is on the ticket",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=team_id] input:value('After-sales service')",
        },
        {
            trigger: ".o_form_view .o_notebook a:contains('Resolution')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=dealer_root_cause] textarea",
            run: "edit Picking list misread",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=dealer_corrective_action] textarea",
            run: "edit Scan product barcodes at packing",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=dealer_customer_confirmation] select",
            run: 'select "confirmed"',
        },
        {
            trigger: ".o_form_view .o_statusbar_status .dropdown-toggle",
            content: "Closed stages are folded",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .dropdown-item:contains('Done')",
            content: "Close the complaint with its resolution",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
