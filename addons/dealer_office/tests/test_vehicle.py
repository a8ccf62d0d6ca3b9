# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.exceptions import UserError, ValidationError

from .common import DealerOfficeCommon


class TestVehicleUsage(DealerOfficeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "BYD"})
        model = cls.env["fleet.vehicle.model"].create(
            {"name": "Song PLUS", "brand_id": brand.id}
        )
        cls.vehicle = cls.env["fleet.vehicle"].create(
            {
                "model_id": model.id,
                "license_plate": "粤B·D12345",
                "company_id": cls.company.id,
            }
        )
        cls.start = datetime.now().replace(microsecond=0) + timedelta(days=1)

    def _usage(self, user=None, start=None, hours=4):
        user = user or self.sales
        start = start or self.start
        return (
            self.env["fleet.vehicle.usage"]
            .with_user(user)
            .create(
                {
                    "vehicle_id": self.vehicle.id,
                    "user_id": user.id,
                    "company_id": self.company.id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=hours),
                    "purpose": "Install switches at the school",
                }
            )
        )

    def test_adm_11_unapproved_use_cannot_be_picked(self):
        """ADM-11: no pick-up before the department head approved the use;
        the requester neither approves it nor forges its state."""
        usage = self._usage()
        with self.assertRaisesRegex(UserError, "ADM-11"):
            usage.action_pick()
        with self.assertRaisesRegex(UserError, "ADM-11"):
            usage.write({"state": "reserved"})
        usage.request_validation()
        with self.assertRaises(UserError):
            self._validate(usage, self.sales)
        with self.assertRaisesRegex(UserError, "ADM-11"):
            usage.action_pick()
        self._validate(usage, self.sales_head)
        self.assertEqual(usage.state, "reserved")
        usage.action_pick()
        self.assertEqual(usage.state, "in_use")

    def test_adm_11_overlapping_reservations_refused(self):
        """ADM-11: a vehicle is not reserved twice for overlapping times."""
        first = self._usage()
        first.request_validation()
        self._validate(first, self.sales_head)
        with self.assertRaisesRegex(ValidationError, "ADM-11"):
            self._usage(user=self.tech, start=self.start + timedelta(hours=2))
        later = self._usage(user=self.tech, start=self.start + timedelta(hours=4))
        self.assertEqual(later.state, "draft")

    def test_adm_11_odometer_at_return_not_below_pick_up(self):
        """ADM-11: the odometer at return is at least the one at pick-up, and
        is logged on the vehicle."""
        self.env["fleet.vehicle.odometer"].create(
            {"vehicle_id": self.vehicle.id, "value": 12000}
        )
        usage = self._usage()
        usage.request_validation()
        self._validate(usage, self.sales_head)
        usage.action_pick()
        self.assertEqual(usage.odometer_start, 12000)
        usage.odometer_input = 11990
        with self.assertRaisesRegex(ValidationError, "ADM-11"):
            usage.action_return()
        with self.assertRaisesRegex(UserError, "ADM-11"):
            usage.write({"odometer_end": 12100})
        usage.odometer_input = 12085
        usage.action_return()
        self.assertEqual(usage.state, "returned")
        self.assertEqual(usage.odometer_end, 12085)
        self.vehicle.invalidate_recordset(["odometer"])
        self.assertEqual(self.vehicle.odometer, 12085)

    def test_adm_11_approved_use_is_not_changed(self):
        """ADM-11: the approved vehicle, times and purpose stay as approved."""
        usage = self._usage()
        usage.request_validation()
        with self.assertRaises(UserError):
            usage.write({"date_end": self.start + timedelta(days=3)})
        self._validate(usage, self.sales_head)
        with self.assertRaisesRegex(UserError, "already requested"):
            usage.write({"date_end": self.start + timedelta(days=3)})

    def test_adm_11_oca_terms_read_in_chinese(self):
        """ADM-11: fleet_vehicle_usage ships no Chinese; its labels come in
        zh_CN from this addon."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "dealer_office")]
        )._update_translations(["zh_CN"])
        field = self.env["ir.model.fields"]._get("fleet.vehicle.usage", "user_id")
        self.assertEqual(field.with_context(lang="zh_CN").field_description, "驾驶人")
        field = self.env["ir.model.fields"]._get("dealer.meeting", "minutes")
        self.assertEqual(field.with_context(lang="zh_CN").field_description, "会议纪要")

    def test_policy_off_keeps_core_vehicle_usage(self):
        """A company that does not run by the manual picks a draft use at once
        and books overlapping times, as OCA fleet_vehicle_usage does; no
        chair hand-over either."""
        self.company.dealer_policy_manual = False
        usage = self._usage()
        usage.action_pick()
        self.assertEqual(usage.state, "in_use")
        other = self._usage(user=self.tech, start=self.start + timedelta(hours=2))
        self.assertEqual(other.state, "draft")
        usage.action_return()
        self.assertEqual(usage.state, "returned")
