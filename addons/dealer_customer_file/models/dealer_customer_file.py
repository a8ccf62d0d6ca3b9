# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import ServerToken

# Context key and token of a change of custody that records itself: the
# salesperson written on the customer by _dealer_apply_custody.
CUSTODY_KEY = "dealer_file_custody"
CUSTODY_TOKEN = ServerToken(CUSTODY_KEY)

ACCESS_BASES = [
    ("custodian", "Custodian"),
    ("salesperson", "Responsible salesperson"),
    ("grant", "Access grant"),
    ("none", "No access"),
]


class DealerCustomerFile(models.Model):
    """The customer register entry (CUS-08, CUS-13, CUS-14): who the customer
    is, its class, who keeps the file and who sells to it. Every internal user
    sees the register; the confidential content is the data card
    (dealer.customer.file.card), readable only by the custodians, the
    salesperson and holders of a live access grant (CUS-17 to CUS-22)."""

    _name = "dealer.customer.file"
    _description = "Customer File"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "name desc, id desc"
    _check_company_auto = True
    # Who reads the data card follows from these: only the file's own actions
    # change them (CUS-17, CUS-22); the customer's salesperson is guarded on
    # the customer (res.partner).
    _dealer_governed = {
        "name": "CUS-13",
        "partner_id": "CUS-22",
        "company_id": "CUS-22",
        "user_id": "CUS-22",
        "custodian_ids": "CUS-17",
        "customer_class": "CUS-09",
        "last_review_date": "CUS-09",
        "last_visit_date": "CUS-27",
    }
    _dealer_keep_rule = "CUS-08"

    name = fields.Char(
        string="File number", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True, tracking=True)
    user_id = fields.Many2one(
        related="partner_id.user_id",
        string="Salesperson",
        store=True,
        index=True,
        tracking=True,
    )
    customer_class = fields.Selection(
        related="partner_id.dealer_customer_class",
        string="Customer class",
        store=True,
    )
    custodian_ids = fields.Many2many(
        "res.users",
        "dealer_customer_file_custodian_rel",
        "file_id",
        "user_id",
        string="Custodians",
        tracking=True,
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("dealer_base.group_file_custodian").ids,
            )
        ],
    )
    card_ids = fields.One2many("dealer.customer.file.card", "file_id")
    request_ids = fields.One2many("dealer.customer.file.request", "file_id")
    grant_ids = fields.One2many("dealer.customer.file.grant", "file_id")
    review_ids = fields.One2many("dealer.customer.file.review", "file_id")
    visit_ids = fields.One2many("dealer.customer.file.visit", "file_id")
    request_count = fields.Integer(compute="_compute_counts")
    live_grant_count = fields.Integer(compute="_compute_counts")
    review_count = fields.Integer(compute="_compute_counts")
    visit_count = fields.Integer(compute="_compute_counts")
    access_basis = fields.Selection(
        ACCESS_BASES,
        string="Your access",
        compute="_compute_access_basis",
        help="Why you may, or may not, read this file's data card.",
    )
    access_until = fields.Datetime(
        string="Your access until", compute="_compute_access_basis"
    )
    last_review_date = fields.Date(
        compute="_compute_last_review_date", store=True, string="Last reviewed"
    )
    last_visit_date = fields.Date(
        compute="_compute_last_visit_date", store=True, string="Last visited"
    )

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "A customer has one customer file per company (CUS-08).",
        )
    ]

    def _compute_counts(self):
        def count(model, extra=()):
            groups = self.env[model]._read_group(
                [("file_id", "in", self.ids), *extra], ["file_id"], ["__count"]
            )
            return {file.id: total for file, total in groups}

        request_counts = count("dealer.customer.file.request")
        grants = count("dealer.customer.file.grant", [("state", "=", "active")])
        reviews = count("dealer.customer.file.review")
        visits = count("dealer.customer.file.visit")
        for file in self:
            file.request_count = request_counts.get(file.id, 0)
            file.live_grant_count = grants.get(file.id, 0)
            file.review_count = reviews.get(file.id, 0)
            file.visit_count = visits.get(file.id, 0)

    @api.depends_context("uid")
    @api.depends("custodian_ids", "user_id", "grant_ids.state", "grant_ids.date_end")
    def _compute_access_basis(self):
        bases = self._dealer_access_bases(self.env.user)
        for file in self:
            basis, until, _grant = bases.get(file.id, ("none", False, False))
            file.access_basis, file.access_until = basis, until

    @api.depends("review_ids.state", "review_ids.date_done")
    def _compute_last_review_date(self):
        for file in self:
            done = file.review_ids.filtered(lambda r: r.state == "done")
            file.last_review_date = max(done.mapped("date_done"), default=False)

    @api.depends("visit_ids.state", "visit_ids.date_visit")
    def _compute_last_visit_date(self):
        for file in self:
            done = file.visit_ids.filtered(lambda v: v.state == "done")
            dates = [fields.Date.to_date(d) for d in done.mapped("date_visit")]
            file.last_visit_date = max(dates, default=False)

    def _dealer_access_bases(self, user):
        """{file id: (basis, until, grant)} of ``user`` for these files, with
        one query for the grants: the same conditions as the data card's
        record rules (custodians in the custodian group, the customer's
        salesperson, a live grant whose end has not passed)."""
        grants = (
            self.env["dealer.customer.file.grant"]
            .sudo()  # the user may not read others' grants; only theirs count
            .search(
                [
                    ("file_id", "in", self.ids),
                    ("user_id", "=", user.id),
                    ("is_live", "=", True),
                ],
                order="date_end desc",
            )
        )
        live = {}
        for grant in grants:
            live.setdefault(grant.file_id.id, grant)
        custodian = user.has_group("dealer_base.group_file_custodian")
        result = {}
        for file in self.sudo():
            if custodian and user in file.custodian_ids:
                result[file.id] = ("custodian", False, False)
            elif user == file.user_id:
                result[file.id] = ("salesperson", False, False)
            elif file.id in live:
                grant = live[file.id]
                result[file.id] = ("grant", grant.date_end, grant.sudo(False))
        return result

    def _dealer_readers(self):
        """The users who read these files' data cards now."""
        # sudo: group members and others' grants are not readable by everyone;
        # only who they are is used, to choose who follows a card.
        custodians = self.env.ref("dealer_base.group_file_custodian").sudo().users
        files = self.sudo()
        grants = (
            self.env["dealer.customer.file.grant"]
            .sudo()
            .search([("file_id", "in", self.ids), ("is_live", "=", True)])
        )
        return (files.custodian_ids & custodians) | files.user_id | grants.user_id

    @api.model
    def _dealer_check_governed_create(self, vals_list):
        # A file is opened for a customer and a company (one each, CUS-08):
        # they are what the file is, given when it is opened; the rest is set
        # by the system.
        opening = {"partner_id", "company_id"}
        return super()._dealer_check_governed_create(
            [{k: v for k, v in vals.items() if k not in opening} for vals in vals_list]
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._dealer_check_governed_create(vals_list)
        companies = self.env["res.company"].browse(
            [vals.get("company_id") or self.env.company.id for vals in vals_list]
        )
        for vals, company in zip(vals_list, companies, strict=True):
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("dealer.customer.file")
                    or "/"
                )
            if "custodian_ids" not in vals and company.dealer_file_custodian_ids:
                vals["custodian_ids"] = [
                    fields.Command.set(company.dealer_file_custodian_ids.ids)
                ]
        # The number and the custodians are set here, after the caller's
        # values were checked.
        files = (
            super(DealerCustomerFile, self._dealer_as_action())
            .create(vals_list)
            .with_env(self.env)
        )
        # The card is created empty by the system: its creator may be neither
        # custodian nor salesperson, and its content is written by those who
        # are. Creating it subscribes nobody to it (CUS-22).
        self.env["dealer.customer.file.card"].sudo().with_context(
            mail_create_nosubscribe=True
        ).create([{"file_id": file.id} for file in files if not file.sudo().card_ids])
        files._dealer_mark_customers()
        return files

    def _dealer_mark_customers(self):
        """CUS-01, CUS-08: a partner with a customer file is one of the
        dealer's customers, listed under Sales > Customers (whose default
        filter is Odoo's customer rank) before its first invoice."""
        # sudo: whoever opens a file may not edit the partner; only the rank
        # that says "customer" is set, and never lowered.
        partners = self.sudo().partner_id.filtered(lambda p: not p.customer_rank)
        if partners:
            partners.write({"customer_rank": 1})

    def init(self):
        # Files opened before the rule above (and by data files) mark their
        # customers too; safe to run at every update.
        self.env.cr.execute(
            """
            UPDATE res_partner p SET customer_rank = 1
              FROM dealer_customer_file f
             WHERE f.partner_id = p.id AND COALESCE(p.customer_rank, 0) = 0
            """
        )

    @api.constrains("custodian_ids", "company_id")
    def _check_custodians(self):
        group = self.env.ref("dealer_base.group_file_custodian")
        for file in self:
            allowed = file.company_id.dealer_file_custodian_ids
            for user in file.custodian_ids:
                if group not in user.groups_id or (allowed and user not in allowed):
                    raise ValidationError(
                        self.env._(
                            "%(user)s may not keep customer files: custodians are "
                            "chosen among the company's customer file custodians "
                            "(Custodians field, CUS-17).",
                            user=user.name,
                        )
                    )

    @api.constrains("partner_id")
    def _check_partner(self):
        for file in self:
            if file.partner_id.parent_id:
                raise ValidationError(
                    self.env._(
                        "%s is a contact person: the customer file belongs to "
                        "its company (Customer field, CUS-08).",
                        file.partner_id.display_name,
                    )
                )

    # ------------------------------------------------------------------ actions
    def action_open_card(self):
        self.ensure_one()
        basis = self._dealer_access_bases(self.env.user).get(self.id)
        if not basis:
            raise UserError(
                self.env._(
                    "The data card of %s is confidential (CUS-22): only its "
                    "custodians, the responsible salesperson and holders of an "
                    "approved access request read it. Use Request Access (CUS-18).",
                    self.partner_id.display_name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.customer.file.card",
            "res_id": self.card_ids[:1].id,
            "view_mode": "form",
            "name": self.env._("Data Card"),
        }

    def action_request_access(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.customer.file.request",
            "view_mode": "form",
            "name": self.env._("Request Access"),
            "context": {"default_file_id": self.id},
        }

    def _dealer_open_related(self, model, name):
        action = {
            "type": "ir.actions.act_window",
            "res_model": model,
            "view_mode": "list,form",
            "name": name,
            "domain": [("file_id", "in", self.ids)],
            "context": {"default_file_id": self[:1].id},
        }
        return action

    def action_open_requests(self):
        return self._dealer_open_related(
            "dealer.customer.file.request", self.env._("Access Requests")
        )

    def action_open_grants(self):
        return self._dealer_open_related(
            "dealer.customer.file.grant", self.env._("Access Grants")
        )

    def action_open_reviews(self):
        return self._dealer_open_related(
            "dealer.customer.file.review", self.env._("Reviews")
        )

    def action_open_visits(self):
        return self._dealer_open_related(
            "dealer.customer.file.visit", self.env._("Visits")
        )
