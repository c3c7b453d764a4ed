"""Reported words whose speaker is not the subject of their sentence.

A relative clause gives the quotation to its antecedent, not to the sentence's subject: *The
Commission faces two challenges, one from the Airlines Association (AA), which has attacked
the package as a "bad law"* → the Airlines Association; *…, the mayor, who has warned of "chaos"*
→ the mayor. :func:`relative_antecedent` finds that antecedent for
:func:`briefbook.analyse.cues.attribute`; the speech verb of the clause decides, as anywhere.

A sentence opening with a conjunction and a speech verb has no subject of its own (*Ms Roe
insisted: "…" And continued: "…"*, *But told the BBC: "…"*): :func:`elided_subject` gives it to
the speaker of the quotation before it, in its paragraph or the one before.
"""

from __future__ import annotations

import re

from briefbook.analyse.attribution import NONE, Attribution, Attributor
from briefbook.analyse.referents import Referents
from briefbook.core.model import Paragraph

#: ``, which has``, ``, who had long``: a relative pronoun and up to two auxiliaries or adverbs
#: right before the speech verb.
_RELATIVE_RE = re.compile(r",\s+(?:who|which)\s+(?:(?:on|in|at|last|this|earlier)\s+(?:the\s+)?"
                          r"[\w-]+\s+)?(?:[a-z]+\s+){0,2}$")  # "who on Thursday said"
#: What may stand between the antecedent and the comma: an acronym in brackets.
_BETWEEN_RE = re.compile(r"\s*(?:\([^()]{1,12}\))?\)?\s*")


def relative_antecedent(refs: Referents, para: Paragraph, a: int, verb: int
                        ) -> tuple[int, int] | None:
    """The span of the name a relative clause before a speech verb at ``verb`` refers to.

    Args:
        refs: The article's mentions.
        para: The paragraph.
        a: Where the quotation's sentence (or the text before the quotation) starts.
        verb: Offset of the speech verb in the paragraph.

    Returns:
        ``(start, end)`` of the named antecedent right before ``, which``/``, who``, or
        ``None`` when the verb is not in such a clause or the antecedent is not a name (then
        the sentence's subject is read as usual).
    """
    clause = _RELATIVE_RE.search(para.text, a, verb)
    if clause is None:
        return None
    for mention in reversed(refs.within(para.number, a, clause.start())):
        if _BETWEEN_RE.fullmatch(para.text[mention.end:clause.start()]):
            return mention.start, mention.end
        break
    return None


def elided_subject(who: Attributor, paragraph: int, verb: str) -> Attribution:
    """The previous speaker, for a speech verb whose subject the sentence leaves out.

    Only when the previous quotation with a speaker (or an anonymous one) is in this paragraph
    or the one before; else ``NONE``.
    """
    prev = who.previous
    if prev is None or paragraph - prev[0] > 1 or not (prev[2].speaker or prev[2].anonymous):
        return NONE
    return Attribution(speaker=prev[2].speaker, written=prev[2].written, pattern="continued",
                       cue=f"And {verb}: \"…\" (no subject: the previous speaker)",
                       anonymous=prev[2].anonymous)
