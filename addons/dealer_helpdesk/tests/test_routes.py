# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Attacks on the helpdesk's rules by every route a user has (issue 15): the
ORM as the least-privileged user who could try, the web client's save, import
(``load``), context keys and defaults, delete. Each attack has a positive
control: the legitimate action still works."""

import base64
from contextlib import contextmanager
from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import RECEIVED, DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestHelpdeskRoutes(DealerHelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._lot(cls.keyboard, "KB-RT-1")
        cls._sell(cls.keyboard, 1, cls.lot)  # delivered 2026-03-15, 12 months

    @contextmanager
    def _refused(self, exception, pattern):
        """The call raises ``exception`` matching ``pattern``; what it did is
        rolled back."""
        with self.assertRaisesRegex(exception, pattern), self.env.cr.savepoint():
            yield

    def _load(self, user, fields, rows):
        return self.Ticket.with_user(user).load(fields, rows)

    def _assert_load_refused(self, result, pattern):
        self.assertFalse(result["ids"], result)
        self.assertRegex(result["messages"][0]["message"], pattern)

    def _complaint(self, **values):
        return self._ticket("complaint", user=self.hd_agent, **values).with_user(
            self.hd_agent
        )

    def _resolve(self, ticket, **values):
        vals = {
            "dealer_root_cause": "Wrong cable picked from the shelf",
            "dealer_corrective_action": "Scan the product barcode at packing",
            "dealer_customer_confirmation": "confirmed",
        }
        vals.update(values)
        ticket.write(vals)

    # ------------------------------------------------------------------ CMP-07
    def test_cmp_07_root_cause_of_spaces_cannot_close_on_any_route(self):
        """CMP-07: a complaint whose root cause and corrective action are only
        spaces is refused by a write of the stage (external API), by the web
        client's save (form status bar, kanban drag) and by import."""
        ticket = self._complaint()
        self._resolve(
            ticket, dealer_root_cause="   ", dealer_corrective_action="\n\t  "
        )
        pattern = "CMP-07.*Root cause.*Corrective action"
        with self._refused(ValidationError, pattern):
            ticket.write({"stage_id": self.stage_done.id})
        with self._refused(ValidationError, pattern):
            ticket.web_save({"stage_id": self.stage_done.id}, specification={})
        self._assert_load_refused(
            self._load(
                self.hd_agent,
                [".id", "stage_id/.id"],
                [[str(ticket.id), str(self.stage_done.id)]],
            ),
            "CMP-07",
        )
        # The portal's close route writes as the superuser: refused the same.
        with self._refused(ValidationError, "CMP-07"):
            ticket.sudo().write({"stage_id": self.stage_cancelled.id})
        self.assertFalse(ticket.closed)
        # Positive control: words, and the agent closes it from the kanban.
        self._resolve(ticket)
        ticket.web_save({"stage_id": self.stage_done.id}, specification={})
        self.assertTrue(ticket.closed)

    def test_cmp_07_complaint_created_closed_is_checked(self):
        """CMP-07: creating a complaint directly in a closed stage (import) is
        refused without words; with them it is closed with what closing sets
        off."""
        with self._refused(ValidationError, "CMP-07"):
            self._complaint(
                stage_id=self.stage_done.id,
                dealer_root_cause=" ",
                dealer_corrective_action=" ",
                dealer_customer_confirmation="confirmed",
            )
        with freeze_time("2026-06-02 08:00:00"):
            ticket = self.Ticket.with_user(self.hd_agent).create(
                {
                    "name": "Imported complaint",
                    "description": "<p>Late</p>",
                    "dealer_ticket_type": "complaint",
                    "partner_id": self.customer.id,
                    "stage_id": self.stage_done.id,
                    "dealer_root_cause": "Courier lost the parcel",
                    "dealer_corrective_action": "Second courier for this route",
                    "dealer_customer_confirmation": "confirmed",
                }
            )
        self.assertTrue(ticket.closed)
        self.assertTrue(ticket.closed_date)
        self.assertTrue(ticket.dealer_closed_on_time)

    def test_cmp_08_attempt_note_of_spaces_cannot_close(self):
        """CMP-08: a recorded attempt to reach the customer needs words."""
        ticket = self._complaint()
        self._resolve(
            ticket,
            dealer_customer_confirmation="attempted",
            dealer_confirmation_note="  ",
        )
        with self._refused(ValidationError, "CMP-08.*Confirmation note"):
            ticket.write({"stage_id": self.stage_done.id})
        ticket.dealer_confirmation_note = "Called 2 June at 10:00, no answer"
        ticket.write({"stage_id": self.stage_done.id})
        self.assertTrue(ticket.closed)

    def test_cmp_07_asv_16_closed_results_are_kept(self):
        """CMP-07, CMP-08, ASV-16: once closed, a complaint's resolution and a
        training's assessment stay as they were; reopening (tracked) corrects
        them, and closing checks them again."""
        complaint = self._complaint()
        self._resolve(complaint)
        complaint.write({"stage_id": self.stage_done.id})
        for vals, rule in (
            ({"dealer_root_cause": "Something else"}, "CMP-07"),
            ({"dealer_corrective_action": "Nothing"}, "CMP-07"),
            ({"dealer_customer_confirmation": "attempted"}, "CMP-08"),
        ):
            with self.subTest(vals=vals), self._refused(UserError, rule):
                complaint.write(vals)
        self._assert_load_refused(
            self._load(
                self.hd_agent,
                [".id", "dealer_root_cause"],
                [[str(complaint.id), "Rewritten by import"]],
            ),
            "CMP-07",
        )
        # Positive control: reopened and corrected in one save, closed again.
        complaint.write(
            {
                "stage_id": self.stage_progress.id,
                "dealer_root_cause": "Wrong cable: two bins share a label",
            }
        )
        complaint.write({"stage_id": self.stage_done.id})
        self.assertIn("share a label", complaint.dealer_root_cause)

        attendee = self.env["res.partner"].create({"name": "Wang Fang"})
        training = self._ticket("training", user=self.technician).with_user(
            self.technician
        )
        training.write(
            {
                "dealer_training_attendee_ids": [Command.set(attendee.ids)],
                "dealer_assessment_result": "failed",
                "dealer_assessment_note": "4/10 on the operation test",
            }
        )
        training.write({"stage_id": self.stage_done.id})
        for vals in (
            {"dealer_assessment_result": "passed"},
            {"dealer_assessment_note": "10/10"},
            {"dealer_training_attendee_ids": [Command.clear()]},
        ):
            with self.subTest(vals=vals), self._refused(UserError, "ASV-16"):
                training.write(vals)
        self.assertEqual(training.dealer_assessment_result, "failed")

    # ------------------------------------------------------------------ CMP-02
    def test_cmp_02_promise_cannot_be_written_given_or_imported(self):
        """CMP-02: the received time, the promise, the first promise, the
        extension reason and the at-risk point are refused from a write, a
        create, an import, a context default and a forged guard key."""
        ticket = self._complaint()
        later = datetime(2026, 6, 10, 8)
        for vals, rule in (
            (
                {"dealer_promised_date": later, "dealer_promise_reason": "Agreed"},
                "CMP-02",
            ),
            ({"dealer_promise_reason": "Rewritten"}, "CMP-02"),
            ({"dealer_received_date": datetime(2026, 5, 1, 8)}, "CMP-02"),
            ({"dealer_at_risk_date": later}, "CMP-04"),
        ):
            with self.subTest(vals=vals), self._refused(UserError, rule):
                ticket.write(vals)
        with self._refused(UserError, "CMP-02"):
            ticket.with_context(dealer_governed="server").write(
                {"dealer_promise_reason": "with the guard's key as a string"}
            )
        for field, value in (
            ("dealer_promised_date", later),
            ("dealer_received_date", datetime(2026, 5, 1, 8)),
            ("dealer_promised_date_initial", later),
        ):
            with self.subTest(field=field), self._refused(UserError, "CMP-02"):
                self._complaint(**{field: value})
        self._assert_load_refused(
            self._load(
                self.hd_agent,
                [".id", "dealer_promised_date"],
                [[str(ticket.id), "2026-06-10 08:00:00"]],
            ),
            "CMP-02",
        )
        # Context defaults of governed fields are ignored.
        with freeze_time(RECEIVED):
            forged = (
                self.Ticket.with_user(self.hd_agent)
                .with_context(
                    default_dealer_promised_date="2030-01-01 00:00:00",
                    default_dealer_received_date="2025-01-01 00:00:00",
                    default_dealer_sla_state="late",
                    default_dealer_ticket_type="complaint",
                )
                .create(
                    {
                        "name": "Defaults",
                        "description": "<p>x</p>",
                        "partner_id": self.customer.id,
                    }
                )
            )
        self.assertEqual(forged.dealer_ticket_type, "complaint", "intake default")
        self.assertEqual(forged.dealer_received_date, datetime(2026, 6, 1, 8))
        self.assertEqual(forged.dealer_promised_date, datetime(2026, 6, 3, 8))
        self.assertEqual(forged.dealer_sla_state, "on_time")
        # Positive control: the promise is the company's, and unchanged.
        self.assertEqual(ticket.dealer_promised_date, datetime(2026, 6, 3, 8))
        self.assertFalse(ticket.dealer_promise_reason)

    def test_cmp_02_extension_only_through_the_wizard_with_words(self):
        """CMP-02: the wizard extends the promise, later only, with a reason
        in words; a closed ticket's promise is no longer extended."""
        ticket = self._complaint()
        Wizard = self.env["dealer.helpdesk.promise.extend"].with_user(self.hd_agent)

        def extend(new_date, reason):
            wizard = Wizard.create(
                {"ticket_id": ticket.id, "new_date": new_date, "reason": reason}
            )
            with freeze_time("2026-06-02 09:00:00"):
                wizard.action_confirm()

        later = datetime(2026, 6, 5, 8)
        with self._refused(UserError, "CMP-02.*Extension reason"):
            extend(later, " \n ")
        for new_date in (datetime(2026, 6, 2, 8), ticket.dealer_promised_date):
            with self._refused(UserError, "CMP-02.*only be extended"):
                extend(new_date, "Faster")
        extend(later, "Spare part arrives on 4 June")
        self.assertEqual(ticket.dealer_promised_date, later)
        self.assertEqual(ticket.dealer_promised_date_initial, datetime(2026, 6, 3, 8))
        self._resolve(ticket)
        ticket.write({"stage_id": self.stage_done.id})
        with self._refused(UserError, "CMP-02.*closed"):
            extend(datetime(2026, 6, 9, 8), "After closing")

    def test_cmp_02_settings_apply_forward(self):
        """CMP-02, CMP-04: saving new hours or a new at-risk share in Settings
        changes the promise of new tickets only; an open ticket keeps its
        promise, its at-risk point and, when extended, its at-risk share."""
        ticket = self._complaint()  # promised 06-03 08:00, at risk 06-02 20:00
        self.env["res.config.settings"].create(
            {"dealer_hd_hours_complaint": 8, "dealer_hd_at_risk_pct": 50}
        ).execute()
        ticket.invalidate_recordset()
        self.assertEqual(ticket.dealer_promised_date, datetime(2026, 6, 3, 8))
        self.assertEqual(ticket.dealer_at_risk_date, datetime(2026, 6, 2, 20))
        with freeze_time("2026-06-02 10:00:00"):
            self.Ticket._dealer_cron_check_sla()
        self.assertEqual(ticket.dealer_sla_state, "on_time")
        with freeze_time("2026-06-02 10:00:00"):
            ticket._dealer_extend_promise(datetime(2026, 6, 5, 8), "Part on order")
        # 75% of the new four days, the share of the day the promise was made.
        self.assertEqual(ticket.dealer_at_risk_date, datetime(2026, 6, 4, 8))
        new = self._complaint()
        self.assertEqual(new.dealer_promised_date, datetime(2026, 6, 1, 16))
        self.assertEqual(new.dealer_at_risk_date, datetime(2026, 6, 1, 12))

    def test_cmp_02_no_acknowledgement_key_no_longer_silences_the_email(self):
        """CMP-02: the context key that switched the acknowledgement email off
        is gone; an agent who sends it still has the customer told."""
        with freeze_time(RECEIVED):
            ticket = (
                self.Ticket.with_user(self.hd_agent)
                .with_context(dealer_no_acknowledgement=True)
                .create(
                    {
                        "name": "Silent?",
                        "description": "<p>x</p>",
                        "dealer_ticket_type": "complaint",
                        "partner_id": self.customer.id,
                    }
                )
            )
        mail = self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(len(mail), 1)

    # ------------------------------------------------------------------ CMP-04
    def test_cmp_04_promise_status_set_only_by_the_job_and_closing(self):
        """CMP-04: the promise status, 'closed on time' and the closed date are
        refused from a write, a create and an import; the job and closing set
        them."""
        ticket = self._complaint()
        for vals in (
            {"dealer_sla_state": "late"},
            {"dealer_closed_on_time": True},
            {"closed_date": datetime(2026, 6, 2, 8)},
        ):
            with self.subTest(vals=vals), self._refused(UserError, "CMP-04"):
                ticket.write(vals)
        for vals in ({"dealer_sla_state": "at_risk"}, {"closed_date": RECEIVED}):
            with self.subTest(vals=vals), self._refused(UserError, "CMP-04"):
                self._complaint(**vals)
        self._assert_load_refused(
            self._load(
                self.hd_agent,
                [".id", "dealer_closed_on_time"],
                [[str(ticket.id), "1"]],
            ),
            "CMP-04",
        )
        # Positive controls: the job marks it late, closing freezes it late.
        with freeze_time("2026-06-04 09:00:00"):
            self.Ticket._dealer_cron_check_sla()
        self.assertEqual(ticket.dealer_sla_state, "late")
        self._resolve(ticket)
        with freeze_time("2026-06-04 10:00:00"):
            ticket.write({"stage_id": self.stage_done.id})
        self.assertFalse(ticket.dealer_closed_on_time)
        self.assertEqual(ticket.dealer_sla_state, "late")

    def test_cmp_04_late_ticket_goes_to_the_head_of_the_department(self):
        """CMP-04: escalation follows dealer_base's department routing; the team
        leader gets it when they head the department."""
        heads = self.company._dealer_department_heads("technical")
        self.assertIn(self.tech_manager, heads)
        ticket = self._ticket("fault")
        self.team_tech.user_id = self.technician
        self.assertIn(ticket._dealer_responsible_head(), heads)
        self.assertNotEqual(ticket._dealer_responsible_head(), self.technician)
        self.team_tech.user_id = self.tech_manager
        self.assertEqual(ticket._dealer_responsible_head(), self.tech_manager)
        with freeze_time("2026-06-04 09:00:00"):
            self.Ticket._dealer_cron_check_sla()
        escalation = ticket.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("dealer_helpdesk.mail_activity_type_escalation")
        )
        self.assertEqual(escalation.user_id, self.tech_manager)
        # A ticket without a team goes to its agent, else the After-sales head.
        lone = self._ticket("consultation")
        lone.write({"team_id": False, "user_id": False})
        self.assertIn(
            lone._dealer_responsible_head(),
            self.company._dealer_department_heads("after_sales"),
        )

    # ------------------------------------------------------------------ ASV-05
    def test_asv_05_type_chosen_at_intake_then_changed_only_by_a_manager(self):
        """ASV-05, CMP-10: the agent chooses the type when taking the request;
        afterwards a write or an import of the type is refused (a complaint
        cannot become a consultation to close without its root cause or leave
        the complaint rate); a helpdesk manager reclassifies an open ticket
        with a reason in words."""
        ticket = self._complaint()
        self.assertEqual(ticket.dealer_ticket_type, "complaint")
        with self._refused(UserError, "ASV-05"):
            ticket.write({"dealer_ticket_type": "consultation"})
        self._assert_load_refused(
            self._load(
                self.hd_agent,
                [".id", "dealer_ticket_type"],
                [[str(ticket.id), "consultation"]],
            ),
            "ASV-05",
        )
        Wizard = self.env["dealer.helpdesk.type.change"]
        with self._refused(AccessError, ""):
            Wizard.with_user(self.hd_agent).create(
                {"ticket_id": ticket.id, "new_type": "consultation", "reason": "x"}
            )
        with self._refused(AccessError, "ASV-05"):
            ticket._dealer_change_type("consultation", "Not a complaint")
        manager_wizard = Wizard.with_user(self.service_manager)
        with self._refused(UserError, "ASV-05"):
            manager_wizard.create(
                {"ticket_id": ticket.id, "new_type": "consultation", "reason": " "}
            ).action_confirm()
        promised = ticket.dealer_promised_date
        manager_wizard.create(
            {
                "ticket_id": ticket.id,
                "new_type": "consultation",
                "reason": "The customer only asked about cable types",
            }
        ).action_confirm()
        self.assertEqual(ticket.dealer_ticket_type, "consultation")
        self.assertEqual(ticket.dealer_promised_date, promised)
        self.assertIn("cable types", ticket.message_ids[:1].body)
        ticket.write({"stage_id": self.stage_done.id})
        with self._refused(UserError, "ASV-05.*closed"):
            ticket.with_user(self.service_manager)._dealer_change_type(
                "complaint", "Reopened by the customer"
            )

    def test_asv_05_tickets_are_archived_never_deleted(self):
        """ASV-05, CMP-10: a ticket is never deleted, not even by a helpdesk
        manager or the superuser; an archived complaint still counts in the
        complaint rate."""
        ticket = self._complaint()
        for user_ticket in (ticket.with_user(self.service_manager), ticket.sudo()):
            with self._refused(UserError, "ASV-05"):
                user_ticket.unlink()
        self.env.flush_all()
        Rate = self.env["dealer.helpdesk.complaint.rate"]
        domain = [("company_id", "=", self.company.id), ("month", "=", "2026-06-01")]
        before = Rate.search(domain).complaint_count
        ticket.with_user(self.service_manager).action_archive()
        self.assertFalse(ticket.active)
        self.env.flush_all()
        self.assertEqual(Rate.search(domain).complaint_count, before)

    # ------------------------------------------------------------------ ASV-12
    def _handover_vals(self, ticket, **values):
        drawing = self.env["ir.attachment"].create(
            {"name": "rack.pdf", "datas": base64.b64encode(b"%PDF-1.4 rack")}
        )
        vals = {
            "ticket_id": ticket.id,
            "installer_id": self.installer.id,
            "installation_requirements": "230 V, 2U of rack space",
            "commissioning_steps": "Mount, cable, flash, test the VLANs",
            "precautions": "Ground the rack before power-on",
            "attachment_ids": [Command.set(drawing.ids)],
        }
        vals.update(values)
        return vals

    def test_asv_12_acknowledgement_only_by_the_installer_action(self):
        """ASV-12: the state and the acknowledgement date are refused from a
        write, a create, an import and a context default; the installer does
        not rewrite the handover; a handover of spaces is not acknowledged."""
        ticket = self._ticket("installation")
        Handover = self.env["dealer.helpdesk.handover"]
        handover = Handover.with_user(self.technician).create(
            self._handover_vals(ticket)
        )
        for user, vals in (
            (self.installer, {"state": "acknowledged"}),
            (self.technician, {"acknowledged_date": datetime(2026, 6, 1, 9)}),
        ):
            with self.subTest(vals=vals), self._refused(UserError, "ASV-12"):
                handover.with_user(user).write(vals)
        with self._refused(UserError, "ASV-12"):
            Handover.with_user(self.technician).create(
                self._handover_vals(ticket, state="acknowledged")
            )
        defaulted = Handover.with_user(self.technician).with_context(
            default_state="acknowledged"
        )
        self.assertEqual(defaulted.create(self._handover_vals(ticket)).state, "draft")
        result = Handover.with_user(self.installer).load(
            [".id", "state"], [[str(handover.id), "acknowledged"]]
        )
        self._assert_load_refused(result, "ASV-12")
        for vals in ({"precautions": "None"}, {"installer_id": self.hd_agent.id}):
            with self.subTest(vals=vals), self._refused(UserError, "ASV-12.*Technical"):
                handover.with_user(self.installer).write(vals)
        spaces = Handover.with_user(self.technician).create(
            self._handover_vals(ticket, precautions="   ")
        )
        with self._refused(UserError, "ASV-12.*Precautions"):
            spaces.with_user(self.installer).action_acknowledge()
        # Positive control: the installer acknowledges; the ticket moves on.
        handover.with_user(self.installer).action_acknowledge()
        self.assertEqual(handover.state, "acknowledged")
        ticket.with_user(self.technician).stage_id = self.stage_progress
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_asv_12_acknowledged_handover_is_kept(self):
        """ASV-12: what the installer acknowledged stays as it was and is never
        deleted; a draft handover can still be deleted by a manager."""
        ticket = self._ticket("installation")
        Handover = self.env["dealer.helpdesk.handover"].with_user(self.technician)
        handover = Handover.create(self._handover_vals(ticket))
        handover.with_user(self.installer).action_acknowledge()
        for vals in (
            {"precautions": "No grounding needed"},
            {"installer_id": self.hd_agent.id},
            {"ticket_id": self._ticket("installation").id},
        ):
            with self.subTest(vals=vals), self._refused(UserError, "ASV-12"):
                handover.write(vals)
        for user_handover in (
            handover.with_user(self.service_manager),
            handover.sudo(),
        ):
            with self._refused(UserError, "ASV-12"):
                user_handover.unlink()
        draft = Handover.create(self._handover_vals(ticket))
        draft.with_user(self.service_manager).unlink()
        self.assertFalse(draft.exists())
        self.assertTrue(handover.exists())

    # ------------------------------------------------------- outcome fields
    def test_knw_02_resolution_set_only_by_the_actions(self):
        """KNW-02: 'solved remotely' is refused from a write or a create; the
        action needs a diagnosis in words."""
        fault = self._ticket("fault", user=self.technician).with_user(self.technician)
        with self._refused(UserError, "KNW-02"):
            fault.write({"dealer_resolution": "remote"})
        with self._refused(UserError, "KNW-02"):
            self._ticket("fault", user=self.technician, dealer_resolution="remote")
        fault.dealer_diagnosis = "   "
        with self._refused(UserError, "KNW-02.*Diagnosis"):
            fault.action_solve_remotely()
        fault.dealer_diagnosis = "Fn lock was on"
        fault.action_solve_remotely()
        self.assertEqual(fault.dealer_resolution, "remote")

    def test_asv_06_asv_23_serial_check_and_warranty_are_not_written(self):
        """ASV-06, ASV-23: the serial check and the warranty are computed from
        the serial; writing them, or giving them on create, is refused."""
        unknown = self._ticket(
            "fault", user=self.technician, dealer_serial="NOT-OURS-7"
        ).with_user(self.technician)
        self.assertEqual(unknown.dealer_serial_flag, "unknown")
        ours = self._ticket(
            "fault",
            product_id=self.keyboard.id,
            dealer_serial="KB-RT-1",
        )
        self.assertTrue(ours.dealer_warranty_id)
        for vals, rule in (
            ({"dealer_serial_flag": "ok"}, "ASV-06"),
            ({"dealer_warranty_id": ours.dealer_warranty_id.id}, "ASV-23"),
        ):
            with self.subTest(vals=vals), self._refused(UserError, rule):
                unknown.write(vals)
            with self.subTest(vals=vals), self._refused(UserError, rule):
                self._ticket("fault", user=self.technician, **vals)
        self.assertEqual(unknown.dealer_serial_flag, "unknown")

    def test_asv_23_received_date_cannot_move_a_repair_into_the_warranty(self):
        """ASV-23, CMP-02: a ticket taken after the warranty ended cannot be
        back-dated into it: the repair is charged."""
        ticket = self._ticket(
            "fault",
            when="2027-04-01 08:00:00",
            user=self.technician,
            product_id=self.keyboard.id,
            dealer_serial="KB-RT-1",
        ).with_user(self.technician)
        self.assertFalse(ticket.dealer_warranty_covered)
        with self._refused(UserError, "CMP-02"):
            ticket.write({"dealer_received_date": datetime(2026, 6, 1, 8)})
        repair = self.env["repair.order"].browse(
            ticket.sudo().action_create_repair()["res_id"]
        )
        self.assertFalse(repair.under_warranty)
        self.assertEqual(str(repair.dealer_claim_date), "2027-04-01")

    def test_asv_11_asv_20_outcome_links_are_set_by_the_actions(self):
        """ASV-11, ASV-20: 'customer told of the shipment' and the return
        request are set by their actions, not written."""
        ticket = self._ticket(
            "return", product_id=self.keyboard.id, dealer_serial="KB-RT-1"
        )
        ticket.action_create_warranty_claim()
        claim = ticket.dealer_warranty_claim_id
        self.assertTrue(claim)
        agent_ticket = ticket.with_user(self.hd_agent)
        for vals, rule in (
            ({"dealer_shipment_notified": datetime(2026, 6, 2, 8)}, "ASV-11"),
            ({"dealer_warranty_claim_id": False}, "ASV-20"),
        ):
            with self.subTest(vals=vals), self._refused(UserError, rule):
                agent_ticket.write(vals)
        self.assertEqual(ticket.dealer_warranty_claim_id, claim)

    def test_asv_11_expected_arrival_before_the_request_is_refused(self):
        """ASV-11, bad input: an expected arrival before the day the request was
        received is refused with the field named."""
        ticket = self._complaint()
        with self._refused(ValidationError, "Expected arrival.*ASV-11"):
            ticket.write({"dealer_expected_arrival": "2026-05-20"})
        ticket.write({"dealer_expected_arrival": "2026-06-05"})

    # ------------------------------------------------------------------ KNW-04
    def test_knw_04_article_source_and_use_count_are_not_typed(self):
        """KNW-04: an article's source ticket and use count are refused from a
        write or a create; an article needs words; the ticket's action records
        its source."""
        Article = self.env["dealer.helpdesk.article"].with_user(self.hd_agent)
        ticket = self._complaint()
        for vals in ({"use_count": 50}, {"source_ticket_id": ticket.id}):
            with self.subTest(vals=vals), self._refused(UserError, "KNW-04"):
                Article.create({"name": "Q", "answer": "<p>A</p>", **vals})
        with self._refused(ValidationError, "Answer.*KNW-04"):
            Article.create({"name": "Q", "answer": "<p>&nbsp; </p>"})
        article = Article.create({"name": "Cable types", "answer": "<p>DP 1.4</p>"})
        with self._refused(UserError, "KNW-04"):
            article.write({"use_count": 99})
        ticket.dealer_diagnosis = "HDMI and DisplayPort cables look alike"
        made = Article.browse(ticket.action_create_article()["res_id"])
        self.assertEqual(made.source_ticket_id, ticket)

    # -------------------------------------------------------------- companies
    def test_tickets_and_handovers_stay_in_their_company(self):
        """Multi-company: a ticket cannot point at another company's product or
        team, nor a handover at an installer who does not work there."""
        other = self.env["res.company"].create({"name": "Other Dealer Routes"})
        foreign_product = self.env["product.product"].create(
            {"name": "Foreign SSD", "company_id": other.id}
        )
        foreign_team = self.env["helpdesk.ticket.team"].create(
            {"name": "Foreign team", "company_id": other.id}
        )
        foreign_installer = new_test_user(
            self.env,
            login="hd_routes_foreign",
            groups="dealer_base.group_after_sales_user",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        ticket = self._ticket("installation")
        for vals in (
            {"product_id": foreign_product.id},
            {"team_id": foreign_team.id},
        ):
            with self.subTest(vals=vals), self._refused(UserError, "ompan"):
                ticket.write(vals)
        with self._refused(UserError, "ompan"):
            self.env["dealer.helpdesk.handover"].create(
                self._handover_vals(ticket, installer_id=foreign_installer.id)
            )

    def test_cmp_02_settings_out_of_bounds_are_named(self):
        """CMP-02, bad input: a promised time the database cannot hold, a
        negative follow-up delay or a zero share is refused with its field."""
        for field, value in (
            ("dealer_hd_hours_complaint", 2**31),
            ("dealer_hd_followup_days", -1),
            ("dealer_hd_pct_high", 0),
        ):
            label = self.company._fields[field].string.split(" (")[0]
            with (
                self.subTest(field=field),
                self._refused(ValidationError, f"{label}.*CMP-02"),
            ):
                self.company.write({field: value})
