# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The KPI engine (issue 21; HRM-05, HRM-12, HRM-13, HRM-18): KPI definitions,
and their values per company x KPI x period x person, computed set-wise from
the facts the addons hold. This file holds the definition; the refresh engine
is in dealer_kpi_refresh.py, the values in dealer_kpi_value.py.

Each addon ships its KPIs as ``dealer.kpi`` records naming a model; the value
comes from the hook ``_dealer_kpi_<code>`` of that model (code in lower case,
dashes as underscores), an ordinary method any addon may override. The hook is
called as ``hook(kpi, bounds)`` and returns either

- an ``SQL`` query whose rows are ``(company_id, user_id, numerator,
  denominator)``; it joins the relation ``bounds`` (one row per company:
  ``company_id``, ``date_from``, ``date_to`` the period's first and last day in
  the company's time zone, ``dt_from``, ``dt_to`` the UTC timestamps that bound
  those days, ``dt_to`` excluded, ``tz`` the time zone's name), so that one
  query serves every company and every person; or
- a list of such tuples (for small, Python-computed KPIs).

Rows of the same company and person are added up. ``user_id`` is NULL for a
company KPI. The engine writes them with one ``INSERT ... ON CONFLICT DO
UPDATE ... WHERE state != 'final'`` per KPI and period: running it twice, or
on two workers at once, gives the same rows, and a final value never changes.
"""

import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
KPI_UNITS = [
    ("percent", "Percent"),
    ("amount", "Amount"),
    ("count", "Count"),
]


class DealerKpi(models.Model):
    """A measured result the manual appraises staff on (HRM-05, HRM-12,
    HRM-13): what is counted, in which unit, which way is better, and per
    person or for the whole company."""

    _name = "dealer.kpi"
    _description = "KPI"
    _order = "sequence, code"

    code = fields.Char(
        required=True,
        help="Short technical code (upper case, digits and dashes): the hook "
        "_dealer_kpi_<code> of the model computes the KPI.",
    )
    name = fields.Char(required=True, translate=True)
    description = fields.Text(
        translate=True, help="How the KPI is counted, for the people it measures."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    rule_ids = fields.Many2many(
        "dealer.manual.rule",
        "dealer_kpi_manual_rule_rel",
        "kpi_id",
        "rule_id",
        string="Rules",
        help="The rules of the manual this KPI measures.",
    )
    unit = fields.Selection(
        KPI_UNITS,
        required=True,
        default="percent",
        help="Percent: 100 x numerator / denominator. Amount and Count: the "
        "numerator.",
    )
    direction = fields.Selection(
        [("higher", "Higher is better"), ("lower", "Lower is better")],
        required=True,
        default="higher",
    )
    scope = fields.Selection(
        [("person", "Per person"), ("company", "Per company")],
        required=True,
        default="person",
    )
    period_months = fields.Integer(
        string="Period (months)",
        default=3,
        required=True,
        help="Length of a period: 3 for quarters, 1 for months.",
    )
    window_days = fields.Integer(
        string="Window (days)",
        help="Parameter of the KPI, when it has one: the rework window, the "
        "days a repair may take...",
    )
    model = fields.Char(
        required=True,
        help="Technical name of the model whose hook computes the KPI.",
    )
    value_ids = fields.One2many("dealer.kpi.value", "kpi_id", string="Values")

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "A KPI code is used once."),
        ("period_positive", "CHECK(period_months > 0)", "Period must be positive."),
        ("window_positive", "CHECK(window_days >= 0)", "Window cannot be negative."),
    ]

    @api.constrains("code", "period_months")
    def _check_code(self):
        for kpi in self:
            if not CODE_RE.match(kpi.code or ""):
                raise ValidationError(
                    _(
                        "KPI code %(code)s: use upper-case letters, digits and "
                        "dashes (HRM-05).",
                        code=kpi.code,
                    )
                )
            if 12 % kpi.period_months:
                raise ValidationError(
                    _(
                        "KPI %(code)s: a period divides the year (1, 2, 3, 4, 6 "
                        "or 12 months).",
                        code=kpi.code,
                    )
                )

    # ------------------------------------------------------------------ hooks
    def _dealer_hook_name(self):
        self.ensure_one()
        return "_dealer_kpi_" + self.code.lower().replace("-", "_")

    def _dealer_hook(self):
        """The bound hook method, or ``None`` when its model or method is not
        installed (the KPI is then skipped, with a warning)."""
        self.ensure_one()
        if self.model not in self.env:
            return None
        return getattr(self.env[self.model], self._dealer_hook_name(), None)
