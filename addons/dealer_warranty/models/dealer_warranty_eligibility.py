# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ASV-21: which warranty covers a unit, and whether it covers a claim on a day
(dealer.warranty)."""

from odoo import api, fields, models
from odoo.tools import format_date


class DealerWarranty(models.Model):
    _inherit = "dealer.warranty"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ eligibility
    @api.model
    def _dealer_find(self, lot=None, product=None, partner=None, date=None):
        """The warranty that speaks for a unit: the newest non-void one that
        started on or before ``date``, else the newest one at all."""
        domain = []
        if lot:
            if isinstance(lot, str):
                domain.append(("lot_id.name", "=", lot.strip()))
                if product:
                    domain.append(("product_id", "=", product.id))
            else:
                domain.append(("lot_id", "=", lot.id))
        elif product:
            domain.append(("product_id", "=", product.id))
            if partner:
                domain.append(("partner_id", "=", partner.commercial_partner_id.id))
        else:
            return self.browse()
        candidates = self.search(domain, order="start_date desc, id desc")
        live = candidates.filtered(lambda w: w.state != "void")
        if date:
            started = live.filtered(lambda w: w.start_date <= date)
            live = started or live
        return live[:1] or candidates[:1]

    @api.model
    def check_eligibility(
        self, lot=None, product=None, partner=None, date=None, claim_type="repair"
    ):
        """Whether a claim is covered, for every addon that takes claims.

        :param lot: stock.lot record or serial number (string)
        :param product: product.product, for untracked products (with partner)
        :param partner: the customer making the claim
        :param date: day of the claim (default: today)
        :param claim_type: 'return', 'exchange' or 'repair'
        :return: dict with ``eligible`` (for claim_type), ``covered`` (in the
            warranty period), ``warranty_id``, ``windows`` and ``deadlines``
            per claim type, ``reasons`` (codes) and ``message`` (a sentence).
        """
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        warranty = self._dealer_find(
            lot=lot, product=product, partner=partner, date=date
        )
        if not warranty:
            serial = lot if isinstance(lot, str) else (lot.name if lot else "")
            return {
                "eligible": False,
                "covered": False,
                "warranty_id": False,
                "claim_type": claim_type,
                "windows": dict.fromkeys(("return", "exchange", "repair"), False),
                "deadlines": dict.fromkeys(("return", "exchange", "repair"), False),
                "reasons": ["unknown"],
                "message": (
                    self.env._(
                        "No warranty is recorded for serial %(serial)s: it was not "
                        "delivered by us, or not yet.",
                        serial=serial,
                    )
                    if serial
                    else self.env._(
                        "No warranty is recorded for %(product)s delivered to "
                        "%(partner)s.",
                        product=product.display_name if product else "",
                        partner=partner.display_name if partner else "",
                    )
                ),
            }
        return warranty._dealer_eligibility(date, claim_type, partner)

    def _dealer_claim_type_labels(self):
        Claim = self.env["dealer.warranty.claim"]
        return dict(Claim._fields["claim_type"]._description_selection(self.env))

    def _dealer_eligibility(self, date, claim_type, partner=None):
        self.ensure_one()
        _ = self.env._
        reasons, sentences = [], []
        deadlines = {
            "return": self.return_deadline,
            "exchange": self.exchange_deadline,
            "repair": self.end_date,
        }
        started = date >= self.delivery_date
        if not started:
            reasons.append("before_delivery")
            sentences.append(
                _(
                    "%(date)s is before the delivery on %(delivery)s.",
                    date=format_date(self.env, date),
                    delivery=format_date(self.env, self.delivery_date),
                )
            )
        if self.state == "void":
            reasons.append("void")
            sentences.append(
                _(
                    "Warranty %(name)s is void: %(reason)s",
                    name=self.name,
                    reason=self.void_reason or _("no reason given"),
                )
            )
        live = started and self.state != "void"
        windows = {
            kind: bool(live and deadline and date <= deadline)
            for kind, deadline in deadlines.items()
        }
        covered = windows["repair"]
        if live and not covered:
            reasons.append("expired")
            sentences.append(
                _(
                    "The warranty ended on %(end)s.",
                    end=format_date(self.env, self.end_date),
                )
            )
        elif live and not windows[claim_type]:
            reasons.append(f"{claim_type}_closed")
            deadline = format_date(self.env, deadlines[claim_type])
            sentences.append(
                _("The return window closed on %(deadline)s.", deadline=deadline)
                if claim_type == "return"
                else _("The exchange window closed on %(deadline)s.", deadline=deadline)
            )
        if partner and partner.commercial_partner_id != self.partner_id:
            reasons.append("other_customer")
            sentences.append(
                _(
                    "The unit was delivered to %(owner)s, not to %(partner)s.",
                    owner=self.partner_id.display_name,
                    partner=partner.commercial_partner_id.display_name,
                )
            )
        eligible = windows[claim_type] and not reasons
        if eligible or (live and covered and not sentences):
            open_windows = [
                _(
                    "%(kind)s until %(deadline)s",
                    kind=label,
                    deadline=format_date(self.env, deadlines[kind]),
                )
                for kind, label in self._dealer_claim_type_labels().items()
                if windows[kind]
            ]
            sentences.insert(
                0,
                _(
                    "Covered by %(name)s. Open: %(windows)s.",
                    name=self.name,
                    windows=", ".join(open_windows),
                ),
            )
        return {
            "eligible": eligible,
            "covered": covered,
            "warranty_id": self.id,
            "claim_type": claim_type,
            "windows": windows,
            "deadlines": deadlines,
            "reasons": reasons,
            "message": " ".join(sentences),
        }
