"""The render stage: pages and data downloads as strings, and the citation step.

The render stage: pure functions from the book and its annotations to Markdown pages and data
downloads, and the citation step (parse once per page, notes, quotation check, back-links). No
I/O.

Modules: ``actors``, ``base``, ``bibtex``, ``chronology``, ``chronology_entry``, ``citations``,
``compare``, ``data``, ``datapage``, ``jsonld``, ``markup``, ``numbering``, ``pages``,
``quotecheck``, ``review``, ``sources``, ``timeline``, ``topics``.
"""

__all__ = [
    "actors",
    "base",
    "bibtex",
    "chronology",
    "chronology_entry",
    "citations",
    "compare",
    "data",
    "datapage",
    "jsonld",
    "markup",
    "numbering",
    "pages",
    "quotecheck",
    "review",
    "sources",
    "timeline",
    "topics",
]
