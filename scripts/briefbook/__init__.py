"""briefbook: turn news articles into a cited, cross-linked MkDocs briefing book.

The pipeline runs in one direction through pure stages, one sub-package each:

``briefing/`` → :mod:`briefbook.read` (a validated ``Book``) → :mod:`briefbook.analyse`
(``Annotations``) → :mod:`briefbook.render` (Markdown pages and data downloads) →
:mod:`briefbook.site` (the MkDocs plugin) → :mod:`briefbook.check` (the built HTML).
:mod:`briefbook.core` is below them all; :mod:`briefbook.ingest`, :mod:`briefbook.bench` and
:mod:`briefbook.cli` sit on top. A module imports only from its own floor or the floors below.
"""

from briefbook.core.version import __version__

__all__ = ["__version__"]
