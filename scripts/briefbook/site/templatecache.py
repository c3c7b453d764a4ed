"""The theme's compiled templates, kept in memory for a ``mkdocs serve`` session and on disk.

MkDocs makes a new Jinja environment for every build and compiles each theme template it
renders; for Material that is a large part of a small book's build (about 40 templates) and a
third of a rebuild after a one-page edit. :class:`TemplateCache` is a Jinja bytecode cache:
compiled code is kept in memory and, when the book has a cache folder, in one file per
template under it, so a new build process compiles nothing the previous one compiled.

Jinja stores the template source's checksum and its own bytecode version with the code and
checks both on load: an edited template, a new theme version or another Jinja version is
compiled afresh. Files are written atomically (temporary file, then rename); an unreadable one
is ignored.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

log = logging.getLogger(__name__)


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates in memory and, with a ``folder``, on disk (see the module docstring).

    Attributes:
        folder: Where compiled templates are kept between processes (``None``: memory only).
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._store: dict[str, bytes] = {}

    def _path(self, key: str) -> Path | None:
        # Jinja's bucket key is a SHA-1 hex digest of the template's name and file name
        return self.folder / f"{key}.jinja" if self.folder is not None else None

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` when this template was compiled before (Jinja checks the source)."""
        data = self._store.get(bucket.key)
        path = self._path(bucket.key)
        if data is None and path is not None:
            try:
                data = path.read_bytes()
            except OSError:
                data = None
        if data is not None:
            bucket.bytecode_from_string(data)  # resets the bucket on a stale checksum
            if bucket.code is not None:
                self._store[bucket.key] = data

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the bucket's compiled code (in memory, and on disk with a folder)."""
        data = bucket.bytecode_to_string()
        if self._store.get(bucket.key) == data:
            return
        self._store[bucket.key] = data
        path = self._path(bucket.key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            log.debug("could not keep the compiled template %s: %s", path, exc)
