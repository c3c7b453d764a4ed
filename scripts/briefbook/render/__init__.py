"""The render stage: pages and data downloads as strings, and the citation step.

The render stage: pure functions from the book and its annotations to Markdown pages and data
downloads, and the citation step (parse once per page, notes, quotation and claim checks,
back-links), also a Python-Markdown extension (``mdext``). No I/O, except the extension loading
a book when a builder gives it none.

Modules: ``actors``, ``base``, ``bibtex``, ``chronology``, ``chronology_entry``, ``citations``,
``citestep``, ``claimcheck``, ``compare``, ``data``, ``datapage``, ``eventpages``, ``jsonld``,
``markup``, ``mdext``, ``numbering``, ``pages``, ``parts``, ``quotecheck``, ``review``,
``sources``, ``timeline``, ``topics``.
"""

__all__ = [
    "actors",
    "base",
    "bibtex",
    "chronology",
    "chronology_entry",
    "citations",
    "citedby",
    "citestep",
    "claimcheck",
    "compare",
    "data",
    "datapage",
    "eventpages",
    "jsonld",
    "markup",
    "mdext",
    "numbering",
    "pages",
    "parts",
    "quotecheck",
    "review",
    "sources",
    "timeline",
    "topics",
]
