# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .dealer_manual_rule_mechanism import MECHANISM_KINDS

RULE_CODE_RE = re.compile(r"^([A-Z]{3})-(\d{2,3})$")


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
        string="People only",
        tracking=True,
        help="The rule is carried out by people; the software only documents it.",
    )
    mechanism_ids = fields.One2many(
        "dealer.manual.rule.mechanism", "rule_id", string="Enforced by"
    )
    mechanism_count = fields.Integer(
        string="Mechanisms", compute="_compute_mechanism_count", store=True
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            *MECHANISM_KINDS,
            ("manual_only", "Manual only"),
        ],
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
        help="Planned: no installed addon implements the rule yet. Enforced, "
        "recorded, reminded: the strongest mechanism of the installed addons. "
        "Manual only: carried out by people.",
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
