"""Bringing articles and metadata into a book.

Bringing articles in: plain text, saved pages and URLs, bibliographies, duplicate detection and
the scaffold of a new book. Writes only through atomic, no-clobber writes.

Modules: ``duplicates``, ``files``, ``html``, ``references``, ``scaffold``, ``sourcemeta``,
``text``.
"""

__all__ = [
    "duplicates",
    "files",
    "html",
    "references",
    "scaffold",
    "sourcemeta",
    "text",
]
