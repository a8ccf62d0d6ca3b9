# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from odoo.addons.dealer_base.tools import has_words

SCORES = [
    ("1", "1 - Poor"),
    ("2", "2"),
    ("3", "3 - Fair"),
    ("4", "4"),
    ("5", "5 - Excellent"),
]
GRADES = [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")]
SCORE_FIELDS = (
    "score_performance",
    "score_reliability",
    "score_durability",
    "score_service",
)
# The facts of the period, read from receipts, acceptances, orders and claims
# by 'Compute Facts' only (PUR-10, PUR-11).
FACT_FIELDS = (
    "receipt_count",
    "qty_received",
    "qty_rejected",
    "acceptance_rate",
    "on_time_rate",
    "price_variance",
    "claims_per_100",
    "breach_count",
    "facts_computed_on",
)
# What Purchasing enters, frozen once the evaluation is closed or cancelled.
JUDGED_FIELDS = (
    *SCORE_FIELDS,
    "comment",
    "partner_id",
    "company_id",
    "date_from",
    "date_to",
)
# The period and the supplier the facts were read for.
PERIOD_FIELDS = ("partner_id", "company_id", "date_from", "date_to")


class DealerSupplierEvaluation(models.Model):
    """Periodic quality evaluation of a supplier (PUR-10, PUR-11, PUR-16)."""

    _name = "dealer.supplier.evaluation"
    _description = "Supplier Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "date_from desc, partner_id"
    _check_company_auto = True

    _dealer_governed = dict(
        dict.fromkeys(FACT_FIELDS, "PUR-10"),
        price_variance="PUR-11",
        state="PUR-10",
        total_score="PUR-10",
        grade="PUR-10",
        evaluator_id="PUR-10",
        cancel_reason="PUR-10",
        name="PUR-10",
    )
    # Evaluations are the supplier's record: kept, cancelled with a reason.
    _dealer_keep_rule = "PUR-10"

    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    # Facts from receipts, acceptances, orders and requests of the period.
    receipt_count = fields.Integer(string="Receipts", readonly=True)
    qty_received = fields.Float(readonly=True, digits="Product Unit of Measure")
    qty_rejected = fields.Float(readonly=True, digits="Product Unit of Measure")
    acceptance_rate = fields.Float(string="Acceptance rate (%)", readonly=True)
    on_time_rate = fields.Float(string="On-time delivery (%)", readonly=True)
    price_variance = fields.Float(
        string="Price vs other suppliers (%)",
        readonly=True,
        help="Positive: dearer than the other suppliers of the same products "
        "over the period (PUR-11).",
    )
    claims_per_100 = fields.Float(
        string="Quality claims per 100 units",
        readonly=True,
        help="Customer requests whose inspection confirmed a quality problem, "
        "on the products received from this supplier (needs Dealer Warranty).",
    )
    breach_count = fields.Integer(string="Breaches", readonly=True)
    facts_computed_on = fields.Datetime(readonly=True)
    # Judgement of Purchasing.
    score_performance = fields.Selection(SCORES, string="Performance", tracking=True)
    score_reliability = fields.Selection(SCORES, string="Reliability", tracking=True)
    score_durability = fields.Selection(SCORES, string="Durability", tracking=True)
    score_service = fields.Selection(SCORES, string="Service", tracking=True)
    comment = fields.Text()
    total_score = fields.Float(compute="_compute_total_score", store=True)
    grade = fields.Selection(
        GRADES, compute="_compute_total_score", store=True, tracking=True
    )
    evaluator_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        (
            "period_unique",
            "UNIQUE(partner_id, company_id, date_from, date_to)",
            "This supplier already has an evaluation for this period.",
        ),
    ]

    @api.depends("partner_id", "date_from", "date_to")
    def _compute_name(self):
        for evaluation in self:
            evaluation.name = (
                f"{evaluation.partner_id.display_name or ''} "
                f"{evaluation.date_from or ''} – {evaluation.date_to or ''}"
            )

    @api.depends(
        "acceptance_rate",
        "on_time_rate",
        *SCORE_FIELDS,
        "company_id.dealer_evaluation_grade_a",
        "company_id.dealer_evaluation_grade_b",
        "company_id.dealer_evaluation_grade_c",
    )
    def _compute_total_score(self):
        """40% facts (acceptance and on-time rates), 60% Purchasing's scores."""
        for evaluation in self:
            # Settings apply forward: a closed evaluation keeps the grade it
            # was closed with (and the suspension it caused).
            if evaluation.id and evaluation._origin.state != "draft":
                continue
            scores = [
                int(evaluation[name]) for name in SCORE_FIELDS if evaluation[name]
            ]
            if len(scores) < len(SCORE_FIELDS):
                evaluation.total_score = 0.0
                evaluation.grade = False
                continue
            facts = (evaluation.acceptance_rate + evaluation.on_time_rate) / 2
            judgement = sum(scores) / len(scores) / 5 * 100
            total = round(0.4 * facts + 0.6 * judgement, 1)
            company = evaluation.company_id
            evaluation.total_score = total
            evaluation.grade = (
                "A"
                if total >= company.dealer_evaluation_grade_a
                else "B"
                if total >= company.dealer_evaluation_grade_b
                else "C"
                if total >= company.dealer_evaluation_grade_c
                else "D"
            )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for evaluation in self:
            if evaluation.date_to < evaluation.date_from:
                raise ValidationError(
                    self.env._(
                        "Evaluation %s: the period ends before it starts (PUR-10).",
                        evaluation.name,
                    )
                )

    def write(self, vals):
        if not self._dealer_is_trusted():
            closed = self.filtered(lambda e: e.state != "draft")
            for fname in set(vals) & set(JUDGED_FIELDS):
                if not all(
                    closed._dealer_same_value(rec, fname, vals[fname]) for rec in closed
                ):
                    raise UserError(
                        self.env._(
                            "Evaluation %(name)s is closed: its %(field)s is kept as "
                            "it was (PUR-10).",
                            name=closed[0].name,
                            field=self._fields[fname]._description_string(self.env),
                        )
                    )
        if set(vals) & set(PERIOD_FIELDS):
            # Another supplier or period: the facts are read again at closing.
            self._dealer_check_governed_write(vals)
            vals = dict(vals, facts_computed_on=False)
            return super(DealerSupplierEvaluation, self._dealer_as_action()).write(vals)
        return super().write(vals)

    def action_done(self):
        """Purchasing Manager closes the evaluation; grade D suspends (PUR-10)."""
        if not self.env.user.has_group("dealer_base.group_purchasing_manager"):
            raise UserError(
                self.env._("Only a Purchasing Manager closes an evaluation.")
            )
        for evaluation in self:
            missing = [
                evaluation._fields[name].get_description(self.env)["string"]
                for name in SCORE_FIELDS
                if not evaluation[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Evaluation %(name)s: score %(fields)s first (PUR-10).",
                        name=evaluation.name,
                        fields=", ".join(missing),
                    )
                )
            if evaluation.state != "draft":
                raise UserError(
                    self.env._("Evaluation %s is not a draft.", evaluation.name)
                )
            if not evaluation.facts_computed_on:
                evaluation.action_compute_facts()
            # The grade of the final facts and scores, before it is frozen.
            evaluation._recompute_recordset(["total_score", "grade"])
            evaluation._dealer_as_action().write(
                {"state": "done", "evaluator_id": self.env.user.id}
            )
            if evaluation.grade == "D":
                evaluation.partner_id.commercial_partner_id._dealer_suspend(
                    self.env._("grade D in evaluation %s", evaluation.name)
                )
        return True

    def action_draft(self):
        """Reopen a closed evaluation (a Purchasing Manager): its scores can be
        changed and it is closed again."""
        if not self.env.user.has_group("dealer_base.group_purchasing_manager"):
            raise UserError(
                self.env._("Only a Purchasing Manager reopens an evaluation.")
            )
        if any(evaluation.state != "done" for evaluation in self):
            raise UserError(self.env._("Only a closed evaluation is reopened."))
        self._dealer_as_action().write({"state": "draft", "evaluator_id": False})
        return True

    def action_cancel(self, reason=None):
        """A draft evaluation that should not be made is cancelled, with who and
        why; evaluations are never deleted (PUR-10)."""
        if reason is None:
            self.ensure_one()
            return self.env["dealer.purchase.reason.wizard"]._dealer_open(
                self, self.env._("Cancel Evaluation")
            )
        if not self.env.user.has_group("dealer_base.group_purchasing_manager"):
            raise UserError(
                self.env._("Only a Purchasing Manager cancels an evaluation.")
            )
        if any(evaluation.state != "draft" for evaluation in self):
            raise UserError(self.env._("Only a draft evaluation is cancelled."))
        if not has_words(reason):
            raise ValidationError(
                self.env._("Cancel evaluation: write the reason in words (PUR-10).")
            )
        self._dealer_as_action().write(
            {"state": "cancel", "cancel_reason": reason.strip()}
        )
        for evaluation in self:
            evaluation._message_log(
                body=plaintext2html(
                    self.env._(
                        "Cancelled by %(user)s: %(reason)s",
                        user=self.env.user.name,
                        reason=reason.strip(),
                    )
                )
            )
        return True
