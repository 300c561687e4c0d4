"""pydantic's errors in tracker's own words (pydantic's wording never reaches a user): one table for each
file tracker validates with pydantic, tasks.toml (plan/validate.py) and contacts.toml (notify/contacts.py)."""

from __future__ import annotations

import re

from tracker.errors import BadInput

_WORDS = {
    "missing": "{who}{field} is required",
    "extra_forbidden": "{who}{field} is not a known key",
    "string_type": "{who}{field} must be text in quotes",
    "string_too_short": "{who}{field} must not be empty",
    "float_type": "{who}{field} must be a number",
    "int_type": "{who}{field} must be a whole number",
    "int_parsing": "{who}{field} must be a whole number",
    "int_from_float": "{who}{field} must be a whole number",
    "finite_number": "{who}{field} must be a finite number",
    "bool_type": "{who}{field} must be true or false",
    "list_type": "{who}{field} must be a list [\"…\", …]",
    "dict_type": "{who}{field} must be a table",
    "model_type": "{who}{field} must be a table",
    "date_type": "{who}{field} must be a date such as 2024-12-31 (no quotes)",
    "date_from_datetime_parsing": "{who}{field} must be a date such as 2024-12-31 (no quotes)",
    "date_from_datetime_inexact": "{who}{field} must be a date such as 2024-12-31, without a time",
    "date_parsing": "{who}{field} must be a date such as 2024-12-31 (no quotes)",
    "literal_error": "{who}{field} must be {choices}",
}
_BOUNDS = {"greater_than_equal": ("{who}{field} must be at least {limit}", "ge"),
           "greater_than": ("{who}{field} must be more than {limit}", "gt"),
           "less_than_equal": ("{who}{field} must be at most {limit}", "le"),
           "less_than": ("{who}{field} must be less than {limit}", "lt")}


def said(error: dict) -> tuple[str, dict]:
    """(template, fields) of one of pydantic's errors; the template's {who} and {field} are the caller's."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind in _BOUNDS:
        template, bound = _BOUNDS[kind]
        return template, {"limit": ctx.get(bound)}
    if kind == "literal_error":  # "cumulative" or "increment"; in Chinese, 或
        quoted = [f'"{c}"' for c in re.findall(r"'([^']*)'", str(ctx.get("expected")))]
        choices = BadInput("{head} or {last}", head=", ".join(quoted[:-1]), last=quoted[-1]) if len(quoted) > 1 else \
            "".join(quoted)
        return _WORDS[kind], {"choices": choices}
    return _WORDS.get(kind, "{who}{field} has a value that is not allowed here"), {}


def rest(model, raw, err, fill: dict | None = None):
    """The model of raw's keys that were right (the keys of err's errors left out), or None when they alone
    make none: the keys that are right are checked further all the same, so that every problem is said at once.
    `fill`: stand-ins for required keys that were wrong (a metric's key), so that the rest is still checked."""
    from pydantic import ValidationError

    if not isinstance(raw, dict):
        return None
    bad = set()
    for e in err.errors(include_url=False):
        if e["loc"]:
            field = model.model_fields.get(e["loc"][0])
            bad.add(field.alias if field is not None and field.alias else e["loc"][0])  # (as the file writes it)
    try:
        return model.model_validate({**{k: v for k, v in raw.items() if k not in bad},
                                     **{k: v for k, v in (fill or {}).items() if k in bad}})
    except ValidationError:
        return None
