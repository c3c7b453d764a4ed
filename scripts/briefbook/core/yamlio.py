"""YAML with line numbers, for validation messages that point at file:line:column."""

from __future__ import annotations

import datetime as _dt
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from briefbook.core.errors import Problem


def load_yaml(path: Path, display: str) -> tuple[Any, list[Problem]]:
    """Load a YAML file, keeping line numbers on mappings and sequences.

    A missing file loads as ``None`` with no problem (curation is optional). A syntax error is
    a problem with file, line and column; the result is then ``None``.

    Args:
        path: The file to read.
        display: How to name the file in messages (relative to the book).
    """
    if not path.exists():
        return None, []
    yaml = YAML(typ="rt")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(file=display, level="error",
                              message=f"not UTF-8 at byte offset {exc.start}",
                              hint="save the file as UTF-8")]
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        what = exc.problem or exc.context or "invalid YAML"
        return None, [Problem(file=display, line=line, column=column, level="error",
                              message=f"YAML syntax error: {what}",
                              hint="check indentation and quoting near this line")]
    except YAMLError as exc:
        return None, [Problem(file=display, level="error", message=f"YAML error: {exc}")]
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. date: 2019-02-30
        return None, [Problem(file=display, line=_bad_date_line(text), level="error",
                              message=f"YAML value error: {exc}",
                              hint="quote the value or correct it (dates are YYYY-MM-DD)")]
    return data, []


_DATE_RE = re.compile(r"(?<![\w-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])")


def _bad_date_line(text: str) -> int | None:
    """The line of the first impossible date (what ruamel fails to construct), if any."""
    for m in _DATE_RE.finditer(text):
        try:
            _dt.date(*(int(g) for g in m.groups()))
        except ValueError:
            return text.count("\n", 0, m.start()) + 1
    return None


def line_of(node: Any, key: str | int | None = None) -> int | None:
    """1-based line of a mapping (or of one of its keys / sequence items), when known."""
    lc = getattr(node, "lc", None)
    if lc is None or getattr(lc, "line", None) is None:  # e.g. a tagged scalar
        return None
    try:
        if key is not None and isinstance(node, CommentedMap) and key in node:
            return lc.key(key)[0] + 1
        if key is not None and isinstance(node, CommentedSeq) and isinstance(key, int):
            return lc.item(key)[0] + 1
        return lc.line + 1
    except (KeyError, IndexError, TypeError):
        return lc.line + 1


def items_of(data: Any, list_key: str) -> Iterator[tuple[int, Any]]:
    """Iterate over the records of a curation file.

    Accepts either a top-level list of mappings or a mapping with ``list_key`` holding it.
    """
    if isinstance(data, dict) and list_key in data:
        data = data[list_key]
    if isinstance(data, list):
        yield from enumerate(data)


def plain(value: Any) -> Any:
    """Convert ruamel's round-trip types (and YAML dates) to plain Python values."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value


def atomic_write(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename.

    Readers see the old file or the new one, never a part. With ``overwrite=False`` the file
    is linked into place instead, which raises ``FileExistsError`` rather than replace a file
    that exists (how tools avoid clobbering an editor's file).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
