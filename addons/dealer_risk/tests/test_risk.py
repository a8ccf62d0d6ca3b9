# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DealerRiskCommon


@tagged("post_install", "-at_install")
class TestRisk(DealerRiskCommon):
    def test_rsk_02_level_read_from_the_company_matrix(self):
        """RSK-02: likelihood x impact gives the level of the company's cell."""
        self.assertEqual(len(self.company.dealer_risk_cell_ids), 25)
        self.assertEqual(self._risk(4, 5).level, "high")
        self.assertEqual(self._risk(3, 3).level, "medium")
        self.assertEqual(self._risk(1, 2).level, "low")
        self.assertFalse(self._risk().level, "not rated yet: no level")

    def test_rsk_02_level_cannot_be_written(self):
        """RSK-02: the level is never written, by write, create or import,
        even by the Administration Manager; the rating is (positive control)."""
        risk = self._risk(1, 1)
        for user in (self.owner, self.office_mgr):
            with self.assertRaisesRegex(UserError, "RSK-02"):
                risk.with_user(user).write({"level": "high"})
        with self.assertRaisesRegex(UserError, "RSK-02"):
            self.env["dealer.risk"].with_user(self.owner).create(
                {"name": "Forged", "owner_id": self.owner.id, "level": "low"}
            )
        result = (
            self.env["dealer.risk"]
            .with_user(self.office_mgr)
            .load(["id", "level"], [[risk._export_rows([["id"]])[0][0], "high"]])
        )
        self.assertFalse(result["ids"])
        self.assertIn("RSK-02", " ".join(m["message"] for m in result["messages"]))
        self.assertEqual(risk.level, "low")
        risk.with_user(self.owner).write({"likelihood": 5, "impact": 5})
        self.assertEqual(risk.level, "high")

    def test_rsk_02_rating_stays_on_the_scales(self):
        """RSK-02: ratings run from 1 to the company's scale (0: not rated)."""
        risk = self._risk(1, 1)
        with self.assertRaisesRegex(ValidationError, "RSK-02"):
            risk.with_user(self.owner).likelihood = 6
        with self.assertRaisesRegex(ValidationError, "RSK-02"):
            risk.with_user(self.owner).impact = -1

    def test_rsk_04_high_risk_cannot_be_accepted(self):
        """RSK-04: a high risk is avoided, reduced or transferred, never
        accepted; reducing it is fine (positive control)."""
        risk = self._risk(4, 5)
        with self.assertRaisesRegex(ValidationError, "RSK-04"):
            risk.with_user(self.owner).strategy_id = self.strategy["accept"]
        with self.assertRaisesRegex(ValidationError, "RSK-04"):
            self._risk(5, 5, strategy_id=self.strategy["accept"].id)
        risk.with_user(self.owner).strategy_id = self.strategy["reduce"]
        self.assertEqual(risk.strategy_id, self.strategy["reduce"])
        # Rated up into "high" with an accepted response: refused as well.
        low = self._risk(1, 1, strategy_id=self.strategy["accept"].id)
        with self.assertRaisesRegex(ValidationError, "RSK-04"):
            low.with_user(self.owner).write({"likelihood": 5, "impact": 5})

    def test_rsk_05_medium_risk_reduced_or_monitored(self):
        """RSK-05: a medium risk is reduced or monitored, by default."""
        risk = self._risk(3, 3)
        with self.assertRaisesRegex(ValidationError, "RSK-05"):
            risk.with_user(self.owner).strategy_id = self.strategy["accept"]
        risk.with_user(self.owner).strategy_id = self.strategy["monitor"]
        self.assertEqual(risk.strategy_id, self.strategy["monitor"])

    def test_rsk_06_low_risk_can_be_accepted(self):
        """RSK-06: a low risk may be accepted."""
        risk = self._risk(1, 2, strategy_id=self.strategy["accept"].id)
        self.assertEqual(risk.level, "low")
        self.assertEqual(risk.strategy_id, self.strategy["accept"])
        self.assertTrue(risk.strategy_allowed)

    def test_rsk_06_allowed_responses_are_a_company_setting(self):
        """RSK-04 to RSK-06: a company that allows accepting high risks may."""
        self.company.dealer_risk_high_strategy_ids |= self.strategy["accept"]
        risk = self._risk(5, 5, strategy_id=self.strategy["accept"].id)
        self.assertEqual(risk.level, "high")
        # Taken away again: the risk is flagged, not silently changed.
        self.company.dealer_risk_high_strategy_ids -= self.strategy["accept"]
        self.assertFalse(risk.strategy_allowed)
        self.assertEqual(
            self.env["dealer.risk"].search(
                [("strategy_allowed", "=", False), ("company_id", "=", self.company.id)]
            ),
            risk,
        )

    def test_rsk_07_lifecycle_through_actions_only(self):
        """RSK-07: identified, assessed, treated, closed only by the risk's
        actions; the state cannot be written; another employee cannot move
        someone else's risk."""
        risk = self._risk()
        with self.assertRaisesRegex(UserError, "RSK-07"):
            risk.with_user(self.owner).write({"state": "treated"})
        with self.assertRaisesRegex(UserError, "RSK-02"):
            risk.with_user(self.owner).action_assess()
        risk.with_user(self.owner).write({"likelihood": 4, "impact": 5})
        with self.assertRaisesRegex(UserError, "RSK-07"):
            risk.with_user(self.sales_head).action_assess()
        risk.with_user(self.owner).action_assess()
        self.assertEqual(risk.state, "assessed")
        self.assertTrue(risk.last_assessed_date)
        with self.assertRaisesRegex(UserError, "RSK-04"):
            risk.with_user(self.owner).action_treat()
        risk.with_user(self.owner).write(
            {"strategy_id": self.strategy["transfer"].id, "treatment": "  "}
        )
        with self.assertRaisesRegex(UserError, "RSK-04"):
            risk.with_user(self.owner).action_treat()
        risk.with_user(self.owner).treatment = "Insure the stock in transit."
        risk.with_user(self.owner).action_treat()
        self.assertEqual(risk.state, "treated")
        risk.with_user(self.office_mgr).action_close()
        self.assertEqual(risk.state, "closed")
        # State changes are tracked in the chatter.
        self.assertIn("state", risk._track_get_fields())

    def test_rsk_01_risks_are_kept(self):
        """RSK-01: the register keeps its risks: no deletion, even by the
        Administration Manager (who has no delete right) or the superuser."""
        risk = self._risk(1, 1)
        with self.assertRaises(UserError):
            risk.sudo().unlink()
        self.assertTrue(risk.exists())

    def test_rsk_01_other_employees_read_but_do_not_edit(self):
        """RSK-01: the register is read by every employee; only the owner,
        the Administration Manager and General Management edit a risk."""
        risk = self._risk(1, 1)
        self.assertEqual(risk.with_user(self.staff).name, risk.name)
        with self.assertRaises(AccessError):
            risk.with_user(self.staff).write({"description": "not mine"})
        risk.with_user(self.gm).write({"description": "checked by GM"})
        self.assertEqual(risk.description, "checked by GM")
