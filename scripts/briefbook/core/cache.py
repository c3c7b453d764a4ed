"""A content-hash cache of analysis results: in memory across rebuilds, and on disk.

Per-source analysis (mentions, quotations, dated sentences) depends only on the source's
paragraphs, the engine's code and, for some stages, a small context (the actor registry).
Stage functions ask::

    cached("mentions.source", key_of(source_key(source), context), lambda: ...)

and get the stored result when the same key was computed before — in this process (``mkdocs
serve`` keeps the process and the plugin alive across rebuilds) or in an earlier one (the disk
folder, ``.cache/briefbook/`` by default, written by :func:`flush` at the end of a build).
Stored files carry the engine version (the package version and a hash of the engine's source
files), so a code change never serves stale results.

The folder is safe to delete at any time; a missing, truncated or unreadable file is ignored
and its entries recomputed. Files are written atomically (temporary file, then rename). They
are pickles: the folder is a local build cache, never shared or downloaded.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
import weakref
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from briefbook.core.version import __version__

log = logging.getLogger(__name__)
T = TypeVar("T")
#: The default cache folder, relative to the folder of ``mkdocs.yml``.
DEFAULT_DIR = ".cache/briefbook"


@lru_cache(maxsize=1)
def engine_version() -> str:
    """The package version plus a hash of the engine's source and data files.

    Every floor's modules and the data files of each floor (word lists, the boilerplate and
    text-metadata patterns) count: a change to any of them changes analysis results, so it
    must change the key.
    """
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent.parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("data/*.txt"),
                        *package.rglob("data/*.yml")]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:16]}"


def key_of(*parts: object) -> str:
    """A stable key from parts (strings, numbers, tuples of them): SHA-256 of their ``repr``."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


#: :func:`source_key` per source object alive: ``id(source) → (weak reference, key)``.
_SOURCE_KEYS: dict[int, tuple[weakref.ref[Any], str]] = {}


def source_key(source: Any) -> str:
    """The content key of a source as analysis sees it: id, date and every paragraph.

    Paragraph texts rather than the file's SHA-256 alone, because which paragraphs are
    boilerplate depends on configuration, and records built in memory may carry no hash.
    A source record is frozen, so its key is computed once per record while it lives (the
    analysis asks about a dozen times per source and build).
    """
    kept = _SOURCE_KEYS.get(id(source))
    if kept is not None and kept[0]() is source:
        return kept[1]
    key = key_of(source.id, source.date, source.date_basis, tuple(
        (p.number, p.line, p.text, p.boilerplate) for p in source.paragraphs))
    ident = id(source)
    try:
        ref = weakref.ref(source, lambda _ref: _forget_source(ident, _ref))
    except TypeError:  # a record without weak references: not remembered
        return key
    _SOURCE_KEYS[ident] = (ref, key)
    return key


def _forget_source(ident: int, ref: weakref.ref[Any]) -> None:
    kept = _SOURCE_KEYS.get(ident)
    if kept is not None and kept[0] is ref:
        del _SOURCE_KEYS[ident]


class Cache:
    """A two-level cache: a dictionary in memory, then one pickle per namespace on disk.

    A namespace's file is read on first use and rewritten by :meth:`flush` when something new
    was computed; it then holds the entries used by this process only, so it never grows with
    old versions of edited sources. One file per namespace rather than one per entry: at
    thousands of sources, a file per entry cost more than the analysis it saved.

    Args:
        directory: The disk folder; ``None`` keeps results in memory only.
        version: Part of every key; defaults to :func:`engine_version`.
    """

    def __init__(self, directory: Path | str | None = None, *, version: str | None = None):
        self.directory = Path(directory) if directory is not None else None
        self.version = version if version is not None else engine_version()
        self.memory: dict[tuple[str, str], Any] = {}
        self.stored: dict[str, dict[str, Any]] = {}
        self.dirty: set[str] = set()
        self.records: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0

    def path(self, namespace: str) -> Path | None:
        """The file of ``namespace`` on disk (``None``: memory only).

        Named by the SHA-256 of the namespace: fixed names, never taken from any content.
        """
        if self.directory is None:
            return None
        return self.directory / f"{key_of(namespace)}.pickle"

    def _stored(self, namespace: str) -> dict[str, Any]:
        if namespace in self.stored:
            return self.stored[namespace]
        entries: dict[str, Any] = {}
        path = self.path(namespace)
        if path is not None and path.is_file():
            try:
                with path.open("rb") as handle:
                    version, stored_namespace, loaded = pickle.load(handle)
                if (version, stored_namespace) == (self.version, namespace) \
                        and isinstance(loaded, dict):
                    entries = loaded
            except Exception as exc:  # noqa: BLE001 - an unreadable file is recomputed
                log.debug("ignoring unreadable cache file %s: %s", path, exc)
        self.stored[namespace] = entries
        return entries

    def get_or_compute(self, namespace: str, key: str, compute: Callable[[], T]) -> T:
        """The stored value for ``key`` in ``namespace``, else ``compute()`` (then stored)."""
        slot = (namespace, key)
        if slot in self.memory:
            self.hits += 1
            return self.memory[slot]  # type: ignore[no-any-return]
        stored = self._stored(namespace)
        if key in stored:
            self.hits += 1
            value = stored[key]
        else:
            self.misses += 1
            value = compute()
            self.dirty.add(namespace)
        self.memory[slot] = value
        return value  # type: ignore[no-any-return]

    def get_checked(self, namespace: str, key: str, valid: Callable[[T], bool],
                    compute: Callable[[], T]) -> T:
        """Like :meth:`get_or_compute`, but a stored value is used only if ``valid(value)``.

        For results whose inputs are known only once computed (what a computation looked up
        is stored with its result, and ``valid`` compares it with the current inputs); an
        invalid value is computed again and replaces the stored one.
        """
        slot = (namespace, key)
        value = self.memory[slot] if slot in self.memory else self._stored(namespace).get(
            key, _MISSING)
        if value is not _MISSING and valid(value):
            self.hits += 1
            self.memory[slot] = value
            return value  # type: ignore[no-any-return]
        self.misses += 1
        value = compute()
        self.dirty.add(namespace)
        self.memory[slot] = value
        return value

    def get_latest(self, namespace: str, key: str, compute: Callable[[], T]) -> T:
        """Like :meth:`get_or_compute`, keeping only this entry of ``namespace`` in memory.

        For a result of the whole book (large, and useless once the book changed): a long
        ``mkdocs serve`` session does not accumulate one per edit.
        """
        value = self.get_or_compute(namespace, key, compute)
        for slot in [s for s in self.memory if s[0] == namespace and s[1] != key]:
            del self.memory[slot]
        return value

    def retain(self, namespace: str, keys: set[str]) -> None:
        """Forget the in-memory entries of ``namespace`` whose key is not in ``keys``.

        For per-page results of a long ``mkdocs serve`` session: the versions of a page that
        is no longer built are neither kept in memory nor written by the next :meth:`flush`.
        """
        for slot in [s for s in self.memory if s[0] == namespace and s[1] not in keys]:
            del self.memory[slot]

    def has(self, namespace: str, key: str,
            valid: Callable[[Any], bool] | None = None) -> bool:
        """Whether ``key`` is stored (in memory or on disk) and, if given, ``valid``."""
        slot = (namespace, key)
        value = self.memory[slot] if slot in self.memory else self._stored(namespace).get(
            key, _MISSING)
        return value is not _MISSING and (valid is None or valid(value))

    def put(self, namespace: str, key: str, value: Any) -> None:
        """Store a value computed elsewhere (:mod:`briefbook.core.parallel`); counts a miss."""
        self.misses += 1
        self.memory[(namespace, key)] = value
        self.dirty.add(namespace)

    def flush(self) -> None:
        """Write the namespaces that gained entries (atomically: temporary file, then rename)."""
        for namespace in sorted(self.dirty):
            path = self.path(namespace)
            if path is None:
                continue
            entries = {k: v for (n, k), v in self.memory.items() if n == namespace}
            self._write(path, (self.version, namespace, entries))
            self.stored[namespace] = entries
        self.dirty.clear()

    def _write(self, path: Path, payload: tuple[str, str, dict[str, Any]]) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
            log.debug("could not write cache file %s: %s", path, exc)

    def read_record(self, name: str) -> Any:
        """A small JSON record kept across builds and engine versions (``None`` if none).

        Records remember what a previous build saw (e.g. each source's paragraph rule), so a
        build can tell what changed since. A missing or unreadable file is ``None``.
        """
        if name in self.records:
            return self.records[name]
        path = self._record_path(name)
        if path is None or not path.is_file():
            return None
        try:
            return json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            log.debug("ignoring unreadable record %s: %s", path, exc)
            return None

    def _record_path(self, name: str) -> Path | None:
        """A record's file: named by a hash, never by content (like the cache's pickles)."""
        if self.directory is None:
            return None
        return self.directory / f"{key_of('record', name)}.json"

    def write_record(self, name: str, value: Any) -> None:
        """Keep a JSON record (in memory, and on disk atomically when there is a folder)."""
        self.records[name] = value
        path = self._record_path(name)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(value, handle, sort_keys=True)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, TypeError, ValueError) as exc:
            log.debug("could not write record %s: %s", path, exc)

    def clear_memory(self) -> None:
        """Forget the in-memory results (the disk files stay)."""
        self.memory.clear()
        self.stored.clear()
        self.dirty.clear()


_ACTIVE = Cache(None)
_MISSING = object()


def configure(directory: Path | str | None) -> Cache:
    """Make the process-wide cache use ``directory`` (``None``: memory only) and return it.

    Reconfiguring with the same folder keeps the in-memory results (``mkdocs serve``).
    """
    global _ACTIVE
    new_dir = Path(directory) if directory is not None else None
    if new_dir != _ACTIVE.directory:
        _ACTIVE = Cache(new_dir)
    return _ACTIVE


def active() -> Cache:
    """The process-wide cache the stage functions use."""
    return _ACTIVE


def flush() -> None:
    """Write what the process-wide cache computed since the last flush."""
    _ACTIVE.flush()


def cached(namespace: str, key: str, compute: Callable[[], T]) -> T:
    """Shorthand for ``active().get_or_compute(namespace, key, compute)``."""
    return _ACTIVE.get_or_compute(namespace, key, compute)


def cached_latest(namespace: str, key: str, compute: Callable[[], T]) -> T:
    """Shorthand for ``active().get_latest(namespace, key, compute)``."""
    return _ACTIVE.get_latest(namespace, key, compute)


def cached_checked(namespace: str, key: str, valid: Callable[[T], bool],
                   compute: Callable[[], T]) -> T:
    """Shorthand for ``active().get_checked(namespace, key, valid, compute)``."""
    return _ACTIVE.get_checked(namespace, key, valid, compute)
