"""URLs of pages as MkDocs publishes them, and relative links between them (pure)."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import quote


@lru_cache(maxsize=1 << 16)
def page_url(src_uri: str, *, directory_urls: bool = True) -> str:
    """The site URL of a Markdown page: ``sources/x.md`` → ``sources/x/`` (or ``.html``)."""
    stem, _ = posixpath.splitext(src_uri)
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        if directory_urls:
            return f"{folder}/" if folder else ""
        return f"{folder}/index.html" if folder else "index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


@lru_cache(maxsize=1 << 16)
def relative(target_url: str, from_url: str) -> str:
    """A link from the page at ``from_url`` to ``target_url`` (both site-relative).

    Kept per pair (a page links the same source page once per cited paragraph).
    """
    from_dir = from_url if from_url in ("",) or from_url.endswith("/") else (
        posixpath.dirname(from_url) + "/" if "/" in from_url else "")
    rel = posixpath.relpath("/" + target_url, "/" + from_dir)
    if target_url == "" or target_url.endswith("/"):
        rel = "./" if rel == "." else rel.rstrip("/") + "/"
    return quote(rel, safe="/:@!$&'()*+,;=-._~")


def href(from_src: str, to_src: str, anchor: str | None = None, *,
         directory_urls: bool = True) -> str:
    """A relative link from one Markdown page to another (and an optional anchor)."""
    url = relative(page_url(to_src, directory_urls=directory_urls),
                   page_url(from_src, directory_urls=directory_urls))
    if from_src == to_src:
        url = ""
    return f"{url}#{anchor}" if anchor else (url or "./")
