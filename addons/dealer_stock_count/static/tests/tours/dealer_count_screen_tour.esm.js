/* Copyright 2026 Dealer Management Team
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

/**
 * A handheld scanner types the code and Enter within milliseconds: these
 * keydown events go through Odoo's `barcodes` service, as a real
 * keyboard-wedge scanner's do.
 */
function scan(code) {
    return () => {
        for (const key of [...code, "Enter"]) {
            document.body.dispatchEvent(
                new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true})
            );
        }
    };
}

// Issue 20: a counter counts a sheet on a phone by scanning (STK-13).
registry.category("web_tour.tours").add("dealer_count_screen_tour", {
    steps: () => [
        {
            trigger: ".o_dealer_count_screen .o_dealer_count_sheet",
            content: "Scan the location",
            run: scan("LOC-SHELF-A"),
        },
        {
            trigger: ".o_dealer_count_progress:contains('0 / 3')",
        },
        {
            trigger: ".o_dealer_count_screen",
            content: "Scan an untracked product",
            run: scan("KB-1"),
        },
        {
            trigger: ".o_dealer_count_qty_input",
            content: "Enter how many on the large input",
            run: "edit 98",
        },
        {
            trigger: ".o_dealer_count_qty_ok",
            run: "click",
        },
        {
            trigger: ".o_dealer_count_last .o_dealer_count_qty:contains('98')",
        },
        {
            trigger: ".o_dealer_count_progress:contains('1 / 3')",
            content: "Scan a serial number",
            run: scan("SN-C0"),
        },
        {
            trigger: ".o_dealer_count_progress:contains('2 / 3')",
            content: "The same serial again is not counted twice",
            run: scan("SN-C0"),
        },
        {
            trigger: ".o_dealer_count_last.o_dealer_count_duplicate",
            content: "A code nobody knows is recorded as found",
            run: scan("ZZ-404"),
        },
        {
            trigger: ".o_dealer_count_last.o_dealer_count_unknown:contains('ZZ-404')",
        },
        {
            trigger: ".o_dealer_count_progress:contains('2 / 3')",
            content: "Submit the sheet",
            run: "click .o_dealer_count_finish",
        },
        {
            trigger: ".modal-footer .btn-primary",
            content: "Confirm: the serial not scanned counts 0",
            run: "click",
        },
        {
            trigger:
                ".o_dealer_count_screen:contains('No count sheet is waiting for you.')",
        },
    ],
});
