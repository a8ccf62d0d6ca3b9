/* Copyright 2026 Dealer Management Team
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

// After-sales takes an exchange request for a serial, receives the unit back
// into the pending-inspection area, inspects it and decides the exchange.
registry.category("web_tour.tours").add("dealer_warranty_exchange_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name=lot_id] input",
            content: "Type the serial the customer brings back",
            run: "edit KB-TOUR",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('KB-TOUR')",
            run: "click",
        },
        {
            trigger: ".o_form_view .alert-success:contains('Covered by')",
            content: "The warranty check says the exchange window is open",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=partner_id] input:value('Tour Customer')",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=description] textarea",
            run: "edit Two keys do not respond",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_confirm]",
            content: "Accept the request",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Awaiting Return')",
        },
        {
            trigger: ".o_form_view .oe_stat_button[name=action_view_pickings]",
            content: "Open the return",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=button_validate]",
            content: "Receive the unit into the pending-inspection area",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('RMA/')",
            content: "Back to the request",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Inspection')",
        },
        {
            trigger: ".o_form_view .o_notebook a:contains('Inspection')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=inspection_note] textarea",
            content: "Write what the inspection found",
            run: "edit Key matrix faulty from the factory",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_buttons button[name=action_quality_confirmed]",
            content: "Quality problem confirmed: exchange",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Processing')",
        },
        {
            trigger:
                ".o_form_view .oe_stat_button[name=action_view_pickings] .o_stat_value:contains('3')",
            content: "Return, non-conforming transfer and replacement delivery",
        },
    ],
});
