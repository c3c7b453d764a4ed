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

With no compatible subject at all, a person named only as an object or after a preposition in
an earlier paragraph is no referent when the text has since described a person by a role
(*… his rift with Chancellor X. [¶] … the prime minister talked about … as he said, …*): an
object is the weakest antecedent across a paragraph break (centering: Grosz, Joshi and
Weinstein 1995), and the *he* may as well mean the one described; the quotation is left
without a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from briefbook.analyse.mentions import Mention
from briefbook.core.lexicon import is_role_word, is_title
from briefbook.core.model import Source

__all__ = ["referent", "titled_opening"]

#: A described person: *the* or *a*, up to two words, a lower-case head (*the prime minister*).
_DESCRIBED_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+((?:[\w-]+\s+){0,2}[a-z][\w-]*)\b")


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
    if not subjects and plain and plain[-1].paragraph < paragraph and \
            _described_since(source, plain[-1], paragraph, at):
        return None  # only an object paragraphs back, a described person since (docstring)
    best = subjects or plain
    return best[-1].actor if best else None


def _described_since(source: Source, mention: Mention, paragraph: int, at: int) -> bool:
    """Whether a described person (*the prime minister*) is written after ``mention``.

    *The*/*a* and up to two words ending in a role word (``role_words.txt``), between the
    mention and offset ``at`` of ``paragraph``, that is not a title of the mention itself
    (*Chancellor X … the chancellor*).
    """
    own = source.paragraph(mention.paragraph)
    titles = {w.lower() for w in (own.text[max(0, mention.start - 40):mention.end].split()
                                  if own else [])}
    for number in range(mention.paragraph, paragraph + 1):
        para = source.paragraph(number)
        if para is None:
            continue
        a = mention.end if number == mention.paragraph else 0
        b = at if number == paragraph else len(para.text)
        for found in _DESCRIBED_RE.finditer(para.text, a, b):
            heads = [w for w in found.group(1).split() if w.islower() and is_role_word(w)]
            if heads and heads[-1] not in titles:
                return True
    return False


def titled_opening(before: Sequence[str]) -> bool:
    """Whether the words before a name opening a sentence are its title (*he* may mean it).

    Titles, role words and capitalised words (*Shadow Home Secretary*, *Labour MP*), or any
    words ending in a role word (*Shadow education secretary*, *former party treasurer*).
    """
    return all(is_title(w) or is_role_word(w) or w[:1].isupper() for w in before) or \
        is_role_word(before[-1])
