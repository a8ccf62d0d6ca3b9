# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestInstallation(DealerHelpdeskCommon):
    def _handover(self, ticket, **values):
        drawing = self.env["ir.attachment"].create(
            {"name": "wiring.pdf", "datas": base64.b64encode(b"%PDF-1.4 drawing")}
        )
        vals = {
            "ticket_id": ticket.id,
            "installer_id": self.installer.id,
            "installation_requirements": "230 V, rack space 2U",
            "commissioning_steps": "Mount, cable, flash, test VLANs",
            "precautions": "Ground the rack first",
            "attachment_ids": [Command.set(drawing.ids)],
        }
        vals.update(values)
        return (
            self.env["dealer.helpdesk.handover"].with_user(self.technician).create(vals)
        )

    def test_asv12_installation_waits_for_the_handover(self):
        """ASV-12: an installation ticket cannot move to In Progress before the
        installer acknowledged the technical handover."""
        ticket = self._ticket("installation", user=self.technician)
        self.assertEqual(ticket.stage_id, self.stage_new)
        with self.assertRaisesRegex(ValidationError, "ASV-12"):
            with self.env.cr.savepoint():
                ticket.with_user(self.technician).stage_id = self.stage_progress
                self.env.flush_all()
        handover = self._handover(ticket)
        with self.assertRaisesRegex(ValidationError, "ASV-12"):
            with self.env.cr.savepoint():
                ticket.stage_id = self.stage_progress
                self.env.flush_all()
        handover.with_user(self.installer).action_acknowledge()
        self.assertEqual(handover.state, "acknowledged")
        ticket.with_user(self.technician).stage_id = self.stage_progress
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_asv12_handover_must_be_complete_and_acknowledged_by_the_installer(self):
        """ASV-12: requirements, steps, precautions and documents are all given;
        only the installer acknowledges."""
        ticket = self._ticket("installation")
        handover = self._handover(ticket, precautions=False, attachment_ids=False)
        with self.assertRaisesRegex(UserError, "ASV-12.*Precautions"):
            handover.with_user(self.installer).action_acknowledge()
        handover.write({"precautions": "Ground first"})
        with self.assertRaisesRegex(UserError, "Documents and drawings"):
            handover.with_user(self.installer).action_acknowledge()
        handover = self._handover(ticket)
        with self.assertRaisesRegex(UserError, "ASV-12: only the installer"):
            handover.with_user(self.technician).action_acknowledge()

    def test_asv12_after_sales_cannot_write_the_handover(self):
        """ASV-12: the handover is given by Technical; after-sales staff read and
        acknowledge it but do not create one."""
        ticket = self._ticket("installation")
        with self.assertRaises(AccessError):
            self.env["dealer.helpdesk.handover"].with_user(self.hd_agent).create(
                {"ticket_id": ticket.id}
            )

    def test_asv14_asv16_training_closes_with_attendees_and_assessment(self):
        """ASV-14, ASV-16: a training ticket closes only with its attendees and
        the customer's assessment result."""
        ticket = self._ticket("training", dealer_training_mode="mixed")
        with self.assertRaisesRegex(ValidationError, "ASV-16"):
            with self.env.cr.savepoint():
                ticket.stage_id = self.stage_done
                self.env.flush_all()
        attendee = self.env["res.partner"].create({"name": "Li Wei"})
        ticket.write(
            {
                "dealer_training_attendee_ids": [Command.set(attendee.ids)],
                "dealer_assessment_result": "passed",
                "dealer_assessment_note": "8/10 on the operation test",
            }
        )
        ticket.stage_id = self.stage_done
        self.assertTrue(ticket.closed)
