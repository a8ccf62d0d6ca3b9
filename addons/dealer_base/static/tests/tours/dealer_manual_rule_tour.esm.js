/* Copyright 2026 Dealer Management Team
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A member of staff finds a rule of the manual and sees what carries it out.
registry.category("web_tour.tours").add("dealer_base_manual_rule_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='dealer_base.dealer_manual_menu_root']",
            content: "Open the Management Manual",
            run: "click",
        },
        {
            trigger: ".o_group_name:contains('Organisation')",
            content: "The areas open unfolded",
        },
        {
            trigger: ".o_data_row:contains('ORG-01') .o_data_cell[name=title]",
            content: "Open rule ORG-01",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=mechanism_ids] .o_data_row:contains('dealer_base')",
            content: "The rule lists the mechanism that records it",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Recorded')",
            content: "Its status is Recorded",
        },
    ],
});
