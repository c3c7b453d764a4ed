"""The speaker of a reply: the person just addressed, not the one who spoke to them.

*"You have lost control," Mr Fenn told Mr Ostrow. "Nonsense," he replied.* — *he* is
Mr Ostrow: a pronoun subject of a verb of answering (``reply_verbs.txt``) right after a
quotation whose reporting clause addresses a person (*told Y*, *asked Y*, *challenged Y*:
``object_speech_verbs.txt``) means that person when the gender fits, not the previous speaker.
"""

from __future__ import annotations

import re

from briefbook.analyse.attribution import Attribution, Attributor
from briefbook.core.lexicon import fold_word, is_title, word_list

_GENDERS = {"he": "male", "she": "female"}


def reply_addressee(who: Attributor, found: Attribution, verb: str) -> Attribution:
    """``found`` given to the person addressed before a reply, or ``found`` unchanged.

    Args:
        who: The article's attributor (its previous quotation is the one replied to).
        found: The attribution read from the reply's own cue (a pronoun subject).
        verb: The cue's speech verb (``replied``).
    """
    wanted = _GENDERS.get((found.written or "").lower())
    prev = who.previous
    if wanted is None or found.pattern != "pronoun" or prev is None or not prev[2].speaker \
            or fold_word(verb) not in word_list("reply_verbs"):
        return found
    para = who.source.paragraph(prev[0])
    if para is None:
        return found
    stop = re.search(r"[.!?](?:\s|$)", para.text[prev[1] + 1:])
    end = prev[1] + 1 + (stop.start() if stop else len(para.text))
    for mention in who.within(prev[0], prev[1] + 1, end):
        words = para.text[:mention.start].split()
        while words and is_title(words[-1]):
            words.pop()
        if words and fold_word(words[-1]) in word_list("object_speech_verbs") \
                and mention.actor != prev[2].speaker and who.kind(mention.actor) == "person" \
                and who.gender(mention.actor) in (None, wanted):
            return Attribution(speaker=mention.actor, written=found.written, pattern="pronoun",
                               cue=f"{found.cue}: a reply, by the person addressed")
    return found
