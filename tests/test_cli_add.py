"""``briefbook add`` for plain text: verbatim copies, no clobbering, duplicates, ``--force``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.cli import main
from briefbook.ingest.duplicates import near_duplicate
from briefbook.read.book import load_book

TEXT = ("The council met on Monday evening to debate the harbour budget for next year.\n"
        "After four hours it approved the budget by seven votes to two.\n"
        "The mayor said repairs to the sea wall would begin in the spring.\n"
        "Opposition members said the plan ignored the northern breakwater.\n")


def add(briefing: Path, *args: str):
    return CliRunner().invoke(main, ["add", "--briefing", str(briefing), *args])


def setup(tmp_path: Path) -> tuple[Path, Path]:
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    (briefing / "sources.yml").write_text("# mine\n[]\n", "utf-8")
    article = tmp_path / "Council Vote.txt"
    article.write_bytes(TEXT.encode("utf-8"))
    return briefing, article


def test_add_copies_verbatim_and_records_metadata(tmp_path: Path):
    briefing, article = setup(tmp_path)
    result = add(briefing, str(article), "--outlet", "Westhaven Times", "--date", "2020-01-06",
                 "--author", "A. Writer", "--author", "B. Writer")
    assert result.exit_code == 0, result.output
    assert "added council-vote (4 paragraphs)" in result.output
    assert (briefing / "sources" / "council-vote.txt").read_bytes() == article.read_bytes()
    source = load_book(briefing).source("council-vote")
    assert (source.outlet, source.date, source.date_basis) == (
        "Westhaven Times", "2020-01-06", "stated")
    assert source.author == ("A. Writer", "B. Writer")
    assert (briefing / "sources.yml").read_text("utf-8").startswith("# mine\n")


def test_an_existing_id_or_file_is_never_overwritten(tmp_path: Path):
    briefing, article = setup(tmp_path)
    assert add(briefing, str(article)).exit_code == 0
    before = (briefing / "sources.yml").read_bytes()
    other = tmp_path / "other.txt"
    other.write_text("A different article entirely.\nAbout something else.\n", "utf-8")
    result = add(briefing, "--id", "council-vote", str(other))
    assert result.exit_code == 1
    assert "source id 'council-vote' or file 'council-vote.txt' already exists; nothing was " \
           "overwritten (choose another id with --id)" in result.output
    assert (briefing / "sources" / "council-vote.txt").read_bytes() == TEXT.encode()
    assert (briefing / "sources.yml").read_bytes() == before


def test_the_same_bytes_are_refused_unless_forced(tmp_path: Path):
    briefing, article = setup(tmp_path)
    assert add(briefing, str(article)).exit_code == 0
    copy = tmp_path / "copy.txt"
    copy.write_bytes(article.read_bytes())
    result = add(briefing, str(copy))
    assert result.exit_code == 1
    assert "the same bytes are already in the book as source 'council-vote'" in result.output
    assert "use --force to add it anyway" in result.output
    assert not (briefing / "sources" / "copy.txt").exists()
    forced = add(briefing, "--force", str(copy))
    assert forced.exit_code == 0, forced.output
    assert (briefing / "sources" / "copy.txt").read_bytes() == article.read_bytes()


def test_a_near_verbatim_copy_warns_which_source_and_force_adds_it(tmp_path: Path):
    briefing, article = setup(tmp_path)
    assert add(briefing, str(article)).exit_code == 0
    repost = tmp_path / "repost.txt"  # re-spaced, one word changed, one paragraph more
    repost.write_text(TEXT.replace("mayor said", "mayor  said").replace("seven", "7") +
                      "Residents will be consulted again in March.\n", "utf-8")
    result = add(briefing, str(repost))
    assert result.exit_code == 1
    assert "looks like a near-verbatim copy already in the book" in result.output
    assert "similar to source 'council-vote'" in result.output
    assert "3 of its 5 paragraphs" not in result.output  # the re-spaced one still matches
    assert "4 of its 5 paragraphs are there nearly word for word" in result.output
    assert not (briefing / "sources" / "repost.txt").exists()
    forced = add(briefing, "--force", str(repost))
    assert forced.exit_code == 0, forced.output
    assert "added repost (5 paragraphs)" in forced.output
    assert "WARNING: " in forced.output and "near-verbatim copy" in forced.output


def test_a_different_article_on_the_same_story_is_not_a_duplicate(tmp_path: Path):
    briefing, article = setup(tmp_path)
    assert add(briefing, str(article)).exit_code == 0
    other = tmp_path / "other.txt"
    other.write_text(
        "Councillors backed next year's harbour spending plan on Monday night.\n"
        "The vote, after a long debate, was seven to two in favour.\n"
        "Work on the sea wall is due to start in spring, according to the mayor.\n", "utf-8")
    result = add(briefing, str(other))
    assert result.exit_code == 0, result.output
    assert "near-verbatim" not in result.output


def test_near_duplicate_thresholds():
    old = {"a": ["One paragraph here about the harbour.", "Two paragraphs here, the second.",
                 "Three: a third one about the council."]}
    assert near_duplicate(["One paragraph here about the harbour."], old) is None  # too little
    found = near_duplicate(["One paragraph here about the harbour.",
                            "Two paragraphs here, the second."], old)
    assert found is not None and (found.source, found.matched) == ("a", 2)
    assert near_duplicate(["Something else entirely, nothing like it.", "And more."], old) is None
    assert near_duplicate([], old) is None
