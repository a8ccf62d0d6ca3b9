/* Copyright 2026 Dealer Management Team
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/** A keyboard-wedge scanner's keys, through Odoo's `barcodes` service. */
function scan(code) {
    return () => {
        for (const key of [...code, "Enter"]) {
            document.body.dispatchEvent(
                new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true})
            );
        }
    };
}

// PUR-07, STK-07: the warehouse inspector counts an acceptance by scanning.
registry.category("web_tour.tours").add("dealer_receipt_scan_tour", {
    steps: () => [
        {
            // On a phone the form's header buttons are in its action menu.
            trigger: ".o_form_view .o_cp_action_menus button:has(i.fa-cog)",
            content: "Open the acceptance's actions",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu button[name='action_count_screen']",
            content: "Open the scanning screen from the acceptance",
            run: "click",
        },
        {
            trigger:
                ".o_dealer_count_screen .o_dealer_count_progress:contains('0 / 2')",
            content: "Scan a serial number",
            run: scan("SN-T1"),
        },
        {
            trigger: ".o_dealer_count_progress:contains('1 / 2')",
            content: "The same serial again is not counted twice",
            run: scan("SN-T1"),
        },
        {
            trigger: ".o_dealer_count_last.o_dealer_count_duplicate",
            content: "A code nobody knows is recorded",
            run: scan("ZZ-405"),
        },
        {
            trigger: ".o_dealer_count_last.o_dealer_count_unknown:contains('ZZ-405')",
            content: "Back to the acceptance",
            run: "click .o_dealer_count_finish",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='line_ids']",
        },
    ],
});
