# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""HRM-16, HRM-12, HRM-13: the KPI scheme of a department (or of one job in
it), set by the department's head: which KPIs appraise its people, with
weights totalling 100."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import float_compare


class DealerKpiScheme(models.Model):
    _name = "dealer.kpi.scheme"
    _description = "KPI Scheme"
    _inherit = ["mail.thread"]
    _order = "department_id, job_id, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department", required=True, check_company=True, tracking=True
    )
    job_id = fields.Many2one(
        "hr.job",
        string="Job",
        check_company=True,
        tracking=True,
        help="Only for this job; empty: for everybody in the department.",
    )
    line_ids = fields.One2many(
        "dealer.kpi.scheme.line", "scheme_id", string="KPIs", copy=True
    )
    weight_total = fields.Float(compute="_compute_weight_total")

    def init(self):
        # A department (or a job in it) has one KPI scheme (HRM-16).
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS dealer_kpi_scheme_scope "
            "ON dealer_kpi_scheme (department_id, COALESCE(job_id, 0)) "
            "WHERE active"
        )

    @api.depends("line_ids.weight")
    def _compute_weight_total(self):
        for scheme in self:
            scheme.weight_total = sum(scheme.line_ids.mapped("weight"))

    @api.constrains("line_ids")
    def _check_weights(self):
        for scheme in self:
            if float_compare(scheme.weight_total, 100.0, precision_digits=2):
                raise ValidationError(
                    self.env._(
                        "KPI scheme %(scheme)s: the weights add up to "
                        "%(total)s, not 100 (rule HRM-16).",
                        scheme=scheme.name,
                        total=scheme.weight_total,
                    )
                )

    def _dealer_check_head(self, departments):
        """HRM-16: the head of the department sets its scheme (general
        management and HR officers too)."""
        if self.env.su or self.env.user.has_group(
            "dealer_base.group_general_management"
        ):
            return
        if self.env.user.has_group("hr_appraisal_oca.group_appraisal_hr_officer"):
            return
        for department in departments:
            if department.manager_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "HRM-16: only the head of %(department)s sets its KPI "
                        "scheme.",
                        department=department.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        schemes = super().create(vals_list)
        self._dealer_check_head(schemes.department_id)
        return schemes

    def write(self, vals):
        self._dealer_check_head(self.department_id)
        res = super().write(vals)
        self._dealer_check_head(self.department_id)
        return res

    @api.model
    def _dealer_scheme_of(self, employee):
        """The scheme that appraises ``employee``: its job's, else its
        department's."""
        schemes = self.search(
            [
                ("department_id", "=", employee.department_id.id),
                ("job_id", "in", [employee.job_id.id, False]),
            ]
        )
        return schemes.filtered("job_id")[:1] or schemes[:1]


class DealerKpiSchemeLine(models.Model):
    _name = "dealer.kpi.scheme.line"
    _description = "KPI Scheme Line"
    _order = "scheme_id, sequence, id"

    scheme_id = fields.Many2one(
        "dealer.kpi.scheme", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    kpi_id = fields.Many2one(
        "dealer.kpi",
        string="KPI",
        required=True,
        domain="[('scope', '=', 'person'), ('unit', '=', 'percent')]",
    )
    weight = fields.Float(required=True, help="Share of the score, in percent.")

    _sql_constraints = [
        ("kpi_unique", "UNIQUE(scheme_id, kpi_id)", "A KPI appears once per scheme.")
    ]

    @api.constrains("kpi_id", "weight")
    def _check_kpi(self):
        for line in self:
            if line.weight <= 0:
                raise ValidationError(
                    self.env._(
                        "KPI %(kpi)s: a weight is positive (rule HRM-16).",
                        kpi=line.kpi_id.name,
                    )
                )
            if line.kpi_id.scope != "person" or line.kpi_id.unit != "percent":
                raise ValidationError(
                    self.env._(
                        "KPI %(kpi)s: a scheme scores people on percentages "
                        "(rule HRM-05).",
                        kpi=line.kpi_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self.env["dealer.kpi.scheme"]._dealer_check_head(lines.scheme_id.department_id)
        return lines

    def write(self, vals):
        schemes = self.scheme_id
        schemes._dealer_check_head(schemes.department_id)
        res = super().write(vals)
        (schemes | self.scheme_id)._check_weights()
        return res

    def unlink(self):
        schemes = self.scheme_id
        schemes._dealer_check_head(schemes.department_id)
        res = super().unlink()
        schemes.exists()._check_weights()
        return res
