"""The person a *he*/*she* refers to when no previous speaker goes on: near before far.

:meth:`briefbook.analyse.attribution.Attributor.pronoun` takes the nearest preceding person of
a compatible gender, preferring one named as a sentence's subject. A subject paragraphs back
must not outweigh the one person of the pronoun's own gender named in its own paragraph
(*his confrontation with Ann Roe, the woman who harangued him. "…," she told Mr Blair* is Ann
Roe, not a woman who spoke three paragraphs earlier): when no compatible person has been a
subject in the pronoun's paragraph or the one before, and its paragraph names exactly one
person whose gender is known to be the pronoun's (an honorific, a given name), that person is
the referent, unless the paragraph has already opened a sentence with the same pronoun (*He
praised Mr Poe. "…," he said*: the earlier *he*). A subject in the paragraph before still
wins (*Mr Roe said … . [¶] … named Mr Poe … He told BBC News* is Mr Roe).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from briefbook.analyse.mentions import Mention
from briefbook.core.lexicon import is_role_word, is_title
from briefbook.core.model import Source

__all__ = ["referent", "titled_opening"]


def referent(plain: Sequence[Mention], subjects: Sequence[Mention], source: Source,
             paragraph: int, at: int, wanted: str,
             gender: Callable[[str], str | None]) -> str | None:
    """The actor a *he*/*she* in ``paragraph`` refers to, from the mentions before it.

    Args:
        plain: Compatible person mentions before the pronoun, not possessives, in order.
        subjects: Those of ``plain`` in subject position.
        source: The article.
        paragraph: The pronoun's paragraph.
        at: The pronoun's offset in it.
        wanted: ``male`` or ``female``.
        gender: An actor's known gender (``None`` when unknown).

    Returns:
        The one person of the pronoun's gender named in its paragraph when no subject fits
        there or in the paragraph before (module docstring), else the latest subject, else
        the latest mention; ``None`` when there is none.
    """
    para = source.paragraph(paragraph)
    word = "He" if wanted == "male" else "She"
    carried = para is not None and re.search(  # "He praised Mr Y. "…," he said": the earlier he
        r"(?:^|[.!?][\"”’']?\s+)(?:(?:And|But|So|Yet|Then|Later),?\s+)?" + word + r"\b",
        para.text[:at]) is not None
    if not carried and (not subjects or paragraph - subjects[-1].paragraph >= 2):
        here = {m.actor for m in plain if m.paragraph == paragraph and gender(m.actor) == wanted}
        if len(here) == 1:
            return here.pop()
    best = subjects or plain
    return best[-1].actor if best else None


def titled_opening(before: Sequence[str]) -> bool:
    """Whether the words before a name opening a sentence are its title (*he* may mean it).

    Titles, role words and capitalised words (*Shadow Home Secretary*, *Labour MP*), or any
    words ending in a role word (*Shadow education secretary*, *former party treasurer*).
    """
    return all(is_title(w) or is_role_word(w) or w[:1].isupper() for w in before) or \
        is_role_word(before[-1])
