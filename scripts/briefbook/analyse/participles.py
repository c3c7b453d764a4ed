"""The subject of a sentence opened by a participle clause that holds the quotation.

*While saying he admired Ann Roe's "courageous" leadership, he criticised …*, *After
insisting the plan was "dead", Mr Obi left*: the participle (*saying*, *insisting*) has no
subject of its own; it is the main clause's, written after the clause's closing comma. Only a
pronoun or a capitalised name right after that comma counts, followed by a lower-case verb.
"""

from __future__ import annotations

import re

#: Nothing but a subordinating conjunction before the participle at the sentence's start.
_OPENING_RE = re.compile(r"\s*(?:(?:[Ww]hile|[Aa]fter|[Bb]efore|[Ww]hen|[Dd]espite|[Bb]esides|"
                         r"[Oo]n)\s+)?")
#: The main clause's subject after a comma: a pronoun or a name of up to five words.
_MAIN_SUBJECT_RE = re.compile(r",\s+(?P<subj>he|she|they|it|(?:[A-Z][\w’'.-]*\s+){0,4}"
                              r"[A-Z][\w’'.-]*)\s+(?:\w+ly\s+)?(?:has\s+|had\s+|also\s+)?"
                              r"[a-z]{3,}")


def main_clause_subject(text: str, head: str, verb_start: int, close: int,
                        end: int) -> tuple[int, int] | None:
    """The span of the main clause's subject, or ``None``.

    Args:
        text: The paragraph.
        head: The sentence's text before the quotation (from the sentence's start).
        verb_start: Where the participle starts in ``head``.
        close: Offset in ``text`` right after the quotation's closing mark.
        end: Where the sentence ends in ``text``.
    """
    if not _OPENING_RE.fullmatch(head[:verb_start]):
        return None
    found = _MAIN_SUBJECT_RE.search(text, close, end)
    return (found.start("subj"), found.end("subj")) if found else None
