# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import period_datetimes


class DealerCustomerFileGrant(models.Model):
    """A lending of a customer file (CUS-19 to CUS-21): created by an approved
    access request, live until it is returned, revoked or its time runs out.
    The data card's record rules read the live grants."""

    _name = "dealer.customer.file.grant"
    _description = "Customer File Access Grant"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    file_id = fields.Many2one(
        "dealer.customer.file",
        string="Customer file",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    partner_id = fields.Many2one(
        related="file_id.partner_id", store=True, string="Customer"
    )
    company_id = fields.Many2one(related="file_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Granted to", required=True, index=True, readonly=True
    )
    request_id = fields.Many2one(
        "dealer.customer.file.request", string="Request", readonly=True
    )
    date_start = fields.Datetime(
        string="From", required=True, readonly=True, default=fields.Datetime.now
    )
    date_end = fields.Datetime(string="Until", required=True, readonly=True)
    state = fields.Selection(
        [
            ("active", "Live"),
            ("returned", "Returned"),
            ("expired", "Expired"),
            ("revoked", "Revoked"),
        ],
        default="active",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    date_closed = fields.Datetime(string="Closed on", readonly=True)
    closed_by_id = fields.Many2one("res.users", string="Closed by", readonly=True)
    # What the record rules of the data card read: live and not past its end,
    # at the moment of the read (the expiry job only tidies the register).
    is_live = fields.Boolean(
        string="In force", compute="_compute_is_live", search="_search_is_live"
    )

    @api.depends("state", "date_end")
    def _compute_is_live(self):
        now = fields.Datetime.now()
        for grant in self:
            grant.is_live = grant.state == "active" and grant.date_end > now

    def _search_is_live(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on In force."))
        domain = [("state", "=", "active"), ("date_end", ">", fields.Datetime.now())]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("file_id", "user_id")
    def _compute_display_name(self):
        for grant in self:
            grant.display_name = f"{grant.file_id.name} / {grant.user_id.name}"

    def _dealer_close(self, state):
        live = self.filtered(lambda grant: grant.state == "active")
        # The register entry is cancelled by the system on the user's behalf:
        # the grant holder has no write right on grants.
        live.sudo().write(
            {
                "state": state,
                "date_closed": fields.Datetime.now(),
                "closed_by_id": self.env.user.id,
            }
        )
        # The holder may already have lost sight of the card.
        live.sudo().file_id.card_ids._dealer_prune_followers()
        return live

    def action_return(self):
        """CUS-20, CUS-21: the holder returns the file after use; the lending
        register entry is cancelled at once."""
        for grant in self:
            if grant.state != "active":
                raise UserError(self.env._("%s is no longer live.", grant.display_name))
            if self.env.user != grant.user_id and not self.env.user.has_group(
                "dealer_base.group_file_custodian"
            ):
                raise UserError(
                    self.env._(
                        "%s: only its holder or a custodian returns it.",
                        grant.display_name,
                    )
                )
        self._dealer_close("returned")
        return True

    def action_revoke(self):
        if not self.env.user.has_group("dealer_base.group_file_custodian"):
            raise UserError(self.env._("Only a custodian revokes an access grant."))
        self._dealer_close("revoked")
        return True

    @api.model
    def _cron_expire(self):
        """Close the grants whose time is over; safe to run twice."""
        expired = self.search(
            [("state", "=", "active"), ("date_end", "<=", fields.Datetime.now())]
        )
        expired._dealer_close("expired")
        return True

    # ------------------------------------------------------------------ AUD-05
    def _dealer_compliance_cus_21(self, companies, date_from, date_to):
        """CUS-21 compliance check (dealer_base registry): lendings that ended
        in the period and are still live in the register (not closed as
        returned, expired or revoked)."""
        start, end = period_datetimes(date_from, date_to)
        return [
            ("company_id", "in", companies.ids),
            ("state", "=", "active"),
            ("date_end", ">=", start),
            ("date_end", "<", min(end, fields.Datetime.now())),
        ]
