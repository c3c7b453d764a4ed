"""YAML with line numbers, for validation messages that point at file:line:column."""

from __future__ import annotations

import datetime as _dt
import os
import pickle
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from briefbook.core.cache import cached, key_of
from briefbook.core.errors import Problem

#: The most nodes a file may expand to through its aliases (a "billion laughs" file expands
#: to billions from a few lines).
MAX_EXPANDED_NODES = 200_000
_ALIAS_GATE_RE = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]", re.MULTILINE)
_ALIAS_RE = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\[\]{}]", re.MULTILINE)


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps timestamps as the text written.

    Whether ``2021-02-30`` is a date is for the field's check to say, with its line; a
    timestamp ruamel cannot construct must not make the whole file unreadable.
    """


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_str)


class _Recursive(Exception):
    def __init__(self, node: Node) -> None:
        self.node = node


def _expanded(root: Node | None) -> tuple[int, Node | None]:
    """How many nodes the document expands to, and a node that contains itself (if any)."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise _Recursive(node)
        active.add(key)
        total = 1
        if isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, SequenceNode):
            total += sum(size(v) for v in node.value)
        active.discard(key)
        sizes[key] = min(total, MAX_EXPANDED_NODES + 1)
        return sizes[key]

    try:
        return (size(root) if root is not None else 0), None
    except _Recursive as exc:
        return 0, exc.node


def load_yaml(path: Path, display: str) -> tuple[Any, list[Problem]]:
    """Load a YAML file, keeping line numbers on mappings and sequences.

    A missing file loads as ``None`` with no problem (curation is optional). A file that
    cannot be read, a syntax error, aliases that expand past :data:`MAX_EXPANDED_NODES` nodes
    or refer to themselves, or nesting too deep for the parser is a problem with file (and
    line and column when known); the result is then ``None``. Timestamps are kept as the text
    written (see :class:`_Constructor`).

    Args:
        path: The file to read.
        display: How to name the file in messages (relative to the book).
    """
    if not path.exists():
        return None, []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(file=display, level="error",
                              message=f"not UTF-8 at byte offset {exc.start}",
                              hint="save the file as UTF-8")]
    except OSError as exc:
        return None, [Problem(file=display, level="error",
                              message=f"cannot read: {exc.strerror or exc}",
                              hint="check the file's permissions")]
    blob = cached("yaml.files", key_of(display, text), lambda: _parsed_blob(text, display))
    return pickle.loads(blob) if blob is not None else _parse(text, display)


def _parsed_blob(text: str, display: str) -> bytes | None:
    """The parse of a file, pickled for the cache (``None`` when it cannot be pickled).

    Kept as bytes so that every caller gets its own copy (ingest commands change what they
    load and write it back); a build reads the book's YAML once per process instead of parsing
    it again (ruamel's round-trip parser is pure Python).
    """
    result = _parse(text, display)
    try:
        return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an object ruamel made that pickle cannot keep: parse every time
        return None


def _parse(text: str, display: str) -> tuple[Any, list[Problem]]:
    """Parse the text of a YAML file (see :func:`load_yaml`)."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    try:
        if _ALIAS_GATE_RE.search(text):  # anchors or aliases may be there: size them first
            nodes, loop = _expanded(YAML(typ="rt").compose(text))
            if loop is not None or nodes > MAX_EXPANDED_NODES:
                alias = _ALIAS_RE.search(text)
                line = (loop.start_mark.line + 1 if loop is not None else
                        text.count("\n", 0, alias.end() - 1) + 1 if alias else None)
                return None, [Problem(
                    file=display, line=line, level="error",
                    message="an alias refers to itself" if loop is not None else
                    f"aliases expand the file past {MAX_EXPANDED_NODES:,} values",
                    hint="write the values out instead of using anchors (&) and aliases (*)")]
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
    except RecursionError:
        return None, [Problem(file=display, level="error",
                              message="nested too deeply to read",
                              hint="flatten the lists and mappings")]
    except (ValueError, OverflowError) as exc:
        return None, [Problem(file=display, level="error", message=f"YAML value error: {exc}",
                              hint="quote the value or correct it")]
    except TypeError as exc:  # a complex key ('? - x'): a list or mapping cannot be a key
        return None, [Problem(file=display, level="error",
                              message=f"a key is a list or a mapping ({exc})",
                              hint="write each key as plain text before its colon; a line "
                                   "starting with '?' makes the next value a key")]
    return data, []


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


def not_a_list(data: Any, list_key: str, file: str, entry: str) -> Problem | None:
    """The error for a curation file whose records are not a list (``None`` when they are).

    :func:`items_of` reads nothing from such a file (a mapping of ids, a lone string), so the
    file would be ignored in silence: this says so, naming the file and the expected shape.

    Args:
        data: The loaded YAML (``None`` for a missing or empty file: no problem).
        list_key: The key a mapping may hold the list under (``actors``).
        file: How messages name the file.
        entry: The first key of one record, for the hint (``id``).
    """
    if data is None:
        return None
    container = data[list_key] if isinstance(data, dict) and list_key in data else data
    if isinstance(container, list):
        return None
    got = ("a mapping" if isinstance(container, dict) else "true/false" if isinstance(
        container, bool) else "a number" if isinstance(container, (int, float)) else "a text"
        if isinstance(container, str) else f"a {type(container).__name__}")
    line = line_of(data, list_key) if isinstance(data, dict) and list_key in data else None
    what = "review decisions" if list_key == "review" else list_key
    return Problem(file=file, line=line or line_of(data) or 1, level="error",
                   message=f"expected a list of {what}, got {got}: nothing in it is read",
                   hint=f"write one '- {entry}: …' entry per item (or '{list_key}:' "
                        f"holding that list)")


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
