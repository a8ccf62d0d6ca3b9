# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import has_words

from .governed_defaults import without_governed_defaults

# What the installer acknowledged: kept as it was once acknowledged.
ACKNOWLEDGED_CONTENT = (
    "name",
    "ticket_id",
    "technician_id",
    "installer_id",
    "installation_requirements",
    "commissioning_steps",
    "precautions",
    "attachment_ids",
)


class DealerHelpdeskHandover(models.Model):
    """ASV-12: the technical handover to the installers before an installation."""

    _name = "dealer.helpdesk.handover"
    _description = "Technical Handover"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "id desc"
    _check_company_auto = True

    # ASV-12: only the installer's acknowledgement sets these; an acknowledged
    # handover is kept (never deleted) with what it said.
    _dealer_governed = {"state": "ASV-12", "acknowledged_date": "ASV-12"}
    _dealer_keep_rule = "ASV-12"
    _dealer_deletable_states = ("draft",)

    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Installation ticket",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    technician_id = fields.Many2one(
        "res.users",
        string="Briefed by",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
        help="Technical support staff who give the handover.",
    )
    installer_id = fields.Many2one(
        "res.users",
        string="Installer",
        tracking=True,
        check_company=True,
        help="After-sales staff who install and commission.",
    )
    installation_requirements = fields.Text(tracking=True)
    commissioning_steps = fields.Text(tracking=True)
    precautions = fields.Text(tracking=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Documents and drawings",
        help="Technical documents and drawings handed to the installer.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("acknowledged", "Acknowledged")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    acknowledged_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("ticket_id")
    def _compute_name(self):
        for handover in self:
            if not handover.name and handover.ticket_id:
                handover.name = handover.ticket_id.display_name

    @api.model
    def default_get(self, fields_list):
        this = without_governed_defaults(self)
        return super(DealerHelpdeskHandover, this).default_get(fields_list)

    def write(self, vals):
        """ASV-12: what the installer acknowledged stays as it was."""
        touched = vals.keys() & set(ACKNOWLEDGED_CONTENT)
        if touched and not self._dealer_is_trusted():
            # Technical support gives the handover; the installer (After-sales)
            # reads and acknowledges it, and does not rewrite what they are told.
            if not self.env.user.has_group(
                "dealer_base.group_technical_user"
            ) and not self.env.user.has_group("helpdesk_mgmt.group_helpdesk_manager"):
                raise UserError(
                    self.env._(
                        "ASV-12: the technical handover is written by Technical "
                        "support; the installer acknowledges it."
                    )
                )
            for handover in self.filtered(lambda h: h.state == "acknowledged"):
                for fname in sorted(touched):
                    if not self._dealer_same_value(handover, fname, vals[fname]):
                        raise UserError(
                            self.env._(
                                "%(field)s of handover %(handover)s was "
                                "acknowledged by the installer and is kept "
                                "(ASV-12): give a new handover instead.",
                                field=self._fields[fname]._description_string(self.env),
                                handover=handover.display_name,
                            )
                        )
        return super().write(vals)

    def _dealer_missing(self):
        self.ensure_one()
        labels = []
        for field in (
            "installer_id",
            "installation_requirements",
            "commissioning_steps",
            "precautions",
            "attachment_ids",
        ):
            value = self[field]
            if not (has_words(value) if isinstance(value, str) else value):
                labels.append(self._fields[field].get_description(self.env)["string"])
        return labels

    def action_acknowledge(self):
        """ASV-12: the installer confirms they received the handover."""
        self.check_access("write")
        for handover in self:
            if handover.state != "draft":
                raise UserError(
                    self.env._("ASV-12: this handover was already acknowledged.")
                )
            missing = handover._dealer_missing()
            if missing:
                raise UserError(
                    self.env._(
                        "ASV-12: the handover needs %(fields)s before the "
                        "installer acknowledges it.",
                        fields=", ".join(missing),
                    )
                )
            if self.env.user != handover.installer_id:
                raise UserError(
                    self.env._(
                        "ASV-12: only the installer %(name)s acknowledges this "
                        "handover.",
                        name=handover.installer_id.name,
                    )
                )
            handover._dealer_as_action().write(
                {"state": "acknowledged", "acknowledged_date": fields.Datetime.now()}
            )
