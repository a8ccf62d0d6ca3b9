# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_datetime

from ..tools import has_words


class DealerDecisionMixin(models.AbstractModel):
    """A document on which the manual's decisions are recorded: who decided,
    when, why, under which rule, never who asked for it (ADM-25). The deciding
    action checks the user's rights and the rule, then calls ``_dealer_decide``,
    which refuses the requester, requires the reason, records the decision and
    writes it in the chatter."""

    _name = "dealer.decision.mixin"
    _description = "Document with recorded decisions"

    dealer_decision_ids = fields.One2many(
        "dealer.decision",
        "res_id",
        string="Decisions",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
        copy=False,
    )
    dealer_decision_count = fields.Integer(
        string="Decision count", compute="_compute_dealer_decision_count"
    )

    def _compute_dealer_decision_count(self):
        counts = dict(
            self.env["dealer.decision"]._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        )
        for record in self:
            record.dealer_decision_count = counts.get(record.id, 0)

    def action_dealer_view_decisions(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_base.dealer_decision_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        action["context"] = {}
        return action

    @api.model
    def _dealer_decision_company(self, record):
        company = "company_id" in record._fields and record.company_id
        return company or self.env.company

    def _dealer_decide(
        self, kind, rule, reason, outcome="approved", authors=None, reason_required=True
    ):
        """Record the current user's decision ``kind`` on each record.

        ``authors``: users who asked for the decision or prepared the document
        (a recordset, or a callable giving it per record); they never decide.
        ``reason``: why, in words (required unless ``reason_required`` is off,
        as for a tier review without comment)."""
        user = self.env.user
        if reason_required and not has_words(reason):
            raise ValidationError(
                self.env._(
                    "Why: write the reason for this decision in words (rule %s).", rule
                )
            )
        decisions = self.env["dealer.decision"]
        vals_list = []
        now = fields.Datetime.now()
        model = self.env["ir.model"]._get_id(self._name)
        for record in self:
            asked = authors(record) if callable(authors) else authors
            asked = asked or self.env["res.users"]
            if user in asked:
                decisions._dealer_refuse_author(user, record, rule)
            vals_list.append(
                {
                    "company_id": self._dealer_decision_company(record).id,
                    "res_model_id": model,
                    "res_id": record.id,
                    "document_name": record.display_name,
                    "kind": kind,
                    "outcome": outcome,
                    "rule": rule,
                    "reason": (reason or "").strip() or False,
                    "requested_by_id": asked[:1].id,
                    "decided_by_id": user.id,
                    "decided_on": now,
                }
            )
        decisions = decisions._dealer_create(vals_list)
        for record, decision in zip(self, decisions, strict=True):
            record._dealer_log_decision(decision)
        return decisions

    def _dealer_log_decision(self, decision):
        """The decision in the document's chatter, as a logged note."""
        if not hasattr(self, "_message_log"):
            return
        kinds = dict(decision._fields["kind"]._description_selection(self.env))
        outcomes = dict(decision._fields["outcome"]._description_selection(self.env))
        body = Markup("<p><b>%s</b>: %s</p>") % (
            kinds.get(decision.kind, decision.kind),
            self.env._(
                "%(outcome)s by %(user)s on %(date)s (rule %(rule)s)",
                outcome=outcomes.get(decision.outcome),
                user=decision.decided_by_id.name,
                date=format_datetime(self.env, decision.decided_on),
                rule=decision.rule,
            ),
        )
        if decision.reason:
            body += Markup("<p>%s</p>") % escape(decision.reason)
        # sudo: the decision belongs to the document's history; the decider
        # may only read the document.
        self.sudo()._message_log(body=body, author_id=self.env.user.partner_id.id)
