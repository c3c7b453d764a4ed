"""A name in quotation marks: one capitalised word the article also writes without them.

A new party, a product or a ship is often quoted where it is introduced or discussed (*that
'Veritas' is a party that …*, *Kilroy launches 'Veritas' party*) and written plainly
elsewhere in the same article (*He said Veritas would …*). Such a quotation is a name, not
anyone's words: it gets no speaker (pattern ``term``), whatever verb stands near it.
"""

from __future__ import annotations

import re

from briefbook.analyse.attribution import Attribution
from briefbook.core.model import Source

__all__ = ["quoted_name"]

_NAME_RE = re.compile(r"[A-Z][\w’'-]*")


def quoted_name(source: Source, words: str) -> Attribution | None:
    """No speaker for a quoted one-word name the article also writes unquoted, else ``None``.

    Args:
        source: The article.
        words: The quoted words.

    Returns:
        An attribution with pattern ``term`` when ``words`` is one capitalised word (not all
        capitals: *"NO"* may be someone's cry) that some paragraph writes, capitalised,
        inside a sentence and outside quotation marks; ``None`` otherwise.
    """
    word = words.strip(" .,;:!?")
    if not _NAME_RE.fullmatch(word) or word.isupper():
        return None
    plain = re.compile(r"(?<=[a-z,;] )" + re.escape(word) + r"(?![\w’'\"”])")
    if not any(plain.search(p.text) for p in source.paragraphs):
        return None
    return Attribution(speaker=None, written=None, pattern="term",
                       cue="a name in quotation marks (the article also writes it plainly)")
