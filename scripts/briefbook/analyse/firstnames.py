"""A given name written alone for a person the same article names in full.

News features call a person by the given name once the full name is known (*Fraser Reid,
a carpenter, … "Priya was the first," Fraser said*), most often among relatives who share a
surname. A one-word speaker that is a given name of the name dictionary joins the one person
of the same article whose full name starts with it; never across articles, and never when the
article writes that given name before two different surnames (*Fraser Reid* and *Fraser Dunn*),
or writes the word itself as a surname (*Mr Fraser*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.core.lexicon import first_name_gender
from briefbook.core.model import Actor, Source
from briefbook.core.names import key


def given_name_owner(source: Source | None, word: str,
                     persons: Sequence[tuple[Actor, str]]) -> str | None:
    """The id of the one person of ``source`` whose given name is ``word``, else ``None``.

    Args:
        source: The article the speaker ``word`` is written in.
        word: A one-word speaker (*Fraser*).
        persons: Extracted persons of two or more names, each with its folded surname.
    """
    if source is None or not first_name_gender(word):
        return None
    text = " ".join(p.text for p in source.paragraphs)
    escaped = re.escape(word)
    if re.search(r"[A-Z][\w.-]* " + escaped + r"\b", text):
        return None  # "Mr Fraser", "Ann Fraser": the word is a surname here
    written = set(re.findall(r"\b" + escaped + r"((?: [A-Z][\w’'-]+)+)", text))
    owners = [a.id for a, _ in persons if key(a.name.split()[0]) == key(word)
              and a.name in text]
    if len(owners) != 1:
        return None
    rest = " " + " ".join(next(a for a, _ in persons if a.id == owners[0]).name.split()[1:])
    return owners[0] if all(w.startswith(rest) or rest.startswith(w) for w in written) else None
