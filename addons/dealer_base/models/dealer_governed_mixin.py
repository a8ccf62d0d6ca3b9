# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The governed-fields guard: the one way the dealer addons keep a rule's
fields (states, results, approvals, snapshots, the facts that grant access) in
the hands of the model's own actions, on every route: forms, the external API,
import (``load`` creates and writes through here) and any context a caller
sends.

A model inherits ``dealer.governed.mixin`` and declares, in any class of its
inheritance chain (the declarations add up)::

    _dealer_governed = {"state": "STK-10", "accepted_qty": "STK-10"}
    _dealer_keep_rule = "STK-10"            # records are never deleted...
    _dealer_deletable_states = ("draft",)   # ...once past these states

Its actions change governed fields through ``self._dealer_as_action()``, after
they checked what the user may do; ``write`` and ``create`` refuse them from
anyone else. The superuser (``sudo()``, data files, crons) passes too.
"""

import math

from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from ..tools import (
    GOVERNED_KEY,
    GOVERNED_TOKEN,
    company_runs,
    policy_on,
    policy_records,
    sharing_companies,
)

# PostgreSQL's int4, the column of every Integer field.
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1


class DealerGovernedMixin(models.AbstractModel):
    _name = "dealer.governed.mixin"
    _description = "Fields only the model's own actions change"

    _dealer_governed = {}
    _dealer_keep_rule = None
    _dealer_deletable_states = ()
    # Governed fields a caller may still preset through a ``default_<field>``
    # context key (a menu that opens the form of one kind of record).
    _dealer_default_allowed = ()
    # The company switch (a ``dealer_policy_*`` Boolean of res.company) whose
    # rules these fields carry; with it (or the company's
    # ``dealer_policy_manual``) off for the records' company, the guard and
    # the keep rule step aside. None: the manual's switch alone.
    _dealer_policy = None

    # ------------------------------------------------------------------ API
    def _dealer_as_action(self):
        """These records, allowed to change governed fields. Call it only from
        an action that has checked the user's rights and the rule."""
        return self.with_context(**{GOVERNED_KEY: GOVERNED_TOKEN})

    def _dealer_is_trusted(self):
        return (
            self.env.su
            or self.env.context.get(GOVERNED_KEY) is GOVERNED_TOKEN
            or not self._dealer_policy_on()
        )

    def _dealer_policy_on(self):
        """Whether the company of these records (of a create: the current
        company) runs the rules of this model (``_dealer_policy``)."""
        return policy_on(self, self._dealer_policy)

    @api.model
    def _dealer_governed_fields(self):
        """{field name: rule ID}, gathered over the whole inheritance chain."""
        governed = {}
        for cls in reversed(type(self).__mro__):
            governed.update(cls.__dict__.get("_dealer_governed") or {})
        return {name: rule for name, rule in governed.items() if name in self._fields}

    # ------------------------------------------------------------------ checks
    def _dealer_refuse_governed(self, fname, rule):
        field = self._fields[fname]
        raise UserError(
            self.env._(
                "%(field)s of %(model)s is set by its own actions (rule %(rule)s): "
                "it cannot be written directly, by import or over the API.",
                field=field._description_string(self.env),
                model=self._description,
                rule=rule,
            )
        )

    @api.model
    def _dealer_same_value(self, record, fname, value):
        field = self._fields[fname]
        if field.type in ("one2many", "many2many"):
            return False
        new = field.convert_to_cache(value, record, validate=False)
        old = field.convert_to_cache(record[fname], record, validate=False)
        return new == old

    def _dealer_check_governed_write(self, vals):
        if self._dealer_is_trusted():
            return
        governed = self._dealer_governed_fields()
        for fname in vals.keys() & governed.keys():
            # Re-saving the value a record already has (an exported file
            # imported back) changes nothing and is not refused.
            if not all(
                self._dealer_same_value(rec, fname, vals[fname]) for rec in self
            ):
                self._dealer_refuse_governed(fname, governed[fname])

    @api.model
    def _dealer_policy_on_create(self, vals_list):
        """Whether the company each new record is given (else the current
        company) runs this model's rules: a caller cannot pass the guard by
        creating from a company whose switch is off."""
        if "company_id" not in self._fields:
            # a shared record: the rules of any of the user's companies
            companies = sharing_companies(self.env)
        else:
            default = None
            if any("company_id" not in vals for vals in vals_list):
                default = self.default_get(["company_id"]).get("company_id")
            ids = {vals.get("company_id", default) for vals in vals_list}
            companies = self.env["res.company"].sudo().browse(ids - {False, None})
            if ids & {False, None}:
                # a record that names no company is shared by all of them
                companies |= sharing_companies(self.env)
        return any(company_runs(company, self._dealer_policy) for company in companies)

    @api.model
    def _dealer_check_governed_create(self, vals_list):
        if (
            self.env.su
            or self.env.context.get(GOVERNED_KEY) is GOVERNED_TOKEN
            or not self._dealer_policy_on_create(vals_list)
        ):
            return
        governed = self._dealer_governed_fields()
        given = set().union(*(vals.keys() for vals in vals_list)) & governed.keys()
        if not given:
            return
        defaults = self.default_get(list(given))
        new = self.browse()
        for fname in given:
            field = self._fields[fname]
            for vals in vals_list:
                if fname not in vals:
                    continue
                # A computed field given on create skips its compute: refused.
                # A plain field may only be given the value it starts with.
                if field.compute or not self._dealer_same_create_value(
                    new, fname, vals[fname], defaults.get(fname)
                ):
                    self._dealer_refuse_governed(fname, governed[fname])

    @api.model
    def _dealer_same_create_value(self, new, fname, value, default):
        field = self._fields[fname]
        if field.type in ("one2many", "many2many"):
            return not value
        new_value = field.convert_to_cache(value, new, validate=False)
        return new_value == field.convert_to_cache(default, new, validate=False)

    @api.model
    def _dealer_check_numbers(self, vals):
        """NaN, infinity and numbers a column cannot hold are refused with the
        field's name, not left to fail in PostgreSQL as a server error."""
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if not field or field.type not in ("float", "monetary", "integer"):
                continue
            if not isinstance(value, int | float) or isinstance(value, bool):
                continue
            bad = (field.type == "integer" and not _INT_MIN <= value <= _INT_MAX) or (
                isinstance(value, float) and not math.isfinite(value)
            )
            if bad:
                raise ValidationError(
                    self.env._(
                        "%(field)s: %(value)s is not a number that can be kept.",
                        field=field._description_string(self.env),
                        value=value,
                    )
                )

    # ------------------------------------------------------------------ CRUD
    @api.model
    def _dealer_without_caller_defaults(self):
        """This model without the caller's ``default_<governed field>`` context
        keys. An action that creates records as trusted (``_dealer_as_action``)
        on a caller's behalf starts from here, so the caller's context does not
        preset what the action governs."""
        if self._dealer_is_trusted():
            return self
        governed = self._dealer_governed_fields().keys() - set(
            self._dealer_default_allowed
        )
        context = {
            key: value
            for key, value in self.env.context.items()
            if not (key.startswith("default_") and key[8:] in governed)
        }
        if len(context) == len(self.env.context):
            return self
        # A new environment, not with_context(): the keys must go, not be set.
        return self.with_env(self.env(context=context))

    @api.model
    def default_get(self, fields_list):
        """``create`` applies the context's ``default_<field>`` keys after the
        guard saw the values: a governed field starts from its own default or
        compute, not from the caller's context."""
        this = self._dealer_without_caller_defaults()
        return super(DealerGovernedMixin, this).default_get(fields_list)

    @api.model_create_multi
    def create(self, vals_list):
        # Numbers first: comparing a NaN with a governed value would fail.
        for vals in vals_list:
            self._dealer_check_numbers(vals)
        self._dealer_check_governed_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._dealer_check_numbers(vals)
        self._dealer_check_governed_write(vals)
        return super().write(vals)

    def _dealer_kept_records(self):
        """The records the manual keeps (``_dealer_keep_rule``): all of them,
        or those past ``_dealer_deletable_states``."""
        if not self._dealer_keep_rule:
            return self.browse()
        # A company that does not run the model's policy keeps nothing.
        kept = policy_records(self, self._dealer_policy)
        if self._dealer_deletable_states and "state" in self._fields:
            return kept.filtered(
                lambda rec: rec.state not in self._dealer_deletable_states
            )
        return kept

    @api.ondelete(at_uninstall=False)
    def _unlink_except_dealer_kept(self):
        kept = self._dealer_kept_records()
        if kept:
            raise UserError(
                self.env._(
                    "%(records)s: the manual keeps these records (rule %(rule)s). "
                    "Cancel or archive them instead of deleting them.",
                    records=", ".join(kept[:5].mapped("display_name")),
                    rule=self._dealer_keep_rule,
                )
            )
