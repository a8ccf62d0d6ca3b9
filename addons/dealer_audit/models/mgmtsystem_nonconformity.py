# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.dealer_base.tools import DEPARTMENTS, has_words


class MgmtsystemNonconformity(models.Model):
    """OCA's nonconformity as the finding of an inspection (AUD-04): a
    responsible department and person, a deadline and a corrective action,
    followed up by an activity."""

    _inherit = "mgmtsystem.nonconformity"

    dealer_audit_id = fields.Many2one(
        "mgmtsystem.audit",
        string="Inspection",
        index="btree_not_null",
        ondelete="restrict",
    )
    dealer_line_id = fields.Many2one(
        "mgmtsystem.verification.line",
        string="Checklist line",
        index="btree_not_null",
        ondelete="restrict",
    )
    dealer_rule_id = fields.Many2one(
        related="dealer_line_id.dealer_rule_id", string="Rule", store=True
    )
    dealer_department = fields.Selection(
        DEPARTMENTS, string="Responsible department", tracking=True
    )
    dealer_date_deadline = fields.Date(string="Correct by", tracking=True)
    dealer_corrective_action = fields.Text(string="Corrective action", tracking=True)
    dealer_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_dealer_overdue",
        search="_search_dealer_overdue",
    )

    def _compute_dealer_overdue(self):
        today = fields.Date.context_today(self)
        for finding in self:
            finding.dealer_overdue = bool(
                finding.dealer_date_deadline
                and finding.dealer_date_deadline < today
                and finding.state not in ("done", "cancel")
            )

    def _search_dealer_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on Overdue."))
        domain = [
            ("dealer_date_deadline", "<", fields.Date.context_today(self)),
            ("state", "not in", ("done", "cancel")),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.constrains(
        "dealer_audit_id",
        "dealer_department",
        "responsible_user_id",
        "dealer_date_deadline",
        "dealer_corrective_action",
    )
    def _check_dealer_finding(self):
        for finding in self.filtered("dealer_audit_id"):
            missing = [
                label
                for label, ok in (
                    (self.env._("Responsible department"), finding.dealer_department),
                    (self.env._("Responsible"), finding.responsible_user_id),
                    (self.env._("Correct by"), finding.dealer_date_deadline),
                    (
                        self.env._("Corrective action"),
                        has_words(finding.dealer_corrective_action),
                    ),
                )
                if not ok
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "Finding %(finding)s of an inspection needs: %(fields)s "
                        "(AUD-04).",
                        finding=finding.name or finding.ref,
                        fields=", ".join(missing),
                    )
                )

    @api.constrains("dealer_line_id", "dealer_audit_id")
    def _check_dealer_line(self):
        for finding in self.filtered("dealer_line_id"):
            if finding.dealer_line_id.audit_id != finding.dealer_audit_id:
                raise ValidationError(
                    self.env._(
                        "Finding %s: the checklist line belongs to another "
                        "inspection (AUD-04).",
                        finding.name or finding.ref,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("dealer_audit_id"):
                audit = self.env["mgmtsystem.audit"].browse(vals["dealer_audit_id"])
                # OCA's own link, so the audit's Nonconformities tab shows it.
                vals.setdefault("audit_ids", [Command.link(audit.id)])
                # OCA requires a manager: the inspection's manager follows it up.
                vals.setdefault("manager_user_id", audit.user_id.id or self.env.uid)
        findings = super().create(vals_list)
        findings.filtered("dealer_audit_id")._dealer_schedule_followup()
        return findings

    def write(self, vals):
        res = super().write(vals)
        if "responsible_user_id" in vals or "dealer_date_deadline" in vals:
            self.filtered("dealer_audit_id")._dealer_schedule_followup()
        if "stage_id" in vals:
            self.filtered(
                lambda f: f.state in ("done", "cancel")
            )._dealer_close_followup()
        return res

    def _dealer_schedule_followup(self):
        """AUD-04: the responsible person gets one activity due on the deadline
        (moved when the deadline or the person changes)."""
        activity_type = self.env.ref("dealer_audit.mail_activity_type_finding")
        for finding in self:
            if finding.state in ("done", "cancel") or not finding.responsible_user_id:
                continue
            current = finding.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            )
            if current:
                current.write(
                    {
                        "user_id": finding.responsible_user_id.id,
                        "date_deadline": finding.dealer_date_deadline,
                    }
                )
                continue
            finding.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=finding.responsible_user_id.id,
                date_deadline=finding.dealer_date_deadline,
                summary=finding.dealer_corrective_action[:100],
            )

    def _dealer_close_followup(self):
        activity_type = self.env.ref("dealer_audit.mail_activity_type_finding")
        self.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ).action_feedback(feedback=self.env._("Finding closed."))

    def _dealer_compliance_aud_04_findings(self, companies, date_from, date_to):
        """AUD-04 compliance check (dealer_base registry): findings whose
        corrective action was due in the period and is not done."""
        return [
            ("company_id", "in", companies.ids),
            ("dealer_audit_id", "!=", False),
            ("dealer_date_deadline", ">=", date_from),
            ("dealer_date_deadline", "<=", date_to),
            ("dealer_date_deadline", "<", fields.Date.context_today(self)),
            ("state", "not in", ("done", "cancel")),
        ]
