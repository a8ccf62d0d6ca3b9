# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CUSTOMER_CLASSES = [
    ("important", "Important"),
    ("general", "General"),
    ("potential", "Potential"),
]
CHANNELS = [
    ("online", "Online promotion"),
    ("telemarketing", "Telemarketing"),
    ("exhibition", "Exhibition"),
    ("referral", "Referral"),
    ("walk_in", "Walk-in"),
    ("distributor", "Distributor"),
]
SCORES = [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")]
CHANNEL_ROLES = [("distributor", "Distributor"), ("agent", "Agent")]


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "dealer.governed.mixin"]

    # SAL-16: a cooperation ends by a Sales Manager's termination, never by a
    # write; the evaluations' scheduled action relies on it.
    _dealer_governed = {"dealer_channel_terminated": "SAL-16"}

    # SAL-01: how the customer was acquired, and its class with the criteria.
    dealer_acquisition_channel = fields.Selection(
        CHANNELS, string="Acquisition channel", tracking=True
    )
    dealer_score_value = fields.Selection(SCORES, string="Value score", tracking=True)
    dealer_score_potential = fields.Selection(
        SCORES, string="Potential score", tracking=True
    )
    dealer_score_loyalty = fields.Selection(
        SCORES, string="Loyalty score", tracking=True
    )
    dealer_customer_class = fields.Selection(
        CUSTOMER_CLASSES,
        string="Customer class",
        compute="_compute_dealer_customer_class",
        store=True,
        readonly=False,
        tracking=True,
        help="Suggested from value, potential and loyalty (average 4 or more: "
        "important; 2.5 or more: general; below: potential); Sales may set it.",
    )
    # SAL-15, SAL-16: channel partners with their agreement.
    dealer_channel_role = fields.Selection(
        CHANNEL_ROLES, string="Channel role", tracking=True
    )
    dealer_agreement_start = fields.Date(string="Agreement from", tracking=True)
    dealer_agreement_end = fields.Date(string="Agreement until", tracking=True)
    dealer_agreement_terms = fields.Text(string="Agreement terms")
    dealer_channel_terminated = fields.Boolean(
        string="Cooperation terminated", tracking=True, copy=False
    )
    dealer_channel_evaluation_ids = fields.One2many(
        "dealer.channel.evaluation", "partner_id", string="Channel evaluations"
    )

    @api.depends("dealer_score_value", "dealer_score_potential", "dealer_score_loyalty")
    def _compute_dealer_customer_class(self):
        for partner in self:
            scores = [
                int(score)
                for score in (
                    partner.dealer_score_value,
                    partner.dealer_score_potential,
                    partner.dealer_score_loyalty,
                )
                if score
            ]
            if len(scores) < 3:
                continue
            average = sum(scores) / 3
            partner.dealer_customer_class = (
                "important"
                if average >= 4
                else "general"
                if average >= 2.5
                else "potential"
            )

    @api.constrains(
        "dealer_channel_role", "dealer_agreement_start", "dealer_agreement_end"
    )
    def _check_dealer_agreement(self):
        for partner in self.filtered("dealer_channel_role"):
            if not partner.dealer_agreement_start:
                raise ValidationError(
                    self.env._(
                        "%s is a channel partner: enter the date of its signed "
                        "cooperation agreement (SAL-15).",
                        partner.display_name,
                    )
                )
            if (
                partner.dealer_agreement_end
                and partner.dealer_agreement_end < partner.dealer_agreement_start
            ):
                raise ValidationError(
                    self.env._(
                        "%s: the agreement cannot end before it starts.",
                        partner.display_name,
                    )
                )

    def action_dealer_terminate_channel(self):
        """SAL-16: end the cooperation with a partner that does not meet the
        requirements."""
        if not self.env.user.has_group("dealer_base.group_sales_manager"):
            raise UserError(
                self.env._("Only a Sales Manager ends a cooperation (SAL-16).")
            )
        today = fields.Date.context_today(self)
        for partner in self:
            if not partner.dealer_channel_role or partner.dealer_channel_terminated:
                raise UserError(
                    self.env._(
                        "%s is no channel partner in cooperation (SAL-16).",
                        partner.display_name,
                    )
                )
            partner._dealer_as_action().write(
                {
                    "dealer_channel_terminated": True,
                    "dealer_agreement_end": min(
                        partner.dealer_agreement_end or today, today
                    ),
                }
            )
        return True
