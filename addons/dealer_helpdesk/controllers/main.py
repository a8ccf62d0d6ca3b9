# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.dealer_base.tools import policy_on
from odoo.addons.helpdesk_mgmt.controllers import main


class HelpdeskTicketController(main.HelpdeskTicketController):
    @http.route("/ticket/close", type="http", auth="user", methods=["POST"], csrf=True)
    def support_ticket_close(self, ticket_id=None, stage_id=None, **kw):
        """Close a ticket from the portal (issue 17). helpdesk_mgmt's route
        closed any ticket by id, as superuser, on a GET link. Here it is a
        POST with the CSRF token (a GET is refused with 405), on a ticket the
        user may read (else 404, whether or not it exists), to a stage the
        portal offers them, through the ticket's rules (else 403)."""
        try:
            ticket = request.env["helpdesk.ticket"].browse(int(ticket_id))
            stage = request.env["helpdesk.ticket.stage"].browse(int(stage_id))
            # helpdesk_mgmt's answers for a company that does not run by the
            # manual: a stage it does not offer is ignored, and the redirect
            # is its 302 (the access checks above stay: they are no policy).
            manual = policy_on(ticket.sudo().exists())
            ticket._dealer_close_from_portal(stage.exists())
        except (AccessError, MissingError, TypeError, ValueError) as error:
            raise NotFound() from error
        except UserError as error:
            if manual:
                raise Forbidden(str(error)) from error
        return request.redirect(f"/my/ticket/{ticket.id}", code=303 if manual else 302)
