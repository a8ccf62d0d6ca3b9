# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""AUD-02: the inspection's checklist, generated from the rule registry,
with the evidence of each check on the inspection's subject."""

from odoo import api, models
from odoo.osv import expression

from .mgmtsystem_audit import (
    SPECIAL_RULES,
    SUBJECT_PATHS,
    literal_domain,
)


class MgmtsystemAudit(models.Model):
    # One file per concern of the inspection (issue 18), not one class per model.
    _inherit = "mgmtsystem.audit"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ AUD-02
    def _dealer_rules(self):
        self.ensure_one()
        Rule = self.env["dealer.manual.rule"]
        if self.dealer_kind == "special":
            return Rule.search([("code", "in", SPECIAL_RULES[self.dealer_trigger])])
        return Rule.search(
            [("area_id", "in", self.company_id.dealer_audit_area_ids.ids)]
        )

    def _dealer_generate_checklist(self):
        """AUD-02: one line per rule of the inspected areas, with the number of
        violations its compliance checks count in the period and the records
        behind them; an open line keeps the auditor's result, refreshed
        evidence decides the result of lines that have a check."""
        Line = self.env["mgmtsystem.verification.line"]
        for inspection in self:
            rules = inspection._dealer_rules()
            # sudo: the inspection counts every department's records, which the
            # auditor may not all read; the line keeps counts and record ids,
            # and opening them applies the auditor's own rights.
            mechanisms = rules.mechanism_ids.filtered("check_method").sudo()
            results = mechanisms._dealer_run_checks(
                inspection.company_id,
                inspection.dealer_date_from,
                inspection.dealer_date_to,
            )
            if inspection.dealer_trigger_ref:
                results = inspection._dealer_results_on_subject(mechanisms, results)
            by_rule = {line.dealer_rule_id: line for line in inspection.line_ids}
            vals_list = []
            for sequence, rule in enumerate(rules, start=1):
                evidence = inspection._dealer_evidence(rule, mechanisms, results)
                line = by_rule.get(rule)
                if line:
                    line._dealer_as_action().write(
                        line._dealer_refreshed_vals(evidence)
                    )
                    continue
                vals_list.append(
                    {
                        "audit_id": inspection.id,
                        "company_id": inspection.company_id.id,
                        "seq": sequence,
                        "name": f"{rule.code} {rule.title}",
                        "dealer_rule_id": rule.id,
                        **Line._dealer_refreshed_vals(evidence, new=True),
                    }
                )
            Line._dealer_as_action().create(vals_list)

    def _dealer_results_on_subject(self, mechanisms, results):
        """AUD-03: a special inspection about one product or category shows the
        evidence of that subject only: each check's records are narrowed to
        those of the subject and counted again (one query per check). A check
        whose records name no product keeps its company-wide evidence."""
        self.ensure_one()
        narrowed = dict(results)
        for mechanism in mechanisms.filtered(lambda m: m.id in results):
            subject = self._dealer_subject_domain(mechanism.check_model)
            if subject is None:
                continue
            domain = expression.AND([results[mechanism.id][1], subject])
            # sudo: as the checks above, the count covers every department.
            count = self.env[mechanism.check_model].sudo().search_count(domain)
            narrowed[mechanism.id] = (count, domain)
        return narrowed

    def _dealer_subject_domain(self, model_name):
        """The domain on ``model_name`` of the records about the inspection's
        subject (a ``product.product`` or ``product.category`` reference), or
        None when the model's records name no product."""
        subject_model, _sep, subject_id = (self.dealer_trigger_ref or "").partition(",")
        if subject_model not in ("product.product", "product.category"):
            return None
        Model = self.env[model_name]
        for path in SUBJECT_PATHS:
            if not self._dealer_path_is_product(Model, path):
                continue
            if subject_model == "product.product":
                return [(path, "=", int(subject_id))]
            return [(f"{path}.categ_id", "child_of", int(subject_id))]
        return None

    @api.model
    def _dealer_path_is_product(self, Model, path):
        for name in path.split("."):
            field = Model._fields.get(name)
            if field is None or not field.relational:
                return False
            Model = self.env[field.comodel_name]
        return Model._name == "product.product"

    def _dealer_evidence(self, rule, mechanisms, results):
        """(status, count, model, domain) of ``rule`` from the checks' results."""
        checks = mechanisms.filtered(lambda m: m.rule_id == rule and m.id in results)
        if checks:
            count = sum(results[m.id][0] for m in checks)
            shown = checks.filtered(lambda m: results[m.id][0])[:1] or checks[:1]
            return (
                "checked",
                count,
                shown.check_model,
                repr(literal_domain(results[shown.id][1])),
            )
        status = {"planned": "planned", "manual_only": "human"}.get(
            rule.state, "no_check"
        )
        return status, 0, False, False
