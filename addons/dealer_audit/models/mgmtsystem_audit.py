# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL, mute_logger
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import period_of

_lt = LazyTranslate(__name__)

_logger = logging.getLogger(__name__)

KINDS = [("comprehensive", "Comprehensive"), ("special", "Special")]
TRIGGERS = [
    ("rejection", "Receipt rejection rate"),
    ("complaints", "Complaints about one product"),
    ("price", "Sales below the approved price"),
]
# AUD-03: the rules a special inspection checks, by what proposed it.
SPECIAL_RULES = {
    "rejection": ("PUR-07", "PUR-08", "PUR-09", "PUR-10", "STK-07", "STK-08"),
    "complaints": ("CMP-02", "CMP-04", "CMP-07", "ASV-23", "PUR-10"),
    "price": ("SAL-17", "SAL-18"),
}


def literal_domain(domain):
    """``domain`` with dates and datetimes written as strings, so that its repr
    reads back with ``ast.literal_eval`` (the evidence line stores it)."""

    def literal(value):
        if isinstance(value, datetime):
            return fields.Datetime.to_string(value)
        if isinstance(value, date):
            return fields.Date.to_string(value)
        if isinstance(value, list | tuple):
            return type(value)(literal(item) for item in value)
        return value

    return [literal(term) for term in domain]


# Where a check's records name their product, nearest first (AUD-03 subject).
SUBJECT_PATHS = (
    "product_id",
    "order_line.product_id",
    "line_ids.product_id",
    "move_ids.product_id",
)
# First argument of pg_try_advisory_xact_lock: "the inspections of a company".
LOCK_CLASS = 22_0001


class MgmtsystemAudit(models.Model):
    """OCA's audit as the manual's inspection (AUD-01 to AUD-04): a quarterly
    comprehensive inspection per company, special inspections proposed when a
    threshold is crossed, a checklist generated from the rule registry."""

    _name = "mgmtsystem.audit"
    _inherit = ["mgmtsystem.audit", "dealer.governed.mixin"]

    # Only the inspection's own steps set what it covers and whether it is
    # closed, on every route.
    _dealer_governed = {
        "state": "AUD-04",
        "closing_date": "AUD-04",
        "dealer_kind": "AUD-01",
        "dealer_period": "AUD-01",
        "dealer_date_from": "AUD-01",
        "dealer_date_to": "AUD-01",
        "dealer_trigger": "AUD-03",
        "dealer_trigger_ref": "AUD-03",
        "dealer_trigger_note": "AUD-03",
    }
    # Inspections and their results are kept.
    _dealer_keep_rule = "AUD-04"

    state = fields.Selection(tracking=True)
    dealer_kind = fields.Selection(
        KINDS, string="Inspection", readonly=True, index=True, tracking=True
    )
    dealer_period = fields.Char(string="Quarter", readonly=True, index=True)
    dealer_date_from = fields.Date(string="Period from", readonly=True)
    dealer_date_to = fields.Date(string="Period to", readonly=True)
    dealer_trigger = fields.Selection(
        TRIGGERS, string="Proposed because", readonly=True
    )
    dealer_trigger_ref = fields.Char(string="Concerns", readonly=True)
    dealer_trigger_note = fields.Text(string="Threshold crossed", readonly=True)
    dealer_finding_ids = fields.One2many(
        "mgmtsystem.nonconformity", "dealer_audit_id", string="Findings"
    )
    dealer_finding_count = fields.Integer(
        string="Findings count", compute="_compute_dealer_counts"
    )
    dealer_nonconforming_count = fields.Integer(
        string="Non-conforming lines", compute="_compute_dealer_counts"
    )
    dealer_missing_finding_count = fields.Integer(
        string="Lines without finding", compute="_compute_dealer_counts"
    )

    @api.depends("line_ids.dealer_result", "line_ids.dealer_finding_ids")
    def _compute_dealer_counts(self):
        for inspection in self:
            bad = inspection.line_ids.filtered(
                lambda line: line.dealer_result == "non_conforming"
            )
            inspection.dealer_nonconforming_count = len(bad)
            inspection.dealer_missing_finding_count = len(
                bad.filtered(lambda line: not line.dealer_finding_ids)
            )
            inspection.dealer_finding_count = len(inspection.dealer_finding_ids)

    def init(self):
        # AUD-01, AUD-03: one comprehensive inspection per company and quarter,
        # one special inspection per threshold, subject and quarter.
        self.env.cr.execute(
            SQL(
                """
                CREATE UNIQUE INDEX IF NOT EXISTS mgmtsystem_audit_dealer_period_uniq
                    ON mgmtsystem_audit (
                        company_id, dealer_kind, dealer_period,
                        COALESCE(dealer_trigger, ''), COALESCE(dealer_trigger_ref, ''))
                 WHERE dealer_kind IS NOT NULL
                """
            )
        )

    # ------------------------------------------------------------------ AUD-04
    def button_close(self):
        """AUD-04: an inspection closes only when each non-conforming line has
        its finding."""
        self.check_access("write")
        for inspection in self:
            if inspection.state == "done":
                raise UserError(
                    self.env._("%s is closed already.", inspection.display_name)
                )
            missing = inspection.line_ids.filtered(
                lambda line: line.dealer_result == "non_conforming"
                and not line.dealer_finding_ids
            )
            if missing:
                raise UserError(
                    self.env._(
                        "%(inspection)s cannot be closed: record a finding for each "
                        "non-conforming line first (%(rules)s) (AUD-04).",
                        inspection=inspection.display_name,
                        rules=", ".join(missing.mapped("name")[:10]),
                    )
                )
        # Rights and the findings checked above: the close step sets the state.
        return super(MgmtsystemAudit, self._dealer_as_action()).button_close()

    def action_dealer_refresh(self):
        """AUD-02: count the evidence again (an open inspection only)."""
        self.check_access("write")
        if any(inspection.state == "done" for inspection in self):
            raise UserError(
                self.env._(
                    "A closed inspection keeps the evidence it was closed with "
                    "(AUD-04)."
                )
            )
        self._dealer_generate_checklist()
        return True

    def action_dealer_open_findings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Findings"),
            "res_model": "mgmtsystem.nonconformity",
            "view_mode": "list,form",
            "domain": [("dealer_audit_id", "=", self.id)],
            "context": {"default_dealer_audit_id": self.id},
        }

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

    # ------------------------------------------------------------------ AUD-01
    @api.model
    def _cron_dealer_comprehensive(self):
        """Quarterly: the quarter that just ended gets its comprehensive
        inspection, one per company. Safe to run twice and on two workers."""
        _key, start, _end = period_of(fields.Date.context_today(self), 3)
        return self._dealer_open_comprehensive(start - relativedelta(days=1))

    @api.model
    def _dealer_open_comprehensive(self, day, companies=None):
        """The comprehensive inspection of the quarter holding ``day`` for each
        company that has none yet."""
        key, start, end = period_of(day, 3)
        companies = self._dealer_lock_companies(
            companies or self.env["res.company"].search([])
        )
        done = self.search(
            [
                ("dealer_kind", "=", "comprehensive"),
                ("dealer_period", "=", key),
                ("company_id", "in", companies.ids),
            ]
        ).company_id
        created = self.browse()
        for company in companies - done:
            vals = self._dealer_prepare_vals(company, "comprehensive", key, start, end)
            created |= self._dealer_create_once(vals)
        created._dealer_generate_checklist()
        created._dealer_schedule_inspection()
        return created

    @api.model
    def _dealer_lock_companies(self, companies):
        """The companies no other transaction is opening inspections for (the
        others are being handled by another worker): a transaction-level
        advisory lock per company, taken without waiting."""
        if not companies:
            return companies
        self.env.cr.execute(
            SQL(
                "SELECT id FROM res_company"
                " WHERE id IN %s AND pg_try_advisory_xact_lock(%s, id)",
                tuple(companies.ids),
                LOCK_CLASS,
            )
        )
        return companies.browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _dealer_create_once(self, vals):
        """Create the inspection unless another worker did since we looked: the
        unique index refuses a twin, which is not an error here."""
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                return self._dealer_as_action().create(vals)
        except IntegrityError:
            _logger.info("Inspection %s already exists", vals["name"])
            return self.browse()

    @api.model
    def _dealer_prepare_vals(self, company, kind, key, start, end, **extra):
        lang = company.partner_id.lang or self.env.lang
        _ = self.with_context(lang=lang).env._
        if kind == "comprehensive":
            name = _("Comprehensive inspection %s", key)
        else:
            name = _(
                "Special inspection %(quarter)s: %(subject)s",
                quarter=key,
                subject=extra.get("dealer_trigger_note", "").split("\n")[0],
            )
        return {
            "name": name,
            "company_id": company.id,
            "date": datetime.combine(end + relativedelta(days=1), time(9)),
            "user_id": company._dealer_department_head("administration").id,
            "dealer_kind": kind,
            "dealer_period": key,
            "dealer_date_from": start,
            "dealer_date_to": end,
            **extra,
        }

    def _dealer_schedule_inspection(self, summary=None):
        """An activity for the inspection's manager (the Administration head)."""
        activity_type = self.env.ref("dealer_audit.mail_activity_type_inspection")
        for inspection in self.filtered("user_id"):
            inspection.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=inspection.user_id.id,
                date_deadline=fields.Date.context_today(inspection),
                summary=summary or inspection.name,
            )

    # ------------------------------------------------------------------ AUD-03
    @api.model
    def _cron_dealer_special(self):
        """Daily: propose a special inspection when a threshold of the settings
        is crossed in the current quarter, once per threshold, subject and
        quarter. Safe to run twice and on two workers."""
        return self._dealer_propose_special(fields.Date.context_today(self))

    @api.model
    def _dealer_propose_special(self, day, companies=None):
        key, start, end = period_of(day, 3)
        end = min(end, day)
        companies = self._dealer_lock_companies(
            companies or self.env["res.company"].search([])
        )
        existing = {
            (a.company_id, a.dealer_trigger, a.dealer_trigger_ref)
            for a in self.search(
                [
                    ("dealer_kind", "=", "special"),
                    ("dealer_period", "=", key),
                    ("company_id", "in", companies.ids),
                ]
            )
        }
        created = self.browse()
        for company in companies:
            for trigger, ref, note in self._dealer_special_triggers(
                company, start, end
            ):
                if (company, trigger, ref) in existing:
                    continue
                vals = self._dealer_prepare_vals(
                    company,
                    "special",
                    key,
                    start,
                    end,
                    dealer_trigger=trigger,
                    dealer_trigger_ref=ref,
                    dealer_trigger_note=note,
                )
                created |= self._dealer_create_once(vals)
        created._dealer_generate_checklist()
        for inspection in created:
            inspection._dealer_schedule_inspection(
                summary=_lt(
                    "Proposed special inspection: %s", inspection.dealer_trigger_note
                )
            )
        return created

    @api.model
    def _dealer_special_triggers(self, company, start, end):
        """[(trigger, subject reference, note)] of the thresholds ``company``
        crossed between ``start`` and ``end``. The price threshold reads the
        registry's check of SAL-17; the bridges dealer_audit_stock_zone
        (receipt rejections) and dealer_audit_helpdesk (complaints) add
        theirs, so this addon reads no sibling's model."""
        return self._dealer_trigger_price(company, start, end)

    @api.model
    def _dealer_trigger_price(self, company, start, end):
        rule = self.env.ref("dealer_base.rule_sal_17")
        # sudo: the count covers every salesperson's orders.
        mechanisms = rule.mechanism_ids.filtered("check_method").sudo()
        results = mechanisms._dealer_run_checks(company, start, end)
        count = sum(count for count, _domain in results.values())
        if not results or count < company.dealer_audit_price_lines:
            return []
        return [
            (
                "price",
                "",
                self.env._(
                    "%(count)s order lines sold below the approved price "
                    "(limit %(limit)s)",
                    count=count,
                    limit=company.dealer_audit_price_lines,
                ),
            )
        ]

    # ------------------------------------------------------------------ AUD-04
    def _dealer_compliance_aud_04(self, companies, date_from, date_to):
        """AUD-04 compliance check (dealer_base registry): inspections of
        quarters that ended in the period and are still open a quarter later."""
        limit = fields.Date.context_today(self) - relativedelta(months=3)
        return [
            ("company_id", "in", companies.ids),
            ("dealer_kind", "!=", False),
            ("state", "=", "open"),
            ("dealer_date_to", ">=", date_from),
            ("dealer_date_to", "<=", min(date_to, limit)),
        ]
