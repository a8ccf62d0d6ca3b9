# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerRiskCommon


@tagged("post_install", "-at_install", "is_query_count")
class TestMatrix(DealerRiskCommon):
    def _cell(self, likelihood, impact):
        return self.company.dealer_risk_cell_ids.filtered(
            lambda c: c.likelihood == likelihood and c.impact == impact
        )

    def _relevel_queries(self, cell, level):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        cell.write({"level": level})
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_rsk_02_matrix_cell_change_relevels_risks_setwise(self):
        """RSK-02, RSK-03: changing a cell re-levels every risk of the company
        on it, in a number of queries that does not grow with the risks (and
        without a tracking message per risk)."""
        self.env = self.env(
            context=dict(self.env.context, tracking_disable=False, mail_notrack=False)
        )
        cell = self._cell(3, 3).with_env(self.env)
        self.assertEqual(cell.level, "medium")
        risks = self.env["dealer.risk"]
        for _n in range(3):
            risks |= self._risk(3, 3)
        self._relevel_queries(cell, "high")  # warm the caches
        self._relevel_queries(cell, "medium")
        few = self._relevel_queries(cell, "high")
        self.assertEqual(set(risks.mapped("level")), {"high"})
        for _n in range(40):
            risks |= self._risk(3, 3)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(few):
            cell.write({"level": "low"})
        self.assertEqual(set(risks.mapped("level")), {"low"})
        # No tracking message per risk for the matrix's change.
        self.env.cr.precommit.run()
        self.assertFalse(
            risks.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "level" and t.new_value_char == "Low"
            )
        )

    def test_rsk_02_matrix_follows_the_scales(self):
        """RSK-02: the company's scales make the cells; a scale shorter than a
        risk's rating is refused until the risk is rated again."""
        self.company.dealer_risk_likelihood_scale = 3
        self.assertEqual(len(self.company.dealer_risk_cell_ids), 15)
        risk = self._risk(3, 5)
        with self.assertRaisesRegex(ValidationError, "RSK-02"):
            self.company.dealer_risk_impact_scale = 4
        risk.with_user(self.owner).impact = 4
        self.company.dealer_risk_impact_scale = 4
        self.assertEqual(len(self.company.dealer_risk_cell_ids), 12)
        self.company.dealer_risk_likelihood_scale = 5
        self.assertEqual(len(self.company.dealer_risk_cell_ids), 20)

    def test_rsk_02_cells_are_made_by_the_company(self):
        """RSK-02: a cell's coordinates are the company's, not a user's: a
        settings manager edits levels only."""
        cell = self._cell(1, 1).with_user(self.settings_admin)
        with self.assertRaisesRegex(UserError, "RSK-02"):
            cell.write({"likelihood": 4})
        with self.assertRaisesRegex(UserError, "RSK-02"):
            cell.create({"company_id": self.company.id, "likelihood": 9, "impact": 9})
        cell.level = "medium"
        self.assertEqual(self._risk(1, 1).level, "medium")

    def test_rsk_03_heat_map_counts_risks_per_cell(self):
        """RSK-03: the heat map groups risks by likelihood and impact."""
        self._risk(4, 5)
        self._risk(4, 5)
        self._risk(1, 1)
        groups = self.env["dealer.risk"]._read_group(
            [("company_id", "=", self.company.id)],
            ["likelihood", "impact"],
            ["__count"],
        )
        self.assertIn((4, 5, 2), groups)
        self.assertIn((1, 1, 1), groups)

    def test_rsk_02_new_company_gets_the_default_matrix(self):
        """RSK-02, RSK-04 to RSK-06: a new company starts with the manual's
        matrix and responses."""
        company = self.env["res.company"].create({"name": "New Branch"})
        self.assertEqual(len(company.dealer_risk_cell_ids), 25)
        self.assertEqual(
            set(company.dealer_risk_high_strategy_ids.mapped("code")),
            {"avoid", "reduce", "transfer"},
        )
        self.assertEqual(
            set(company.dealer_risk_low_strategy_ids.mapped("code")),
            {"accept", "reduce", "monitor"},
        )
