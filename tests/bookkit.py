"""Helpers for tests: write small books and run real MkDocs builds of them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: Test book
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - search
  - briefbook
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
validation:
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""


def write_book(
    root: Path,
    articles: Mapping[str, bytes | str],
    *,
    sources_yml: str | None = None,
    docs: Mapping[str, str] | None = None,
    mkdocs_yml: str = MKDOCS_YML,
    yml: Mapping[str, str] | None = None,
) -> Path:
    """Write a book: ``mkdocs.yml``, ``docs/`` pages and ``briefing/sources/`` articles."""
    (root / "briefing" / "sources").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs_yml, "utf-8")
    for name, data in articles.items():
        raw = data.encode("utf-8") if isinstance(data, str) else data
        (root / "briefing" / "sources" / name).write_bytes(raw)
    if sources_yml is not None:
        (root / "briefing" / "sources.yml").write_text(sources_yml, "utf-8")
    for name, text in (yml or {}).items():
        (root / "briefing" / name).write_text(text, "utf-8")
    pages = {"index.md": "# Test book\n\nWelcome.\n", **(docs or {})}
    for path, text in pages.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    return root


def mkdocs_build(root: Path, *, strict: bool = True, site: Path | None = None,
                 env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a real ``mkdocs build`` of the book in ``root``."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"),
           "-d", str(site or root / "site")]
    if strict:
        cmd.append("--strict")
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, check=False)
