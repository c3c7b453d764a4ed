"""Quotation extraction and attribution: engine cases on written articles, and the gold list."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.quotes import quote_spans
from briefbook.read.book import load_book

ROOT = Path(__file__).resolve().parents[1]

ACTORS = """\
- id: jane-doe
  name: Jane Doe
  kind: person
  affiliation: ministry
  aliases: [Doe, Jnae Doe]
  roles:
    - title: Ministry spokeswoman
- id: rob-roe
  name: Rob Roe
  kind: person
- id: ministry
  name: Ministry of Examples
  kind: government
"""


def make_book(tmp_path: Path, articles: dict[str, str], actors: str = ACTORS) -> Annotations:
    """Write a small book and analyse it."""
    (tmp_path / "sources").mkdir()
    meta = []
    for sid, text in articles.items():
        (tmp_path / "sources" / f"{sid}.txt").write_text(text, encoding="utf-8")
        meta.append(f"- id: {sid}\n  file: {sid}.txt\n")
    (tmp_path / "sources.yml").write_text("".join(meta), encoding="utf-8")
    (tmp_path / "actors.yml").write_text(actors, encoding="utf-8")
    book = load_book(tmp_path)
    assert not [p for p in book.problems if p.level == "error"], book.problems
    return Annotations(book)


def by_text(annotations: Annotations) -> dict[str, tuple[str | None, str]]:
    return {q.text: (q.speaker, q.pattern) for q in annotations.quotes}


def test_said_after_and_before_and_split(tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "Jane Doe spoke on Monday.\n\n"
        "“We are ready to talk,” Doe said. “Nobody should doubt that today.”\n\n"
        'Rob Roe said "the offer is generous and it is final" before leaving.\n\n'
        "“We never asked for this,” said Minister Rob Roe, “and we will not accept it now.”\n")})
    got = by_text(a)
    assert got["We are ready to talk,"] == ("jane-doe", "after")
    assert got["Nobody should doubt that today."][0] == "jane-doe"
    assert got["the offer is generous and it is final"] == ("rob-roe", "before")
    assert got["We never asked for this,"] == ("rob-roe", "after")
    assert got["and we will not accept it now."] == ("rob-roe", "split")


def test_told_according_to_and_misspelling(tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "Rob Roe arrived first.\n\n"
        "“The talks went well for everybody,” Roe told reporters on Friday.\n\n"
        "“It was a long and difficult night,” according to Jane Doe.\n\n"
        "“We will publish the full text tomorrow,” Jnae Doe said.\n")})
    got = by_text(a)
    assert got["The talks went well for everybody,"] == ("rob-roe", "after")
    assert got["It was a long and difficult night,"] == ("jane-doe", "according-to")
    assert got["We will publish the full text tomorrow,"][0] == "jane-doe"


def test_pronoun_and_role_noun(tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "Ministry spokeswoman Jane Doe met Rob Roe in the capital.\n\n"
        "Later Rob Roe addressed the crowd.\n\n"
        "“Nothing has changed in our position,” he said.\n\n"
        "“We regret the decision of the other side,” the spokeswoman said.\n")})
    got = by_text(a)
    assert got["Nothing has changed in our position,"] == ("rob-roe", "pronoun")
    assert got["We regret the decision of the other side,"] == ("jane-doe", "role")


def test_it_resolves_to_the_previous_statement(tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "The Ministry of Examples published a statement.\n\n"
        "“The measures are temporary and limited,” it said.\n")})
    assert by_text(a)["The measures are temporary and limited,"][0] == "ministry"


def test_quote_continued_in_next_paragraph(tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "Jane Doe said: “We have done everything we could for the families.\n\n"
        "“And we will keep doing it until the last one is home.”\n")})
    quotes = a.quotes
    assert [q.speaker for q in quotes] == ["jane-doe", "jane-doe"]
    assert quotes[1].pattern == "continued"
    assert quotes[0].text.endswith("families.")


def test_open_quote_attributed_in_the_next_paragraph(tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "“We have done everything we could for the families.\n\n"
        "“And we will keep doing it,” Rob Roe said.\n")})
    assert [(q.speaker, q.pattern) for q in a.quotes] == [
        ("rob-roe", "continued"), ("rob-roe", "after")]


def test_unattributed_and_unnamed_speaker(tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "Nobody expected the vote.\n\n"
        "“The decision was taken from the top,” an official said.\n\n"
        "Residents painted “this city is ours and nobody else's” on the wall.\n")})
    got = {q.text: q for q in a.quotes}
    official = got["The decision was taken from the top,"]
    assert official.speaker is None and official.speaker_as_written == "an official"
    assert got["this city is ours and nobody else's"].speaker is None


def test_scare_quotes_are_phrases_and_nicknames_are_not_quotes(tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "Gen. Robert “Bob” Roe called the raid a “limited operation” on Tuesday.\n")})
    assert [(q.text, q.kind) for q in a.quotes] == [("limited operation", "phrase")]


def test_straight_quotes_and_nested_single_quotes(tmp_path: Path) -> None:
    text = "\"I asked them: 'Can we talk?' and they said no,\" Jane Doe said."
    spans = quote_spans(text)
    assert len(spans) == 1
    assert text[spans[0].text_start:spans[0].text_end] == (
        "I asked them: 'Can we talk?' and they said no,")


def test_empty_registry_gets_extracted_speakers(tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "Foreign Minister Ana Lima spoke after the meeting.\n\n"
        "“We expect an answer within the week,” Lima said.\n\n"
        "“Our patience has limits and they know it,” she added.\n")}, actors="")
    extracted = {x.id: x for x in a.actors}
    assert set(extracted) == {"ana-lima"}
    assert extracted["ana-lima"].curated is False
    assert [q.speaker for q in a.quotes] == ["ana-lima", "ana-lima"]


def _gold() -> dict:
    return YAML(typ="safe").load((ROOT / "tests" / "gold" / "quotes.yml").read_text("utf-8"))


@pytest.fixture(scope="module")
def seed_annotations() -> Annotations:
    return Annotations(load_book(ROOT / "briefing"))


def _match(gold: dict, quotes: list) -> object | None:
    for q in quotes:
        if (q.source, q.paragraph) == (gold["source"], gold["paragraph"]) and \
                q.text.startswith(gold["starts"]):
            return q
    return None


def test_gold_statements_extracted_and_attributed(seed_annotations: Annotations) -> None:
    gold = _gold()["statements"]
    statements = [q for q in seed_annotations.quotes if q.kind == "statement"]
    matched = [(g, _match(g, statements)) for g in gold]
    missing = [g for g, q in matched if q is None]
    assert not missing, f"not extracted: {missing}"
    extra = [q for q in statements if not any(_match(g, [q]) for g in gold)]
    precision = (len(statements) - len(extra)) / len(statements)
    recall = (len(gold) - len(missing)) / len(gold)
    right = sum(1 for g, q in matched if q is not None and q.speaker == g["speaker"])
    attributed = [(g, q) for g, q in matched if q is not None and q.speaker]
    attribution_precision = sum(1 for g, q in attributed if q.speaker == g["speaker"]) / len(
        attributed)
    attribution_recall = right / len(gold)
    print(f"extraction precision {precision:.3f} recall {recall:.3f}; attribution precision "
          f"{attribution_precision:.3f} recall {attribution_recall:.3f} ({right}/{len(gold)})")
    assert recall == 1.0 and precision == 1.0, extra
    # The issue asks for at least 90 %; the book's registry reaches every one, so any
    # regression is caught here rather than hidden under the 90 % floor.
    assert right == len(gold) and attribution_precision == 1.0


def test_gold_phrases_recorded_as_phrases(seed_annotations: Annotations) -> None:
    phrases = [q for q in seed_annotations.quotes if q.kind == "phrase"]
    gold = _gold()["phrases"]
    assert all(_match(g, phrases) for g in gold), [g for g in gold if not _match(g, phrases)]
    assert len(phrases) == len(gold)


def test_misspelled_surname_of_an_extracted_speaker_joins_within_the_article(
        tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "“The port will reopen on Monday morning,” said spokesman Tom Hollander.\n\n"
        "“Nobody was hurt in the fire last night,” Hollandr said.\n")}, actors="")
    assert [q.speaker for q in a.quotes] == ["tom-hollander", "tom-hollander"]
    assert "Hollandr" in a.actors_by_id["tom-hollander"].aliases


def test_misspelled_curated_speaker_without_alias_is_a_near_miss_not_a_merge(
        tmp_path: Path) -> None:
    a = make_book(tmp_path, {"a": (
        "“The port will reopen on Monday morning,” said spokesman Tom Hollander.\n\n"
        "“Nobody was hurt in the fire last night,” Hollandr said.\n")},
        actors="- id: tom-hollander\n  name: Tom Hollander\n")
    assert a.quotes[0].speaker == "tom-hollander"
    assert a.quotes[1].speaker != "tom-hollander"
    assert [(n.text, n.actor, n.paragraph) for n in a.near_misses] == [
        ("Hollandr", "tom-hollander", 2)]


def test_german_and_polish_low_quotes_close_on_their_own_marks() -> None:
    from briefbook.analyse.quotespans import quote_spans

    for text, want in (
        ("„Das Gesetz gilt für alle“ — Ministerin Petra Lind, am Montag.",
         ["Das Gesetz gilt für alle"]),
        ("„Wir wollen Gespräche,“ sagte er. Dann „mehr“.", ["Wir wollen Gespräche,", "mehr"]),
        ("Powiedział: „To był błąd”, a potem wyszedł.", ["To był błąd"]),
        ("“Plain English,” she said.", ["Plain English,"]),
    ):
        assert [text[s.text_start:s.text_end] for s in quote_spans(text)] == want


def test_swedish_danish_german_book_and_japanese_quotations_are_extracted() -> None:
    from briefbook.analyse.quotespans import quote_spans

    for text, want in (
        ("Hon sa: ”Vi kommer.” Sedan gick hon.", ["Vi kommer."]),
        ("Er sagte: »Wir kommen.« Dann ging er.", ["Wir kommen."]),
        ("»Vi kommer», sa hon. »Snart.»", ["Vi kommer", "Snart."]),
        ("Han sagde »det er slut« og gik.", ["det er slut"]),
        ("彼は「行きます」と言った。", ["行きます"]),
        ("« Nous venons », a-t-il dit.", ["Nous venons"]),
        # a closing-shaped mark that does not stand at a word's start opens nothing
        ("The panel is 5” wide and “flat”.", ["flat"]),
        ("He wrote ” and stopped.", []),
    ):
        assert [text[s.text_start:s.text_end] for s in quote_spans(text)] == want, text
