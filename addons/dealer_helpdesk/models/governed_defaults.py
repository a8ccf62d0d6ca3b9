# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Context defaults of governed fields.

dealer_base's guard checks the values a caller gives to ``create``; a caller
can also hand them over as ``default_<field>`` keys of the context, which
``create`` applies after that check. This addon's governed models drop those
keys for anyone the guard does not trust, so that a governed field starts from
its own default or compute on every route."""


def without_governed_defaults(records, allowed=()):
    """``records`` with a context that holds no ``default_<field>`` key of a
    governed field (except the ``allowed`` ones), unless the caller is trusted
    (the model's own actions, the superuser)."""
    if records._dealer_is_trusted():
        return records
    governed = records._dealer_governed_fields().keys() - set(allowed)
    context = records.env.context
    keys = [
        key
        for key in context
        if key.startswith("default_") and key[len("default_") :] in governed
    ]
    if not keys:
        return records
    # A context without these keys: the keys must go, not be set to None (a
    # None default would be applied as the value).
    return records.with_context(  # pylint: disable=context-overridden
        {key: value for key, value in context.items() if key not in keys}
    )
