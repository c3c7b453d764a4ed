"""Articles as they really arrive: each shape the tests write, its paragraphs, boilerplate and
the metadata the text gives about itself."""

from __future__ import annotations

import pytest

from briefbook.analyse.annotations import Annotations
from briefbook.core.citekeys import find_citations
from briefbook.read.article import read_article
from briefbook.read.boilerplate import compile_patterns, split_boilerplate
from briefbook.read.book import load_book
from briefbook.read.segment import quotation_spans, segments, sentence_spans
from briefbook.render.quotecheck import check_quotes

WIRE = """\
Harbour board approves dredging plan

    LISBON, March 4 (Reuters) - The harbour board on Tuesday
approved a plan to dredge the eastern channel, and its chair,
Marta Sousa, said the work "will keep the port open to the
largest container ships for another twenty years," according
to the minutes.
    Fishermen's groups said the plan ignored the silt that the
dredging would stir up. "Nobody asked us about the oyster
beds," said Joao Pinto, who speaks for the cooperative.
    The first barges are expected in June.
 (Reporting by Ana Lima; Editing by Rui Costa)
Reuter
"""


def texts(article):
    return [p.text for p in article.paragraphs]


def test_hard_wrapped_wire_copy_is_rejoined_with_its_sign_off_split_off():
    article = read_article(WIRE.encode(), "wire.txt")
    assert article.rule == "wrapped" and article.detected_rule == "wrapped"
    assert [p.line for p in article.paragraphs] == [1, 3, 8, 11, 12, 13]
    assert texts(article)[1].startswith("LISBON, March 4 (Reuters) - The harbour board")
    assert texts(article)[1].endswith("twenty years,\" according to the minutes.")
    assert texts(article)[2].endswith("who speaks for the cooperative.")
    assert [(p.boilerplate, p.role) for p in article.paragraphs] == [
        (False, "headline"), (False, None), (False, None), (False, None),
        (True, "sign-off"), (True, "sign-off")]
    meta = article.text_meta
    assert meta.headline.value == "Harbour board approves dredging plan"
    assert (meta.dateline.place, meta.dateline.month, meta.dateline.day) == ("LISBON", 3, 4)
    assert meta.dateline.year is None and meta.dateline.date is None  # never a guessed year
    assert meta.dateline.precision == "month-day"
    assert meta.outlet.value == "Reuters" and meta.outlet.paragraph == 2


def test_tabs_and_crlf_in_wrapped_copy():
    data = WIRE.replace("    ", "\t").replace("\n", "\r\n").encode()
    article = read_article(data, "wire-crlf.txt")
    assert article.rule == "wrapped"
    assert texts(article) == texts(read_article(WIRE.encode(), "wire.txt"))


def test_a_sign_off_alone_on_the_last_line_names_the_agency_even_without_a_dateline():
    text = WIRE.replace("LISBON, March 4 (Reuters) - ", "")
    meta = read_article(text.encode(), "w.txt").text_meta
    assert meta.dateline is None
    last = len(read_article(text.encode(), "w.txt").paragraphs)
    assert (meta.outlet.value, meta.outlet.text, meta.outlet.paragraph) == (
        "Reuters", "Reuter", last)


def test_a_quotation_across_a_former_line_break_is_one_quotation_with_its_speaker(
        book_factory):
    root = book_factory({"harbour.txt": WIRE})
    book = load_book(root / "briefing")
    quotes = [q for q in Annotations(book).quotes if q.text.startswith("will keep the port")]
    assert len(quotes) == 1
    assert quotes[0].text.endswith("another twenty years,")
    assert quotes[0].paragraph == 2 and quotes[0].speaker_as_written
    page = ('The chair said the work "will keep the port open to the largest container ships '
            'for another twenty years" [@harbour, ¶ 2].\n')
    citations, errors = find_citations(page)
    assert not errors
    assert check_quotes(page, citations, book, page="p.md") == []
    bad = page.replace("largest container", "biggest container")
    assert check_quotes(bad, find_citations(bad)[0], book, page="p.md")


SCRAPE = (
    "The city council voted on Monday to close the old iron bridge to traffic. Engineers had "
    "warned for months that its rivets were failing. "
    "“We cannot wait any longer. The bridge is not safe. Every week counts,” said Mayor Ines "
    "Koch after the vote. Residents were divided. Some welcomed the decision. Others said the "
    "detour through the industrial zone was far too long for the buses. "
    "Shopkeepers on the east bank said they feared losing customers. "
    "\"It is the end of our street. We will not survive a winter of this. Nobody will come,\" "
    "said Tomas Wirth, who runs a bakery by the bridge. The council promised a ferry. "
    "Er sagte: „Wir bleiben. Wir kämpfen. Wir gewinnen.“ Dann ging er. "
    "Elle a dit : « Nous partons. Demain. Sans regret. » Puis elle est sortie. "
    "A decision on a new bridge is expected next year. "
    "All content by Riverside Voices is licensed under a Creative Commons Attribution 3.0 "
    "License.")


def test_a_one_line_scrape_is_cut_between_sentences_never_inside_a_quotation():
    article = read_article(SCRAPE.encode(), "scrape.txt")
    assert article.rule == "sentences"
    assert " ".join(texts(article)) == SCRAPE  # nothing lost, nothing reworded
    assert all(p.line == 1 for p in article.paragraphs)
    quotes = quotation_spans(SCRAPE)
    assert len(quotes) == 4
    cut = 0
    for para in article.paragraphs[:-1]:  # no paragraph ends inside a quotation
        cut += len(para.text)
        assert not any(a < cut < b for a, b in quotes), para.text
        cut += 1
    last = article.paragraphs[-1]
    assert last.boilerplate and last.role == "footer"
    assert last.text.startswith("All content by Riverside Voices")
    assert not any(p.boilerplate for p in article.paragraphs[:-1])
    assert article.paragraphs[-2].text == "A decision on a new bridge is expected next year." \
        or article.paragraphs[-2].text.endswith("expected next year.")
    assert article.text_meta.outlet.value == "Riverside Voices"
    assert article.text_meta.headline is None


def test_an_inline_footer_is_split_off_and_the_sentences_before_it_stay_citable():
    line = ('Prices rose by 3 per cent, the bank said. “It will pass,” its governor said. '
            '© 2021 Valley Ledger Media. All rights reserved.')
    article = read_article(f"Bank sees prices easing\n\n{line}\n".encode(), "f.txt")
    assert texts(article)[1:] == [
        "Prices rose by 3 per cent, the bank said. “It will pass,” its governor said.",
        "© 2021 Valley Ledger Media. All rights reserved."]
    assert [p.boilerplate for p in article.paragraphs] == [False, False, True]
    assert article.text_meta.outlet.value == "Valley Ledger Media"


def test_blank_line_paragraphs_with_a_byline_and_editor_initials():
    data = ("Minister quits over leaked memo\r\n\r\nBy Anna Berg and Piotr Nowak\r\n\r\n"
            "OSLO, 3 March 2021 (NTB) \u2014 The minister resigned on Friday.\r\n\r\n"
            "\tShe said: \u201cI take full responsibility. I will not stay.\u201d\r\n\r\n"
            "The party thanked her.\r\n\r\nak/jh (AFP, dpa)\r\n").encode()
    article = read_article(data, "oslo.txt")
    assert article.rule == "blank-lines"
    assert [(p.number, p.role, p.boilerplate) for p in article.paragraphs] == [
        (1, "headline", False), (2, "byline", True), (3, None, False), (4, None, False),
        (5, None, False), (6, "initials", True)]
    meta = article.text_meta
    assert [a.value for a in meta.authors] == ["Anna Berg", "Piotr Nowak"]
    assert meta.dateline.date == "2021-03-03" and meta.dateline.precision == "day"
    assert meta.outlet.value == "NTB"


def test_a_byline_in_the_first_paragraph_is_split_off():
    data = b"By Lena Ortiz. SANTIAGO, Chile \xe2\x80\x94 Copper prices fell on Monday.\n"
    article = read_article(data, "b.txt")
    assert [(p.text, p.role) for p in article.paragraphs] == [
        ("By Lena Ortiz.", "byline"),
        ("SANTIAGO, Chile \u2014 Copper prices fell on Monday.", None)]
    assert article.text_meta.dateline.place == "SANTIAGO, Chile"
    assert [a.value for a in article.text_meta.authors] == ["Lena Ortiz"]


@pytest.mark.parametrize("text", [
    "Sign up for the draft was slow, officials said.",
    "By Monday the rebels had left the town.",
    "Produced by a small studio, the film won three awards.",
    "Copyright law was changed in 2019 after a long debate.",
    "Related talks collapsed in May.",
    "The talks will end soon, and/or resume in June.",
])
def test_prose_that_starts_like_furniture_stays_citable(text):
    pieces = split_boilerplate([(1, f"The story began. {text} It went on.")], compile_patterns())
    assert [p.kind for p in pieces] == [None]


def test_a_books_own_pattern_splits_its_footer_off():
    patterns = compile_patterns((r"a service of the harbour trust\.?",))
    pieces = split_boilerplate([(1, "Ships arrived. A service of the Harbour Trust.")], patterns)
    assert [(p.text, p.kind) for p in pieces] == [("Ships arrived.", None),
                                                  ("A service of the Harbour Trust.",
                                                   "furniture")]


def test_a_blank_line_file_whose_blocks_hold_complete_lines_keeps_one_paragraph_per_line():
    data = b"Text one.\n\nText two.\n\nPlease enter your comment!\nPlease enter your name here\n"
    article = read_article(data, "x.txt")
    assert article.rule == "lines"
    assert texts(article) == ["Text one.", "Text two.", "Please enter your comment!",
                              "Please enter your name here"]


def test_quotation_spans_of_every_style_and_apostrophes():
    text = ("He said \"no. never.\" She said 'we go. now.' The workers' union didn't. "
            "„Ja. Nein.“ «Oui. Non.» »Ja. Nej.« ”Ja. Nej.” 「はい。いいえ。」")
    quoted = [text[a:b] for a, b in quotation_spans(text)]
    assert quoted == ['"no. never."', "'we go. now.'", "„Ja. Nein.“", "«Oui. Non.»",
                      "»Ja. Nej.«", "”Ja. Nej.”", "「はい。いいえ。」"]
    for _, b in sentence_spans(text):
        for qa, qb in quotation_spans(text):
            assert not qa < b < qb  # no sentence ends inside a quotation


def test_an_unclosed_quotation_mark_does_not_glue_the_text_together():
    text = "It was “odd. " + "Then more happened. " * 12
    assert len(segments(text)) > 2


def test_headline_detection_needs_a_headline_shape():
    sentence = read_article(b"The vote passed on Monday.\nIt was close.\n", "a.txt")
    assert sentence.text_meta.headline is None
    single = read_article(b"Politics\n\nThe vote passed.\n", "b.txt")
    assert single.text_meta.headline is None
    alone = read_article(b"Vote passes in close contest\n", "c.txt")
    assert alone.text_meta.headline is None  # nothing follows: not a headline of anything


def test_a_section_label_above_the_headline_and_a_spanish_dateline():
    data = ("Mundo\nEl Gobierno anuncia nuevas medidas\nMADRID, 3 mar (EFE).- El Gobierno "
            "anunció este martes nuevas medidas. «Es un paso importante. Lo celebramos», dijo "
            "la ministra.\nLas medidas entrarán en vigor en abril.\n").encode()
    article = read_article(data, "efe.txt", language="es")
    assert [(p.role, p.boilerplate) for p in article.paragraphs] == [
        ("furniture", True), ("headline", False), (None, False), (None, False)]
    meta = article.text_meta
    assert meta.headline.paragraph == 2
    assert (meta.dateline.place, meta.dateline.month, meta.dateline.day) == ("MADRID", 3, 3)
    assert meta.outlet.value == "EFE"


def test_an_agency_copyright_footer_and_editor_initials_name_no_false_outlet():
    ap = read_article(b"Senate confirms the nominee\n\nThe vote was close.\n\nCopyright 2023 "
                      b"The Associated Press. All rights reserved. This material may not be "
                      b"published, broadcast, rewritten or redistributed.\n", "ap.txt")
    assert [p.role for p in ap.paragraphs] == ["headline", None, "footer"]
    assert (ap.text_meta.outlet.value, ap.text_meta.outlet.text) == (
        "Associated Press", "The Associated Press")  # the agency's name from textmeta.yml
    dw = read_article(b"New rules were announced. They take effect next year. "
                      b"ak/jh (AFP, Reuters)\n", "dw.txt")
    assert [p.role for p in dw.paragraphs] == [None, "initials"]
    assert dw.text_meta.outlet is None  # the agencies are the story's sources, not its outlet


# a header written line by line above the text, no blank line between its lines: headline,
# byline, a date line, in several styles and languages
HEADERS = [
    ("By Aisha Rahman\nPublished: 12 March 2025", ["Aisha Rahman"], "2025-03-12"),
    ("By Mei Tanaka\nMay 8, 2025", ["Mei Tanaka"], "2025-05-08"),
    ("July 21, 2025", [], "2025-07-21"),
    ("Par Élodie Garnier\nPublié le 4 juin 2025 à 10h15", ["Élodie Garnier"], "2025-06-04"),
    ("By Jonas Becker and Ana Lima\nTuesday 14 January 2025 09.30 GMT",
     ["Jonas Becker", "Ana Lima"], "2025-01-14"),
]


@pytest.mark.parametrize(("header", "authors", "date"), HEADERS)
def test_a_header_written_line_by_line_is_read_line_by_line(header, authors, date):
    text = (f"Tram line to the harbour approved after long debate\n{header}\n\n"
            "The city council approved a tram line to the harbour district on Monday.\n\n"
            "\"It will take six years,\" said the deputy mayor, Tomás Ilić.\n")
    article = read_article(text.encode(), "tram.txt")
    paragraphs = [p.text for p in article.paragraphs]
    assert paragraphs[0] == "Tram line to the harbour approved after long debate"
    assert paragraphs[1:1 + len(header.split("\n"))] == header.split("\n")
    meta = article.text_meta
    assert meta.headline.value == paragraphs[0]
    assert [a.value for a in meta.authors] == authors
    assert meta.dateline.date == date
    assert article.paragraphs[-1].text.startswith("\"It will take six years")


def test_lines_of_a_paragraph_are_still_joined():
    # a standfirst of two lines, a wrapped sentence: no header line among them
    text = ("Tram line approved\n\nThe council approved the line on Monday after a debate\n"
            "that lasted six hours and ended in a vote of 31 to 20.\n\nWork starts in May.\n")
    paragraphs = [p.text for p in read_article(text.encode(), "tram.txt",
                                               rule="blank-lines").paragraphs]
    assert paragraphs[1] == ("The council approved the line on Monday after a debate that "
                             "lasted six hours and ended in a vote of 31 to 20.")
