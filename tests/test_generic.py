"""The engine stays generic: no name, source id or date of this book in the package's code."""

from __future__ import annotations

import re
from pathlib import Path

from bookkit import ROOT
from briefbook.book import load_book

ENGINE = ROOT / "scripts" / "briefbook"


def book_terms() -> set[str]:
    book = load_book(ROOT / "briefing")
    terms = {s.id for s in book.sources}
    terms |= {s.date for s in book.sources if s.date and len(s.date) == 10}
    for actor in book.actors:
        if actor.kind != "person":  # country and agency names are ordinary vocabulary
            continue
        for name in (actor.name, *actor.aliases):
            if len(name) >= 6:
                terms.add(name)
    return terms


def test_engine_code_names_nothing_of_this_book():
    terms = book_terms()
    assert len(terms) > 20
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)),
                         re.IGNORECASE)
    hits = []
    for path in sorted(ENGINE.rglob("*.py")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if m := pattern.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {m.group()}")
    assert hits == []


def test_the_check_would_catch_a_leak(tmp_path: Path):
    terms = book_terms()
    sample = sorted(terms)[0]
    pattern = re.compile(re.escape(sample), re.IGNORECASE)
    assert pattern.search(f"x = '{sample}'")
