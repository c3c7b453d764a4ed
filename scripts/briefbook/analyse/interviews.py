"""Lead-ins that are not a speaker: interview labels and a participle after a quotation.

Two shapes of English news text put words before a colon that name nobody:

- an interview or a Q&A written out in turns labels each turn (``Q: "…"``, ``A: "…"``,
  ``Question: "…"``; ``interview_labels.txt``): the label is a turn, not a person, so the
  quotation gets no speaker from it and the label never becomes an actor;
- a participle of a speech verb after an earlier quotation of the same sentence (``Ann Roe said
  she would "fight every cut", adding: "…"``, ``…, insisting: "…"``) has the sentence's
  subject as its own: the quotation goes on with the speaker of the earlier one (the caller
  leaves it to the rule that carries a speaker within a sentence).
"""

from __future__ import annotations

import re

from briefbook.analyse.attribution import Attribution, speech_verb_at
from briefbook.core.lexicon import fold_word, word_list

_LABEL_RE = re.compile(r"\s*(?P<label>[A-Za-z]+)\.?\s*:\s*$")
_PARTICIPLE_RE = re.compile(r"[\s,;]*(?:(?:and|before|while|then)\s+)?(?:\w+ly\s+)?"
                            r"(?P<verb>[a-z]+ing)\s*:\s*$")


def interview_label(head: str, opens_sentence: bool) -> Attribution | None:
    """The attribution of a quotation after an interview label (``Q:``), else ``None``.

    Args:
        head: The words of the quotation's sentence before its opening mark.
        opens_sentence: Whether ``head`` starts its sentence (a label opens a turn).

    Returns:
        An attribution with no speaker and the cue ``an interview label (Q:)``, when ``head``
        is one word of ``interview_labels.txt`` and a colon; ``None`` otherwise.
    """
    m = _LABEL_RE.fullmatch(head)
    if not opens_sentence or m is None or fold_word(m.group("label")) not in word_list(
            "interview_labels"):
        return None
    return Attribution(speaker=None, written=None, pattern="lead-in",
                       cue=f"an interview label ({m.group('label')}:), not a speaker")


def participle_lead_in(head: str) -> bool:
    """Whether ``head`` is only a speech verb's participle and a colon (``, adding:``).

    Read after an earlier quotation of the same sentence: the participle's subject is the
    sentence's, whose speaker the earlier quotation already has.
    """
    m = _PARTICIPLE_RE.fullmatch(head)
    return m is not None and speech_verb_at(m.group("verb")) is not None
