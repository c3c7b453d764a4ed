"""briefbook: turn news articles into a cited, cross-linked MkDocs briefing book.

The pipeline runs in one direction through pure stages:

``briefing/`` → :mod:`briefbook.corpus` (load) → analysis modules → :mod:`briefbook.render`
(Markdown strings) → :mod:`briefbook.plugin` (MkDocs) → :mod:`briefbook.check` (built HTML).
"""

__version__ = "0.1.0"
