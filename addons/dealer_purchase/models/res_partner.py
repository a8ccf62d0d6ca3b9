# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

QUALIFICATION_STATUS = [
    ("qualified", "Qualified"),
    ("expiring", "Expiring"),
    ("expired", "Expired"),
    ("not_qualified", "Not qualified"),
]


class ResPartner(models.Model):
    _inherit = ["res.partner", "dealer.governed.mixin"]
    _name = "res.partner"

    # A suspension is set by a grade D evaluation and lifted by its action only.
    _dealer_governed = {
        "dealer_supplier_suspended": "PUR-10",
        "dealer_suspension_reason": "PUR-10",
    }

    dealer_qualification_ids = fields.One2many(
        "dealer.supplier.qualification", "partner_id", string="Qualification documents"
    )
    dealer_qualification_status = fields.Selection(
        QUALIFICATION_STATUS,
        string="Qualification",
        compute="_compute_dealer_qualification_status",
        help="Qualified: every mandatory document is on file, verified and "
        "valid (PUR-09).",
    )
    dealer_qualification_issues = fields.Text(
        string="Qualification issues", compute="_compute_dealer_qualification_status"
    )
    dealer_supplier_suspended = fields.Boolean(
        string="Suspended",
        tracking=True,
        copy=False,
        readonly=True,
        help="Set by a grade D evaluation: no new purchase orders until the "
        "supplier is qualified again (PUR-10).",
    )
    dealer_suspension_reason = fields.Char(tracking=True, copy=False, readonly=True)
    dealer_evaluation_ids = fields.One2many(
        "dealer.supplier.evaluation", "partner_id", string="Evaluations"
    )
    dealer_last_grade = fields.Selection(
        related="dealer_evaluation_ids.grade", string="Last grade"
    )

    def _dealer_mandatory_document_types(self):
        """Mandatory documents for this supplier, by what it supplies."""
        self.ensure_one()
        types = self.env["dealer.supplier.document.type"].search(
            [("mandatory", "=", True)]
        )
        supplied = (
            self.env["product.supplierinfo"]
            .search([("partner_id", "=", self.commercial_partner_id.id)])
            .product_tmpl_id.categ_id
        )
        supplied_ids = {
            int(i) for i in "/".join(supplied.mapped("parent_path")).split("/") if i
        }
        return types.filtered(
            lambda t: not t.category_ids or set(t.category_ids.ids) & supplied_ids
        )

    def _dealer_qualification_problems(self, day=None):
        """(status, [sentences]) of this supplier on ``day`` (PUR-09)."""
        self.ensure_one()
        day = day or fields.Date.context_today(self)
        partner = self.commercial_partner_id
        documents = partner.dealer_qualification_ids
        rank = ["valid", "expiring", "unverified", "expired"]
        problems, kinds = [], set()
        for doc_type in partner._dealer_mandatory_document_types():
            states = [
                doc._dealer_state_on(day)
                for doc in documents.filtered(lambda d, t=doc_type: d.type_id == t)
            ]
            best = min(states, key=rank.index) if states else "missing"
            kinds.add(best)
            if best == "expired":
                problems.append(self.env._("%s has expired", doc_type.name))
            elif best == "unverified":
                problems.append(self.env._("%s is not verified yet", doc_type.name))
            elif best == "missing":
                problems.append(self.env._("%s is missing", doc_type.name))
        if problems:
            status = (
                "expired"
                if kinds <= {"expired", "valid", "expiring"}
                else "not_qualified"
            )
        else:
            status = "expiring" if "expiring" in kinds else "qualified"
        return status, problems

    def _compute_dealer_qualification_status(self):
        for partner in self:
            status, problems = partner._dealer_qualification_problems()
            partner.dealer_qualification_status = status
            partner.dealer_qualification_issues = "\n".join(problems)

    def _dealer_check_can_order(self):
        """PUR-09, PUR-10: refuse orders to unqualified or suspended suppliers."""
        self.ensure_one()
        partner = self.commercial_partner_id
        status, problems = partner._dealer_qualification_problems()
        if partner.dealer_supplier_suspended:
            problems.insert(
                0,
                self.env._(
                    "it is suspended: %s",
                    partner.dealer_suspension_reason or self.env._("no reason given"),
                ),
            )
        if problems:
            return self.env._(
                "Supplier %(supplier)s cannot be ordered from: %(problems)s "
                "(PUR-09, PUR-10).",
                supplier=partner.display_name,
                problems="; ".join(problems),
            )
        return False

    def action_dealer_reinstate(self):
        """Lift a suspension once the supplier is qualified again (PUR-10)."""
        if not self.env.user.has_group("dealer_base.group_purchasing_manager"):
            raise UserError(
                self.env._("Only a Purchasing Manager lifts a supplier suspension.")
            )
        for partner in self:
            status, problems = partner._dealer_qualification_problems()
            if problems:
                raise UserError(
                    self.env._(
                        "%(supplier)s is not qualified again yet: %(problems)s",
                        supplier=partner.display_name,
                        problems="; ".join(problems),
                    )
                )
            partner._message_log(
                body=plaintext2html(
                    self.env._(
                        "Suspension lifted by %s after re-qualification.",
                        self.env.user.name,
                    )
                )
            )
        self._dealer_as_action().write(
            {"dealer_supplier_suspended": False, "dealer_suspension_reason": False}
        )
        return True

    def _dealer_suspend(self, reason):
        """PUR-10: a grade D evaluation suspends the supplier (called by the
        evaluation's closing action, which checked the user's rights)."""
        self._dealer_as_action().write(
            {"dealer_supplier_suspended": True, "dealer_suspension_reason": reason}
        )
        for partner in self:
            partner._message_log(
                body=plaintext2html(
                    self.env._("Supplier suspended: %s (PUR-10).", reason)
                )
            )
