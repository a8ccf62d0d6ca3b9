# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.dealer_base.tools import (
    GOVERNED_KEY,
    GOVERNED_TOKEN,
    policy_on,
    policy_records,
)

from .dealer_customer_file import CUSTODY_KEY, CUSTODY_TOKEN


class ResPartner(models.Model):
    _inherit = "res.partner"

    dealer_customer_file_ids = fields.One2many(
        "dealer.customer.file", "partner_id", string="Customer files"
    )
    dealer_customer_file_id = fields.Many2one(
        "dealer.customer.file",
        string="Customer file",
        compute="_compute_dealer_customer_file_id",
    )

    @api.depends("dealer_customer_file_ids")
    @api.depends_context("company")
    def _compute_dealer_customer_file_id(self):
        company = self.env.company
        for partner in self:
            files = partner.commercial_partner_id.dealer_customer_file_ids
            partner.dealer_customer_file_id = (
                files.filtered(lambda f: f.company_id == company) or files
            )[:1]

    def _dealer_ensure_customer_file(self):
        """CUS-01, CUS-08: every customer has a file in the current company,
        opened as soon as it is a customer."""
        commercial = self.commercial_partner_id
        # A company that does not run by the manual opens no customer files.
        if not commercial or not policy_on(self.env["dealer.customer.file"]):
            return self.env["dealer.customer.file"]
        company = self.env.company
        Files = self.env["dealer.customer.file"].with_context(active_test=False)
        existing = Files.search(
            [("partner_id", "in", commercial.ids), ("company_id", "=", company.id)]
        ).partner_id
        todo = commercial - existing
        if not todo:
            return Files.browse()
        # Opening the file is the system's duty, whoever created the customer
        # (a salesperson has no create right on files).
        return Files.sudo().create(
            [{"partner_id": partner.id, "company_id": company.id} for partner in todo]
        )

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered(lambda p: p.customer_rank > 0)._dealer_ensure_customer_file()
        return partners

    def write(self, vals):
        """CUS-22: a customer's salesperson reads its data card, so changing
        the salesperson of a customer that has a file is a change of custody:
        a Sales Manager or a custodian of the file makes it (not to give
        themselves access), and it is posted in the file's chatter and
        written to the access log, whatever the route."""
        if "user_id" not in vals:
            return super().write(vals)
        new_user = self.env["res.users"].browse(vals["user_id"] or [])
        files = (
            self.env["dealer.customer.file"]
            .sudo()  # whoever edits the customer may not see every file
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
            .filtered(lambda file: file.user_id != new_user)
        )
        files = policy_records(files)
        if not files:
            return super().write(vals)
        context = self.env.context
        recorded = context.get(CUSTODY_KEY) is CUSTODY_TOKEN
        trusted = recorded or self.env.su or context.get(GOVERNED_KEY) is GOVERNED_TOKEN
        if not trusted:
            files.with_env(self.env)._dealer_check_custody_change(user=new_user)
        before = {file.id: file._dealer_custody_values() for file in files}
        res = super().write(vals)
        files.invalidate_recordset(["user_id"])
        if not recorded:
            files.with_env(self.env)._dealer_record_custody_change(before)
        return res

    def _increase_rank(self, field, n=1):
        res = super()._increase_rank(field, n=n)
        if field == "customer_rank":
            self._dealer_ensure_customer_file()
        return res

    def action_dealer_open_customer_file(self):
        self.ensure_one()
        file = self.dealer_customer_file_id or self._dealer_ensure_customer_file()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.customer.file",
            "res_id": file.id,
            "view_mode": "form",
        }
