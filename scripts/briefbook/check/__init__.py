"""The check stage: a built site's HTML, checked independently of MkDocs.

The check stage: reads a built site's HTML, independently of MkDocs, and reports every broken
link, missing anchor or asset, unresolved citation and misquotation, and anything a browser
would run that is not the theme's own.

Modules: ``checker`` (the whole check), ``scan`` (reading pages), ``sitefiles`` (the site's
files, never outside it), ``links`` (links, anchors, text fragments, external URLs), ``online``
(external URLs with a deadline), ``citing`` (citations and quotations), ``active`` (what a
browser would run), ``report`` (problems and output).
"""

__all__ = [
    "active",
    "checker",
    "citing",
    "links",
    "online",
    "report",
    "scan",
    "sitefiles",
]
