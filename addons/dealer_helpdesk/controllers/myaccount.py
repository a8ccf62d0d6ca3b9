# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers import myaccount


class CustomerPortalHelpdesk(myaccount.CustomerPortalHelpdesk):
    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        """The ticket page offers the close buttons our rules allow
        (CMP-07, CMP-08, ASV-16) and only the files meant for the customer
        (CUS-23). ``ticket`` runs as the superuser (the portal's
        ``_document_check_access``): the files are chosen for the request's
        user."""
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        # Close buttons only for whom the close route accepts: a user who
        # reads the ticket under the record rules, not a visitor with its link.
        own = ticket.with_user(request.env.user).has_access("read")
        values["closed_stages"] = (
            ticket._dealer_portal_close_stages()
            if own
            else ticket.env["helpdesk.ticket.stage"]
        )
        values["dealer_attachments"] = ticket._dealer_portal_attachments(
            request.env.user
        )
        return values

    # helpdesk_mgmt names its portal search bar in its own code, which Odoo
    # translates from helpdesk_mgmt's files only (it ships no Chinese): the
    # labels are said again here, so that they come from ours.
    @staticmethod
    def _dealer_relabel(values, labels):
        for key, label in labels.items():
            if key in values:
                values[key]["label"] = label
        return values

    def _ticket_get_searchbar_sortings(self):
        return self._dealer_relabel(
            super()._ticket_get_searchbar_sortings(),
            {
                "date": request.env._("Newest"),
                "name": request.env._("Title"),
                "stage": request.env._("Stage"),
                "update": request.env._("Last Stage Update"),
            },
        )

    def _ticket_get_searchbar_groupby(self):
        return self._dealer_relabel(
            super()._ticket_get_searchbar_groupby(),
            {
                "none": request.env._("None"),
                "category": request.env._("Category"),
                "stage": request.env._("Stage"),
            },
        )

    def _ticket_get_searchbar_inputs(self):
        return self._dealer_relabel(
            super()._ticket_get_searchbar_inputs(),
            {
                "all": request.env._("Search in All"),
                "number": request.env._("Search in Number"),
                "name": request.env._("Search in Title"),
            },
        )
