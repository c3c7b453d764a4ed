"""Which organisation a body pronoun (*it*, *they*) that reports a quotation refers to.

Tried in this order:

1. a body named as the subject of a sentence that reports, since the previous quotation's
   sentence ended (*Y said: "…" Z said it did not know. However, it said "…"*: Z, not Y);
2. the previous speaker, within two paragraphs, when it is a body or a person's statement
   (*the report*, *it*);
3. the previous speaker of the same paragraph when it is a person only by its name's shape
   (*George Wimpey said …. "…," it added*: a firm named after its founder);
4. the last body of this or the previous paragraph in subject position or holding a document
   (*The CBI said … It added*), unless the sentence right before opens with another body's
   name that no actor has (:func:`other_body_opens`; the caller makes that name the speaker).

Never a person, never a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.analyse import offices
from briefbook.analyse.described import opening_body
from briefbook.analyse.holders import plain_name
from briefbook.analyse.mentions import Mention
from briefbook.analyse.referents import Referents
from briefbook.core.lexicon import is_document_word, is_function_word
from briefbook.core.quotemarks import SENTENCE_STOP_RE

_WORD_RE = re.compile(r"[\w’'.-]+")


def body_referent(refs: Referents, paragraph: int, at: int, earlier: Sequence[Mention],
                  previous: tuple[int, int, str | None, str | None] | None) -> str | None:
    """The organisation actor a body pronoun refers to (module docstring), or ``None``.

    Args:
        refs: The source's mentions and actors.
        paragraph: The pronoun's paragraph.
        at: Where the pronoun's sentence is read from in that paragraph.
        earlier: The mentions before the pronoun, in reading order.
        previous: The previous quotation's paragraph, end offset, speaker and subject as
            written, or ``None`` when it is the first.
    """
    if previous is not None:
        para = refs.source.paragraph(previous[0])
        stop = SENTENCE_STOP_RE.search(para.text, max(0, previous[1] - 2)) if para else None
        end = (previous[0], stop.start() if stop else len(para.text) if para else previous[1])
        since = [m for m in earlier if refs.kind(m.actor) != "person"
                 and (m.paragraph, m.start) > end and paragraph - m.paragraph <= 1
                 and refs._subject_position(m)]
        if since:
            return since[-1].actor  # "Z said it did not know. However, it said …": Z
    speaker, written = (previous[2], previous[3]) if previous else (None, None)
    if previous and speaker and paragraph - previous[0] <= 2 and (
            refs.kind(speaker) != "person" or any(
                is_document_word(w) or w.lower() == "it" for w in _WORD_RE.findall(written or ""))):
        return speaker  # the body, or a person's statement ("it said")
    if previous and speaker and previous[0] == paragraph and \
            plain_name(refs, speaker, paragraph, previous[1], at):
        return speaker  # "Wimpey said …. "…," it added": a firm, not a person
    bodies = [m for m in earlier if refs.kind(m.actor) != "person"
              and paragraph - m.paragraph <= 1 and (refs._subject_position(m)
                                                    or offices.document_holder(refs, m))]
    if not bodies or other_body_opens(refs, paragraph, at, bodies[-1].actor):
        return None
    return bodies[-1].actor  # "The CBI said … It added"


def other_body_opens(refs: Referents, paragraph: int, at: int, actor: str) -> bool:
    """Whether the sentence before ``at`` opens with another organisation's name.

    *… the BPC's deficit … The FER blames this on a law. It said …*: *it* is the FER, which no
    known actor is, not the BPC named before; :func:`~briefbook.analyse.described.opening_body`
    reads the name (an acronym or several words, followed by its verb), and a mention of
    ``actor`` in it makes it the same body.
    """
    para = refs.source.paragraph(paragraph)
    before = refs.sentence_before_at(para, at) if para is not None else None
    if before is None or (name := opening_body(before[1], *before[2])) is None or not (
            name.isupper() or " " in name):
        return False  # an acronym or a name of several words, not "Apart" of "Apart from"
    start = before[1].find(name, before[2][0])
    verb = re.match(r"\s+([a-z]+)\b", before[1][start + len(name):])
    return verb is not None and not is_function_word(verb.group(1)) and not any(
        m.actor == actor for m in refs.within(before[0].number, start, start + len(name)))
