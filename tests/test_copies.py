"""Quotations read in a copy of another source are flagged, never counted as statements."""

from __future__ import annotations

import json
from pathlib import Path

from briefbook.analyse.annotations import Annotations
from briefbook.core.model import Book
from briefbook.read.book import load_book
from briefbook.render.data import data_files
from briefbook.render.pages import build_pages

ROOT = Path(__file__).resolve().parents[1]


def test_copy_quotations_flagged_in_quotes_json_and_on_profiles() -> None:
    book = load_book(ROOT / "briefing")
    copies = {s.id for s in book.sources if s.derived_from}
    assert copies, "the example book has a source marked derived_from"
    annotations = Annotations(book)
    built = build_pages(book, {}, annotations=annotations)
    quotes = json.loads(data_files(book, built)["quotes.json"])
    derived = [q for q in quotes if q["derived"]]
    assert {q["source"] for q in derived} == copies
    assert [q for q in quotes if q["source"] in copies and not q["derived"]] == []
    assert all(q["original"] for q in derived), [q for q in derived if not q["original"]]
    speakers = {q["speaker"] for q in derived}
    for speaker in speakers:
        profile = built.pages[f"actors/{speaker}.md"]
        assert "## Quoted in a copy" in profile
        section = profile.split("## Quoted in a copy", 1)[1].split("\n## ", 1)[0]
        assert section.count("*as reworded in a copy:*") + section.count(
            "*copied verbatim:*") == sum(  # statements, not phrases
            1 for q in derived if q["speaker"] == speaker and q["kind"] == "statement")
    actors = {a["id"]: a for a in json.loads(data_files(book, built)["actors.json"])}
    for speaker in speakers:
        assert not [q for q in actors[speaker]["quotes"] if q["source"] in copies]


def _copy_book(tmp_path: Path, original: str, copy: str) -> Book:
    """A book of source ``first`` and ``second``, declared a copy of it."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "first.txt").write_text(original, encoding="utf-8")
    (tmp_path / "sources" / "second.txt").write_text(copy, encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        "- id: first\n  file: first.txt\n- id: second\n  file: second.txt\n"
        "  derived_from: first\n", encoding="utf-8")
    return load_book(tmp_path)


def test_copy_of_a_written_article_keeps_the_original_wording(tmp_path: Path) -> None:
    original = ("Harbour master Greta Lindholm spoke on Monday.\n\n"
                "“The channel will be dredged before the autumn storms arrive,” Lindholm said "
                "at the quay on Monday morning.\n")
    copy = ("Harbour master Greta Lindholm spoke on Monday.\n\n"
            "“The channel is going to be dredged before the autumn gales arrive,” Lindholm said "
            "at the quay on Monday morning.\n")
    a = Annotations(_copy_book(tmp_path, original, copy))
    copied = [q for q in a.quotes if a.is_copied(q)]
    assert [q.source for q in copied] == ["second"]
    found = a.copied[(copied[0].source, copied[0].paragraph, copied[0].start)]
    assert found.original and found.original.startswith("The channel will be dredged")


def test_a_quotation_copied_word_for_word_is_not_called_reworded(tmp_path: Path) -> None:
    original = ("Harbour master Greta Lindholm spoke on Monday.\n\n"
                "“The channel will be dredged before the autumn storms arrive,” Lindholm said "
                "at the quay on Monday morning.\n\n"
                "“Ships must wait,” Lindholm said later.\n")
    copy = ("Harbour master Greta Lindholm spoke on Monday.\n\n"
            "“The channel will be dredged before the autumn storms arrive,” Lindholm said "
            "at the quay on Monday.\n\n"
            "“Vessels have to wait,” Lindholm said later.\n")
    book = _copy_book(tmp_path, original, copy)
    built = build_pages(book, {})
    [profile] = [m for p, m in built.pages.items() if p.startswith("actors/greta")]
    section = profile.split("## Quoted in a copy", 1)[1]
    assert "- *copied verbatim:* <q>The channel will be dredged" in section
    assert "- *as reworded in a copy:* <q>Vessels have to wait" in section
