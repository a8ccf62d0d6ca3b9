# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# AUD-02: purchasing, inventory, sales and after-sales (complaints included).
DEFAULT_AREAS = ("PUR", "STK", "SAL", "ASV", "CMP")


class ResCompany(models.Model):
    _inherit = "res.company"

    def _default_dealer_audit_area_ids(self):
        return self.env["dealer.manual.area"].search([("code", "in", DEFAULT_AREAS)])

    # AUD-02: what the quarterly comprehensive inspection covers.
    dealer_audit_area_ids = fields.Many2many(
        "dealer.manual.area",
        "dealer_audit_company_area_rel",
        "company_id",
        "area_id",
        string="Areas inspected every quarter",
        default=_default_dealer_audit_area_ids,
        help="The comprehensive inspection lists every rule of these areas of "
        "the manual (AUD-02).",
    )
    # AUD-03: thresholds that propose a special inspection, once per quarter.
    dealer_audit_rejection_percent = fields.Float(
        string="Receipt rejection rate above (%)",
        default=10.0,
        help="A product category whose receipts were rejected above this share "
        "of the counted quantity in the quarter gets a special quality "
        "inspection (AUD-03).",
    )
    dealer_audit_rejection_min_qty = fields.Float(
        string="Counted at least",
        default=10.0,
        help="The rejection rate of a category counts only from this quantity "
        "received in the quarter.",
    )
    dealer_audit_product_complaints = fields.Integer(
        string="Complaints about one product from",
        default=3,
        help="A product with at least this many complaints in the quarter gets "
        "a special quality inspection (AUD-03).",
    )
    dealer_audit_price_lines = fields.Integer(
        string="Sales lines below the approved price from",
        default=1,
        help="At least this many order lines sold below the approved price in "
        "the quarter propose a special price inspection (AUD-03).",
    )
    dealer_audit_finding_days = fields.Integer(
        string="Days to correct a finding",
        default=30,
        help="Default deadline of a finding's corrective action (AUD-04).",
    )

    @api.constrains(
        "dealer_audit_rejection_percent",
        "dealer_audit_rejection_min_qty",
        "dealer_audit_product_complaints",
        "dealer_audit_price_lines",
        "dealer_audit_finding_days",
    )
    def _check_dealer_audit_thresholds(self):
        for company in self:
            if not 0 < company.dealer_audit_rejection_percent <= 100:
                raise ValidationError(
                    self.env._(
                        "Receipt rejection rate above (%) is a percentage between "
                        "0 and 100 (AUD-03)."
                    )
                )
            if company.dealer_audit_rejection_min_qty < 0:
                raise ValidationError(
                    self.env._("Counted at least cannot be negative (AUD-03).")
                )
            if (
                company.dealer_audit_product_complaints < 1
                or company.dealer_audit_price_lines < 1
            ):
                raise ValidationError(
                    self.env._(
                        "Complaints about one product from and Sales lines below "
                        "the approved price from are at least 1 (AUD-03)."
                    )
                )
            if company.dealer_audit_finding_days < 1:
                raise ValidationError(
                    self.env._("Days to correct a finding is at least 1 (AUD-04).")
                )
