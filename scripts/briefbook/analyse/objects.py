"""The object of a verb of judging or addressing never speaks the quoted words.

In *The Glasgow MP, who was expelled from the party, accused Ms Roe of being a "stooge"*,
*X called Y "a liar"*, *X described Y as "…"* or *X told Y: "…"* the quoted words are the
subject's; the person written right after the verb (``judging_verbs.txt``,
``object_speech_verbs.txt``) is the one judged or addressed. When the rules of
:mod:`briefbook.analyse.cues` resolve the subject to that person (an epithet or a role whose
holder is the object), :func:`not_the_object` takes the speaker back: a definite description
(*the Glasgow MP*) then means the subject of the sentence before (:meth:`~briefbook.analyse.
referents.Referents.described`) when that is someone else, else the quotation keeps no
speaker; a wrong speaker is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefbook.analyse.attribution import Attribution, Attributor
from briefbook.analyse.quotespans import QuoteSpan
from briefbook.core.lexicon import (
    fold_word,
    honorific_gender,
    is_role_word,
    is_speech_verb,
    word_list,
)
from briefbook.core.quotemarks import SENTENCE_STOP_RE

__all__ = ["not_the_object"]

_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")


def _object_verb(word: str) -> bool:
    folded = fold_word(word)
    return folded in word_list("judging_verbs") or folded in word_list("object_speech_verbs")


def not_the_object(para_text: str, paragraph: int, span: QuoteSpan, found: Attribution,
                   who: Attributor) -> Attribution:
    """``found`` unless its speaker is the object of a verb before the quotation (see above).

    Args:
        para_text: The paragraph's text.
        paragraph: Its number.
        span: The quotation.
        found: The attribution the cue rules gave it.
        who: The article's attributor.

    Returns:
        ``found``; or, when its speaker is written right after *accused*/*called*/*told* … in
        the quotation's sentence before it, the sentence subject's referent or no speaker,
        with a cue saying why.
    """
    if not found.speaker or who.kind(found.speaker) != "person":
        return found
    start = max([m.end() for m in SENTENCE_STOP_RE.finditer(para_text)
                 if m.end() <= span.open] + [0])
    for verb in _WORD_RE.finditer(para_text, start, span.open):
        if not _object_verb(verb.group()) or verb.group()[:1].isupper():
            continue
        objects = [m for m in who.within(paragraph, verb.end(), verb.end() + 40)
                   if m.actor == found.speaker and all(
                       w[:1].isupper() or is_role_word(w) or fold_word(w) in ("the", "a", "an")
                       for w in _WORD_RE.findall(para_text[verb.end():m.start]))
                   and not any(is_speech_verb(w) for w in _WORD_RE.findall(
                       para_text[m.end:span.open]))]  # "When asked Mr Lee said": he speaks
        if not objects and not _surname_after(para_text, verb.end(), span.open,
                                              who.name_of(found.speaker)):
            continue
        if found.written and re.match(r"(?i)the\s", found.written) and not any(
                who.kind(m.actor) == "person" for m in who.within(paragraph, start, verb.start())):
            other = who.described(paragraph, start)  # "The Glasgow MP … accused Ms Roe"
            if other and other != found.speaker and who.kind(other) == "person":
                return replace(found, speaker=other, pattern="role", cue=f"{found.cue}; not "
                               f"the object of '{verb.group()}': the subject named before")
        return Attribution(speaker=None, written=found.written, pattern=found.pattern,
                           cue=f"{found.cue}; the object of '{verb.group()}' does not speak")
    return found


def _surname_after(text: str, at: int, stop: int, name: str) -> bool:
    """Whether ``text`` at ``at`` writes the surname of ``name`` (after an honorific).

    *accused Ms King of …* when *Ms King* is no mention (a surname that is also a title).
    """
    words = _WORD_RE.findall(text[at:stop])[:3]
    if len(words) > 1 and (honorific_gender(words[0]) or fold_word(words[0]) in ("the", "a")):
        words = words[1:]  # "Ms King": one honorific (a surname may be a title too)
    return bool(words) and words[0] == name.split()[-1] and not any(
        is_speech_verb(w) for w in _WORD_RE.findall(text[at:stop]))
