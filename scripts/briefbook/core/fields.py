"""Typed fields of the curation files: each value checked for its type and range.

Every record of ``sources.yml``, ``actors.yml``, ``events.yml`` and ``topics.yml`` passes
through :func:`check_fields` before it is used: a value of the wrong type (``author: 5``, a
list where one id is expected, a mapping where text is expected), an impossible date
(``2021-02-30``) or a number out of range is reported with file, line, key and a hint, and
left out of the record, so the rest of the record, the file and the book still load.

Dates are ISO 8601 calendar dates as precise as known: ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``, each a real date of the proleptic Gregorian calendar (``datetime.date``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from briefbook.core.errors import Problem, did_you_mean
from briefbook.core.yamlio import line_of

_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def iso_date(value: object) -> str | None:
    """The value as an ISO 8601 date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) if it is a real one.

    ``2021-02-30``, ``2021-13``, a year before 1000 and anything but such text (or a year as a
    number) give ``None``.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value) if 1000 <= value <= 9999 else ""
    if isinstance(value, dt.datetime):
        value = value.date().isoformat()
    elif isinstance(value, dt.date):
        value = value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _ISO_RE.match(text)
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    if year < 1000:
        return None
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return text


@dataclass(frozen=True)
class Field:
    """What one key of a record must hold.

    Attributes:
        kind: ``text`` (a string), ``texts`` (a string or a list of strings), ``date`` (see
            :func:`iso_date`), ``choice`` (one of ``choices``), ``id`` (lowercase letters,
            digits and hyphens), ``ids`` (an id or a list of them), ``bool``, ``count`` (a
            whole number from 0), ``number`` (from ``low`` to ``high``), ``list`` (a list of
            anything, checked later), ``cites`` (a citation string or a list of them).
        choices: The allowed values of a ``choice``.
        low: The smallest ``number``.
        high: The largest ``number``.
    """

    kind: str
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return f"a true/false value ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"'{value}'"
    return type(value).__name__


def _check(value: Any, field: Field) -> tuple[Any, str | None, str | None]:
    """``(clean value, None, None)`` or ``(None, what is wrong, hint)``."""
    kind = field.kind
    if kind == "text":
        if isinstance(value, str):
            return value, None, None
        return None, f"expected text, got {_type_name(value)}", "quote it: key: \"…\""
    if kind in ("texts", "cites", "ids"):
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            return None, (f"expected text or a list of texts, got {_type_name(value)}"), \
                "write key: [\"a\", \"b\"]"
        if kind == "ids" and (bad := [v for v in items if not _ID_RE.match(v)]):
            return None, f"'{bad[0]}' is not an id (lowercase letters, digits, hyphens)", None
        return items, None, None
    if kind == "date":
        date = iso_date(value)
        if date is not None:
            return date, None, None
        if isinstance(value, str) and _ISO_RE.match(value.strip()):
            return None, f"'{value}' is not a real calendar date", \
                "check that the month has that day (e.g. no 30 February)"
        return None, f"{_type_name(value)} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)", \
            "write e.g. 2021-02-28"
    if kind == "choice":
        if isinstance(value, str) and value in field.choices:
            return value, None, None
        hint = (did_you_mean(value, field.choices) if isinstance(value, str) else None) \
            or f"one of {', '.join(field.choices)}"
        return None, f"{_type_name(value)} is not one of the allowed values", hint
    if kind == "id":
        if isinstance(value, str) and _ID_RE.match(value):
            return value, None, None
        return None, f"expected one id (lowercase letters, digits, hyphens), got " \
            f"{_type_name(value)}", "write key: some-id"
    if kind == "bool":
        if isinstance(value, bool):
            return value, None, None
        return None, f"expected true or false, got {_type_name(value)}", None
    if kind == "count":
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value, None, None
        return None, f"expected a whole number from 0, got {_type_name(value)}", None
    if kind == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if ok and (field.low is None or value >= field.low) \
                and (field.high is None or value <= field.high):
            return value, None, None
        return None, f"expected a number from {field.low:g} to {field.high:g}, got " \
            f"{_type_name(value)}", None
    if kind == "list":
        if isinstance(value, list):
            return value, None, None
        return None, f"expected a list, got {_type_name(value)}", "write key: [a, b], or " \
            "one '- item' per line"
    raise ValueError(f"unknown field kind {kind!r}")


def check_fields(node: Any, data: Mapping[str, Any], fields: Mapping[str, Field], *,
                 file: str, what: str) -> tuple[dict[str, Any], list[Problem]]:
    """Check the typed fields of one record.

    Args:
        node: The record as loaded (ruamel keeps its lines; for messages).
        data: The record as plain values (:func:`briefbook.core.yamlio.plain`).
        fields: What each key must hold; keys not listed are passed through unchecked.
        file: The file, for messages.
        what: The record, for messages (e.g. ``source 'abc'``).

    Returns:
        The record without its bad values (``null`` values are dropped too), and one
        problem per bad value, with the key's line.
    """
    clean: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in data.items():
        field = fields.get(key)
        if value is None:
            continue
        if field is None:
            clean[key] = value
            continue
        checked, message, hint = _check(value, field)
        if message is None:
            clean[key] = checked
            continue
        problems.append(Problem(file=file, line=line_of(node, key), key=key, level="error",
                                message=f"{what}: '{key}': {message}; the value was left out",
                                hint=hint))
    return clean, problems
