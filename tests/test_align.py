"""Sentence alignment: related sentences pair up, unrelated ones do not, and cost stays bounded."""

from __future__ import annotations

from pathlib import Path

from bookkit import write_book
from briefbook.analyse.align import align, candidate_pairs, content_words, sentences_of
from briefbook.read.book import load_book

ORIGINAL = """\
The harbour authority in Port Vella closed the northern pier on Tuesday after a crane collapsed.
Harbour master Ilse Brandt said the pier would stay shut until engineers had inspected every crane.
Three dock workers were taken to hospital with minor injuries, the authority said.
Ferries to the islands of Oster and Skarn will leave from the southern terminal instead.
"""

REWORDED = """\
Port Vella's harbour authority shut the northern pier on Tuesday after a crane fell over.
Harbour master Ilse Brandt said the pier would remain closed until engineers had checked each crane.
Three dock workers were brought to hospital with light injuries, the authority said.
Ferries to the islands of Oster and Skarn will depart from the southern terminal instead.
"""

UNRELATED = """\
The regional orchestra opened its winter season with a programme of Nordic symphonies.
Its conductor, Tomas Lind, has led the ensemble for eleven years and plans to retire in spring.
Tickets for the closing concert in March sold out within an hour, the box office said.
"""


def _book(tmp_path: Path) -> object:
    write_book(tmp_path, {"original.txt": ORIGINAL, "reworded.txt": REWORDED,
                          "unrelated.txt": UNRELATED})
    return load_book(tmp_path / "briefing")


def test_reworded_sentences_align_one_to_one(tmp_path: Path) -> None:
    book = _book(tmp_path)
    alignment = align(book.sources)
    pairs = alignment.between("original", "reworded")
    assert sorted((p.a.paragraph, p.b.paragraph) for p in pairs) == [(1, 1), (2, 2), (3, 3),
                                                                     (4, 4)]
    assert all(p.score >= 62 for p in pairs)


def test_unrelated_sources_do_not_align(tmp_path: Path) -> None:
    book = _book(tmp_path)
    alignment = align(book.sources)
    assert alignment.between("original", "unrelated") == []
    assert alignment.between("reworded", "unrelated") == []


def test_content_words_fold_and_drop_stopwords() -> None:
    assert content_words("The Harbour’s cranes WERE inspected") == ("harbou", "cranes", "inspec")


def test_frequent_words_are_cut_from_the_index(tmp_path: Path) -> None:
    # Forty one-sentence articles share "council", "meeting" and "discussed"; each also has
    # five words of its own. With a document-frequency cut-off below 40 the shared words are
    # not indexed, so no candidate pairs come from them; above 40 every pair is a candidate.
    articles = {f"a{i:02d}.txt": f"The council meeting discussed a{i:02d}lpha b{i:02d}ravo "
                                 f"c{i:02d}harlie d{i:02d}elta e{i:02d}cho.\n" for i in range(40)}
    write_book(tmp_path, articles)
    book = load_book(tmp_path / "briefing")
    sentences = sentences_of(book.sources)
    assert candidate_pairs(sentences, max_df=30) == []
    assert len(candidate_pairs(sentences, max_df=100)) == 40 * 39 // 2


def test_sentences_of_common_words_still_meet_their_copies(tmp_path: Path) -> None:
    # The copied sentence has no rare word at all; it is indexed by its rarest words instead.
    common = "The council meeting discussed the budget plan."
    articles = {f"a{i:02d}.txt": f"{common}\nItem {i} was about tram{i}x and bus{i}y.\n"
                for i in range(40)}
    write_book(tmp_path, articles)
    book = load_book(tmp_path / "briefing")
    sentences = sentences_of(book.sources)
    pairs = candidate_pairs(sentences, max_df=30)
    assert any(sentences[i].text == sentences[j].text == common for i, j in pairs)


def test_boilerplate_is_not_aligned(tmp_path: Path) -> None:
    write_book(tmp_path, {"x.txt": ORIGINAL + "Sign up for our newsletter today\n",
                          "y.txt": REWORDED + "Sign up for our newsletter today\n"})
    book = load_book(tmp_path / "briefing")
    texts = {s.text for s in sentences_of(book.sources)}
    assert not any("newsletter" in t for t in texts)
