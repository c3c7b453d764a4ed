"""Last checks on a quotation's attribution: names in quotation marks, objects that speak.

After the cue rules (:mod:`briefbook.analyse.cues`) have named a speaker, two kinds of text
are taken back, because a wrong speaker is worse than none:

- a quotation that is only a name (*claiming that 'Veritas' is a party*): every word
  capitalised, and the article writes the same words unquoted in mid-sentence (*Veritas
  would also announce …*); it gets no speaker (pattern ``term``);
- a speaker who is the object of a verb of judging or addressing
  (:func:`briefbook.analyse.objects.not_the_object`);
- a term modifying a noun after *on*, *about*, *over* or a verb (*rules on "cold calling"
  firms*) and words inside a clause a speech noun or a group governs (*Claims that "…" are
  false, X said*): :mod:`briefbook.analyse.terms`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from weakref import WeakKeyDictionary

from briefbook.analyse.attribution import Attribution, Attributor
from briefbook.analyse.objects import not_the_object
from briefbook.analyse.quotespans import QuoteSpan
from briefbook.analyse.terms import inner_report, noun_modifier
from briefbook.core.model import Paragraph

__all__ = ["others_words", "quoted_name", "vetted"]

#: Up to three capitalised words: a name, not a statement, when written unquoted too.
_NAME_RE = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}")


def quoted_name(who: Attributor, words: str) -> bool:
    """Whether the quoted ``words`` are a name the article also writes unquoted mid-sentence."""
    if not _NAME_RE.fullmatch(words.strip()):
        return False
    pattern = re.compile(r"(?<=[a-z,;] )" + re.escape(words.strip()) + r"(?![\w’'\"”’»])")
    for para in who.source.paragraphs:
        masked = [(a, b) for a, b in who.masked.get(para.number, [])]
        for found in pattern.finditer(para.text):
            if not any(a - 1 <= found.start() <= b for a, b in masked):
                return True
    return False


#: Patterns of a cue that names who said the words (a term or a headline rule is left alone).
_SAID = ("after", "before", "pronoun", "role", "lead-in", "dash", "according-to")
#: Per article, the attribution a quoted name was given, kept for the quotation after it in its
#: sentence (*X claiming that 'Aurora' is a party of "truth"*: "truth" is X's).
_HELD: WeakKeyDictionary[Attributor, tuple[int, int, Attribution]] = WeakKeyDictionary()


def vetted(para: Paragraph, span: QuoteSpan, found: Attribution,
           who: Attributor) -> Attribution:
    """``found``, or what the checks above make of it (no speaker, another speaker).

    A quotation with no cue right after a quoted name in the same sentence gets the speaker
    the name's sentence gave it.
    """
    held = _HELD.pop(who, None)
    if found.pattern in ("none", *_SAID) and quoted_name(
            who, para.text[span.text_start:span.text_end]):
        if found.speaker or found.anonymous:
            _HELD[who] = (para.number, span.close, found)
        return Attribution(speaker=None, written=None, pattern="term",
                           cue="a name, not a statement (written unquoted elsewhere)")
    if found.pattern == "none" and held and held[0] == para.number and \
            not re.search(r"[.!?;]", para.text[held[1] + 1:span.open]):
        return replace(held[2], pattern="split",
                       cue=f"the same sentence as the quoted name before it ({held[2].cue})")
    return not_the_object(para.text, para.number, span, others_words(para, span, found), who)


def others_words(para: Paragraph, span: QuoteSpan, found: Attribution) -> Attribution:
    """``found``, or no speaker for a term or words reported in a clause of their own.

    See :func:`~briefbook.analyse.terms.noun_modifier` (pattern ``term``) and
    :func:`~briefbook.analyse.terms.inner_report` (the nearest reporting clause wins over a
    cue around it; a group such as *critics* is kept as an anonymous speaker).
    """
    if not (found.speaker or found.anonymous) or found.pattern not in _SAID:
        return found
    if noun_modifier(para.text, span.open, span.close):
        return Attribution(speaker=None, written=None, pattern="term",
                           cue="a term, not a statement (it modifies a noun)")
    inner = inner_report(para.text, span.open)
    if inner is None:
        return found
    return Attribution(speaker=None, written=found.written, pattern=found.pattern,
                       cue=f'{found.cue} (the words of "{inner[0]}", in a clause of their own)',
                       anonymous=inner[0] if inner[1] else None)
