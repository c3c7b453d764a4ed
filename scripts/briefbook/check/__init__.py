"""The check stage: a built site's HTML, checked independently of MkDocs.

The check stage: reads a built site's HTML, independently of MkDocs, and reports every broken
link, missing anchor or asset, unresolved citation and misquotation, and anything a browser
would run that is not the theme's own.

Modules: ``active``, ``checker``, ``online``, ``sitefiles``.
"""

__all__ = [
    "active",
    "checker",
    "online",
    "sitefiles",
]
