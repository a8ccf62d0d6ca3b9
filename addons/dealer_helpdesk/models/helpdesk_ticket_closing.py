# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How a ticket ends (CMP-04, CMP-06 to CMP-08, ASV-15, ASV-16): what a closed
ticket must carry, on every route that closes it (form, kanban, external API,
import, portal); what it keeps once closed; what closing sets off."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import has_words, policy_records


class HelpdeskTicket(models.Model):
    # One file per concern of the ticket (issue 18), not one class per model.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # The results the manual keeps: once a ticket is closed they stay as they
    # were when it closed. A correction reopens the ticket (tracked), and the
    # closing rules are checked again when it closes.
    _dealer_kept_when_closed = {
        "dealer_root_cause": "CMP-07",
        "dealer_root_cause_category": "CMP-07",
        "dealer_corrective_action": "CMP-07",
        "dealer_customer_confirmation": "CMP-08",
        "dealer_confirmation_note": "CMP-08",
        "dealer_diagnosis": "KNW-02",
        "dealer_assessment_result": "ASV-16",
        "dealer_assessment_note": "ASV-16",
        "dealer_training_attendee_ids": "ASV-16",
    }

    # ------------------------------------------------------------- constrains
    @api.constrains(
        "stage_id",
        "dealer_ticket_type",
        "dealer_root_cause",
        "dealer_corrective_action",
        "dealer_customer_confirmation",
        "dealer_confirmation_note",
        "dealer_assessment_result",
        "dealer_training_attendee_ids",
    )
    def _check_dealer_closing(self):
        """CMP-07, CMP-08, ASV-16: what a closed ticket must carry: words, not
        only spaces. Checked in the ORM so that no view, import, kanban move or
        portal button goes around it."""
        _ = self.env._
        for ticket in policy_records(self).filtered(lambda t: t.stage_id.closed):
            if ticket.dealer_ticket_type == "complaint":
                missing = [
                    ticket._fields[name].get_description(self.env)["string"]
                    for name in ("dealer_root_cause", "dealer_corrective_action")
                    if not has_words(ticket[name])
                ]
                if not ticket.dealer_customer_confirmation:
                    missing.append(
                        ticket._fields["dealer_customer_confirmation"].get_description(
                            self.env
                        )["string"]
                    )
                if missing:
                    raise ValidationError(
                        _(
                            "CMP-07/CMP-08: complaint %(ticket)s cannot be closed "
                            "without %(fields)s.",
                            ticket=ticket.display_name,
                            fields=", ".join(missing),
                        )
                    )
                if ticket.dealer_customer_confirmation == "attempted" and not (
                    has_words(ticket.dealer_confirmation_note)
                ):
                    raise ValidationError(
                        _(
                            "CMP-08: write down in the Confirmation note when and "
                            "how the customer of %(ticket)s was tried.",
                            ticket=ticket.display_name,
                        )
                    )
            if ticket.dealer_ticket_type == "training" and not (
                ticket.dealer_assessment_result and ticket.dealer_training_attendee_ids
            ):
                raise ValidationError(
                    _(
                        "ASV-16: training %(ticket)s cannot be closed without its "
                        "Attendees and Assessment result.",
                        ticket=ticket.display_name,
                    )
                )

    # -------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not self._dealer_is_trusted() and any(
            vals.get("closed_date") for vals in vals_list
        ):
            self._dealer_refuse_governed("closed_date", "CMP-04")
        tickets = super().create(vals_list)
        # A ticket created in a closed stage (an import) is closed now, with
        # what closing sets off; the closing rules were checked on creation.
        closed = tickets.filtered(lambda t: t.stage_id.closed)
        if closed:
            closed.filtered(lambda t: not t.closed_date)._dealer_as_action().write(
                {"closed_date": fields.Datetime.now()}
            )
            closed._dealer_after_close()
        return tickets

    def write(self, vals):
        self._dealer_check_closed_date(vals)
        self._dealer_check_kept_results(vals)
        closing = self.browse()
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.closed:
                closing = self.filtered(lambda t: not t.stage_id.closed)
        result = super().write(vals)
        if closing:
            closing._dealer_after_close()
        return result

    def _dealer_check_closed_date(self, vals):
        """CMP-04: helpdesk_mgmt stamps Closed Date when a ticket closes, and
        whether it closed on time counts from it: nobody else writes it. It is
        checked here, above helpdesk_mgmt's write, because that write adds it
        to the values itself (so it cannot be in ``_dealer_governed``)."""
        if "closed_date" not in vals or self._dealer_is_trusted():
            return
        if not all(
            self._dealer_same_value(ticket, "closed_date", vals["closed_date"])
            for ticket in self
        ):
            self._dealer_refuse_governed("closed_date", "CMP-04")

    def _dealer_check_kept_results(self, vals):
        """CMP-07, CMP-08, ASV-16: a closed ticket keeps its results; they are
        corrected by reopening it (in the same write or before)."""
        touched = vals.keys() & self._dealer_kept_when_closed.keys()
        if not touched or self._dealer_is_trusted():
            return
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if not stage.closed:
                return
        for ticket in self.filtered(lambda t: t.stage_id.closed):
            for fname in sorted(touched):
                if self._dealer_same_value(ticket, fname, vals[fname]):
                    continue
                raise UserError(
                    self.env._(
                        "%(field)s of %(ticket)s is kept as it was when the ticket "
                        "was closed (rule %(rule)s): reopen the ticket to correct "
                        "it.",
                        field=self._fields[fname]._description_string(self.env),
                        ticket=ticket.display_name,
                        rule=self._dealer_kept_when_closed[fname],
                    )
                )

    # ----------------------------------------------------------------- closing
    def _dealer_after_close(self):
        """Freeze the promise status, ask for the customer's rating and plan the
        follow-up call (CMP-04, CMP-06, ASV-15); a company that does not run
        by the manual closes tickets the way Odoo does."""
        tickets = policy_records(self)
        tickets._dealer_freeze_promise_status()
        template = self.env.ref(
            "dealer_helpdesk.mail_template_ticket_rating", raise_if_not_found=False
        )
        for ticket in tickets.filtered(lambda t: t.partner_id.email):
            if template:
                ticket.rating_send_request(template, force_send=False)
        tickets._dealer_schedule_followup()

    def _dealer_schedule_followup(self):
        """CMP-06, CMP-08: a call back after the complaint is solved, by its
        agent, else the head of its department (dealer_base's routing)."""
        complaints = self.filtered(lambda t: t.dealer_ticket_type == "complaint")
        if not complaints:
            return
        activity_type = self.env.ref("dealer_helpdesk.mail_activity_type_followup")
        vals_list = []
        for ticket in complaints:
            days = ticket.company_id.dealer_hd_followup_days
            user = ticket.user_id or ticket._dealer_responsible_head() or self.env.user
            # Written in the assignee's language, whoever closes (issue 19).
            in_their_language = self.with_context(lang=user.sudo().lang).env
            vals_list.append(
                {
                    "res_model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                    "res_id": ticket.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self)
                    + timedelta(days=days),
                    "summary": in_their_language._(
                        "Follow up the complaint with the customer"
                    ),
                }
            )
        self.env["mail.activity"].create(vals_list)
