"""Reading articles the tests write themselves, including ugly ones."""

from __future__ import annotations

import pytest

from briefbook.core.errors import ArticleError
from briefbook.core.text import split_sentences
from briefbook.read.article import LONG_PARAGRAPH, read_article


def texts(article):
    return [p.text for p in article.paragraphs]


def test_blank_lines_and_single_newlines_both_split_paragraphs():
    data = b"First para.\nSecond para.\n\n\nThird para.\n"
    article = read_article(data, "a.txt")
    assert texts(article) == ["First para.", "Second para.", "Third para."]
    assert [p.number for p in article.paragraphs] == [1, 2, 3]
    assert [p.line for p in article.paragraphs] == [1, 2, 5]


def test_leading_metadata_line_is_metadata_not_a_paragraph():
    data = b" date 2019-03-04 Local-News\n\nThe council met on Monday.\n"
    article = read_article(data, "a.txt")
    assert article.date == "2019-03-04"
    assert article.section == "Local-News"
    assert texts(article) == ["The council met on Monday."]


def test_a_sentence_starting_with_date_is_not_metadata():
    article = read_article(b"Date palms grew well this year.\n", "a.txt")
    assert article.date is None
    assert texts(article) == ["Date palms grew well this year."]


def test_one_long_line_is_split_sentence_aware():
    sentences = [f"Sentence number {i} says something about the Rev. Smith and U.S. policy."
                 for i in range(40)]
    line = " ".join(sentences)
    assert len(line) > LONG_PARAGRAPH
    article = read_article(line.encode(), "long.txt")
    assert len(article.paragraphs) > 5
    assert " ".join(texts(article)) == line  # nothing lost, nothing reworded
    for para in article.paragraphs:
        assert para.text.endswith("policy.")
        assert para.line == 1


def test_crlf_and_bom_are_read():
    data = "\ufeffFirst line.\r\nSecond line.\r\n\r\nThird.".encode()
    article = read_article(data, "crlf.txt")
    assert texts(article) == ["First line.", "Second line.", "Third."]
    assert any("byte-order mark" in p.message for p in article.problems)


def test_latin1_byte_is_read_with_a_warning_naming_file_and_offset():
    data = b"Prices rose.\nIt cost \xa3100 last year.\n"
    article = read_article(data, "bad.txt")
    assert texts(article)[1] == "It cost \u00a3100 last year."
    warning = next(p for p in article.problems if p.level == "warning")
    assert warning.file == "bad.txt"
    assert "byte offset 21" in warning.message
    assert warning.line == 2


def test_control_characters_are_dropped_with_a_warning():
    article = read_article(b"Bell\x07 rang.\nTab\tstays.\n", "c.txt")
    assert texts(article) == ["Bell rang.", "Tab stays."]
    assert any("control character" in p.message for p in article.problems)


@pytest.mark.parametrize("data", [b"", b"   \n\n \r\n"])
def test_empty_file_is_a_clear_error(data):
    with pytest.raises(ArticleError) as info:
        read_article(data, "empty.txt")
    assert info.value.problem.file == "empty.txt"
    assert "empty" in info.value.problem.message


def test_binary_file_is_a_clear_error():
    with pytest.raises(ArticleError) as info:
        read_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt")
    assert "binary" in info.value.problem.message
    assert "a PNG image" in info.value.problem.message
    with pytest.raises(ArticleError) as info:
        read_article(b"Title\n\nText\x00 with a NUL byte.\n", "nul.txt")
    assert "NUL byte at byte offset 11" in info.value.problem.message


def test_metadata_line_only_is_an_error():
    with pytest.raises(ArticleError):
        read_article(b" date 2020-01-01 News\n", "meta.txt")


def test_trailing_boilerplate_is_marked_never_deleted():
    data = (b"The vote passed.\nA second paragraph.\nThis story is breaking and will be updated\n"
            b"Sign up for Daily Newsletters\n\nView original Post\nPlease enter your comment!\n")
    article = read_article(data, "b.txt")
    assert len(article.paragraphs) == 6
    flags = [p.boilerplate for p in article.paragraphs]
    assert flags == [False, False, True, True, True, True]


def test_boilerplate_words_inside_the_article_are_not_boilerplate():
    data = b"Sign up for the draft was slow, officials said.\nThe draft ended in May.\n"
    article = read_article(data, "b.txt")
    assert [p.boilerplate for p in article.paragraphs] == [False, False]


def test_boilerplate_only_article_is_kept_with_a_warning():
    article = read_article(b"Sign up for our newsletter\nPlease enter your name here\n", "x.txt")
    assert all(p.boilerplate for p in article.paragraphs)
    assert any("boilerplate" in p.message for p in article.problems)


def test_sentence_splitter_keeps_abbreviations_and_initials():
    text = ("Gen. Smith met Mr. Jones in the U.S. capital on Feb. 15. They spoke. "
            "David R. Sands wrote it! Was it 3 p.m. Tuesday? Yes.")
    assert split_sentences(text) == [
        "Gen. Smith met Mr. Jones in the U.S. capital on Feb. 15.",
        "They spoke.",
        "David R. Sands wrote it!",
        "Was it 3 p.m. Tuesday?",
        "Yes.",
    ]


def test_sentence_splitter_handles_closing_quotes():
    text = "\u201cWe will act,\u201d he said. \u201cNow.\u201d Then silence."
    assert split_sentences(text) == ["\u201cWe will act,\u201d he said.", "\u201cNow.\u201d",
                                     "Then silence."]
