"""Generated pages backed by files, so that MkDocs' dirty builds can skip unchanged ones.

In MkDocs 1.6 a page made with ``File.generated(content=…)`` always counts as modified, so
``mkdocs serve --dirty`` rebuilds every generated page on every change. Here each generated
page is written to a folder of the cache and handed to MkDocs as an ordinary file; a file is
rewritten only when its Markdown changes, so its modification time says exactly when it
changed, and MkDocs' own rule (source newer than the built page) skips the rest.

What a file's content does not show is decided by :func:`stale_pages`: a page is rebuilt when
anything it draws from changed (see its docstring for the rule).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path


class PageFolder:
    """A folder of generated Markdown pages, each rewritten only when its content changes.

    Args:
        folder: Where the pages live (inside the plugin's cache folder, never ``docs/``).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._digests: dict[str, str] = {}
        self._written: dict[str, str] = {}  # the string last written, to skip hashing it again

    def write(self, pages: Mapping[str, str]) -> set[str]:
        """Make the folder hold exactly ``pages``; return the paths whose content changed.

        An unchanged file keeps its modification time (it is not rewritten), also across
        processes: a file already on disk is compared with the new content first. Writes are
        atomic (a temporary file renamed into place).
        """
        changed: set[str] = set()
        root = str(self.folder)
        for path, markdown in pages.items():
            if (self._written.get(path) is markdown and path in self._digests
                    and os.path.isfile(os.path.join(root, path))):
                continue  # the very string written last time (a page the rebuild reused)
            data = markdown.encode("utf-8")
            digest = hashlib.sha256(data).hexdigest()
            target = self.folder / path
            if self._digests.get(path) == digest and target.is_file():
                continue
            if not (path not in self._digests and target.is_file()
                    and target.read_bytes() == data):
                _atomic_write(target, data)
                changed.add(path)
            self._digests[path] = digest
            self._written[path] = markdown
        for path in set(self._digests) - set(pages):
            (self.folder / path).unlink(missing_ok=True)
            del self._digests[path]
            self._written.pop(path, None)
            changed.add(path)
        return changed


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def page_keys(handwritten: Mapping[str, str], extra: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """A digest per hand-written page of everything its HTML depends on besides its file.

    Args:
        handwritten: ``{path: Markdown}`` of the hand-written pages.
        extra: ``{path: [parts]}``: what the page draws from the book (the digests of the
            sources it cites, its evidence section, the actor ids it may link).

    Returns:
        ``{path: hex digest}``.
    """
    keys = {}
    for path, markdown in handwritten.items():
        digest = hashlib.sha256(markdown.encode("utf-8"))
        for part in extra.get(path, ()):
            digest.update(b"\0" + part.encode("utf-8"))
        keys[path] = digest.hexdigest()
    return keys


def stale_pages(previous: Mapping[str, str] | None, current: Mapping[str, str],
                previous_nav: str | None, nav: str) -> set[str] | None:
    """The hand-written pages to rebuild in a dirty build, or ``None`` for all pages.

    The rule: every page is rebuilt when the navigation changed (a page added, removed or
    retitled changes the menu of every page) or on the first build; otherwise a hand-written
    page is rebuilt when its own file changed (MkDocs sees that) or when its key from
    :func:`page_keys` changed, and a generated page when its Markdown changed
    (:meth:`PageFolder.write`).
    """
    if previous is None or previous_nav != nav:
        return None
    return {path for path, key in current.items() if previous.get(path) != key}


def merge_search_index(before: bytes, after: bytes, *, rebuilt: set[str],
                       order: list[str]) -> bytes:
    """The search index of a full build, from the one before and the one a dirty build wrote.

    Args:
        before: ``search_index.json`` as it was before the dirty build.
        after: What the search plugin wrote in the dirty build (entries of rebuilt pages).
        rebuilt: URLs of the pages rebuilt in the dirty build.
        order: URLs of every page in build order (entries are listed in that order).

    Returns:
        The index with each page's entries from ``after`` if the page was rebuilt, else from
        ``before``, in page order; serialised as the search plugin does.
    """
    old, new = json.loads(before), json.loads(after)
    by_page: dict[str, list[object]] = {}
    for entries, pages in ((old["docs"], None), (new["docs"], rebuilt)):
        for entry in entries:
            url = str(entry["location"]).split("#", 1)[0]
            if pages is None and url in rebuilt:
                continue
            by_page.setdefault(url, []).append(entry)
    new["docs"] = [entry for url in order for entry in by_page.get(url, [])]
    return json.dumps(new, separators=(",", ":"), default=str).encode("utf-8")
