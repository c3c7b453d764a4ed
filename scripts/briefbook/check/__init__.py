"""The check stage: a built site's HTML, checked independently of MkDocs.

The check stage: reads a built site's HTML, independently of MkDocs, and reports every broken
link, missing anchor or asset, unresolved citation and misquotation.

Modules: ``checker`` (the whole check), ``scan`` (reading pages), ``links`` (links, anchors,
text fragments, external URLs), ``citing`` (citations and quotations), ``report`` (problems
and output).
"""

__all__ = [
    "checker",
    "citing",
    "links",
    "report",
    "scan",
]
