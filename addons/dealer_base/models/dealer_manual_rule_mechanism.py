# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Strongest first: a rule's state is the strongest kind among its mechanisms.
MECHANISM_KINDS = [
    ("enforced", "Enforced"),
    ("recorded", "Recorded"),
    ("reminded", "Reminded"),
]
# A compliance check is a method of this name on its model (AUD-05): the prefix
# keeps the registry from calling anything else.
CHECK_METHOD_RE = re.compile(r"^_dealer_compliance_[a-z0-9_]+$")


class DealerManualRuleMechanism(models.Model):
    """How an installed addon implements a rule of the manual.

    Each addon declares its mechanisms as data, so the list follows what is
    installed: uninstalling an addon removes its lines.

    A mechanism may name a compliance check (AUD-05): ``check_method`` on
    ``check_model``, called as ``method(companies, date_from, date_to)``, returns
    the violations of the rule in that period as a domain on ``check_model``
    (the offending records; counted with one query), or as a dict
    ``{"count": n, "domain": domain}`` when the violations are not records
    themselves (months without a stocktake...).
    """

    _name = "dealer.manual.rule.mechanism"
    _description = "Management Manual Rule Mechanism"
    _order = "rule_id, kind, module, id"

    rule_id = fields.Many2one(
        "dealer.manual.rule",
        string="Rule",
        required=True,
        index=True,
        ondelete="cascade",
    )
    name = fields.Char(string="Mechanism", required=True, translate=True)
    kind = fields.Selection(
        MECHANISM_KINDS,
        required=True,
        default="enforced",
        help="Enforced: the software refuses what breaks the rule. Recorded: the "
        "software keeps the records the rule asks for. Reminded: activities or "
        "scheduled actions remind the people responsible.",
    )
    module = fields.Char(string="Addon", required=True, help="Technical name.")
    reference = fields.Char(
        string="Technical reference",
        help="Model, then the methods or fields that implement the rule, "
        "separated by commas (the registry test checks that they exist).",
    )
    check_model = fields.Char(
        string="Check model",
        help="Technical name of the model whose records the compliance check "
        "counts.",
    )
    check_method = fields.Char(
        string="Compliance check",
        help="Method of the check model that returns the violations of the rule "
        "in a period; its name starts with _dealer_compliance_.",
    )
    violation_count = fields.Integer(
        string="Violations",
        compute="_compute_violation_count",
        help="Violations the compliance check finds in the period (this quarter "
        "unless a period filter is chosen), in the companies you work in.",
    )
    screen_model = fields.Char(
        compute="_compute_screen",
        help="Technical name of the model whose screen carries the rule.",
    )
    screen_name = fields.Char(
        string="Carried in",
        compute="_compute_screen",
        help="The kind of document whose screen carries the rule, in your language.",
    )

    @api.constrains("check_model", "check_method")
    def _check_check_method(self):
        for mechanism in self:
            if not (mechanism.check_model or mechanism.check_method):
                continue
            if not (
                mechanism.check_model
                and CHECK_METHOD_RE.match(mechanism.check_method or "")
            ):
                raise ValidationError(
                    self.env._(
                        "Mechanism %(name)s: a Compliance check needs a Check "
                        "model and a method name that starts with "
                        "_dealer_compliance_ (AUD-05).",
                        name=mechanism.name,
                    )
                )

    @api.depends("reference", "check_model")
    @api.depends_context("lang")
    def _compute_screen(self):
        """The reference's model, else the check's: the document people open
        to see the rule at work (issue 19: "where is it carried?")."""
        for mechanism in self:
            head = (mechanism.reference or "").strip().partition(" ")[0]
            model = head if head in self.env else mechanism.check_model
            if model not in self.env:
                model = False
            mechanism.screen_model = model
            # sudo: a model's name is no secret, but ir.model is the admin's.
            mechanism.screen_name = (
                model and self.env["ir.model"].sudo()._get(model).name
            )

    def _dealer_screen_action(self):
        """The window action of a menu the user sees that lists the screen's
        model, or False. Menus are searched as the user, so their groups apply."""
        self.ensure_one()
        if not self.screen_model:
            return False
        actions = (
            self.env["ir.actions.act_window"]
            .sudo()  # action records are readable; sudo only skips their ACL
            .search([("res_model", "=", self.screen_model)], order="id")
        )
        if not actions:
            return False
        Menu = self.env["ir.ui.menu"]
        menus = Menu.search(
            [("action", "in", [f"ir.actions.act_window,{a.id}" for a in actions])],
            order="sequence, id",
        )
        # A menu is reachable when it and every menu above it is visible (core
        # lists a visible action menu under a hidden folder too).
        visible = Menu._visible_menu_ids()
        for menu in menus:
            path = [int(menu_id) for menu_id in menu.parent_path.split("/") if menu_id]
            if set(path) <= visible and menu.action.res_model == self.screen_model:
                return menu.action.sudo()._get_action_dict()
        return False

    def action_open_screen(self):
        """Open the screen that carries the rule (issue 19)."""
        self.ensure_one()
        action = self._dealer_screen_action()
        if not action:
            raise UserError(
                self.env._(
                    "%(rule)s: no menu you can open shows %(screen)s.",
                    rule=self.rule_id.code,
                    screen=self.screen_name or self.reference or self.name,
                )
            )
        return action

    def _compute_violation_count(self):
        results = self._dealer_run_checks()
        for mechanism in self:
            mechanism.violation_count = results.get(mechanism.id, (0, []))[0]

    # ------------------------------------------------------------------ checks
    def _dealer_run_checks(self, companies=None, date_from=None, date_to=None):
        """{mechanism id: (count, domain)} for the checks among ``self`` whose
        records the current user may read: one call, and at most one query, per
        check, whatever the number of rules shown. ``companies`` defaults to
        the companies the user works in, the period to the context's."""
        if date_from is None or date_to is None:
            date_from, date_to = self.env["dealer.manual.rule"]._dealer_period()
        companies = companies or self.env.companies
        results = {}
        for mechanism in self.filtered("check_method"):
            model = self.env.get(mechanism.check_model)
            if model is None or not model.has_access("read"):
                continue
            method = getattr(model, mechanism.check_method, None)
            if method is None:
                continue
            result = method(companies, date_from, date_to)
            if isinstance(result, dict):
                count, domain = result["count"], result["domain"]
            else:
                domain = result
                count = model.search_count(domain)
            results[mechanism.id] = (count, domain)
        return results

    def _dealer_violations_action(self, domain):
        self.ensure_one()
        model = self.env[self.check_model]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "%(rule)s: violations (%(model)s)",
                rule=self.rule_id.code,
                model=model._description,
            ),
            "res_model": self.check_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": domain,
            "context": {"create": False},
        }

    def action_open_violations(self):
        """Open the records the check finds (AUD-05)."""
        self.ensure_one()
        result = self._dealer_run_checks().get(self.id)
        if result is None:
            raise UserError(
                self.env._(
                    "%(rule)s: you may not read the records this check counts, "
                    "or it has no check.",
                    rule=self.rule_id.code,
                )
            )
        return self._dealer_violations_action(result[1])

    # ------------------------------------------------------------ registry test
    def _dealer_reference_problems(self):
        """What the mechanisms name that does not exist (AUD-05): the
        reference's model, then its comma-separated members (a field, a method
        or attribute of the model, an SQL constraint, or an XML id, qualified or
        of the mechanism's addon), and the compliance check. One sentence per
        problem; the registry test expects none."""
        problems = []
        for mechanism in self:
            label = f"{mechanism.rule_id.code} {mechanism.module}"
            head, _sep, rest = (mechanism.reference or "").strip().partition(" ")
            if head == "template":
                if not self.env.ref(rest.strip(), raise_if_not_found=False):
                    problems.append(f"{label}: template {rest!r} does not exist")
            elif head:
                model = self.env.get(head)
                if model is None:
                    problems.append(f"{label}: model {head!r} does not exist")
                else:
                    for member in filter(None, (m.strip() for m in rest.split(","))):
                        if not mechanism._dealer_member_exists(model, member):
                            problems.append(
                                f"{label}: {head} has no field, method, "
                                f"constraint or record {member!r}"
                            )
            if mechanism.check_method:
                model = self.env.get(mechanism.check_model)
                if model is None:
                    problems.append(
                        f"{label}: check model {mechanism.check_model!r} "
                        "does not exist"
                    )
                elif not callable(getattr(model, mechanism.check_method, None)):
                    problems.append(
                        f"{label}: {mechanism.check_model} has no method "
                        f"{mechanism.check_method!r}"
                    )
        return problems

    def _dealer_member_exists(self, model, member):
        if "." in member:
            return bool(self.env.ref(member, raise_if_not_found=False))
        if member in model._fields or hasattr(type(model), member):
            return True
        if any(name == member for name, *_rest in model._sql_constraints):
            return True
        return bool(self.env.ref(f"{self.module}.{member}", raise_if_not_found=False))
