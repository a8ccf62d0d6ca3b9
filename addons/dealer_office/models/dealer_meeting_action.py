# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _lt, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import has_words


class DealerMeetingAction(models.Model):
    """An action item with its owner and deadline; what the meeting cannot
    solve is escalated to General Management once (ADM-20)."""

    _name = "dealer.meeting.action"
    _description = "Meeting Action Item"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "deadline, id"

    _dealer_governed = {
        "state": "ADM-20",
        "escalated_to_id": "ADM-20",
        "date_escalated": "ADM-20",
    }

    meeting_id = fields.Many2one(
        "dealer.meeting", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    name = fields.Char(string="Action", required=True, tracking=True)
    owner_id = fields.Many2one(
        "res.users", string="Owner", required=True, tracking=True
    )
    deadline = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("escalated", "Escalated")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    escalation_reason = fields.Text(
        string="Why it cannot be solved here", tracking=True
    )
    escalated_to_id = fields.Many2one("res.users", string="Escalated to", readonly=True)
    date_escalated = fields.Datetime(string="Escalated on", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        # ADM-20: the meeting's people record its action items.
        actions.meeting_id._dealer_check_may_manage()
        return actions

    def action_done(self):
        for action in self:
            if action.state != "open":
                raise UserError(self.env._("%s is not open.", action.name))
            if (
                self.env.user != action.owner_id
                and not action.meeting_id._dealer_may_manage()
            ):
                raise UserError(
                    self.env._(
                        "%s: only its owner or the chair closes it.", action.name
                    )
                )
        self._dealer_as_action().write({"state": "done"})
        return True

    @api.model
    def _dealer_general_manager(self, company):
        """The General Management user who receives escalations."""
        # sudo: group membership is not readable by every user.
        group = self.env.ref("dealer_base.group_general_management").sudo()
        placeholders = self.env.ref("base.user_admin") | self.env.ref("base.user_root")
        users = group.users.filtered(
            lambda u: company in u.company_ids and not u.share
        ).sorted("id")
        return ((users - placeholders) or users)[:1].sudo(False)

    def action_escalate(self):
        """ADM-20: the problem goes to General Management, once, with why the
        meeting could not solve it."""
        for action in self:
            action.meeting_id._dealer_check_may_manage()
            if action.state != "open":
                raise UserError(
                    self.env._(
                        "%s is already escalated or done: it is escalated once "
                        "(ADM-20).",
                        action.name,
                    )
                )
            if not has_words(action.escalation_reason):
                raise ValidationError(
                    self.env._(
                        "%s: say why it cannot be solved in the meeting "
                        "(Why it cannot be solved here, ADM-20).",
                        action.name,
                    )
                )
        for action in self:
            manager = self._dealer_general_manager(action.company_id)
            if not manager:
                raise UserError(
                    self.env._(
                        "Nobody belongs to General Management in %s (ADM-20).",
                        action.company_id.name,
                    )
                )
            action._dealer_as_action().write(
                {
                    "state": "escalated",
                    "escalated_to_id": manager.id,
                    "date_escalated": fields.Datetime.now(),
                }
            )
            # sudo: the meeting's manager asks General Management to act.
            action.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=action.deadline,
                summary=_lt("Escalated from a meeting: decide (ADM-20)"),
                note=action.escalation_reason,
                user_id=manager.id,
            )
        return True
