# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import has_words, policy_on, policy_records

REPAIR_RECORD_FIELDS = (
    "dealer_fault_cause",
    "dealer_repair_method",
    "dealer_repair_hours",
    "dealer_test_passed",
)

_lt = LazyTranslate(__name__)


class RepairOrder(models.Model):
    _inherit = ["repair.order", "dealer.warranty.guard", "dealer.decision.mixin"]
    _name = "repair.order"

    # Whether a repair is free (ASV-23) is decided from the warranty on the
    # claim date, or by a recorded decision: only the repair's own actions
    # change these, on every route.
    _dealer_governed = {
        "under_warranty": "ASV-23",
        "dealer_warranty_id": "ASV-23",
        "dealer_claim_date": "ASV-23",
        "dealer_warranty_claim_id": "ASV-20",
        "dealer_warranty_decision_user_id": "ASV-23",
        "dealer_warranty_decision_date": "ASV-23",
        "dealer_followup_date": "ASV-27",
        "dealer_followup_done_by_id": "ASV-27",
    }

    dealer_claim_date = fields.Date(
        string="Claim date",
        default=fields.Date.context_today,
        readonly=True,
        copy=False,
        help="The day the customer asked for the repair, set when the repair is "
        "recorded: the warranty is judged on this day.",
    )
    dealer_warranty_id = fields.Many2one(
        "dealer.warranty",
        string="Warranty",
        compute="_compute_dealer_warranty_id",
        store=True,
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    dealer_warranty_claim_id = fields.Many2one(
        "dealer.warranty.claim",
        string="Return / exchange request",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    dealer_warranty_message = fields.Char(
        compute="_compute_dealer_warranty_message", string="Warranty check"
    )
    dealer_warranty_covered = fields.Boolean(
        compute="_compute_dealer_warranty_message", string="In warranty"
    )
    # ASV-23: free inside the warranty, charged outside it; a deviation is a
    # recorded decision (who, when, why).
    under_warranty = fields.Boolean(
        compute="_compute_under_warranty", store=True, readonly=True, tracking=True
    )
    dealer_exclusion_id = fields.Many2one(
        "dealer.warranty.exclusion",
        string="Not covered because",
        tracking=True,
        copy=False,
        help="The exclusion that makes a repair inside the warranty period "
        "chargeable.",
    )
    dealer_warranty_override_reason = fields.Text(
        string="Free repair outside warranty because",
        groups="dealer_base.group_after_sales_manager",
        tracking=True,
        copy=False,
    )
    dealer_warranty_decision_user_id = fields.Many2one(
        "res.users",
        string="Charge decided by",
        readonly=True,
        copy=False,
        help="Who decided to charge a repair in warranty, or to repair free "
        "outside it.",
    )
    dealer_warranty_decision_date = fields.Datetime(
        string="Charge decided on", readonly=True, copy=False
    )
    # ASV-25, ASV-08, ASV-09: the repair record.
    dealer_fault_cause = fields.Text(string="Fault cause", tracking=True)
    dealer_repair_method = fields.Text(string="Repair method", tracking=True)
    dealer_repair_hours = fields.Float(string="Repair time (hours)", tracking=True)
    dealer_test_passed = fields.Boolean(
        string="Full test passed",
        tracking=True,
        help="A repaired product is tested in full; only a passed product is "
        "shipped (ASV-09).",
    )
    # ASV-27: return visit after the repair.
    dealer_followup_date = fields.Date(
        string="Follow-up due", readonly=True, copy=False
    )
    dealer_followup_result = fields.Selection(
        [("satisfied", "Satisfied"), ("unsatisfied", "Not satisfied")],
        string="Customer satisfaction",
        tracking=True,
        copy=False,
    )
    dealer_followup_comment = fields.Text(string="Follow-up comment", copy=False)
    dealer_followup_done_by_id = fields.Many2one(
        "res.users", string="Followed up by", readonly=True, copy=False
    )

    def _dealer_coverage_date(self):
        self.ensure_one()
        if self.dealer_warranty_claim_id:
            return self.dealer_warranty_claim_id.request_date
        return self.dealer_claim_date or fields.Date.context_today(self)

    def _dealer_warranty_settled(self):
        """Once confirmed, a repair keeps the warranty decision it was given."""
        self.ensure_one()
        return bool(self._origin.id) and self.state not in ("draft", False)

    @api.depends("lot_id", "product_id", "partner_id", "dealer_claim_date")
    def _compute_dealer_warranty_id(self):
        Warranty = self.env["dealer.warranty"]
        for repair in self:
            if repair._dealer_warranty_settled():
                continue
            if repair.dealer_warranty_claim_id:
                repair.dealer_warranty_id = repair.dealer_warranty_claim_id.warranty_id
                continue
            if not (repair.lot_id or (repair.product_id and repair.partner_id)):
                repair.dealer_warranty_id = False
                continue
            repair.dealer_warranty_id = Warranty._dealer_find(
                lot=repair.lot_id or None,
                product=repair.product_id,
                partner=repair.partner_id,
                date=repair._dealer_coverage_date(),
            )

    @api.depends("dealer_warranty_id", "lot_id", "partner_id")
    def _compute_dealer_warranty_message(self):
        for repair in self:
            result = repair._dealer_eligibility()
            # No warranty found gives an empty result, not a message to show.
            repair.dealer_warranty_message = result.get("message") or False
            repair.dealer_warranty_covered = bool(result.get("covered"))

    @api.depends("dealer_warranty_id", "dealer_claim_date")
    def _compute_under_warranty(self):
        for repair in self:
            if not policy_on(repair):
                # Off the manual, Under Warranty is the user's, as in Odoo.
                repair.under_warranty = repair.under_warranty
                continue
            # A recorded decision stands until another decision replaces it.
            if (
                repair._dealer_warranty_settled()
                or repair.dealer_warranty_decision_user_id
            ):
                continue
            result = repair._dealer_eligibility()
            repair.under_warranty = bool(result and result["covered"])

    def _dealer_eligibility(self):
        self.ensure_one()
        if not self.dealer_warranty_id:
            return {}
        return self.dealer_warranty_id._dealer_eligibility(
            self._dealer_coverage_date(), "repair"
        )

    @api.constrains("under_warranty", "dealer_exclusion_id", "dealer_warranty_id")
    def _check_dealer_under_warranty(self):
        for repair in policy_records(self):
            result = repair._dealer_eligibility()
            covered = bool(result and result["covered"])
            # sudo: the reason is a manager-only field, the invariant holds
            # whoever saves the repair.
            override = has_words(
                repair.sudo().dealer_warranty_override_reason
            ) and bool(repair.dealer_warranty_decision_user_id)
            if repair.under_warranty and not covered and not override:
                raise ValidationError(
                    self.env._(
                        "Repair %(name)s: Under Warranty needs a warranty that "
                        "covers the unit (%(check)s). Free repairs outside the "
                        "warranty need an After-sales Manager's reason (ASV-23).",
                        name=repair.name,
                        check=result.get("message") or self.env._("no warranty found"),
                    )
                )
            if covered and not repair.under_warranty and not repair.dealer_exclusion_id:
                raise ValidationError(
                    self.env._(
                        "Repair %(name)s: the unit is under warranty until %(end)s; "
                        "to charge the repair, name the exclusion that applies "
                        "in 'Not covered because' (ASV-23).",
                        name=repair.name,
                        end=format_date(self.env, repair.dealer_warranty_id.end_date),
                    )
                )

    @api.constrains("dealer_claim_date", "dealer_warranty_id")
    def _check_dealer_claim_date(self):
        """On every route, trusted ones too: the claim date of a serial is not
        before its delivery (ASV-23)."""
        for repair in policy_records(self).filtered("dealer_claim_date"):
            warranty = repair.dealer_warranty_id
            if (
                warranty
                and repair.lot_id
                and warranty.lot_id == repair.lot_id
                and repair.dealer_claim_date < warranty.delivery_date
            ):
                raise ValidationError(
                    self.env._(
                        "Repair %(name)s: Claim date %(date)s is before the "
                        "delivery of the unit on %(delivery)s (ASV-23).",
                        name=repair.name,
                        date=format_date(self.env, repair.dealer_claim_date),
                        delivery=format_date(self.env, warranty.delivery_date),
                    )
                )

    @api.constrains("dealer_repair_hours")
    def _check_dealer_repair_hours(self):
        for repair in policy_records(self):
            if repair.dealer_repair_hours < 0:
                raise ValidationError(
                    self.env._(
                        "Repair %(name)s: Repair time (hours) cannot be negative "
                        "(ASV-25).",
                        name=repair.name,
                    )
                )

    def _dealer_settled_fields(self):
        """What the repair's steps settled: the repair record once done
        (ASV-25, ASV-09), the reason of a standing charge decision (ASV-23),
        the follow-up once recorded (ASV-27)."""
        settled = {}
        closed = self.state in ("done", "cancel")
        if self.state == "done":
            settled.update(dict.fromkeys(REPAIR_RECORD_FIELDS, "ASV-25"))
        decided = bool(self.dealer_warranty_decision_user_id)
        if closed or (decided and not self.under_warranty):
            settled["dealer_exclusion_id"] = "ASV-23"
        if closed or (decided and self.under_warranty):
            settled["dealer_warranty_override_reason"] = "ASV-23"
        if self.dealer_followup_done_by_id:
            settled["dealer_followup_result"] = "ASV-27"
            settled["dealer_followup_comment"] = "ASV-27"
        return settled
