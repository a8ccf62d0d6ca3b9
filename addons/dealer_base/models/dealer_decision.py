# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The recorded decisions of the dealer addons (DESIGN: approvals).

Every decision the manual wants on record (an approval tier, a technical
review, a manager ordering from a supplier under review, a repair charged or
free against the warranty, a request accepted outside its window) is one row
here: which document, what was decided, by whom, when, why, under which rule,
and who asked for it. Rows are append-only: nobody writes or deletes them, and
they are created only by ``dealer.decision.mixin._dealer_decide`` (and
dealer_approval for tier reviews), after the deciding action checked the user.

A user reads a decision when they may read its document, like activities and
messages in core: the decisions of a confidential document stay with it.
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import ServerToken

DECISION_KEY = "dealer_decision"
DECISION_TOKEN = ServerToken("dealer_decision")


class DealerDecision(models.Model):
    _name = "dealer.decision"
    _description = "Recorded Decision"
    _order = "decided_on desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    res_model_id = fields.Many2one(
        "ir.model",
        string="Document Type",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    res_model = fields.Char(
        related="res_model_id.model", string="Document Model", store=True, index=True
    )
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True, readonly=True
    )
    document_name = fields.Char(
        string="Document",
        readonly=True,
        help="The document's name when the decision was taken.",
    )
    kind = fields.Selection(
        [("approval", "Approval tier")],
        string="Decision",
        required=True,
        readonly=True,
        index=True,
    )
    outcome = fields.Selection(
        [("approved", "Approved"), ("rejected", "Rejected")],
        required=True,
        readonly=True,
    )
    rule = fields.Char(
        readonly=True, help="The manual's rule the decision carries out."
    )
    reason = fields.Text(string="Why", readonly=True)
    requested_by_id = fields.Many2one(
        "res.users",
        string="Requested by",
        readonly=True,
        help="Who asked for the decision or prepared the document: never the "
        "one who decides.",
    )
    decided_by_id = fields.Many2one(
        "res.users", string="Decided by", required=True, readonly=True, index=True
    )
    decided_on = fields.Datetime(string="Decided on", required=True, readonly=True)

    @api.depends("kind", "document_name")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for decision in self:
            decision.display_name = (
                f"{kinds.get(decision.kind, '')}: {decision.document_name or ''}"
            )

    # ------------------------------------------------------------------ writes
    @api.model
    def _dealer_create(self, vals_list):
        """The only way in (``dealer.decision.mixin._dealer_decide``)."""
        # sudo: a decision is recorded by whoever decides; nobody writes it.
        return (
            self.sudo().with_context(**{DECISION_KEY: DECISION_TOKEN}).create(vals_list)
        )

    @api.model
    def _dealer_refuse_author(self, user, document, rule):
        """The manual's sign-off: who asked for a decision or prepared the
        document never takes it (ADM-25; each document names its rule)."""
        raise UserError(
            self.env._(
                "%(user)s asked for or prepared %(document)s and cannot decide it "
                "(rule %(rule)s): another person decides.",
                user=user.name,
                document=document.display_name,
                rule=rule,
            )
        )

    def _dealer_refuse(self):
        raise AccessError(
            self.env._(
                "Recorded decisions are kept as they were taken: they are recorded "
                "by the decision itself and never changed or deleted (rule ADM-25)."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get(DECISION_KEY) is not DECISION_TOKEN:
            self._dealer_refuse()
        return super().create(vals_list)

    def write(self, vals):
        if self:
            self._dealer_refuse()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        self._dealer_refuse()

    # ------------------------------------------------------------------ reads
    def _check_access(self, operation):
        """Read: the user may read the decision's document (as for activities
        in core). Other operations are refused above whatever the rights."""
        result = super()._check_access(operation)
        if operation != "read" or not self or self.env.su:
            return result
        decisions = self - result[0] if result else self
        by_document = defaultdict(lambda: defaultdict(list))
        for decision in decisions.sudo():
            by_document[decision.res_model][decision.res_id].append(decision.id)
        forbidden_ids = []
        for model, ids_by_doc in by_document.items():
            if model not in self.env:
                forbidden_ids += [i for ids in ids_by_doc.values() for i in ids]
                continue
            documents = self.env[model].browse(ids_by_doc)
            readable = set(documents.exists()._filtered_access("read")._ids)
            forbidden_ids += [
                i for doc, ids in ids_by_doc.items() if doc not in readable for i in ids
            ]
        if not forbidden_ids:
            return result
        forbidden = self.browse(forbidden_ids)
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, lambda: forbidden._make_access_error(operation))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """Only the decisions of documents the user may read (lists, counts,
        grouped reads and exports all search through here)."""
        if self.env.su:
            return super()._search(domain, offset, limit, order)
        # Filter first, then page: a page is never short of readable rows.
        query = super()._search(domain, 0, None, order)
        rows = self.env.execute_query(
            query.select(
                self._field_to_sql(self._table, "id"),
                self._field_to_sql(self._table, "res_model"),
                self._field_to_sql(self._table, "res_id"),
            )
        )
        ids_by_model = defaultdict(set)
        for __, model, res_id in rows:
            ids_by_model[model].add(res_id)
        readable = {}
        for model, res_ids in ids_by_model.items():
            if model not in self.env:
                readable[model] = set()
                continue
            documents = self.env[model].browse(res_ids).exists()
            readable[model] = set(documents._filtered_access("read")._ids)
        allowed = [id_ for id_, model, res_id in rows if res_id in readable[model]]
        end = offset + limit if limit else None
        return self.browse(allowed[offset:end])._as_query(order)

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
