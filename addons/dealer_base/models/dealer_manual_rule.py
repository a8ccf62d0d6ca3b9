# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import has_words, period_of
from .dealer_manual_rule_mechanism import MECHANISM_KINDS

RULE_CODE_RE = re.compile(r"^([A-Z]{3})-(\d{2,3})$")
# Periods of the rule list's violation counts (context key dealer_compliance_period).
COMPLIANCE_PERIODS = ("this_quarter", "last_quarter", "this_year", "last_year")


class DealerManualRule(models.Model):
    _name = "dealer.manual.rule"
    _description = "Management Manual Rule"
    _inherit = ["mail.thread"]
    _order = "area_id, code"
    _rec_names_search = ["code", "title"]

    code = fields.Char(
        required=True,
        index=True,
        tracking=True,
        help="Rule ID of the manual, such as STK-03: the area and a number.",
    )
    area_id = fields.Many2one(
        "dealer.manual.area",
        string="Area",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    title = fields.Char(required=True, translate=True, tracking=True)
    text = fields.Text(
        string="Rule",
        required=True,
        help="What the manual requires (English digest of the original text).",
    )
    key_phrase = fields.Char(
        string="Original wording", help="Key phrase quoted from the original text."
    )
    seed_ref = fields.Char(
        string="Source", help="Where the rule stands in the original manual."
    )
    is_manual_only = fields.Boolean(
        string="Human conduct",
        tracking=True,
        help="The rule is carried out by people on purpose (a duty description, "
        "etiquette, a business the company is not in): the software only "
        "documents it.",
    )
    manual_only_reason = fields.Char(
        string="Why human conduct",
        translate=True,
        tracking=True,
        help="One line: why no software carries this rule.",
    )
    mechanism_ids = fields.One2many(
        "dealer.manual.rule.mechanism", "rule_id", string="Enforced by"
    )
    mechanism_count = fields.Integer(
        string="Mechanisms", compute="_compute_mechanism_count", store=True
    )
    state = fields.Selection(
        [
            ("planned", "Not implemented yet"),
            *MECHANISM_KINDS,
            ("manual_only", "Human conduct"),
        ],
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
        help="Not implemented yet: no installed addon carries the rule yet. "
        "Enforced, recorded, reminded: the strongest mechanism of the installed "
        "addons. Human conduct: carried out by people, on purpose.",
    )
    has_check = fields.Boolean(
        string="Has a compliance check",
        compute="_compute_has_check",
        store=True,
        help="A mechanism of the rule counts its violations from the data.",
    )
    violation_count = fields.Integer(
        string="Violations",
        compute="_compute_violation_count",
        help="Violations the compliance checks find in the period (this quarter "
        "unless a period filter is chosen), in the companies you work in.",
    )
    carried_in = fields.Char(
        string="Carried in",
        compute="_compute_carried_in",
        help="The documents whose screens carry the rule, from its mechanisms.",
    )
    note = fields.Html(string="Notes")
    active = fields.Boolean(default=True, tracking=True)

    _sql_constraints = [
        ("code_unique", "unique (code)", "Each rule code of the manual is unique."),
    ]

    @api.depends("mechanism_ids")
    def _compute_mechanism_count(self):
        for rule in self:
            rule.mechanism_count = len(rule.mechanism_ids)

    @api.depends("mechanism_ids.check_method")
    def _compute_has_check(self):
        for rule in self:
            rule.has_check = any(rule.mechanism_ids.mapped("check_method"))

    def _compute_violation_count(self):
        """AUD-05: one call per compliance check of the rules shown (one query
        each), never one per rule."""
        mechanisms = self.filtered("has_check").mechanism_ids
        results = mechanisms._dealer_run_checks()
        counts = dict.fromkeys(self.ids, 0)
        for mechanism in mechanisms:
            if mechanism.id in results:
                counts[mechanism.rule_id.id] += results[mechanism.id][0]
        for rule in self:
            rule.violation_count = counts.get(rule.id, 0)

    @api.depends("mechanism_ids.screen_name")
    @api.depends_context("lang")
    def _compute_carried_in(self):
        for rule in self:
            names = rule.mechanism_ids.mapped("screen_name")
            rule.carried_in = ", ".join(dict.fromkeys(filter(None, names)))

    @api.depends("mechanism_ids.kind", "is_manual_only")
    def _compute_state(self):
        for rule in self:
            kinds = set(rule.mechanism_ids.mapped("kind"))
            rule.state = next(
                (kind for kind, _label in MECHANISM_KINDS if kind in kinds),
                "manual_only" if rule.is_manual_only else "planned",
            )

    @api.depends("code", "title")
    def _compute_display_name(self):
        for rule in self:
            rule.display_name = f"{rule.code} {rule.title or ''}".strip()

    @api.constrains("code", "area_id")
    def _check_code(self):
        for rule in self:
            match = RULE_CODE_RE.match(rule.code or "")
            if not match or match[1] != rule.area_id.code:
                raise ValidationError(
                    self.env._(
                        "Rule code %(code)s is not valid: the Code field takes "
                        "the area prefix (%(area)s), a dash and a number, "
                        "as in %(area)s-01.",
                        code=rule.code,
                        area=rule.area_id.code,
                    )
                )

    @api.constrains("is_manual_only", "manual_only_reason")
    def _check_manual_only_reason(self):
        for rule in self:
            if rule.is_manual_only and not has_words(rule.manual_only_reason):
                raise ValidationError(
                    self.env._(
                        "Rule %(code)s: a rule marked Human conduct needs its "
                        "reason in Why human conduct (AUD-05).",
                        code=rule.code,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_implemented(self):
        implemented = self.filtered("mechanism_ids")
        if implemented:
            raise UserError(
                self.env._(
                    "Rules %(codes)s are implemented by installed addons and cannot "
                    "be deleted; archive them instead.",
                    codes=", ".join(implemented.mapped("code")),
                )
            )

    # ------------------------------------------------------------------ AUD-05
    @api.model
    def _dealer_period(self, key=None, today=None):
        """(first day, last day) of a compliance period: this quarter (the
        default), last quarter, this year or last year, from the context key
        ``dealer_compliance_period`` that the rule list's filters set."""
        key = key or self.env.context.get("dealer_compliance_period")
        if key not in COMPLIANCE_PERIODS:
            key = "this_quarter"
        today = today or fields.Date.context_today(self)
        if key == "last_quarter":
            _key, start, end = period_of(today, 3)
            _key, start, end = period_of(start - relativedelta(days=1), 3)
        elif key == "this_year":
            start, end = date(today.year, 1, 1), date(today.year, 12, 31)
        elif key == "last_year":
            start, end = date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        else:
            _key, start, end = period_of(today, 3)
        return start, end

    def action_open_violations(self):
        """Open the records the rule's compliance checks find in the period
        (AUD-05): those of the first check that finds some."""
        self.ensure_one()
        mechanisms = self.mechanism_ids.filtered("check_method")
        results = mechanisms._dealer_run_checks()
        found = mechanisms.filtered(lambda m: m.id in results)
        if not found:
            raise UserError(
                self.env._(
                    "%(rule)s has no compliance check whose records you may read.",
                    rule=self.code,
                )
            )
        mechanism = (found.filtered(lambda m: results[m.id][0]) or found)[:1]
        return mechanism._dealer_violations_action(results[mechanism.id][1])
