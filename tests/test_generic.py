"""The engine stays generic: no name, source id or date of this book in the package's code."""

from __future__ import annotations

import re
from pathlib import Path

from bookkit import ROOT
from briefbook.read.book import load_book

ENGINE = ROOT / "scripts" / "briefbook"
# International bodies whose names are ordinary vocabulary (the comparison's word lists fold
# "EU" and "European Union" together, for any corpus).
ORDINARY = {"European Union", "United Nations"}


def book_pattern() -> re.Pattern[str]:
    """Source ids, stated or inferred dates, and the names and aliases of people,
    organisations and outlets of this book (countries are ordinary vocabulary)."""
    book = load_book(ROOT / "briefing")
    words = {s.id for s in book.sources} | {s.date for s in book.sources if s.date}
    acronyms: set[str] = set()
    for actor in book.actors:
        if actor.kind in ("state", "government") or actor.name in ORDINARY:
            continue
        for name in (actor.name, *actor.aliases):
            if name.isupper() and name.isalpha() and len(name) >= 3:
                acronyms.add(name)
            elif len(name) >= 4 and not name.isupper():
                words.add(name)
    parts = [rf"(?i:\b{re.escape(w)}\b)" for w in sorted(words, key=len, reverse=True)]
    parts += [rf"\b{re.escape(a)}\b" for a in sorted(acronyms)]
    return re.compile("|".join(parts))


def scan(paths: list[Path], pattern: re.Pattern[str]) -> list[str]:
    hits = []
    for path in paths:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if m := pattern.search(line):
                hits.append(f"{path.name}:{number}: {m.group()}")
    return hits


def test_engine_code_names_nothing_of_this_book():
    assert scan(sorted(ENGINE.rglob("*.py")), book_pattern()) == []


def test_the_scan_finds_a_planted_name_acronym_and_id(tmp_path: Path):
    book = load_book(ROOT / "briefing")
    person = next(a for a in book.actors if a.kind == "person")
    acronym = next(n for a in book.actors if a.kind == "organization" and a.name not in ORDINARY
                   for n in a.aliases if n.isupper() and n.isalpha() and len(n) >= 3)
    planted = tmp_path / "leak.py"
    planted.write_text(f'ok = "fine"\nname = "{person.name}"\nx = "{acronym} said"\n'
                       f'src = "{book.sources[0].id}"\n', "utf-8")
    assert [h.split(":")[1] for h in scan([planted], book_pattern())] == ["2", "3", "4"]
