"""The linear-time replacements give the same answers as the straightforward versions."""

from __future__ import annotations

import random
import re

from rapidfuzz.distance import Levenshtein

from briefbook.analyse.mentions import AliasTable, KeyFinder, _acronyms
from briefbook.analyse.nearmiss import _closest, _deletion_index
from briefbook.core.model import Actor, Book, Paragraph, Source
from briefbook.core.names import _normalize_by_char, normalize
from briefbook.render.sources import FILTER_FROM, render_sources_index
from briefbook.site.plugin import _listed_by_index

_ALPHABET = "ab'’sS-\"/ \t.é\u0301ﬁß“”İ"


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    fixed = ["", " ", "'s", "O'Brien's 'x'", "x'S.", "x'sa", "ﬁ", "e\u0301", "  -lead", "İß"]
    return fixed + ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 40)))
                    for _ in range(count)]


def test_normalize_fast_path_equals_character_by_character() -> None:
    for text in _texts(5000, 1):
        assert normalize(text) == _normalize_by_char(text), repr(text)


def test_key_finder_finds_what_the_alternation_finds() -> None:
    rng = random.Random(2)
    words = ["al", "alan", "alan b", "b", "bo", "bob smith", "smith", "u.s", "u.s. army", "ab"]
    for _ in range(2000):
        keys = sorted(set(rng.sample(words, rng.randint(1, len(words)))),
                      key=lambda k: (-len(k), k))
        text = " ".join(rng.choice(words + ["x", "alans", "smithy", ".", ","])
                        for _ in range(rng.randint(0, 12)))
        regex = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")
        expected = [(m.start(), m.end(), m.group()) for m in regex.finditer(text)]
        got = [(m.start(), m.end(), m.group()) for m in KeyFinder(keys).finditer(text)]
        assert got == expected, (keys, text)


def test_acronyms_found_as_the_alternation_finds_them() -> None:
    rng = random.Random(4)
    spellings = ["UN", "UNHCR", "US", "USA", "AT&T", "EU", "E", "IS", "NATO", "UK"]
    pieces = spellings + ["is", "U.N.", ".", "-", "’s", "USAF", "xUN", "2EU", "(", " "]
    for _ in range(2000):
        chosen = rng.sample(spellings, rng.randint(1, len(spellings)))
        actors = [Actor(id=f"a{i}", name=f"Org {i}", kind="organization", aliases=(name,))
                  for i, name in enumerate(chosen)]
        table = AliasTable.build(actors)
        ordered = sorted(table.acronyms, key=lambda k: (-len(k), k))
        if not ordered:  # "E" alone is no acronym: nothing to find
            assert list(_acronyms(table, "E E")) == []
            continue
        regex = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w])")
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", ", "])
                       for _ in range(rng.randint(0, 12)))
        expected = [(m.start(), m.end(), m.group()) for m in regex.finditer(text)]
        got = [(m.start(), m.end(), m.group()) for m in _acronyms(table, text)]
        assert got == expected, (ordered, text)


def test_deletion_index_finds_the_first_close_name() -> None:
    rng = random.Random(3)
    registered = sorted({"".join(rng.choice("abcde") for _ in range(rng.randint(5, 10)))
                         for _ in range(300)})
    index = _deletion_index(registered, 2)
    for _ in range(500):
        word = "".join(rng.choice("abcde") for _ in range(rng.randint(6, 11)))
        limit = 1 if len(word) <= 8 else 2
        brute = next((c for c in registered
                      if abs(len(c) - len(word)) <= limit and not word.startswith(c)
                      and 0 < Levenshtein.distance(word, c, score_cutoff=limit) <= limit), None)
        assert _closest(word, limit, index) == brute, word


def _book(n: int) -> Book:
    return Book(root="x", sources=tuple(
        Source(id=f"s-{i}", file=f"s-{i}.txt", sha256="", size=0,
               paragraphs=(Paragraph(number=1, text="Text.", line=1),)) for i in range(n)))


def test_sources_index_gets_a_filter_box_only_when_long() -> None:
    short = render_sources_index(_book(FILTER_FROM), cited_by={})
    long = render_sources_index(_book(FILTER_FROM + 1), cited_by={})
    assert 'id="bb-sources-filter"' not in short
    assert 'id="bb-sources-filter"' in long and long.count("<tr><td>") == FILTER_FROM + 1


def test_pages_listed_by_an_index_stay_out_of_an_automatic_nav() -> None:
    pages = {"sources/index.md": "", "sources/a.md": "", "actors/b.md": "", "compare.md": ""}
    assert _listed_by_index("sources/a.md", pages)
    assert not _listed_by_index("sources/index.md", pages)
    assert not _listed_by_index("actors/b.md", pages)  # no generated actors index
    assert not _listed_by_index("compare.md", pages)
