"""Whether the article below a headline gives the headline's quoted words to a speaker.

BBC-style headlines quote a claim *about* the person they name (*Ebbers 'aware' of fraud*,
*Minister 'to quit'*) as often as the person's own words (*Hague 'given up' PM ambition*). A
headline quotation therefore gets the speaker a headline rule proposes
(:mod:`briefbook.analyse.headline`) only when the article attributes the same words to that
speaker: a quotation of theirs holding them, or a sentence reporting them (*William Hague says
he … having given up his ambition*). Words are compared by their content words (no function
word, modal or negation; ``function_words.txt``), each matching a word of the sentence that
starts with its first four letters (three of a four-letter word: *truanted* ~ *truant*,
*hide* ~ *hiding*; not *aware* ~ *unaware*); at least half of them must be found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.analyse.attribution import Attributor
from briefbook.analyse.cues import sentence_report
from briefbook.analyse.quotespans import QuoteSpan, masked_sentences
from briefbook.core.lexicon import is_function_word
from briefbook.core.model import Paragraph, Source
from briefbook.core.text import fold

__all__ = ["body_gives", "content_words", "gives_words"]

#: Modals, auxiliaries and negation: no content of their own ("will not tolerate" → tolerate).
_GRAMMAR = frozenset("""to will would must should could can may might shall is are was were be
    been being has have had do does did not no won't can't don't doesn't isn't wasn't n't of
    the a an and or in on at for with by from as""".split())


def content_words(text: str) -> list[str]:
    """The folded content words of ``text`` (see the module docstring)."""
    words = re.findall(r"\w[\w’']*", fold(text).lower())
    return [w for w in words if w not in _GRAMMAR and not is_function_word(w)]


def gives_words(quoted: str, text: str) -> bool:
    """Whether ``text`` holds the content words of ``quoted`` (see the module docstring)."""
    wanted = content_words(quoted)
    return bool(wanted) and _matches(wanted, text)


def _without_speaker(para: Paragraph, a: int, b: int, speaker: str, who: Attributor) -> str:
    """The sentence ``[a, b)`` of a paragraph with the speaker's own name blanked out.

    The headline's words must be what the speaker says, not the speaker's name: a headline
    ``Row over 'wardens' powers`` is not given by *The Wardens Union has said …*.
    """
    text = list(para.text[a:b])
    for m in who.within(para.number, a, b):
        if m.actor == speaker:
            text[m.start - a:min(m.end, b) - a] = " " * (min(m.end, b) - m.start)
    return "".join(text)


def _matches(wanted: Sequence[str], text: str) -> bool:
    """Whether at least half of ``wanted`` (and one) start a word of ``text``."""
    words = re.findall(r"\w[\w’']*", fold(text).lower())
    found = sum(any(w.startswith(x[:4] if len(x) > 4 else x[:3]) if len(x) > 3
                    else w in (x, x + "s") for w in words) for x in wanted)
    return found > 0 and 2 * found >= len(wanted)


def body_gives(source: Source, headline: Paragraph, quoted: str, speaker: str,
               said: Sequence[tuple[str, str | None]], spans: dict[int, list[QuoteSpan]],
               who: Attributor) -> bool:
    """Whether the article attributes the headline's ``quoted`` words to ``speaker``.

    Args:
        source: The article.
        headline: Its headline paragraph.
        quoted: The headline quotation's words.
        speaker: The actor id a headline rule proposes.
        said: The article's other quotations as ``(text, speaker id)``.
        spans: The quotation spans of every paragraph, by number.
        who: The article's attributor.
    """
    wanted = content_words(quoted)
    if not wanted:
        return False
    if any(who_said == speaker and _matches(wanted, text) for text, who_said in said):
        return True
    for para in source.paragraphs:
        if para.number <= headline.number or para.boilerplate or para.role is not None:
            continue
        own = spans.get(para.number, [])
        for a, b in masked_sentences(para.text, tuple(own)) or ((0, len(para.text)),):
            if _matches(wanted, _without_speaker(para, a, b, speaker, who)) and \
                    sentence_report(para, a, b, who).speaker == speaker:
                return True
    return False
