"""``briefbook new``: scaffold an empty book that builds at once."""

from __future__ import annotations

import json
from pathlib import Path

from briefbook.core.errors import ToolError
from briefbook.ingest.text import write_new_file

_MKDOCS_YML = """\
site_name: {title}
docs_dir: docs
theme:
  name: material
  font: false
  features:
    - content.tooltips
    - navigation.indexes
plugins:
  - search
  - briefbook:
      briefing: briefing
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - footnotes
  - toc:
      permalink: true
validation:
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""
_INDEX_MD = """\
# {title}

Add articles with `briefbook add --briefing briefing ARTICLE.txt`; they appear under
[Sources](sources/index.md). Cite a paragraph as `[@source-id, ¶ 3]`.
"""
_SOURCES_YML = """\
# One entry per article in sources/: id, file, outlet, title, date, date_basis
# (stated | inferred | unknown), date_note, url, author, accessed, notes, derived_from.
# 'briefbook add' appends entries here; an article not listed still builds, as unknown.
"""


def new_book(directory: Path, *, title: str = "Briefing book") -> list[Path]:
    """Create ``mkdocs.yml``, ``docs/index.md`` and an empty ``briefing/`` in ``directory``.

    Raises:
        ToolError: a file to be created already exists (nothing is overwritten).
    """
    files = {
        directory / "mkdocs.yml": _MKDOCS_YML.format(title=json.dumps(title)),
        directory / "docs" / "index.md": _INDEX_MD.format(title=title),
        directory / "briefing" / "sources.yml": _SOURCES_YML,
    }
    clashes = [str(p) for p in files if p.exists()]
    if clashes:
        raise ToolError(f"{', '.join(clashes)} already exist(s); nothing was created "
                        "(choose an empty folder)")
    for path, text in files.items():
        write_new_file(path, text.encode("utf-8"))
    (directory / "briefing" / "sources").mkdir(parents=True, exist_ok=True)
    return list(files)
