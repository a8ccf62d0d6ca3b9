# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PUR-09: orders go to qualified suppliers, or a Purchasing Manager's
recorded decision (purchase.order), and its compliance check (AUD-05)."""

from odoo import models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.dealer_base.tools import has_words, period_datetimes, policy_records


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ PUR-09
    def _dealer_override_valid(self):
        """A recorded decision exists for this order's supplier."""
        self.ensure_one()
        return bool(
            self.dealer_override_user_id
            and self.dealer_override_partner_id == self.partner_id.commercial_partner_id
        )

    def _dealer_check_supplier(self):
        """PUR-09, PUR-10: an order is confirmed only to a qualified supplier
        that is not suspended, or with a Purchasing Manager's recorded decision.
        Holds for everyone: the decision is the way past it; not for a company
        off the manual (issue 18)."""
        for order in policy_records(self):
            problem = order.partner_id._dealer_check_can_order()
            if not problem or order._dealer_override_valid():
                continue
            raise UserError(
                self.env._(
                    "%(problem)s A Purchasing Manager other than the buyer may "
                    "decide to order anyway with 'Order Despite Qualification', "
                    "giving the reason.",
                    problem=problem,
                )
            )

    def action_dealer_override(self, reason=None):
        """PUR-09: a Purchasing Manager decides that this order goes to a supplier
        that is not qualified, and why. Without ``reason`` (the button), the
        dialogue asking for it opens."""
        self.ensure_one()
        if reason is None:
            return self.env["dealer.purchase.reason.wizard"]._dealer_open(
                self,
                self.env._("Order Despite Qualification"),
                self.dealer_supplier_problem,
            )
        if not self.env.user.has_group("dealer_base.group_purchasing_manager"):
            raise UserError(
                self.env._(
                    "Only a Purchasing Manager decides to order from a supplier "
                    "that is not qualified (PUR-09)."
                )
            )
        if self.state not in ("draft", "sent", "to approve"):
            raise UserError(
                self.env._(
                    "%s is no longer a request for quotation: there is nothing "
                    "to decide.",
                    self.name,
                )
            )
        problem = self.partner_id._dealer_check_can_order()
        if not problem:
            raise UserError(
                self.env._(
                    "%s can be ordered from: no decision is needed (PUR-09).",
                    self.partner_id.commercial_partner_id.display_name,
                )
            )
        if not has_words(reason):
            raise ValidationError(
                self.env._(
                    "Ordered despite qualification because: write the reason in "
                    "words (PUR-09)."
                )
            )
        reason = reason.strip()
        # Who decided, when and why: the suite's recorded decision, in the
        # chatter too; never who asked for the order (PUR-09, issue 16).
        decision = self._dealer_decide(
            "supplier_override",
            "PUR-09",
            self.env._(
                "%(reason)s\n(Supplier %(supplier)s: %(problem)s)",
                reason=reason,
                supplier=self.partner_id.commercial_partner_id.display_name,
                problem=problem,
            ),
            authors=self.user_id | self.create_uid,
        )
        self._dealer_as_action().write(
            {
                "dealer_qualification_override": reason,
                "dealer_override_user_id": decision.decided_by_id.id,
                "dealer_override_date": decision.decided_on,
                "dealer_override_partner_id": self.partner_id.commercial_partner_id.id,
            }
        )
        return True

    # ------------------------------------------------------------------ AUD-05
    def _dealer_compliance_pur_09(self, companies, date_from, date_to):
        """PUR-09 compliance check (dealer_base registry): orders confirmed in
        the period to a supplier that lacked, on the confirmation day, a
        verified and valid document of a mandatory type (of every supplier, or
        of a category it supplies), without a Purchasing Manager's decision for
        that supplier. One query."""
        start, end = period_datetimes(date_from, date_to)
        doc_type = self.env["dealer.supplier.document.type"]
        categories = doc_type._fields["category_ids"]
        for model, names in (
            ("purchase.order", ["company_id", "state", "date_approve", "partner_id"]),
            ("dealer.supplier.qualification", ["partner_id", "type_id"]),
            ("dealer.supplier.document.type", ["mandatory", "active", "category_ids"]),
        ):
            self.env[model].flush_model(names)
        self.env.cr.execute(
            SQL(
                """
                SELECT po.id
                  FROM purchase_order po
                  JOIN res_partner p ON p.id = po.partner_id
                 WHERE po.company_id IN %(companies)s
                   AND po.state IN ('purchase', 'done')
                   AND po.date_approve >= %(start)s AND po.date_approve < %(end)s
                   AND (po.dealer_override_user_id IS NULL
                        OR po.dealer_override_partner_id
                           != COALESCE(p.commercial_partner_id, p.id))
                   AND EXISTS (
                       SELECT 1
                         FROM dealer_supplier_document_type t
                        WHERE t.mandatory AND t.active
                          AND (NOT EXISTS (
                                   SELECT 1 FROM %(rel)s r WHERE r.%(col1)s = t.id)
                               OR EXISTS (
                                   SELECT 1
                                     FROM %(rel)s r
                                     JOIN product_category tc ON tc.id = r.%(col2)s
                                     JOIN product_supplierinfo si
                                       ON si.partner_id
                                          = COALESCE(p.commercial_partner_id, p.id)
                                     JOIN product_template pt
                                       ON pt.id = si.product_tmpl_id
                                     JOIN product_category pc ON pc.id = pt.categ_id
                                    WHERE r.%(col1)s = t.id
                                      AND pc.parent_path
                                          LIKE tc.parent_path || %(any)s))
                          AND NOT EXISTS (
                              SELECT 1
                                FROM dealer_supplier_qualification q
                               WHERE q.partner_id
                                     = COALESCE(p.commercial_partner_id, p.id)
                                 AND q.type_id = t.id
                                 AND q.verified_by_id IS NOT NULL
                                 AND q.date_from <= po.date_approve::date
                                 AND (q.date_to IS NULL
                                      OR q.date_to >= po.date_approve::date)))
                """,
                companies=tuple(companies.ids) or (0,),
                start=start,
                end=end,
                rel=SQL.identifier(categories.relation),
                col1=SQL.identifier(categories.column1),
                col2=SQL.identifier(categories.column2),
                any="%",
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        return {"count": len(ids), "domain": [("id", "in", ids)]}
