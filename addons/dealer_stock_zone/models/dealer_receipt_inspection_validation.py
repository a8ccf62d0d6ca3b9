# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup
from psycopg2 import OperationalError

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare, float_is_zero

from .dealer_receipt_inspection import SIGNATURES


class DealerReceiptInspection(models.Model):
    """Validation of an acceptance: what is still missing, and its result moves
    (STK-07 to STK-10)."""

    # One concern per file (issue 18: files under ~400 lines).
    _inherit = "dealer.receipt.inspection"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------- actions
    def action_validate(self):
        """Book the result: accepted quantities into stock, rejected ones into the
        non-conforming area, in one transaction (STK-09, STK-10)."""
        self.ensure_one()
        if not self.env.user.has_group("dealer_base.group_warehouse_user"):
            raise AccessError(
                self.env._(
                    "Only the Warehouse department validates acceptances (STK-07)."
                )
            )
        self._lock_for_validation()
        if not self.warehouse_inspector_id:
            # The warehouse member who validates signs for the warehouse.
            self._dealer_sign("warehouse")
        self._check_ready()
        self._create_result_moves()
        # Rights and rule checked above: the action books its own result.
        self._dealer_as_action().write(
            {
                "state": "done",
                "date_validated": fields.Datetime.now(),
                "validated_by_id": self.env.user.id,
                "joint_acceptance": self.company_id.dealer_purchasing_cosign_always,
            }
        )
        self.message_post(
            body=self.env._(
                "Acceptance validated: %(accepted)s accepted, %(rejected)s rejected.",
                accepted=self.qty_accepted,
                rejected=self.qty_rejected,
            )
        )
        # The moves are on move_ids; a recordset cannot travel back over RPC.
        return True

    # -------------------------------------------------------------- validation
    def _lock_for_validation(self):
        """Refuse a second validation, also when two users click at once."""
        self.flush_recordset(["state"])
        name = self.name  # read now: a refused lock aborts the transaction
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM dealer_receipt_inspection "
                    "WHERE id = %s AND state = 'draft' FOR UPDATE NOWAIT",
                    self.id,
                )
            )
        except OperationalError as error:
            raise UserError(
                self.env._("%s is being validated by someone else.", name)
            ) from error
        if not self.env.cr.fetchone():
            raise UserError(self.env._("%s is already validated or cancelled.", name))
        self.invalidate_recordset(["state"])

    def _dealer_problems(self, validating=False):
        """Everything that still stands between this acceptance and its
        validation, one sentence each (PUR-07, STK-07 to STK-10). The warehouse
        signature is missing only at validation time: the Warehouse user who
        validates signs for the warehouse."""
        self.ensure_one()
        problems = []
        required = ["technical_inspector_id"]
        if validating:
            required.insert(0, "warehouse_inspector_id")
        if self.purchasing_required:
            required.append("purchasing_inspector_id")
        missing = [
            self._fields[fname]._description_string(self.env)
            for fname in required
            if not self[fname]
        ]
        if missing:
            problems.append(
                self.env._(
                    "Signatures missing: %(fields)s (PUR-07: Warehouse, Technical "
                    "and Purchasing inspect together, each signing with their own "
                    "login; Purchasing signs every acceptance under the Joint "
                    "acceptance setting, and always on a discrepancy).",
                    fields=", ".join(missing),
                )
            )
        signers = [self[fname] for fname in SIGNATURES.values() if self[fname]]
        if len(signers) != len(set(signers)):
            problems.append(
                self.env._(
                    "One person signed for two departments; each department "
                    "signs with its own login (PUR-07)."
                )
            )
        if not self.line_ids:
            problems.append(self.env._("There is no line to accept."))
        problems += self.line_ids._dealer_problems()
        return problems

    @api.depends(
        "state",
        "technical_inspector_id",
        "purchasing_inspector_id",
        "warehouse_inspector_id",
        "purchasing_required",
        "company_id.dealer_check_spec_required",
        "company_id.dealer_check_appearance_required",
        "line_ids.qty_counted",
        "line_ids.qty_accepted",
        "line_ids.qty_rejected",
        "line_ids.spec_check",
        "line_ids.appearance_check",
        "line_ids.performance_check",
        "line_ids.reason_id",
        "line_ids.lot_id",
    )
    def _compute_missing_html(self):
        """The checklist of the form: what is still missing, live, before
        anyone presses Validate (STK-07)."""
        for inspection in self:
            problems = (
                inspection._dealer_problems() if inspection.state == "draft" else []
            )
            inspection.missing_count = len(problems)
            inspection.missing_html = (
                Markup("<ul class='mb-0'>%s</ul>")
                % Markup().join(Markup("<li>%s</li>") % p for p in problems)
                if problems
                else False
            )

    def _check_ready(self):
        """All the problems at once, in one message (STK-07)."""
        problems = self._dealer_problems(validating=True)
        if problems:
            raise ValidationError(
                self.env._(
                    "%(name)s cannot be validated yet:\n%(problems)s",
                    name=self.name,
                    problems="\n".join(f"- {problem}" for problem in problems),
                )
            )

    # ------------------------------------------------------------------- moves
    def _dealer_pending_location(self):
        """The pending-inspection area where the receipt's goods landed."""
        self.ensure_one()
        picking = self.picking_id
        landed = picking._dealer_arrived_lines().location_dest_id
        if picking.location_dest_id in landed or not landed:
            landed = picking.location_dest_id
        return landed.filtered(
            lambda location: location.dealer_zone_type == "pending_inspection"
        )[:1]

    def _create_result_moves(self):
        warehouse = self.warehouse_id
        pending = self._dealer_pending_location()
        if not pending:
            raise UserError(
                self.env._(
                    "Receipt %s did not land in a pending-inspection area.",
                    self.picking_id.name,
                )
            )
        supplier_location = self.picking_id.location_id
        nonconforming = warehouse.dealer_nonconforming_location_id
        corrections, results = [], []
        for line in self.line_ids:
            rounding = line.uom_rounding
            difference = line.qty_counted - line.qty_expected
            if float_compare(difference, 0, precision_rounding=rounding) > 0:
                # Over-delivery kept by purchasing's decision: book the extra units.
                corrections.append((line, supplier_location, pending, difference))
            elif float_compare(difference, 0, precision_rounding=rounding) < 0:
                # Short delivery: the missing units never arrived.
                corrections.append((line, pending, supplier_location, -difference))
            if not float_is_zero(line.qty_accepted, precision_rounding=rounding):
                results.append(
                    (line, pending, warehouse.lot_stock_id, line.qty_accepted)
                )
            if not float_is_zero(line.qty_rejected, precision_rounding=rounding):
                results.append((line, pending, nonconforming, line.qty_rejected))
        return self._done_moves(corrections) | self._done_moves(results)

    def _done_moves(self, transfers):
        """Create and finish at once the moves of (line, source, destination,
        quantity) tuples."""
        if not transfers:
            return self.env["stock.move"]
        # The action marks its moves as the acceptance's (a governed field), which
        # lets them take the goods out of the pending-inspection area.
        Move = self.env["stock.move"]._dealer_as_action()
        moves = Move.create(
            [
                line._prepare_move_vals(source, dest, quantity)
                for line, source, dest, quantity in transfers
            ]
        )
        moves._action_confirm()
        move_line_vals = []
        for move, (line, _source, _dest, quantity) in zip(
            moves, transfers, strict=True
        ):
            ml_vals = move._prepare_move_line_vals(quantity=quantity)
            ml_vals["lot_id"] = line.lot_id.id
            # Putaway chooses the common or special parts area (STK-02, STK-05).
            ml_vals["location_dest_id"] = move.location_dest_id._get_putaway_strategy(
                move.product_id, quantity=quantity
            ).id
            move_line_vals.append(ml_vals)
        self.env["stock.move.line"].create(move_line_vals)
        moves.picked = True
        moves._action_done()
        return moves
