# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.dealer_base.tools import DEPARTMENTS


class DealerArchiveItem(models.Model):
    """An entry of the archive ledger (档案台账, ADM-04): what is filed, on
    which medium, where, for how long, how confidential (ADM-06) and who keeps
    it. Entries are kept, never deleted; an item is lent through loans."""

    _name = "dealer.archive.item"
    _description = "Archive Item"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "date_filed desc, id desc"
    _check_company_auto = True

    _dealer_governed = {
        "code": "ADM-04",
        "state": "ADM-05",
        "res_model": "ADM-04",
        "res_id": "ADM-04",
    }
    _dealer_keep_rule = "ADM-04"

    code = fields.Char(
        string="Archive number", required=True, readonly=True, copy=False, default="/"
    )
    name = fields.Char(string="Title", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    medium = fields.Selection(
        [("paper", "Paper"), ("electronic", "Electronic")],
        required=True,
        default="paper",
        tracking=True,
    )
    category = fields.Selection(
        [
            ("official_document", "Official document"),
            ("minutes", "Meeting minutes"),
            ("contract", "Contract"),
            ("personnel", "Personnel file"),
            ("technical", "Technical file"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    department = fields.Selection(DEPARTMENTS, tracking=True)
    location = fields.Char(
        tracking=True, help="Cabinet, shelf and box, or the folder of the file."
    )
    retention_years = fields.Integer(
        string="Retention (years)", default=10, tracking=True
    )
    confidential = fields.Boolean(
        tracking=True,
        help="Confidential items are lent only with the Administration "
        "Manager's approval too (ADM-06).",
    )
    custodian_id = fields.Many2one(
        "res.users",
        string="Custodian",
        required=True,
        default=lambda self: self.env.user,
        check_company=True,
        tracking=True,
    )
    date_filed = fields.Date(
        string="Filed on", required=True, default=fields.Date.context_today
    )
    state = fields.Selection(
        [("filed", "Filed"), ("lent", "Lent")],
        default="filed",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    res_model = fields.Char(string="Source model", readonly=True, copy=False)
    res_id = fields.Many2oneReference(
        string="Source record", model_field="res_model", readonly=True, copy=False
    )
    loan_ids = fields.One2many("dealer.archive.loan", "item_id", string="Loans")

    @api.model_create_multi
    def create(self, vals_list):
        # The caller's values and context defaults pass the guard first: the
        # number, the state and the source are the ledger's own (ADM-04,
        # ADM-05), not what Administration types in a new entry.
        this = self._dealer_without_caller_defaults()
        this._dealer_check_governed_create(vals_list)
        for vals in vals_list:
            if vals.get("code", "/") == "/":
                vals["code"] = (
                    self.env["ir.sequence"].next_by_code("dealer.archive.item") or "/"
                )
        items = super(DealerArchiveItem, this._dealer_as_action()).create(vals_list)
        return items.with_env(self.env)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for item in self:
            item.display_name = f"[{item.code}] {item.name}"

    @api.model
    def _dealer_file(self, record, name, category, content=False, department=False):
        """File ``record`` (minutes, an issued document) in the ledger, once."""
        existing = self.sudo().search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)], limit=1
        )
        if existing:
            return existing
        company = "company_id" in record._fields and record.company_id
        # sudo: filed by the system for whoever closes the meeting or files
        # the document; only Administration edits the ledger by hand.
        item = self.sudo().create(
            {
                "name": name,
                "category": category,
                "medium": "electronic",
                "company_id": (company or self.env.company).id,
                "content": content,
                "department": department,
                "res_model": record._name,
                "res_id": record.id,
                "location": record.display_name,
            }
        )
        return item.sudo(False)

    def action_open_source(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
