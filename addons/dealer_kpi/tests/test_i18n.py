# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 21: hr_appraisal_oca ships no Chinese; dealer_kpi's i18n_extra
carries its terms, and loading dealer_kpi's translations writes them to
hr_appraisal_oca's records."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestI18nExtra(TransactionCase):
    def test_hr_appraisal_oca_terms_load_in_zh_cn(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["dealer_kpi"], ["zh_CN"], overwrite=True
        )
        zh = self.env(context={"lang": "zh_CN"})
        menu = zh.ref("hr_appraisal_oca.menu_hr_appraisal")
        self.assertEqual(menu.name, "考核")
        state = zh["ir.model.fields.selection"].search(
            [
                ("field_id.model", "=", "hr.appraisal"),
                ("field_id.name", "=", "state"),
                ("value", "=", "1_new"),
            ]
        )
        self.assertEqual(state.name, "待确认")
        arch = zh["hr.appraisal"].get_view(
            zh.ref("hr_appraisal_oca.hr_appraisal_form_view").id
        )["arch"]
        self.assertIn("私密备注", arch)
