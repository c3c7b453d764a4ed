"""The files of a built site: which pages there are, and which file a URL points to.

Only the site itself is ever read. A symbolic link that points outside the site folder is not
a file of the site: pages behind it are not read, and URLs that resolve through it are
missing targets (a link to ``/`` in the site does not make every URL valid).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit


class Resolver:
    """Resolves URLs of pages to files of the site, caching what repeats (navigation)."""

    def __init__(self, site: str, base: str) -> None:
        self.site = site
        self.real = os.path.realpath(site)
        self.base = base
        self.base_path = urlsplit(base).path.rstrip("/") if base else ""
        self.splits: dict[str, tuple[object, ...]] = {}
        self.targets: dict[tuple[tuple[str, ...], str, bool], str | None] = {}

    def split(self, url: str) -> tuple[object, ...]:
        """``("ext",)``, ``("other",)`` or ``("int", absolute, ups, rest, slash, fragment)``."""
        cached = self.splits.get(url)
        if cached is not None:
            return cached
        raw = url.strip()
        if self.base and raw.startswith(self.base):
            raw = "/" + raw[len(self.base):].lstrip("/")
        elif self.base_path and (raw == self.base_path or raw.startswith(self.base_path + "/")):
            raw = "/" + raw[len(self.base_path):].lstrip("/")
        parts = urlsplit(raw)
        fragment = parts.fragment if "#" in raw else None
        result: tuple[object, ...]
        if parts.scheme in ("http", "https") or (parts.netloc and not parts.scheme) \
                or raw.startswith("//"):
            result = ("ext",)
        elif parts.scheme:
            result = ("other",)
        elif not parts.path:
            result = ("int", False, -1, "", False, fragment)
        else:
            path = unquote(parts.path)
            absolute = path.startswith("/")
            rest = path.lstrip("/") if absolute else path
            ups = 0
            while True:
                if rest.startswith("./"):
                    rest = rest[2:]
                elif rest.startswith("../"):
                    rest, ups = rest[3:], ups + 1
                elif rest in ("..", "."):
                    ups += rest == ".."
                    rest = ""
                else:
                    break
            slash = path.endswith("/") or rest == ""
            result = ("int", absolute, ups, rest, slash, fragment)
        self.splits[url] = result
        return result

    def target(self, base: tuple[str, ...], rest: str, slash: bool) -> str | None:
        """The existing file a path resolves to (``index.html`` for folders), or ``None``."""
        key = (base, rest, slash)
        if key in self.targets:
            return self.targets[key]
        joined = posixpath.normpath("/".join((*base, rest))) if base or rest else "."
        found: str | None = None
        if not (joined == ".." or joined.startswith("../")):
            joined = "" if joined == "." else joined
            full = os.path.join(self.site, joined)
            if slash or os.path.isdir(full):
                index = f"{joined}/index.html" if joined else "index.html"
                found = index if os.path.isfile(os.path.join(self.site, index)) else None
            elif os.path.isfile(full):
                found = joined
            if found is not None and not inside(self.real, os.path.join(self.site, found)):
                found = None  # a symbolic link out of the site: not a file of the site
        self.targets[key] = found
        return found

    def resolve(self, here: tuple[str, ...], page: str, url: str,
                ) -> tuple[str, str | None, str | None]:
        """``(kind, target file or None, fragment)``; kind is ``int``, ``ext`` or ``other``."""
        split = self.split(url)
        if split[0] != "int":
            return str(split[0]), None, None
        _, absolute, ups, rest, slash, fragment = split
        if ups == -1:
            return "int", page, fragment  # type: ignore[return-value]
        if absolute:
            base_parts: tuple[str, ...] | None = ()
        else:
            base_parts = here[:len(here) - ups] if ups <= len(here) else None  # type: ignore[operator]
        target = None if base_parts is None else self.target(
            base_parts, rest, slash)  # type: ignore[arg-type]
        return "int", target, fragment  # type: ignore[return-value]

    def is_local(self, here: tuple[str, ...], page: str, url: str) -> bool:
        """Whether ``url``, on ``page`` (resolved against the folder ``here``), is a site file."""
        if self.split(url)[0] != "int" or self.split(url)[2] == -1:
            return False  # external, another scheme, or the page itself ("", "#x", "?q")
        return self.resolve(here, page, url)[1] is not None


def inside(real_site: str, path: str) -> bool:
    """Whether ``path``, symbolic links resolved, is the site folder or inside it."""
    real = os.path.realpath(path)
    return real == real_site or real.startswith(real_site.rstrip(os.sep) + os.sep)


def site_walk(site: Path, *, exclude: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """The site's HTML files, and its symbolic links that point outside it (both sorted).

    Symbolic links to folders are not followed (what they hold is either elsewhere in the
    site or outside it); a link to a file inside the site counts as that file. HTML files under
    the ``exclude`` folders (relative to the site) are not listed as pages; links out of the
    site are listed wherever they are.
    """
    real = os.path.realpath(site)
    prefixes = tuple(p.strip("/") + "/" for p in exclude)
    pages: list[str] = []
    escaping: list[str] = []
    for folder, dirs, files in os.walk(site):
        for name in [*dirs, *files]:
            path = os.path.join(folder, name)
            if os.path.islink(path) and not inside(real, path):
                escaping.append(Path(path).relative_to(site).as_posix())
        for name in files:
            path = os.path.join(folder, name)
            if name.endswith(".html") and os.path.isfile(path) and inside(real, path):
                page = Path(path).relative_to(site).as_posix()
                if not (prefixes and page.startswith(prefixes)):
                    pages.append(page)
    return sorted(pages), sorted(escaping)


def html_pages(site: Path, *, exclude: Sequence[str] = ()) -> list[str]:
    """Every HTML file of the site, relative and sorted, except under the ``exclude`` folders.

    Never one outside the site. Saved originals (``data/originals/``) are downloads, not pages
    of the site: the caller excludes them.
    """
    return site_walk(site, exclude=exclude)[0]
