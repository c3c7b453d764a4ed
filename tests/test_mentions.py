"""Mentions: folding, surnames after the full name, titles, near misses, unknown names."""

from __future__ import annotations

from pathlib import Path

from briefbook.analyse.mentions import find_mentions
from briefbook.analyse.nearmiss import near_misses, unknown_names
from briefbook.core.model import Actor, Book, Paragraph, Role, Source
from briefbook.core.names import normalize


def book_of(*paragraphs: str, sid: str = "a") -> Book:
    paras = tuple(Paragraph(number=i, text=t, line=i) for i, t in enumerate(paragraphs, 1))
    return Book(root="", sources=(Source(id=sid, file=f"{sid}.txt", paragraphs=paras,
                                         sha256="", size=0),))


MILITIA = Actor(id="kataib-x", name="Kata’ib Xyz", kind="organization",
                aliases=("Kait'ib Xyz", "KX"))
JANE = Actor(id="jane-doe", name="Jane Q. Doé", kind="person",
             roles=(Role(title="Harbour Authority spokeswoman"),))
JOHN = Actor(id="john-doe", name="John Doe", kind="person")


def found(book: Book, *actors: Actor) -> list[tuple[int, str, str, str]]:
    return [(m.paragraph, m.actor, m.text, m.via) for m in find_mentions(book, actors)]


def test_normalize_maps_back_to_the_original(tmp_path: Path) -> None:
    folded, offsets = normalize("Kata’ib  Xyz’s  al-Shuhada")
    assert folded == "kataib xyz s al shuhada"
    assert len(offsets) == len(folded) and offsets[-1] == len("Kata’ib  Xyz’s  al-Shuhada") - 1


def test_apostrophe_unicode_and_hyphen_folding() -> None:
    book = book_of("Kata’ib Xyz and Kataib Xyz and KATA'IB XYZ.", "Kait’ib Xyz (KX) again.",
                   "The Kataib-Xyz group, not kx.")
    got = found(book, MILITIA)
    assert [(p, t) for p, _, t, _ in got] == [
        (1, "Kata’ib Xyz"), (1, "Kataib Xyz"), (1, "KATA'IB XYZ"), (2, "Kait’ib Xyz"),
        (2, "KX"), (3, "Kataib-Xyz")]
    assert {a for _, a, _, _ in got} == {"kataib-x"}


def test_accents_and_surname_only_after_full_name() -> None:
    book = book_of("Doe said nothing.", "Jane Q. Doe arrived.", "Later Doe left; doe is a deer.")
    got = found(book, JANE)
    assert got == [(2, "jane-doe", "Jane Q. Doe", "name"), (3, "jane-doe", "Doe", "surname")]


def test_shared_surname_needs_the_introduced_actor() -> None:
    book = book_of("John Doe spoke.", "Doe left.")
    assert found(book, JANE, JOHN)[-1] == (2, "john-doe", "Doe", "surname")
    both = book_of("John Doe and Jane Q. Doe spoke.", "Doe left.")
    assert [m for m in found(both, JANE, JOHN) if m[0] == 2] == []


def test_unambiguous_title() -> None:
    book = book_of("The Harbour Authority spokeswoman declined to comment.")
    assert found(book, JANE) == [(1, "jane-doe", "The Harbour Authority spokeswoman", "title")]
    rival = Actor(id="r", name="Rita Roe", roles=(Role(title="Harbour Authority spokeswoman"),))
    assert found(book, JANE, rival) == []


def test_near_miss_reported_not_merged() -> None:
    book = book_of("Jane Q. Doe spoke.", "“We agree,” Doee said, and Kaitaib Xyz too.")
    actors = (Actor(id="jane-doe", name="Jane Q. Doeson", kind="person",
                    aliases=("Jane Q. Doe",)), MILITIA)
    mentions = find_mentions(book, actors)
    misses = near_misses(book, actors, mentions)
    assert [(n.text, n.actor, n.paragraph) for n in misses] == [("Kaitaib", "kataib-x", 2)]
    assert all(m.text != "Kaitaib" for m in mentions)


def test_near_miss_of_a_surname() -> None:
    book = book_of("Mayor Alfred Hopkins spoke.", "Hopkns said more.")
    actors = (Actor(id="alfred-hopkins", name="Alfred Hopkins"),)
    misses = near_misses(book, actors, find_mentions(book, actors))
    assert [(n.text, n.registered) for n in misses] == [("Hopkns", "Alfred Hopkins")]


def test_unknown_names_are_listed() -> None:
    book = book_of("Jane Q. Doe met Governor Peter Pan and Wendy Darling in Neverland.")
    names = [t for _, _, t in unknown_names(book, find_mentions(book, (JANE,)))]
    assert names == ["Governor Peter Pan", "Wendy Darling"]


# a one-word name of an extracted actor, or a surname, inside a longer capitalised name
# (a building, a body, a title of a work) is no mention of that actor
# extracted actors: Kestrel from "Mr Kestrel said", Ordway from "Ordway claimed"
KESTREL = Actor(id="kestrel", name="Kestrel", kind="person", curated=False)
HALVARD = Actor(id="halvard-moss", name="Halvard Moss", kind="person", curated=False)
ORDWAY = Actor(id="ordway", name="Ordway", kind="organization", curated=False)


def test_a_one_word_extracted_name_inside_a_longer_name_is_no_mention() -> None:
    book = book_of("Mr Kestrel said he had practised there for years.",
                   "The Kestrel House statement came later; Kestrel Teeth won a prize.",
                   "Kestrel, 46, retired. Officials in Ordway Post and Ordway said no.",
                   "A Labour MP, Kestrel MP and Kestrel's coach met.")
    got = [(p, t) for p, _, t, _ in found(book, KESTREL, ORDWAY)]
    assert got == [(1, "Kestrel"), (3, "Kestrel"), (3, "Ordway"), (4, "Kestrel"),
                   (4, "Kestrel")]


def test_a_surname_inside_a_longer_name_is_no_mention() -> None:
    book = book_of("Halvard Moss spoke first.",
                   "Moss said the Moss University study and Moss Road were unrelated.",
                   "Dr Moss later added that Ingrid Moss disagreed.")
    got = [(p, t, v) for p, _, t, v in found(book, HALVARD)]
    assert got == [(1, "Halvard Moss", "name"), (2, "Moss", "surname"), (3, "Moss", "surname")]


def test_a_curated_one_word_name_is_matched_as_written() -> None:
    curated = Actor(id="ordway", name="Ordway", kind="organization")
    book = book_of("Ordway Post reported that Ordway agreed.")
    assert [t for _, _, t, _ in found(book, curated)] == ["Ordway", "Ordway"]


def test_an_adjective_or_a_sentence_opener_before_a_name_is_no_longer_name() -> None:
    book = book_of("Mr Kestrel spoke.", "Former Kestrel staff and Swiss-based Kestrel agreed.",
                   "Nadia Kestrel, his sister, did not.", "Jakub Kestrel said so too.")
    assert [(p, t) for p, _, t, _ in found(book, KESTREL)] == [
        (1, "Kestrel"), (2, "Kestrel"), (2, "Kestrel")]
