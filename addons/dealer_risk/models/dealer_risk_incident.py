# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import DEPARTMENTS, has_words

from .dealer_risk import RISK_MANAGERS

_lt = LazyTranslate(__name__)


class DealerRiskIncident(models.Model):
    """A major incident, reported at once (RSK-08): on creation General
    Management and the head of the department are told, in the same
    transaction (an activity each and a message to the followers), and the
    review of its risk is raised."""

    _name = "dealer.risk.incident"
    _description = "Major Incident"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _dealer_governed = {
        "reporter_id": "RSK-08",
        "state": "RSK-08",
        "company_id": "RSK-08",
        "handled_by_id": "RSK-08",
        "handled_date": "RSK-08",
    }
    _dealer_keep_rule = "RSK-08"

    name = fields.Char(string="Incident", required=True, tracking=True)
    date = fields.Datetime(
        string="Occurred on", required=True, default=fields.Datetime.now
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    reporter_id = fields.Many2one(
        "res.users",
        string="Reported by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    department = fields.Selection(
        DEPARTMENTS,
        required=True,
        default=lambda self: self.env.user._dealer_department() or "administration",
        tracking=True,
        help="Its head is told at once, with General Management.",
    )
    risk_id = fields.Many2one(
        "dealer.risk",
        string="Risk",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    description = fields.Text(required=True)
    immediate_action = fields.Text(string="Action taken", tracking=True)
    state = fields.Selection(
        [("reported", "Reported"), ("handled", "Handled")],
        default="reported",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    handled_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    handled_date = fields.Datetime(readonly=True, copy=False)

    @api.constrains("description")
    def _check_description(self):
        for incident in self:
            if not has_words(incident.description):
                raise ValidationError(
                    self.env._(
                        "%(name)s: say what happened (rule RSK-08).",
                        name=incident.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        incidents = super().create(vals_list)
        incidents._dealer_report()
        return incidents

    def _dealer_recipients(self):
        self.ensure_one()
        company = self.company_id
        return company._dealer_general_managers() | company._dealer_department_head(
            self.department
        )

    def _dealer_report(self):
        """RSK-08: General Management and the department head hear of it now:
        an activity for each, followers, and a message they receive."""
        activity_type = self.env.ref("dealer_risk.mail_activity_type_incident")
        today = fields.Date.context_today(self)
        for incident in self:
            recipients = incident._dealer_recipients()
            # sudo: every employee reports a major incident; telling General
            # Management and the department head is part of reporting it.
            reported = incident.sudo()
            reported.message_subscribe(partner_ids=recipients.partner_id.ids)
            for user in recipients:
                reported.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=today,
                    summary=_lt("Major incident: %(name)s", name=incident.name),
                    user_id=user.id,
                )
            reported.message_post(
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    self.env._(
                        "Major incident reported by %(reporter)s: %(name)s",
                        reporter=incident.reporter_id.name,
                        name=incident.name,
                    ),
                    incident.description,
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                author_id=incident.reporter_id.partner_id.id,
                partner_ids=recipients.partner_id.ids,
            )
            # sudo: the reporter may not write the risk; the incident raises
            # its review all the same (RSK-08).
            incident.risk_id.sudo()._dealer_raise_review(
                self.env._("major incident %(name)s", name=incident.name)
            )

    def action_handle(self):
        """The incident was dealt with: General Management, the Administration
        Manager or the department head record it."""
        user = self.env.user
        for incident in self:
            allowed = (
                self.env.su
                or any(user.has_group(group) for group in RISK_MANAGERS)
                or user
                in incident.company_id._dealer_department_heads(incident.department)
            )
            if not allowed:
                raise UserError(
                    self.env._(
                        "General Management, the Administration Manager or the "
                        "department head close incident %(name)s (rule RSK-08).",
                        name=incident.name,
                    )
                )
            if incident.state != "reported":
                raise UserError(
                    self.env._("%(name)s is already handled.", name=incident.name)
                )
            if not has_words(incident.immediate_action):
                raise UserError(
                    self.env._(
                        "%(name)s: describe the action taken before closing it "
                        "(rule RSK-08).",
                        name=incident.name,
                    )
                )
        self._dealer_as_action().write(
            {
                "state": "handled",
                "handled_by_id": user.id,
                "handled_date": fields.Datetime.now(),
            }
        )
        # sudo: closing the incident closes the reminders of everyone told.
        self.sudo().activity_ids.action_feedback(
            feedback=self.env._("Incident handled.")
        )
        return True
