"""The paragraph rule and the text's own metadata on sources: sources.yml, ids, ``add``,
``sources set/show``, and the warning when a changed rule moves citations."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.cli import main
from briefbook.read.book import load_book
from briefbook.read.ids import MAX_ID_LENGTH, source_id_for, suggest_id
from briefbook.render.numbering import moved_citations, numbering_record
from briefbook.render.pages import build_pages
from briefbook.render.sources import source_title

WRAPPED = """\
Ferry service resumes after storm

    BERGEN, Jan 12 (NTB) - The ferry between the two islands
resumed on Sunday after three days of storms, the operator
said, adding that "every crossing will run to the winter
timetable from Monday."
    Passengers queued from dawn at the northern terminal.
"""


def texts(source):
    return [p.text for p in source.paragraphs]


def test_unlisted_article_gets_its_suggested_title_outlet_and_dateline(book_factory):
    root = book_factory({"ferry.txt": WRAPPED})
    source = load_book(root / "briefing").source("ferry")
    assert (source.paragraph_rule, source.paragraph_rule_set) == ("wrapped", False)
    assert source.title is None and source.outlet is None  # curated fields stay unknown
    assert source.shown_title == "Ferry service resumes after storm"
    assert source.shown_outlet == "NTB"
    assert source.label == "NTB, 01-12 (no year stated)"
    assert source_title(source) == "Ferry service resumes after storm"
    page = build_pages(load_book(root / "briefing"), {}).pages["sources/ferry.md"]
    assert "<dt>Title</dt><dd>Ferry service resumes after storm <span class=\"bb-badge " \
           "bb-basis-from-text\">from text</span>" in page
    assert "<code>wrapped</code>, detected from the text" in page
    assert "place BERGEN, date 01-12 (no year stated)" in page


def test_curated_values_win_and_a_null_key_stays_unknown(book_factory):
    yml = ("- id: ferry\n  file: ferry.txt\n  title: Storm over, ferries sail\n"
           "  outlet: null\n")
    source = load_book(book_factory({"ferry.txt": WRAPPED}, sources_yml=yml)
                       / "briefing").source("ferry")
    assert source.shown_title == "Storm over, ferries sail"
    assert source.shown_outlet is None  # 'outlet: null' is curated as unknown
    assert source.text_meta.outlet.value == "NTB"  # what the text says is still recorded
    assert source.suggested.dateline is not None


def test_paragraphs_set_in_sources_yml_and_a_misspelt_rule(book_factory):
    yml = "- id: ferry\n  file: ferry.txt\n  paragraphs: lines\n"
    book = load_book(book_factory({"ferry.txt": WRAPPED}, sources_yml=yml) / "briefing")
    source = book.source("ferry")
    assert (source.paragraph_rule, source.paragraph_rule_set, source.detected_rule) == (
        "lines", True, "wrapped")
    assert len(source.paragraphs) == 6
    bad = load_book(book_factory({"ferry.txt": WRAPPED}, sources_yml=yml.replace(
        "lines", "wraped")) / "briefing")
    problem = next(p for p in bad.problems if p.key == "paragraphs")
    assert str(problem).startswith("sources.yml:3: source 'ferry': paragraphs 'wraped' is not")
    assert "did you mean 'wrapped'?" in str(problem)
    assert bad.source("ferry").paragraph_rule == "wrapped"  # detected instead


def test_the_suggested_mapping_is_validated_and_used(book_factory):
    yml = ("- id: ferry\n  file: ferry.txt\n  suggested:\n    basis: from text\n"
           "    title: Ferries sail again\n    outlet: NTB\n    autor: [X]\n")
    book = load_book(book_factory({"ferry.txt": WRAPPED}, sources_yml=yml) / "briefing")
    assert book.source("ferry").shown_title == "Ferries sail again"
    problem = next(p for p in book.problems if p.key == "suggested")
    assert "unknown key 'suggested.autor'" in str(problem) and "did you mean 'author'" in str(
        problem)


def test_ids_are_short_readable_unique_and_stable():
    long = "2021-10-19_wire_harbour-board-approves-dredging-plan-after-debate_9f8e7d6c5b4a.txt"
    assert len(source_id_for(long)) <= MAX_ID_LENGTH
    assert source_id_for(long) == source_id_for(long)
    assert source_id_for(long) != source_id_for(long.replace("debate", "debates"))
    assert suggest_id("Daily Post 2019.txt", "Anything", set()) == "daily-post-2019"
    assert suggest_id(long, "Harbour board approves dredging plan", set()) == \
        "harbour-board-approves-dredging-plan"
    assert suggest_id("article (3).txt", "Harbour board approves plan",
                      {"harbour-board-approves-plan"}) == "harbour-board-approves-plan-2"
    assert suggest_id("x_9f8e7d6c5b4a3f2e.txt", "U.S. and E.U. agree on steel", set()) == \
        "us-and-eu-agree-on-steel"
    headline = "An extraordinarily long headline about the harbour board and its dredging plan"
    assert len(suggest_id("page.html", headline, set())) <= MAX_ID_LENGTH


def _book(tmp_path: Path) -> Path:
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    (briefing / "sources.yml").write_text("# Sources of the harbour book.\n[]\n", "utf-8")
    return briefing


def test_add_records_the_rule_and_the_suggestions_and_derives_a_short_id(tmp_path: Path):
    briefing = _book(tmp_path)
    article = tmp_path / "2024-01-12_ntb_a1b2c3d4e5f6a7b8_ferry-story-full-text.txt"
    article.write_text(WRAPPED, "utf-8")
    result = CliRunner().invoke(main, ["add", "--briefing", str(briefing), str(article)])
    assert result.exit_code == 0, result.output
    assert "added ferry-service-resumes-after-storm (3 paragraphs)" in result.output
    yml = (briefing / "sources.yml").read_text("utf-8")
    assert yml.startswith("# Sources of the harbour book.\n")
    assert '  paragraphs: "wrapped"\n  suggested:  # read from the text' in yml
    assert '    title: "Ferry service resumes after storm"\n    outlet: "NTB"\n' in yml
    assert '    dateline: "BERGEN, Jan 12 (NTB) -"\n' in yml
    source = load_book(briefing).source("ferry-service-resumes-after-storm")
    assert source.title is None and source.shown_title == "Ferry service resumes after storm"
    assert source.paragraph_rule_set and source.suggested.dateline.month == 1
    again = CliRunner().invoke(main, ["add", "--briefing", str(briefing), "--title", "Mine",
                                      "--id", "ferry-2", str(article), "--force"])
    assert again.exit_code == 0, again.output
    entry = (briefing / "sources.yml").read_text("utf-8").split("- id:")[-1]
    assert 'title: "Mine"' in entry and "    title:" not in entry  # the editor's value wins


def test_sources_set_edits_atomically_keeps_comments_and_validates(tmp_path: Path):
    briefing = _book(tmp_path)
    (briefing / "sources" / "ferry.txt").write_text(WRAPPED, "utf-8")
    yml = briefing / "sources.yml"
    yml.write_text("# Sources.\n- id: ferry  # the storm story\n  file: ferry.txt\n", "utf-8")
    run = CliRunner().invoke
    ok = run(main, ["sources", "set", "ferry", "--briefing", str(briefing), "title=Ferries sail",
                    "author=Kari Nordmann", "author=Ola Hansen", "date=2024-01-12"])
    assert ok.exit_code == 0, ok.output
    text = yml.read_text("utf-8")
    assert text.startswith("# Sources.\n- id: ferry  # the storm story\n")
    source = load_book(briefing).source("ferry")
    assert (source.title, source.author, source.date) == (
        "Ferries sail", ("Kari Nordmann", "Ola Hansen"), "2024-01-12")
    for args, message in [
        (["titel=x"], "unknown key 'titel' (did you mean 'title'?)"),
        (["file=other.txt"], "'file' names the verbatim article and cannot be changed"),
        (["date=2024-13-01"], "date '2024-13-01' is not ISO 8601"),
        (["paragraphs=wraped"], "did you mean 'wrapped'?"),
    ]:
        bad = run(main, ["sources", "set", "ferry", "--briefing", str(briefing), *args])
        assert bad.exit_code != 0 and message in bad.output, bad.output
        assert yml.read_text("utf-8") == text  # nothing written
    folded = ("- id: ferry\n  file: ferry.txt\n  notes: >-\n    A long note\n    on two lines.\n"
              "\n# the next entry\n")
    yml.write_text(folded, "utf-8")
    assert run(main, ["sources", "set", "ferry", "--briefing", str(briefing),
                      "paragraphs=wrapped"]).exit_code == 0
    assert yml.read_text("utf-8") == folded.replace(
        "two lines.\n", "two lines.\n  paragraphs: wrapped\n")  # the blank line stays after
    text = yml.read_text("utf-8")
    unknown = run(main, ["sources", "set", "fery", "--briefing", str(briefing), "title=x"])
    assert "no source 'fery'" in unknown.output and "did you mean 'ferry'" in unknown.output
    assert (briefing / "sources" / "ferry.txt").read_text("utf-8") == WRAPPED
    cleared = run(main, ["sources", "set", "ferry", "--briefing", str(briefing), "title="])
    assert cleared.exit_code == 0
    assert load_book(briefing).source("ferry").shown_title == "Ferry service resumes after storm"
    shown = run(main, ["sources", "show", "ferry", "--briefing", str(briefing)])
    assert "title: Ferry service resumes after storm  (suggested, from text, ¶ 1)" in shown.output
    assert "paragraphs: wrapped  (set in sources.yml; the text's shape gives wrapped" \
        in shown.output


def test_a_changed_rule_names_the_citations_it_moves(book_factory):
    page = "# Notes\n\nPassengers queued [@ferry, ¶ 3].\n\nThe storm [@ferry, ¶ 1].\n"
    root = book_factory({"ferry.txt": WRAPPED}, docs={"notes.md": page})
    before = load_book(root / "briefing")
    record = numbering_record(before)
    (root / "briefing" / "sources.yml").write_text(
        "- id: ferry\n  file: ferry.txt\n  paragraphs: lines\n", "utf-8")
    after = load_book(root / "briefing")
    built = build_pages(after, {"notes.md": page})
    problems = moved_citations(after, built.cited_by, record)
    assert len(problems) == 1 and problems[0].level == "warning"
    message = str(problems[0])
    assert "paragraph rule changed from 'wrapped' to 'lines' (3 → 6 paragraphs)" in message
    assert "notes.md:3 (¶ 3)" in message and "¶ 1)" not in message  # ¶ 1 is the same text
    assert moved_citations(after, built.cited_by, numbering_record(after)) == []
    runner = CliRunner().invoke(main, ["sources", "set", "ferry", "paragraphs=wrapped",
                                       "--briefing", str(root / "briefing"),
                                       "--docs", str(root / "docs"), "--dry-run"])
    assert "changed from 'lines' to 'wrapped'" in runner.output
    assert "notes.md:3 (¶ 3)" in runner.output


DATED = """\
Council backs new tram line for the harbour district

By Ines Roldán

{date}

The city council on Tuesday approved a tram line to the harbour district.

"It will take six years," said the deputy mayor, Tomás Ilić.

{later}
"""


def test_a_date_line_under_the_byline_dates_the_source(book_factory):
    for date_line, iso in [("March 5, 2024", "2024-03-05"), ("5 March 2024", "2024-03-05"),
                           ("Published: Tuesday 5 March 2024 12.30 GMT", "2024-03-05"),
                           ("Zuletzt aktualisiert am 5. März 2024", None),  # label unknown
                           ("Publié le 5 mars 2024 à 10h15", "2024-03-05"),
                           ("Updated on Feb. 29, 2024 at 9:40 a.m. ET", "2024-02-29")]:
        root = book_factory({"tram.txt": DATED.format(date=date_line, later="Work starts soon.")})
        book = load_book(root / "briefing")
        source = book.source("tram")
        dateline = source.suggested.dateline
        assert (dateline.date if dateline else None) == iso, date_line
        if iso:
            assert dateline.place is None and dateline.paragraph == 3
            assert source.label == f"Unknown outlet, {iso}"
            page = build_pages(book, {}).pages["sources/tram.md"]
            assert f"<dt>Date</dt><dd>{iso} <span class=\"bb-badge bb-basis-from-text\">" in page
            assert "place None" not in page


def test_a_date_in_a_sentence_or_an_impossible_date_is_no_date_line(book_factory):
    for date_line in ["March 5, 2024 was the day the council met.", "Feb 30, 2024",
                      "March 5", "May 2024"]:
        root = book_factory({"tram.txt": DATED.format(date=date_line, later="")})
        assert load_book(root / "briefing").source("tram").suggested.dateline is None, date_line
    # a date line far down the article (a photo credit's date, a footer) is not the article's
    late = DATED.format(date="The vote was close.", later="\n\n".join(
        ["More on the vote.", "And more.", "5 March 2024"]))
    root = book_factory({"tram.txt": late})
    assert load_book(root / "briefing").source("tram").suggested.dateline is None


def test_add_records_a_date_line_and_reads_it_back(tmp_path: Path):
    briefing = _book(tmp_path)
    article = tmp_path / "tram.txt"
    article.write_text(DATED.format(date="Published: 5 March 2024", later=""), "utf-8")
    result = CliRunner().invoke(main, ["add", "--briefing", str(briefing), str(article)])
    assert result.exit_code == 0, result.output
    assert '    dateline: "Published: 5 March 2024"\n' in (briefing / "sources.yml").read_text(
        "utf-8")
    source = next(iter(load_book(briefing).sources))
    assert source.suggested.dateline.date == "2024-03-05"
    assert source.suggested.dateline.paragraph == 3
    shown = CliRunner().invoke(main, ["sources", "show", "--briefing", str(briefing), source.id])
    assert "dateline: Published: 5 March 2024  (from text, ¶ 3)" in shown.output, shown.output
