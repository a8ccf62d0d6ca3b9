# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.dealer_warranty.tests.common import DealerWarrantyCommon

RECEIVED = "2026-06-01 08:00:00"


class DealerHelpdeskCommon(DealerWarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hd_agent = new_test_user(
            cls.env,
            login="hd_agent",
            groups="dealer_base.group_after_sales_user",
            email="agent@example.com",
        )
        cls.technician = new_test_user(
            cls.env,
            login="hd_technician",
            groups="dealer_base.group_technical_user",
            email="tech@example.com",
        )
        cls.installer = new_test_user(
            cls.env,
            login="hd_installer",
            groups="dealer_base.group_after_sales_user",
        )
        cls.tech_manager = new_test_user(
            cls.env,
            login="hd_tech_manager",
            groups="dealer_base.group_technical_manager",
        )
        cls.service_manager = new_test_user(
            cls.env,
            login="hd_service_manager",
            groups="dealer_base.group_after_sales_manager",
        )
        Team = cls.env["helpdesk.ticket.team"]
        cls.team_tech = Team.create(
            {
                "name": "Technical support",
                "dealer_department": "technical",
                "user_ids": [Command.set((cls.technician | cls.tech_manager).ids)],
            }
        )
        cls.team_service = Team.create(
            {
                "name": "After-sales service",
                "dealer_department": "after_sales",
                "user_ids": [Command.set((cls.hd_agent | cls.installer).ids)],
            }
        )
        cls.company.write(
            {
                "dealer_hd_hours_consultation": 24,
                "dealer_hd_hours_fault": 48,
                "dealer_hd_hours_complaint": 48,
                "dealer_hd_hours_return": 72,
                "dealer_hd_hours_installation": 120,
                "dealer_hd_hours_training": 168,
                "dealer_hd_pct_low": 150,
                "dealer_hd_pct_normal": 100,
                "dealer_hd_pct_high": 50,
                "dealer_hd_pct_critical": 25,
                "dealer_hd_at_risk_pct": 75,
                "dealer_hd_followup_days": 3,
                "dealer_hd_repeat_fault_days": 90,
                "dealer_hd_team_consultation_id": cls.team_tech.id,
                "dealer_hd_team_fault_id": cls.team_tech.id,
                "dealer_hd_team_installation_id": cls.team_tech.id,
                "dealer_hd_team_training_id": cls.team_tech.id,
                "dealer_hd_team_complaint_id": cls.team_service.id,
                "dealer_hd_team_return_id": cls.team_service.id,
            }
        )
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.stage_cancelled = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled"
        )
        cls.Ticket = cls.env["helpdesk.ticket"]

    @classmethod
    def _ticket(cls, ticket_type="consultation", when=RECEIVED, user=None, **values):
        vals = {
            "name": f"{ticket_type} ticket",
            "description": "<p>The customer called.</p>",
            "dealer_ticket_type": ticket_type,
            "partner_id": cls.customer.id,
        }
        vals.update(values)
        with freeze_time(when):
            Ticket = cls.Ticket.with_user(user) if user else cls.Ticket
            return Ticket.create(vals)
