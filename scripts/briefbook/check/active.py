"""What a browser would run: event handlers, script URLs and scripts that are not the theme's.

A built page may run only the theme's own code. Reported on every page:

- an **event-handler attribute** (any attribute whose name starts with ``on``);
- a **script URL**: ``javascript:`` or ``vbscript:`` in a URL attribute (``href``, ``src``,
  ``action``, ``formaction``, ``data``, ``xlink:href``, …), control characters and case
  ignored as browsers ignore them, and a ``data:`` URL anywhere but an image's ``src``;
- an ``<iframe srcdoc>``, a document inside the page;
- a **script** that is not the theme's own asset. The theme's own are, precisely: a
  ``<script src>`` whose URL is a file of the site itself (the theme's JavaScript, the
  briefbook plugin's and the book's ``extra_javascript``); a data block (a ``type`` that is
  not JavaScript, such as ``application/json`` or ``application/ld+json``); and an inline
  script the theme's template writes *outside the page's content* (MkDocs and Material put
  their few inline scripts in the page frame; the content is the page's first ``<article>``,
  else its ``[role=main]`` element, else its ``<main>``; a page with none of them has no
  frame, and every inline script in it is reported). An inline script inside the content
  came from Markdown: a page's raw HTML or generated text. Scripts belong in asset files
  listed in ``extra_javascript``. A ``<script src>`` on another site is reported too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

#: Attributes whose value is a URL a browser follows or loads.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "xlink:href",
                            "poster", "background", "cite", "codebase", "ping", "lowsrc",
                            "dynsrc", "manifest", "icon"})
#: ``type`` values that make a ``<script>`` run (empty: no ``type`` attribute).
JAVASCRIPT_TYPES = frozenset({"", "module", "text/javascript", "application/javascript",
                              "text/ecmascript", "application/ecmascript",
                              "application/x-javascript", "text/jscript", "text/livescript",
                              "application/x-ecmascript", "text/x-javascript"})
_SUSPECT = etree.XPath(
    "//@*[starts-with(translate(name(), 'ON', 'on'), 'on')"
    " or contains(translate(., 'SCRIPT', 'script'), 'script:')"
    " or contains(translate(., 'DATA', 'data'), 'data:')]"
    " | //script | //iframe[@srcdoc]",
    smart_strings=True)
#: The page's content: its first ``<article>``, else ``[role=main]``, else ``<main>``.
_CONTENT = (etree.XPath("(//article)[1]"), etree.XPath("(//*[@role='main'])[1]"),
            etree.XPath("(//main)[1]"))
_STRIP_RE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme a browser reads from a URL attribute (``None`` for a relative URL).

    Browsers drop ASCII control characters (a tab inside ``java script:``) and leading spaces
    from the scheme and ignore its case, so such a value is still ``javascript``.
    """
    match = _SCHEME_RE.match(_STRIP_RE.sub("", value).lower())
    return match.group(1) if match else None


def active_content(tree: etree._Element, is_local: Callable[[str], bool]
                   ) -> list[tuple[str, str]]:
    """Everything a browser would run on this page that is not the theme's own.

    Args:
        tree: The parsed page.
        is_local: Whether a ``<script src>`` URL is a file of the site.

    Returns:
        ``(what, detail)`` pairs: ``what`` is a short description with the element, ``detail``
        the offending value (truncated).
    """
    found: list[tuple[str, str]] = []
    content: etree._Element | None = None
    for xpath in _CONTENT:
        hits = xpath(tree)
        if hits:
            content = hits[0]
            break
    for hit in _SUSPECT(tree):
        if isinstance(hit, str):  # an attribute value
            element = hit.getparent()
            name = str(hit.attrname).lower()
            tag = str(element.tag).lower()
            if name.startswith("on"):
                found.append((f"event-handler attribute '{name}' on <{tag}>", hit[:120]))
                continue
            if name not in URL_ATTRIBUTES:
                continue
            scheme = url_scheme(hit)
            if scheme in ("javascript", "vbscript"):
                found.append((f"{scheme}: URL in '{name}' of <{tag}>", hit[:120]))
            elif scheme == "data" and not (tag == "img" and name == "src"):
                found.append((f"data: URL in '{name}' of <{tag}>", hit[:120]))
            continue
        tag = str(hit.tag).lower()
        if tag == "iframe":
            found.append(("<iframe srcdoc>: a document inside the page",
                          str(hit.get("srcdoc"))[:120]))
            continue
        kind = (hit.get("type") or "").strip().lower().split(";")[0]
        if kind not in JAVASCRIPT_TYPES:
            continue  # a data block (JSON, JSON-LD, a template): browsers do not run it
        src = hit.get("src")
        if src is not None:
            if not is_local(src):
                found.append(("<script src> that is not a file of the site", src[:120]))
        elif content is None or content in hit.iterancestors():
            text = "".join(hit.itertext()).strip()
            found.append(("inline <script> inside the page's content", text[:120]))
    return found
