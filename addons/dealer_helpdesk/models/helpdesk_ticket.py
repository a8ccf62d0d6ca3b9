# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import POLICY_MANUAL, policy_records

from .selections import CHANNELS, SEVERITIES, TICKET_TYPES

ROOT_CAUSE_CATEGORIES = [
    ("product_quality", "Product quality"),
    ("supplier", "Supplier"),
    ("transport", "Transport"),
    ("installation", "Installation"),
    ("service", "Service"),
    ("usage", "Customer usage"),
    ("other", "Other"),
]

_lt = LazyTranslate(__name__)


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "rating.mixin", "dealer.governed.mixin"]
    _check_company_auto = True

    # Fields only the ticket's own actions change, on every route (dealer_base's
    # guard). Each concern's file lists its own: the promise and its status in
    # helpdesk_ticket_promise.py, the type in helpdesk_ticket_type.py, the
    # warranty and serial check in helpdesk_ticket_warranty.py, the outcomes in
    # helpdesk_ticket_visit.py and helpdesk_ticket_repair.py.

    # ASV-05, CMP-08: every request is recorded; a ticket is archived or
    # cancelled, never deleted.
    _dealer_keep_rule = "ASV-05"

    # helpdesk_mgmt's own channels, for tickets created by the email gateway
    # or the portal.
    _dealer_channel_by_xmlid = {
        "helpdesk_mgmt.helpdesk_ticket_channel_web": "online",
        "helpdesk_mgmt.helpdesk_ticket_channel_email": "email",
        "helpdesk_mgmt.helpdesk_ticket_channel_phone": "phone",
    }

    # Fields a ticket is given at intake, then governed (helpdesk_ticket_type.py).
    _dealer_intake_fields = ("dealer_ticket_type",)
    # The type is chosen at intake: a menu may open a form with it.
    _dealer_default_allowed = _dealer_intake_fields

    # ------------------------------------------------------------------ fields
    # Company consistency of helpdesk_mgmt's own links.
    partner_id = fields.Many2one(check_company=True)
    team_id = fields.Many2one(check_company=True)
    category_id = fields.Many2one(check_company=True)
    # A ticket is archived instead of deleted: the chatter says who and when.
    active = fields.Boolean(tracking=True)
    # ASV-05, KNW-01, KNW-03: what the request is, where it came from, how bad.
    dealer_ticket_type = fields.Selection(
        TICKET_TYPES,
        string="Ticket type",
        required=True,
        default="consultation",
        tracking=True,
        index=True,
    )
    dealer_channel = fields.Selection(
        CHANNELS,
        string="Received by",
        compute="_compute_dealer_channel",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="Follows helpdesk_mgmt's channel (email gateway, portal), and may be "
        "set by hand.",
    )
    dealer_severity = fields.Selection(
        SEVERITIES, string="Severity", default="normal", required=True, tracking=True
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        tracking=True,
        index="btree_not_null",
        check_company=True,
    )
    dealer_serial = fields.Char(
        string="Serial number",
        tracking=True,
        help="The serial number the customer gives; it is checked against our "
        "deliveries.",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial",
        compute="_compute_lot_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
    )
    dealer_usage_environment = fields.Text(
        string="Usage environment",
        help="Where and how the product is used: system, network, site (KNW-01).",
    )
    dealer_department = fields.Selection(
        related="team_id.dealer_department", store=True, string="Department"
    )

    # ---------------------------------------------------------------- computes
    @api.depends("channel_id")
    def _compute_dealer_channel(self):
        by_channel = {}
        for xmlid, value in self._dealer_channel_by_xmlid.items():
            channel = self.env.ref(xmlid, raise_if_not_found=False)
            if channel:
                by_channel[channel.id] = value
        for ticket in self:
            ticket.dealer_channel = (
                by_channel.get(ticket.channel_id.id) or ticket.dealer_channel or "phone"
            )

    # -------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        Company = self.env["res.company"]
        for vals in vals_list:
            ticket_type = vals.get("dealer_ticket_type") or self.default_get(
                ["dealer_ticket_type"]
            ).get("dealer_ticket_type", "consultation")
            company = Company.browse(vals.get("company_id")) or self.env.company
            # CMP-03, ASV-01: route to the team of the responsible department
            # (a company that does not run by the manual keeps Odoo's routing).
            if not vals.get("team_id") and company[POLICY_MANUAL]:
                team = company._dealer_hd_team(ticket_type)
                if team:
                    vals["team_id"] = team.id
        # CMP-02: the promise is computed on creation (_compute_dealer_promise).
        tickets = super().create(vals_list)
        tickets._dealer_send_acknowledgement()
        return tickets

    # ------------------------------------------------------------------ emails
    def _dealer_send_acknowledgement(self):
        """CMP-02: the customer gets the promised time by email. Queued, so a
        mail failure never loses the ticket."""
        template = self.env.ref(
            "dealer_helpdesk.mail_template_ticket_acknowledgement",
            raise_if_not_found=False,
        )
        if not template:
            return
        # A company that does not run by the manual sends only Odoo's emails.
        for ticket in policy_records(self).filtered(
            lambda t: t.partner_id.email or t.partner_email
        ):
            try:
                with self.env.cr.savepoint():
                    template.send_mail(ticket.id, force_send=False)
            except (UserError, ValueError) as error:
                # The ticket is kept; the agent tells the customer instead.
                ticket._dealer_acknowledgement_failed(error)

    def _dealer_acknowledgement_failed(self, error):
        self.ensure_one()
        self.message_post(
            body=self.env._(
                "The acknowledgement email could not be prepared (%(error)s): tell "
                "the customer the promised time by phone.",
                error=str(error),
            ),
            subtype_xmlid="mail.mt_note",
        )
        self.activity_schedule(
            "mail.mail_activity_data_call",
            user_id=(self.user_id or self.env.user).id,
            summary=_lt("Tell the customer the promised time"),
        )
