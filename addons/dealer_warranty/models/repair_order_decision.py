# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ASV-23: the charge decisions of a repair, and their compliance check
(repair.order)."""

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_date
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import has_words

_lt = LazyTranslate(__name__)


class RepairOrder(models.Model):
    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ decisions
    def _dealer_check_decision_allowed(self):
        self.check_access("write")
        for repair in self:
            if repair.state in ("done", "cancel"):
                raise UserError(
                    self.env._(
                        "Repair %(name)s is %(state)s: whether it is charged is "
                        "settled (ASV-23).",
                        name=repair.name,
                        state=dict(
                            repair._fields["state"]._description_selection(self.env)
                        )[repair.state],
                    )
                )

    def _dealer_record_decision(
        self, under_warranty, kind, reason, authors=None, **values
    ):
        """ASV-23: the charge decision, recorded (who, when, why, in the
        chatter too) and applied. ``authors`` may not take it: who took the
        repair in, for a free repair outside the warranty."""
        self.ensure_one()
        decision = self._dealer_decide(kind, "ASV-23", reason, authors=authors)
        values.update(
            under_warranty=under_warranty,
            dealer_warranty_decision_user_id=decision.decided_by_id.id,
            dealer_warranty_decision_date=decision.decided_on,
        )
        self._dealer_as_action().write(values)

    def action_dealer_charge(self):
        """Charge the repair (ASV-23): inside the warranty only for the
        exclusion that applies, named in 'Not covered because'."""
        self._dealer_check_decision_allowed()
        for repair in self.filtered("under_warranty"):
            result = repair._dealer_eligibility()
            covered = bool(result and result["covered"])
            if covered and not repair.dealer_exclusion_id:
                raise UserError(
                    self.env._(
                        "Repair %(name)s: the unit is under warranty until "
                        "%(end)s; to charge the repair, name the exclusion that "
                        "applies in 'Not covered because' first (ASV-23).",
                        name=repair.name,
                        end=format_date(self.env, repair.dealer_warranty_id.end_date),
                    )
                )
            if covered:
                reason = self.env._(
                    "Not covered because %s.",
                    repair.dealer_exclusion_id.display_name,
                )
            else:
                reason = self.env._("The unit is not under warranty.")
            repair._dealer_record_decision(False, "repair_charged", reason)
        return True

    def action_dealer_free(self):
        """Repair free of charge (ASV-23): inside the warranty it is the rule;
        outside it, an After-sales Manager's recorded decision with a reason,
        never by whoever took the repair in."""
        self._dealer_check_decision_allowed()
        for repair in self.filtered(lambda r: not r.under_warranty):
            result = repair._dealer_eligibility()
            if result and result["covered"]:
                repair._dealer_record_decision(
                    True,
                    "repair_free",
                    self.env._("The unit is under warranty: %s", result["message"]),
                    dealer_exclusion_id=False,
                )
                continue
            if not self.env.user.has_group("dealer_base.group_after_sales_manager"):
                raise UserError(
                    self.env._(
                        "Repair %(name)s: the unit is not under warranty "
                        "(%(check)s). Only an After-sales Manager decides a free "
                        "repair outside the warranty (ASV-23).",
                        name=repair.name,
                        check=result.get("message") or self.env._("no warranty found"),
                    )
                )
            if repair.sudo().create_uid == self.env.user:
                raise UserError(
                    self.env._(
                        "Repair %(name)s: you took this repair in; another "
                        "After-sales Manager decides whether it is free (ASV-23).",
                        name=repair.name,
                    )
                )
            reason = repair.sudo().dealer_warranty_override_reason
            if not has_words(reason):
                raise UserError(
                    self.env._(
                        "Repair %(name)s: write in words why it is free outside "
                        "the warranty first (ASV-23).",
                        name=repair.name,
                    )
                )
            repair._dealer_record_decision(
                True, "repair_free", reason, authors=repair.sudo().create_uid
            )
        return True

    # ------------------------------------------------------------------ AUD-05
    def _dealer_compliance_asv_23(self, companies, date_from, date_to):
        """ASV-23 compliance check (dealer_base registry): repairs claimed in
        the period that were charged inside the warranty period without an
        exclusion, or free outside it without a recorded decision. One query:
        the warranty's end date is compared in SQL."""
        self.env["repair.order"].flush_model(
            [
                "company_id",
                "state",
                "dealer_claim_date",
                "under_warranty",
                "dealer_warranty_id",
                "dealer_exclusion_id",
                "dealer_warranty_decision_user_id",
            ]
        )
        self.env["dealer.warranty"].flush_model(["end_date"])
        self.env.cr.execute(
            SQL(
                """
                SELECT r.id
                  FROM repair_order r
             LEFT JOIN dealer_warranty w ON w.id = r.dealer_warranty_id
                 WHERE r.company_id IN %(companies)s
                   AND r.state != 'cancel'
                   AND r.dealer_claim_date BETWEEN %(start)s AND %(end)s
                   AND ((NOT COALESCE(r.under_warranty, FALSE)
                         AND r.dealer_claim_date <= w.end_date
                         AND r.dealer_exclusion_id IS NULL)
                     OR (r.under_warranty
                         AND (w.id IS NULL OR r.dealer_claim_date > w.end_date)
                         AND r.dealer_warranty_decision_user_id IS NULL))
                """,
                companies=tuple(companies.ids) or (0,),
                start=date_from,
                end=date_to,
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        return {"count": len(ids), "domain": [("id", "in", ids)]}
