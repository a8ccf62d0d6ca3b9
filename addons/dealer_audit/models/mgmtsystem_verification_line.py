# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import ast

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

EVIDENCE_STATUSES = [
    ("checked", "Counted from the data"),
    ("no_check", "No compliance check"),
    ("planned", "Not implemented yet"),
    ("human", "Human conduct"),
]
RESULTS = [
    ("to_check", "To check"),
    ("conforming", "Conforming"),
    ("non_conforming", "Non-conforming"),
    ("not_applicable", "Not applicable"),
]
# The department that answers for a rule's area (ORG-01), for a finding's default.
AREA_DEPARTMENTS = {
    "PUR": "purchasing",
    "STK": "warehouse",
    "SAL": "sales",
    "CUS": "sales",
    "ASV": "after_sales",
    "CMP": "after_sales",
    "KNW": "technical",
}


class MgmtsystemVerificationLine(models.Model):
    """A checklist line of an inspection: one rule of the manual with the
    evidence its compliance checks counted (AUD-02)."""

    _name = "mgmtsystem.verification.line"
    _inherit = ["mgmtsystem.verification.line", "dealer.governed.mixin"]

    # The evidence is what the registry counted: only the inspection's steps
    # set it, on every route.
    _dealer_governed = {
        "dealer_rule_id": "AUD-02",
        "dealer_evidence_status": "AUD-02",
        "dealer_evidence_count": "AUD-02",
        "dealer_evidence_model": "AUD-02",
        "dealer_evidence_domain": "AUD-02",
    }

    dealer_rule_id = fields.Many2one(
        "dealer.manual.rule", string="Rule", readonly=True, index="btree_not_null"
    )
    dealer_area_id = fields.Many2one(
        related="dealer_rule_id.area_id", string="Area", store=True
    )
    dealer_evidence_status = fields.Selection(
        EVIDENCE_STATUSES, string="Evidence", readonly=True
    )
    dealer_evidence_count = fields.Integer(string="Violations found", readonly=True)
    dealer_evidence_model = fields.Char(readonly=True)
    dealer_evidence_domain = fields.Text(readonly=True)
    dealer_result = fields.Selection(
        RESULTS, string="Result", default="to_check", required=True
    )
    dealer_finding_ids = fields.One2many(
        "mgmtsystem.nonconformity", "dealer_line_id", string="Findings"
    )
    dealer_audit_state = fields.Selection(related="audit_id.state")

    @api.constrains("dealer_result", "dealer_evidence_count")
    def _check_dealer_result(self):
        for line in self:
            if line.dealer_evidence_count and line.dealer_result in (
                "conforming",
                "not_applicable",
            ):
                raise ValidationError(
                    self.env._(
                        "%(line)s: the data show %(count)s violations, so the "
                        "Result is Non-conforming (AUD-02).",
                        line=line.name,
                        count=line.dealer_evidence_count,
                    )
                )

    @api.model
    def _dealer_refreshed_vals(self, evidence, new=False):
        """Values of a line from ``evidence`` (status, count, model, domain):
        a count decides the result of a line the registry checks."""
        status, count, model, domain = evidence
        vals = {
            "dealer_evidence_status": status,
            "dealer_evidence_count": count,
            "dealer_evidence_model": model,
            "dealer_evidence_domain": domain,
        }
        if status == "checked" and (new or not self.dealer_finding_ids):
            vals["dealer_result"] = "non_conforming" if count else "conforming"
            vals["is_conformed"] = not count
        return vals

    def write(self, vals):
        if any(line.audit_id.state == "done" for line in self) and not (
            self._dealer_is_trusted()
        ):
            raise UserError(
                self.env._(
                    "The inspection is closed: its checklist is kept as it was "
                    "closed (AUD-04)."
                )
            )
        if "dealer_result" in vals:
            vals = dict(vals, is_conformed=vals["dealer_result"] == "conforming")
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_dealer_checklist(self):
        if self.filtered("dealer_rule_id"):
            raise UserError(
                self.env._(
                    "Checklist lines generated from the manual are kept; set "
                    "their result to Not applicable instead (AUD-02)."
                )
            )

    def action_dealer_open_evidence(self):
        """The records behind the count (AUD-02), as the auditor may read them."""
        self.ensure_one()
        if not self.dealer_evidence_model:
            raise UserError(
                self.env._("%s has no compliance check to open.", self.name)
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": self.dealer_evidence_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            # A domain the registry produced (governed field): literal values only.
            "domain": ast.literal_eval(self.dealer_evidence_domain or "[]"),
            "context": {"create": False},
        }

    def action_dealer_add_finding(self):
        """A finding for this line (AUD-04), its department and responsible
        person proposed from the rule's area."""
        self.ensure_one()
        audit = self.audit_id
        company = audit.company_id or self.env.company
        department = AREA_DEPARTMENTS.get(
            self.dealer_rule_id.area_id.code, "administration"
        )
        head = company._dealer_department_head(department)
        description = self.name
        if self.dealer_evidence_count:
            description = self.env._(
                "%(line)s: %(count)s violations in %(period)s.",
                line=self.name,
                count=self.dealer_evidence_count,
                period=audit.dealer_period or "",
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New finding"),
            "res_model": "mgmtsystem.nonconformity",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_dealer_line_id": self.id,
                "default_dealer_audit_id": audit.id,
                "default_company_id": company.id,
                "default_partner_id": company.partner_id.id,
                "default_name": self.name,
                "default_description": description,
                "default_dealer_department": department,
                "default_responsible_user_id": head.id,
                "default_dealer_date_deadline": fields.Date.add(
                    fields.Date.context_today(self),
                    days=company.dealer_audit_finding_days,
                ),
            },
        }
