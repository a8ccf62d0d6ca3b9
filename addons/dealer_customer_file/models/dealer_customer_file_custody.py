# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CUS-08, CUS-17: who keeps a customer file (salesperson, custodians), how
that changes (with a reason, recorded in the file's chatter and the access
log), and who may change it."""

from markupsafe import Markup, escape

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError

from .dealer_customer_file import CUSTODY_KEY, CUSTODY_TOKEN


class DealerCustomerFile(models.Model):
    # One file per concern of the customer file (issue 18).
    _inherit = "dealer.customer.file"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ custody
    def _dealer_check_custody_change(
        self, user=None, custodians=None, partner=None, company=None
    ):
        """CUS-17, CUS-22: who reads a data card is changed by a Sales Manager
        or a custodian of the file (in the custodian group), never by someone
        giving themselves access. ``None`` means unchanged."""
        actor = self.env.user
        manager = actor.has_group("dealer_base.group_sales_manager")
        keeper = actor.has_group("dealer_base.group_file_custodian")
        for file in self.sudo():
            if not (manager or (keeper and actor in file.custodian_ids)):
                raise UserError(
                    self.env._(
                        "%(file)s: only a Sales Manager or a custodian of the file "
                        "changes its salesperson, custodians, customer or company "
                        "(CUS-17, CUS-22).",
                        file=file.display_name,
                    )
                )
            if user is not None:
                salesperson = user
            elif partner is not None:
                salesperson = partner.user_id
            else:
                salesperson = file.user_id
            keepers = file.custodian_ids if custodians is None else custodians
            reads_before = actor == file.user_id or (
                keeper and actor in file.custodian_ids
            )
            reads_after = actor == salesperson or (keeper and actor in keepers)
            if reads_after and not reads_before:
                raise UserError(
                    self.env._(
                        "%(file)s: you cannot give yourself access to a customer "
                        "file; another Sales Manager or a custodian makes the "
                        "change (CUS-22).",
                        file=file.display_name,
                    )
                )
            if salesperson and salesperson.share:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not an employee and cannot be the "
                        "salesperson of %(file)s (Salesperson, CUS-06).",
                        user=salesperson.name,
                        file=file.display_name,
                    )
                )

    def _dealer_custody_values(self):
        self.ensure_one()
        file = self.sudo()
        return {
            "partner": file.partner_id,
            "company": file.company_id,
            "salesperson": file.user_id,
            "custodians": file.custodian_ids,
        }

    def _dealer_record_custody_change(self, before, reason=False):
        """The change is posted in the file's chatter and written to the
        access log, with who made it."""
        labels = {
            "partner": self.env._("Customer"),
            "company": self.env._("Company"),
            "salesperson": self.env._("Salesperson"),
            "custodians": self.env._("Custodians"),
        }
        for file in self:
            after = file._dealer_custody_values()
            old = before[file.id]
            changes = [
                (
                    labels[key],
                    ", ".join(old[key].mapped("display_name")) or "-",
                    ", ".join(after[key].mapped("display_name")) or "-",
                )
                for key in labels
                if old[key] != after[key]
            ]
            if not changes:
                continue
            detail = "; ".join(
                f"{label}: {was} -> {now}" for label, was, now in changes
            )
            if reason:
                detail = f"{detail} ({reason})"
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._("Who reads the data card changed (CUS-22)."),
                Markup("").join(
                    Markup("<li>%s: %s &#8594; %s</li>") % (label, was, now)
                    for label, was, now in changes
                ),
            )
            if reason:
                body += Markup("<p>%s</p>") % escape(reason)
            # sudo: the change is the file's history, whoever made it (a Sales
            # Manager may not write on the file).
            file.sudo().message_post(
                body=body,
                subtype_xmlid="mail.mt_note",
                author_id=self.env.user.partner_id.id,
            )
            self.env["dealer.customer.file.access"]._dealer_log_change(file, detail)
        # Whoever lost sight of a card stops following it.
        self.sudo().card_ids._dealer_prune_followers()

    def _dealer_apply_custody(
        self, user=None, custodians=None, partner=None, company=None, reason=False
    ):
        """Apply a change of custody decided by an action (that checked it) or
        by the system, and record it."""
        before = {file.id: file._dealer_custody_values() for file in self}
        vals = {}
        if partner is not None:
            vals["partner_id"] = partner.id
        if company is not None:
            vals["company_id"] = company.id
        if custodians is not None:
            vals["custodian_ids"] = [fields.Command.set(custodians.ids)]
        if vals:
            self._dealer_as_action().write(vals)
        if user is not None:
            partners = self.sudo().partner_id.filtered(lambda p: p.user_id != user)
            # sudo: the customer's salesperson decides who reads the card; the
            # change was checked, and the actor may not edit the customer.
            partners.sudo().with_context(**{CUSTODY_KEY: CUSTODY_TOKEN}).write(
                {"user_id": user.id}
            )
            self.invalidate_recordset(["user_id"])
        self._dealer_record_custody_change(before, reason=reason)
        return True

    def _dealer_change_custody(
        self, user=None, custodians=None, partner=None, company=None, reason=False
    ):
        """CUS-17, CUS-22: a Sales Manager or a custodian of the file changes
        its salesperson, custodians, customer or company; recorded."""
        self._dealer_check_custody_change(
            user=user, custodians=custodians, partner=partner, company=company
        )
        return self._dealer_apply_custody(
            user=user,
            custodians=custodians,
            partner=partner,
            company=company,
            reason=reason,
        )

    def action_change_custody(self):
        self.ensure_one()
        self._dealer_check_custody_change()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.customer.file.custody",
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Change Custody"),
            "context": {"default_file_id": self.id},
        }
