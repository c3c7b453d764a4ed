"""The briefing book itself: a strict build of the repository's own book."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from bookkit import ROOT
from briefbook.read.book import load_book


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("book") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(out)], capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_the_book_loads_without_problems():
    book = load_book(ROOT / "briefing")
    assert [str(p) for p in book.problems if p.level != "info"] == []
    assert len(book.sources) >= 5
    assert all(s.curated for s in book.sources)


def test_every_paragraph_of_every_source_has_its_anchor(site: Path):
    book = load_book(ROOT / "briefing")
    for source in book.sources:
        html = (site / "sources" / source.id / "index.html").read_text("utf-8")
        for para in source.paragraphs:
            assert f'id="{source.anchor(para.number)}"' in html


def test_sources_json_hashes_match_the_verbatim_files(site: Path):
    items = json.loads((site / "data" / "sources.json").read_text("utf-8"))
    assert items
    for item in items:
        raw = (ROOT / "briefing" / "sources" / item["custom"]["file"]).read_bytes()
        assert item["custom"]["sha256"] == hashlib.sha256(raw).hexdigest()
        assert item["custom"]["paragraphs"] > 0
        assert item["custom"]["date_basis"] in ("stated", "inferred", "unknown")


def test_every_citation_in_the_book_resolves(site: Path):
    records = json.loads((site / "data" / "citations.json").read_text("utf-8"))
    assert records, "the book cites nothing"
    assert [r for r in records if not r["resolved"]] == []
    assert sum(1 for r in records if r["page"] == "index.md") >= 5
