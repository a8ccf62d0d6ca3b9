# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestManualRuleTour(HttpCase):
    def test_aud_05_staff_find_a_rule_and_its_mechanism(self):
        """AUD-05: from the apps menu, a member of staff opens the Management Manual,
        finds ORG-01 and sees the mechanism that carries it out."""
        new_test_user(
            self.env,
            login="tour_staff",
            groups="dealer_base.group_sales_user",
            lang="en_US",
        )
        self.start_tour("/odoo", "dealer_base_manual_rule_tour", login="tour_staff")
