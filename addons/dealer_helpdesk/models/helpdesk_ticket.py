# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import has_words

from .selections import CHANNELS, SEVERITIES, TICKET_TYPES

ROOT_CAUSE_CATEGORIES = [
    ("product_quality", "Product quality"),
    ("supplier", "Supplier"),
    ("transport", "Transport"),
    ("installation", "Installation"),
    ("service", "Service"),
    ("usage", "Customer usage"),
    ("other", "Other"),
]

_lt = LazyTranslate(__name__)


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "rating.mixin", "dealer.governed.mixin"]
    _check_company_auto = True

    # Fields only the ticket's own actions change, on every route (dealer_base's
    # guard; the promise and its status are in helpdesk_ticket_promise.py, the
    # type in helpdesk_ticket_type.py). The warranty and the serial check are
    # computed from the serial; the outcome fields are set by the actions that
    # check what the rule needs (a diagnosis, a repair order, a shipment).
    _dealer_governed = {
        "dealer_warranty_id": "ASV-23",
        "dealer_serial_flag": "ASV-06",
        "dealer_resolution": "KNW-02",
        "dealer_warranty_claim_id": "ASV-20",
        "dealer_shipment_notified": "ASV-11",
    }
    # ASV-05, CMP-08: every request is recorded; a ticket is archived or
    # cancelled, never deleted.
    _dealer_keep_rule = "ASV-05"

    # helpdesk_mgmt's own channels, for tickets created by the email gateway
    # or the portal.
    _dealer_channel_by_xmlid = {
        "helpdesk_mgmt.helpdesk_ticket_channel_web": "online",
        "helpdesk_mgmt.helpdesk_ticket_channel_email": "email",
        "helpdesk_mgmt.helpdesk_ticket_channel_phone": "phone",
    }

    # Fields a ticket is given at intake, then governed (helpdesk_ticket_type.py).
    _dealer_intake_fields = ("dealer_ticket_type",)
    # The type is chosen at intake: a menu may open a form with it.
    _dealer_default_allowed = _dealer_intake_fields

    # ------------------------------------------------------------------ fields
    # Company consistency of helpdesk_mgmt's own links.
    partner_id = fields.Many2one(check_company=True)
    team_id = fields.Many2one(check_company=True)
    category_id = fields.Many2one(check_company=True)
    # A ticket is archived instead of deleted: the chatter says who and when.
    active = fields.Boolean(tracking=True)
    # ASV-05, KNW-01, KNW-03: what the request is, where it came from, how bad.
    dealer_ticket_type = fields.Selection(
        TICKET_TYPES,
        string="Ticket type",
        required=True,
        default="consultation",
        tracking=True,
        index=True,
    )
    dealer_channel = fields.Selection(
        CHANNELS,
        string="Received by",
        compute="_compute_dealer_channel",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="Follows helpdesk_mgmt's channel (email gateway, portal), and may be "
        "set by hand.",
    )
    dealer_severity = fields.Selection(
        SEVERITIES, string="Severity", default="normal", required=True, tracking=True
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        tracking=True,
        index="btree_not_null",
        check_company=True,
    )
    dealer_serial = fields.Char(
        string="Serial number",
        tracking=True,
        help="The serial number the customer gives; it is checked against our "
        "deliveries.",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial",
        compute="_compute_lot_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
    )
    dealer_usage_environment = fields.Text(
        string="Usage environment",
        help="Where and how the product is used: system, network, site (KNW-01).",
    )
    dealer_warranty_id = fields.Many2one(
        "dealer.warranty",
        string="Warranty",
        compute="_compute_dealer_warranty",
        store=True,
        index="btree_not_null",
    )
    dealer_serial_flag = fields.Selection(
        [
            ("ok", "Ours, sold to this customer"),
            ("unknown", "Not delivered by us"),
            ("other_customer", "Sold to another customer"),
        ],
        string="Serial check",
        compute="_compute_dealer_warranty",
        store=True,
        tracking=True,
    )
    # Live: the warranty check is made again each time the ticket is read.
    dealer_warranty_message = fields.Char(
        string="Warranty check", compute="_compute_dealer_warranty_message"
    )
    dealer_warranty_covered = fields.Boolean(
        string="In warranty", compute="_compute_dealer_warranty_message"
    )
    dealer_department = fields.Selection(
        related="team_id.dealer_department", store=True, string="Department"
    )
    # CMP-07, CMP-08: how a complaint ends.
    dealer_root_cause = fields.Text(string="Root cause", tracking=True)
    dealer_root_cause_category = fields.Selection(
        ROOT_CAUSE_CATEGORIES, string="Root cause category", tracking=True
    )
    dealer_supplier_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        compute="_compute_dealer_supplier_id",
        store=True,
        readonly=False,
        help="The supplier of the product, for the root-cause analysis.",
    )
    dealer_corrective_action = fields.Text(string="Corrective action", tracking=True)
    dealer_customer_confirmation = fields.Selection(
        [
            ("confirmed", "Customer confirmed the solution"),
            ("attempted", "Customer not reached (attempt recorded)"),
        ],
        string="Customer confirmation",
        tracking=True,
        copy=False,
    )
    dealer_confirmation_note = fields.Text(
        string="Confirmation note",
        copy=False,
        help="Who confirmed, or when and how the customer was tried.",
    )
    # KNW-02, ASV-04, ASV-06: diagnosis and how a fault is solved.
    dealer_diagnosis = fields.Text(string="Diagnosis", tracking=True)
    dealer_resolution = fields.Selection(
        [
            ("remote", "Solved remotely"),
            ("on_site", "On-site service"),
            ("repair", "Returned for repair"),
        ],
        string="Resolution",
        tracking=True,
        copy=False,
    )
    dealer_visit_parts = fields.Text(string="Parts to bring")
    dealer_visit_ids = fields.One2many(
        "calendar.event", "dealer_ticket_id", string="On-site visits"
    )
    dealer_visit_count = fields.Integer(compute="_compute_dealer_counts")
    dealer_repair_ids = fields.One2many(
        "repair.order", "dealer_ticket_id", string="Repair orders"
    )
    dealer_repair_count = fields.Integer(compute="_compute_dealer_counts")
    dealer_repair_state = fields.Char(
        string="Repair status", compute="_compute_dealer_repair_state"
    )
    # ASV-19, ASV-20: a return/exchange ticket becomes a dealer_warranty request,
    # checked there against its window and inspected before any outcome.
    dealer_warranty_claim_id = fields.Many2one(
        "dealer.warranty.claim",
        string="Return / exchange request",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    # ASV-11: the repaired unit on its way back.
    dealer_carrier = fields.Char(string="Carrier", tracking=True, copy=False)
    dealer_tracking_ref = fields.Char(
        string="Tracking number", tracking=True, copy=False
    )
    dealer_expected_arrival = fields.Date(
        string="Expected arrival", tracking=True, copy=False
    )
    dealer_shipment_notified = fields.Datetime(
        string="Customer told of shipment", readonly=True, copy=False
    )
    # ASV-12: installation needs an acknowledged technical handover.
    dealer_handover_ids = fields.One2many(
        "dealer.helpdesk.handover", "ticket_id", string="Technical handovers"
    )
    dealer_handover_done = fields.Boolean(
        string="Handover acknowledged", compute="_compute_dealer_handover_done"
    )
    # ASV-14, ASV-16: training with attendees and an assessment.
    dealer_training_attendee_ids = fields.Many2many(
        "res.partner",
        "dealer_helpdesk_ticket_training_partner_rel",
        "ticket_id",
        "partner_id",
        string="Attendees",
    )
    dealer_training_mode = fields.Selection(
        [("on_site", "On site"), ("online", "Online"), ("mixed", "On site and online")],
        string="Training format",
    )
    dealer_assessment_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")],
        string="Assessment result",
        tracking=True,
        copy=False,
    )
    dealer_assessment_note = fields.Text(string="Assessment note", copy=False)
    # KNW-04: articles for this product or category.
    dealer_article_ids = fields.Many2many(
        "dealer.helpdesk.article",
        string="Suggested articles",
        compute="_compute_dealer_article_ids",
    )

    # ---------------------------------------------------------------- computes
    @api.depends("channel_id")
    def _compute_dealer_channel(self):
        by_channel = {}
        for xmlid, value in self._dealer_channel_by_xmlid.items():
            channel = self.env.ref(xmlid, raise_if_not_found=False)
            if channel:
                by_channel[channel.id] = value
        for ticket in self:
            ticket.dealer_channel = (
                by_channel.get(ticket.channel_id.id) or ticket.dealer_channel or "phone"
            )

    @api.depends("dealer_serial", "product_id")
    def _compute_lot_id(self):
        for ticket in self:
            serial = (ticket.dealer_serial or "").strip()
            if not serial:
                continue
            domain = [
                ("name", "=", serial),
                ("company_id", "in", [ticket.company_id.id, False]),
            ]
            if ticket.product_id:
                domain.append(("product_id", "=", ticket.product_id.id))
            lot = self.env["stock.lot"].search(domain, limit=1)
            if lot or ticket.lot_id.name != serial:
                ticket.lot_id = lot

    def _dealer_eligibility(self):
        self.ensure_one()
        serial = self.lot_id or (self.dealer_serial or "").strip() or None
        if not (serial or (self.product_id and self.partner_id)):
            return False
        received = self.dealer_received_date or self.create_date
        # The day the customer called, in the company's time zone (warranties
        # are dated by the local day of their delivery), else the user's.
        tz = self.company_id.partner_id.tz or self.env.user.tz or "UTC"
        day = (
            fields.Date.context_today(self.with_context(tz=tz), received)
            if received
            else None
        )
        return self.env["dealer.warranty"].check_eligibility(
            lot=serial,
            product=self.product_id or None,
            partner=self.partner_id or None,
            date=day,
            claim_type="repair",
        )

    @api.depends("lot_id", "dealer_serial", "product_id", "partner_id")
    def _compute_dealer_warranty(self):
        for ticket in self:
            result = ticket._dealer_eligibility()
            if not result:
                ticket.dealer_warranty_id = False
                ticket.dealer_serial_flag = False
                continue
            ticket.dealer_warranty_id = result["warranty_id"]
            reasons = result["reasons"]
            if not (ticket.lot_id or ticket.dealer_serial):
                ticket.dealer_serial_flag = False
            elif "unknown" in reasons:
                ticket.dealer_serial_flag = "unknown"
            elif "other_customer" in reasons:
                ticket.dealer_serial_flag = "other_customer"
            else:
                ticket.dealer_serial_flag = "ok"

    @api.depends("dealer_warranty_id", "lot_id", "dealer_serial", "partner_id")
    def _compute_dealer_warranty_message(self):
        for ticket in self:
            result = ticket._dealer_eligibility()
            ticket.dealer_warranty_message = result and result["message"]
            ticket.dealer_warranty_covered = bool(result and result["covered"])

    @api.depends("product_id")
    def _compute_dealer_supplier_id(self):
        for ticket in self:
            if ticket.product_id:
                ticket.dealer_supplier_id = ticket.product_id.seller_ids[:1].partner_id

    @api.depends("dealer_visit_ids", "dealer_repair_ids")
    def _compute_dealer_counts(self):
        for ticket in self:
            ticket.dealer_visit_count = len(ticket.dealer_visit_ids)
            ticket.dealer_repair_count = len(ticket.dealer_repair_ids)

    @api.depends("dealer_repair_ids.state")
    def _compute_dealer_repair_state(self):
        for ticket in self:
            repair = ticket.dealer_repair_ids.sorted("id")[-1:]
            ticket.dealer_repair_state = (
                dict(repair._fields["state"]._description_selection(self.env)).get(
                    repair.state
                )
                if repair
                else False
            )

    @api.depends("dealer_handover_ids.state")
    def _compute_dealer_handover_done(self):
        for ticket in self:
            ticket.dealer_handover_done = (
                "acknowledged" in ticket.dealer_handover_ids.mapped("state")
            )

    @api.depends("product_id", "category_id")
    def _compute_dealer_article_ids(self):
        Article = self.env["dealer.helpdesk.article"]
        for ticket in self:
            domain = ticket._dealer_article_domain()
            ticket.dealer_article_ids = (
                Article.search(domain, limit=10) if domain else Article
            )

    def _dealer_article_domain(self):
        """KNW-04: articles of the same product, product category or ticket
        category."""
        self.ensure_one()
        parts = []
        if self.product_id:
            parts.append([("product_id", "=", self.product_id.id)])
            parts.append(
                [
                    ("product_id", "=", False),
                    ("product_categ_id", "=", self.product_id.categ_id.id),
                ]
            )
        if self.category_id:
            parts.append([("category_id", "=", self.category_id.id)])
        if not parts:
            return []
        domain = ["|"] * (len(parts) - 1)
        for part in parts:
            domain += ["&"] * (len(part) - 1) + part
        return domain

    # ------------------------------------------------------------- constrains
    @api.constrains("stage_id", "dealer_ticket_type")
    def _check_dealer_handover(self):
        """ASV-12: no installation work before the installer acknowledged the
        technical handover."""
        for ticket in self:
            stage = ticket.stage_id
            if (
                ticket.dealer_ticket_type == "installation"
                and stage
                and not stage.unattended
                and not stage.closed
                and not ticket.dealer_handover_done
            ):
                raise ValidationError(
                    self.env._(
                        "ASV-12: installation %(ticket)s cannot move to "
                        "%(stage)s before the installer acknowledged a "
                        "Technical handover.",
                        ticket=ticket.display_name,
                        stage=stage.name,
                    )
                )

    @api.constrains("dealer_expected_arrival", "dealer_received_date")
    def _check_dealer_expected_arrival(self):
        """ASV-11, bad input: the unit cannot arrive before the request came in."""
        for ticket in self.filtered("dealer_expected_arrival"):
            received = fields.Date.to_date(
                ticket.dealer_received_date or ticket.create_date
            )
            if received and ticket.dealer_expected_arrival < received:
                raise ValidationError(
                    self.env._(
                        "%(field)s of %(ticket)s cannot be before the day the "
                        "request was received, %(day)s (ASV-11).",
                        field=self._fields[
                            "dealer_expected_arrival"
                        ]._description_string(self.env),
                        ticket=ticket.display_name,
                        day=received,
                    )
                )

    # -------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        Company = self.env["res.company"]
        for vals in vals_list:
            ticket_type = vals.get("dealer_ticket_type") or self.default_get(
                ["dealer_ticket_type"]
            ).get("dealer_ticket_type", "consultation")
            company = Company.browse(vals.get("company_id")) or self.env.company
            # CMP-03, ASV-01: route to the team of the responsible department.
            if not vals.get("team_id"):
                team = company._dealer_hd_team(ticket_type)
                if team:
                    vals["team_id"] = team.id
        # CMP-02: the promise is computed on creation (_compute_dealer_promise).
        tickets = super().create(vals_list)
        tickets._dealer_send_acknowledgement()
        return tickets

    # ------------------------------------------------------------------ emails
    def _dealer_send_acknowledgement(self):
        """CMP-02: the customer gets the promised time by email. Queued, so a
        mail failure never loses the ticket."""
        template = self.env.ref(
            "dealer_helpdesk.mail_template_ticket_acknowledgement",
            raise_if_not_found=False,
        )
        if not template:
            return
        for ticket in self.filtered(lambda t: t.partner_id.email or t.partner_email):
            try:
                with self.env.cr.savepoint():
                    template.send_mail(ticket.id, force_send=False)
            except (UserError, ValueError) as error:
                # The ticket is kept; the agent tells the customer instead.
                ticket._dealer_acknowledgement_failed(error)

    def _dealer_acknowledgement_failed(self, error):
        self.ensure_one()
        self.message_post(
            body=self.env._(
                "The acknowledgement email could not be prepared (%(error)s): tell "
                "the customer the promised time by phone.",
                error=str(error),
            ),
            subtype_xmlid="mail.mt_note",
        )
        self.activity_schedule(
            "mail.mail_activity_data_call",
            user_id=(self.user_id or self.env.user).id,
            summary=_lt("Tell the customer the promised time"),
        )

    # ----------------------------------------------------------------- actions
    def action_solve_remotely(self):
        """KNW-02: solved at once, with the diagnosis that says how."""
        self.check_access("write")
        for ticket in self:
            if not has_words(ticket.dealer_diagnosis):
                raise UserError(
                    self.env._(
                        "KNW-02: write the Diagnosis of %(ticket)s before solving "
                        "it remotely.",
                        ticket=ticket.display_name,
                    )
                )
        self._dealer_as_action().write({"dealer_resolution": "remote"})

    def _dealer_visit_address(self):
        self.ensure_one()
        partner = self.partner_id
        if not partner:
            return False
        return partner._display_address(without_company=False).replace("\n", ", ")

    def action_schedule_visit(self):
        """ASV-04, ASV-06, ASV-13: an on-site visit in the technician's calendar
        with the customer's address and the parts to bring."""
        self.ensure_one()
        self.check_access("write")
        technician = self.user_id or self.env.user
        start = fields.Datetime.now().replace(minute=0, second=0) + timedelta(days=1)
        partners = technician.partner_id | self.partner_id
        event = self.env["calendar.event"].create(
            {
                "name": self.env._(
                    "On-site service: %(ticket)s", ticket=self.display_name
                ),
                "start": start,
                "stop": start + timedelta(hours=2),
                "user_id": technician.id,
                "partner_ids": [Command.set(partners.ids)],
                "location": self._dealer_visit_address(),
                "dealer_ticket_id": self.id,
                "dealer_parts_to_bring": self.dealer_visit_parts,
                "description": self.dealer_diagnosis or False,
                "res_model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                "res_id": self.id,
            }
        )
        self._dealer_as_action().write({"dealer_resolution": "on_site"})
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": event.id,
            "view_mode": "form",
        }

    def _prepare_dealer_repair_vals(self):
        self.ensure_one()
        vals = {
            "product_id": self.product_id.id,
            "lot_id": self.lot_id.id,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "dealer_ticket_id": self.id,
            "internal_notes": self.dealer_diagnosis or False,
            # ASV-23: the warranty is judged on the day the customer called.
            "dealer_claim_date": fields.Date.to_date(
                self.dealer_received_date or self.create_date
            ),
        }
        if self.user_id:
            vals["user_id"] = self.user_id.id
        return vals

    def action_create_repair(self):
        """ASV-06, ASV-07: the unit comes back for repair; the warranty decides
        whether the repair is charged (dealer_warranty)."""
        self.ensure_one()
        if not self.product_id:
            raise UserError(
                self.env._(
                    "ASV-06: set the Product of %(ticket)s before creating a repair "
                    "order.",
                    ticket=self.display_name,
                )
            )
        if self.product_id.tracking != "none" and not self.lot_id:
            raise UserError(
                self.env._(
                    "ASV-06: the Serial number of %(ticket)s is not one of ours; "
                    "find the unit's serial before creating a repair order.",
                    ticket=self.display_name,
                )
            )
        self.check_access("write")
        # The claim date is the ticket's received date, which only the ticket
        # decides (CMP-02): the repair takes it as the ticket's action.
        repair = (
            self._dealer_as_action()
            .env["repair.order"]
            .create(self._prepare_dealer_repair_vals())
        )
        self._dealer_as_action().write({"dealer_resolution": "repair"})
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "res_id": repair.id,
            "view_mode": "form",
        }

    def action_create_warranty_claim(self):
        """ASV-19, ASV-20: hand a return or exchange to dealer_warranty, judged on
        the day the customer asked."""
        self.ensure_one()
        if not (self.lot_id or (self.product_id and self.partner_id)):
            raise UserError(
                self.env._(
                    "ASV-20: set the Product and Customer, or a Serial number of "
                    "ours, on %(ticket)s before creating a return request.",
                    ticket=self.display_name,
                )
            )
        self.check_access("write")
        # The request date is the ticket's received date (CMP-02), which the
        # caller cannot choose: the request takes it as the ticket's action.
        claim = (
            self._dealer_as_action()
            .env["dealer.warranty.claim"]
            .create(
                {
                    "lot_id": self.lot_id.id,
                    "product_id": self.product_id.id or self.lot_id.product_id.id,
                    "partner_id": self.partner_id.commercial_partner_id.id,
                    "request_date": fields.Date.to_date(
                        self.dealer_received_date or self.create_date
                    ),
                    "description": self.name,
                    "company_id": self.company_id.id,
                }
            )
        )
        self._dealer_as_action().write({"dealer_warranty_claim_id": claim.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.warranty.claim",
            "res_id": claim.id,
            "view_mode": "form",
        }

    def action_notify_shipment(self):
        """ASV-10, ASV-11: the customer learns the carrier, tracking number and
        expected arrival of the repaired unit."""
        template = self.env.ref("dealer_helpdesk.mail_template_ticket_shipment")
        self.check_access("write")
        for ticket in self:
            missing = [
                ticket._fields[name].get_description(self.env)["string"]
                for name in (
                    "dealer_carrier",
                    "dealer_tracking_ref",
                    "dealer_expected_arrival",
                )
                if not ticket[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "ASV-11: %(ticket)s needs %(fields)s before the customer is "
                        "told of the shipment.",
                        ticket=ticket.display_name,
                        fields=", ".join(missing),
                    )
                )
            template.send_mail(ticket.id, force_send=False)
            ticket.message_post(
                body=self.env._(
                    "Shipment sent to the customer: %(carrier)s %(ref)s, expected "
                    "%(date)s.",
                    carrier=ticket.dealer_carrier,
                    ref=ticket.dealer_tracking_ref,
                    date=ticket.dealer_expected_arrival,
                )
            )
        self._dealer_as_action().write(
            {"dealer_shipment_notified": fields.Datetime.now()}
        )

    def action_create_handover(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.helpdesk.handover",
            "view_mode": "form",
            "context": {"default_ticket_id": self.id},
        }

    def action_view_handovers(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Technical handovers"),
            "res_model": "dealer.helpdesk.handover",
            "view_mode": "list,form",
            "domain": [("ticket_id", "=", self.id)],
            "context": {"default_ticket_id": self.id},
        }

    def action_view_repairs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Repair orders"),
            "res_model": "repair.order",
            "view_mode": "list,form",
            "domain": [("dealer_ticket_id", "=", self.id)],
        }

    def action_view_visits(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("On-site visits"),
            "res_model": "calendar.event",
            "view_mode": "list,form,calendar",
            "domain": [("dealer_ticket_id", "=", self.id)],
        }

    def action_view_articles(self):
        """KNW-04: search the knowledge base from the ticket."""
        self.ensure_one()
        context = {}
        if self.product_id:
            context["search_default_product_id"] = self.product_id.id
        elif self.category_id:
            context["search_default_category_id"] = self.category_id.id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Knowledge base"),
            "res_model": "dealer.helpdesk.article",
            "view_mode": "list,form",
            "context": context,
        }

    def action_create_article(self):
        """KNW-04: a solved question becomes a knowledge-base article."""
        self.ensure_one()
        answer = next(
            (
                text
                for text in (self.dealer_diagnosis, self.dealer_corrective_action)
                if has_words(text)
            ),
            False,
        )
        if not answer:
            raise UserError(
                self.env._(
                    "KNW-04: write the Diagnosis of %(ticket)s first: it becomes "
                    "the article's answer.",
                    ticket=self.display_name,
                )
            )
        self.env["dealer.helpdesk.article"].check_access("create")
        # The article records the ticket it came from (KNW-04).
        article = (
            self._dealer_as_action()
            .env["dealer.helpdesk.article"]
            .create(
                {
                    "name": self.name,
                    "answer": answer,
                    "product_id": self.product_id.id,
                    "category_id": self.category_id.id,
                    "source_ticket_id": self.id,
                    "company_id": self.company_id.id,
                }
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.helpdesk.article",
            "res_id": article.id,
            "view_mode": "form",
        }
