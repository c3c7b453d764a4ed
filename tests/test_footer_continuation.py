"""A licence footer of several sentences is boilerplate whole; the same words in prose are not."""

from __future__ import annotations

import pytest

from briefbook.read.article import read_article

LEAD = "Harbour talks stall\n\nThe harbour minister said the vote would go ahead on Tuesday.\n\n"


def pieces(text: str) -> list[tuple[bool, str]]:
    """``(boilerplate, text)`` of every paragraph of an article read from ``text``."""
    article = read_article(text.encode(), "footer.txt")
    return [(p.boilerplate, p.text) for p in article.paragraphs]


@pytest.mark.parametrize("footer", [
    "This article is republished from Delta Ledger under a Creative Commons license. "
    "Read the original article.",
    "This story was originally published by Coastline Wire. "
    "It is republished here with permission.",
    "Content by Upland Courier is licensed under CC BY-NC 4.0. "
    "You may republish it with attribution.",
    "This work is licensed under a Creative Commons Attribution 4.0 International License. "
    "To view a copy of this license, visit https://creativecommons.org/licenses/by/4.0/.",
    "Originally published by Marsh Post under a CC BY-SA 4.0 licence. "
    "Republished with permission.",
    "Ce texte est publié sous licence Creative Commons BY-NC. "
    "Reproduction autorisée avec mention de la source.",
    "Este artículo se publica bajo una licencia Creative Commons CC BY 4.0.",
])
def test_every_sentence_of_a_licence_footer_is_boilerplate(footer):
    """The footer's second sentence is not left citable on its own."""
    got = pieces(LEAD + footer)
    assert got[-1] == (True, footer)
    assert (False, "The harbour minister said the vote would go ahead on Tuesday.") in got


def test_a_footer_inside_a_paragraph_takes_its_continuation_not_the_prose_before():
    """Only what follows the footer sentence joins it; the article's sentence stays citable."""
    got = pieces("Harbour talks stall\n\nThe vote was delayed again. This story was originally "
                 "published by Coastline Wire. It is republished here with permission.")
    assert got[1:] == [(False, "The vote was delayed again."),
                       (True, "This story was originally published by Coastline Wire. "
                              "It is republished here with permission.")]


@pytest.mark.parametrize("sentence", [
    "It was published in March by the ministry.",
    "You can read the original report on the ministry's website, she said.",
    "The photographs were used with permission, the court heard.",
])
def test_continuation_words_in_prose_stay_article_text(sentence):
    """Without a footer before them, and not ending the article, they are prose."""
    got = pieces(LEAD + sentence + "\n\nThe talks resume next week, officials said.")
    assert (False, sentence) in got


def test_prose_about_licences_mid_article_stays_article_text():
    """A long paragraph on a licensing dispute is not a closing licence notice."""
    prose = ("The agency released its maps under a Creative Commons licence in 2019, and the "
             "minister said on Tuesday that the licence had let rival firms build on them "
             "without paying, which the opposition called a gift to foreign competitors that "
             "would cost the harbour authority millions in lost fees over the next decade.")
    got = pieces(LEAD + prose + "\n\nThe talks resume next week.")
    assert (False, prose) in got


def test_a_closing_call_out_to_readers_is_boilerplate():
    """A last paragraph of questions addressed to the reader is a call-out, not the article."""
    callout = "What do you make of the new bus timetable? Has your journey to work changed?"
    got = pieces(LEAD + callout)
    assert got[-1] == (True, callout)


@pytest.mark.parametrize("ending", [
    "Are you ready for this, he asked the crowd.",
    '"Can you imagine that?" she said.',
    "Will the harbour reopen? Nobody yet knows.",
])
def test_a_question_in_the_article_s_last_paragraph_is_not_a_call_out(ending):
    """A question that is reported, quoted or answered stays article text."""
    got = pieces(LEAD + ending)
    assert got[-1] == (False, ending)


def test_closing_questions_to_readers_are_split_off_the_last_paragraph():
    """Two or more closing questions to the reader leave the paragraph; its prose stays."""
    got = pieces(LEAD + "The survey covered 80 ferry routes. Which route do you take? "
                 "Has your fare gone up this year?")
    assert got[-2:] == [(False, "The survey covered 80 ferry routes."),
                        (True, "Which route do you take? Has your fare gone up this year?")]


def test_one_closing_question_in_prose_stays():
    """A single rhetorical question ending a paragraph of prose is the article's."""
    text = "The survey covered 80 ferry routes. But would you pay more for a faster crossing?"
    assert pieces(LEAD + text)[-1] == (False, text)
