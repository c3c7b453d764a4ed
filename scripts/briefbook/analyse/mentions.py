"""Mentions of actors in paragraphs: an alias table matched on folded text.

Matching is tolerant of how the same name is typed: Unicode compatibility forms, accents,
curly or straight apostrophes (or none: ``Ka'b`` = ``Kab``), hyphens versus spaces. A surname
alone counts as a mention only after the full name (or a longer alias) appeared earlier in the
same article, and only when no other actor introduced there shares it; so does an extracted
person's given name alone (*Fraser* for *Fraser Reid*). A role title ("the
Example Ministry spokesman") counts only when exactly one actor holds it. Spellings close to a
registered name are never merged: they are reported as near-miss candidates for the editor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefbook.analyse.aliastable import (
    TITLE_WORDS,
    WORD_RE,
    AliasTable,
    Hit,
    KeyFinder,
    words_of,
)
from briefbook.analyse.nametokens import continued_by_name, inside_other_name
from briefbook.core.cache import cached, key_of, source_key
from briefbook.core.lexicon import first_name_gender, honorific_gender
from briefbook.core.model import Actor, Book, Source
from briefbook.core.names import key, normalize
from briefbook.core.parallel import prefill

#: ``fold`` of one character, memoised: :func:`normalize` folds text character by character.
_LEADING_WORDS = frozenset("""the a an since on in at during after before until by for from
    when while as of this that key monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november
    december""".split())
_TITLE_ABBR = frozenset("gen maj brig lt col sgt cmdr adm capt".split())
#: Plain honorifics: a person written with one of rank (Sir, Dame, Lord, Dr) is not "Mr X".
_PLAIN = frozenset("mr mrs ms miss mx mister".split())
_CAP_RUN_RE = re.compile(
    r"(?<![\w'’])(?:[A-Z][\w’'.-]*[\w]|[A-Z]\.)(?:\s+(?:(?:al|bin|ibn|de|van|von|el)-?\s*)?"
    r"(?:[A-Z][\w’'.-]*\w|[A-Z]\.))*")


#: The word just before a position (group 2), and where a sentence starts before a word.
_WORD_BEFORE_RE = re.compile(r"(^|[\s(])([A-Z][\w’'.-]*)\s+$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;][\"”’']?\s+|[\"“‘(]\s*)$")


@dataclass(frozen=True, kw_only=True)
class Mention:
    """One mention of an actor.

    Attributes:
        actor: The actor id.
        source: The source id.
        paragraph: The paragraph number.
        start: Character offset of the mention in the paragraph text.
        end: Offset just after it.
        text: The mention as written.
        via: How it was found: ``name``, ``alias``, ``surname`` or ``title``.
    """

    actor: str
    source: str
    paragraph: int
    start: int
    end: int
    text: str
    via: str


def _matches(pattern: re.Pattern[str] | KeyFinder | None, folded: str,
             words: Sequence[tuple[int, str]]) -> Iterable[tuple[int, int, str]]:
    if pattern is None:
        return []
    found = pattern._find(folded, words) if isinstance(pattern, KeyFinder) else \
        pattern.finditer(folded)
    return ((m.start(), m.end(), m.group()) for m in found)


def _acronyms(table: AliasTable, text: str) -> Iterable[Hit]:
    """Upper-case aliases (``UN``, ``IS``) match only as written, never the word ``is``.

    Not right after a full stop (``U.N.``'s letters are no alias ``N``).
    """
    finder = table._acronym_pattern
    if finder is None:
        return []
    # every alias starts with a capital A-Z: only the words that do can start a match
    return finder._find(text, [(m.start(), m.group()) for m in _CAPITAL_WORD_RE.finditer(text)])


#: A word starting with a capital A-Z, not right after a word character or a full stop.
_CAPITAL_WORD_RE = re.compile(r"(?<![\w.])[A-Z]\w*")


#: The folding of the paragraphs of the last few sources is kept: :func:`source_words` and
#: :func:`source_mentions` fold the same paragraphs one after the other. The offsets list is
#: shared, so callers only read it.
@lru_cache(maxsize=1024)
def _folded(text: str) -> tuple[str, list[int], list[tuple[int, str]]]:
    """:func:`normalize` of ``text`` and the words of the folded text (:func:`words_of`)."""
    folded, offsets = normalize(text)
    return folded, offsets, words_of(folded)


def _folded_index(offsets: list[int], original: int) -> int:
    index = bisect_left(offsets, original)  # offsets increase: the first one >= original
    return index if index < len(offsets) else len(offsets) - 1


def source_mentions(source: Source, table: AliasTable) -> list[Mention]:
    """Every mention of every actor in one source, in reading order."""
    full_re, surname_re, title_re = table.patterns
    if full_re is surname_re is title_re is None and table._acronym_pattern is None:
        return []  # an empty registry matches nothing: no paragraph needs folding
    introduced: list[str] = []
    found: list[Mention] = []
    for para in source.paragraphs:
        if para.boilerplate:
            continue
        folded, offsets, words = _folded(para.text)
        taken: list[tuple[int, int]] = []
        hits: list[tuple[int, int, str, str]] = []
        for a, b, k in _matches(full_re, folded, words):
            if k in table.capitalised and (" " not in k and not para.text[offsets[a]].isupper()
                                           or para.text[offsets[a]:offsets[b - 1] + 1].islower()):
                continue  # "Reading" is no "reading"; "General Election" no "general election"
            actor = _namesake(table, k, table.full[k], introduced + [h[2] for h in hits])
            if actor is None or (" " not in k and _given_name_alias(table.actors[actor], k)
                                 and actor not in introduced + [h[2] for h in hits if h[0] < a]):
                continue  # a given name alone ("Fraser"): only after the full name, as a surname
            if " " not in k and not table.actors[actor].curated and _in_longer_name(
                    para.text, offsets[a], offsets[b - 1] + 1):
                continue  # an extracted "White" (Mr White) is not the "White House"
            via = "name" if key(table.actors[actor].name) == k else "alias"
            hits.append((a, b, actor, via))
            taken.append((a, b))
        for match in _acronyms(table, para.text):
            a = _folded_index(offsets, match.start())
            b = _folded_index(offsets, match.end() - 1) + 1
            if not any(a < y and x < b for x, y in taken):
                actor = table.acronyms[match.group()]
                hits.append((a, b, actor, "alias"))
                taken.append((a, b))
        for a, b, k in _matches(title_re, folded, words):
            if not any(a < y and x < b for x, y in taken):
                hits.append((a, b, table.titles[k], "title"))
                taken.append((a, b))
        for a, b, k in _matches(surname_re, folded, words):
            if any(a < y and x < b for x, y in taken):
                continue
            earlier = [h[2] for h in hits if h[0] < a and h[3] != "surname"]
            known = [i for i in table.surnames[k] if i in introduced or i in earlier]
            if len(known) > 1 and re.search(r"(?i:\b(?:mr|mrs|ms|miss|mx|mister)\.?\s+)$",
                                            para.text[max(0, offsets[a] - 8):offsets[a]]):
                known = _untitled(table, known)  # "Mr Blair" after Sir Ian Blair: not him
            if len(known) == 1 and para.text[offsets[a]].isupper() and \
                    not _in_longer_name(para.text, offsets[a], offsets[b - 1] + 1):
                hits.append((a, b, known[0], "surname"))
        for a, b, actor, via in sorted(hits):
            start, end = offsets[a], offsets[b - 1] + 1
            found.append(Mention(actor=actor, source=source.id, paragraph=para.number,
                                 start=start, end=end, text=para.text[start:end], via=via))
            if actor not in introduced and via != "surname":
                introduced.append(actor)
    return found


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the one word at ``start:end`` is part of a longer capitalised name.

    *Nick Brown* or *Brown University* after Gordon Brown; *White House* for an extracted
    *Mr White* (see :func:`~briefbook.analyse.nametokens.inside_other_name` and
    :func:`~briefbook.analyse.nametokens.continued_by_name`).
    """
    if continued_by_name(text, end):
        return True
    if not inside_other_name(text, start):
        return False
    # the capitalised word before: an adjective (*Swiss-based*) or a sentence's first word
    # (*Former*) is no part of a name, unless it is a given name (*Nick Brown said*)
    before = _WORD_BEFORE_RE.search(text, 0, start)
    if before is None:
        return True
    word = before.group(2)
    if re.search(r"-[a-z]", word):
        return False
    return not _SENTENCE_START_RE.search(text, 0, before.start(2)) or \
        first_name_gender(word) is not None


def _given_name_alias(actor: Actor, k: str) -> bool:
    """Whether folded ``k`` is the given name of an extracted person of two names or more."""
    words = key(actor.name).split()
    return not actor.curated and actor.kind == "person" and len(words) > 1 and k == words[0]


def _untitled(table: AliasTable, ids: Sequence[str]) -> list[str]:
    """The actors of ``ids`` never written with an honorific of rank (*Sir*, *Lord*, *Dr*).

    All of ``ids`` when every one of them was.
    """
    return [i for i in ids if not any(
        (w := key(n).split()[:1]) and honorific_gender(w[0]) and w[0] not in _PLAIN
        for n in table.actors[i].names)] or list(ids)


def _namesake(table: AliasTable, k: str, actor: str, introduced: Sequence[str]) -> str | None:
    """The person a short form (*Mr Brown*, *Brown*) means in this article.

    A short form learnt from another article (Gordon Brown's *Mr Brown*) means the person of
    this article whose full name ends with it when the article introduced someone of that
    surname (*Nick Brown*); of several, the one whose given name fits the honorific's gender
    (*Ms Lowe*: Nia, not Gareth Lowe), else no one; otherwise ``actor``. A plain honorific
    (*Mr Blair*) never means someone written with one of rank (*Sir Ian Blair*).
    """
    words = [w for w in k.split() if w.rstrip(".") not in TITLE_WORDS]
    here = list(dict.fromkeys(i for i in table.surnames.get(words[0], ()) if i in introduced)
                ) if len(words) == 1 else []
    if not here or here == [actor]:
        return actor
    if set(k.split()) & _PLAIN:  # "Mr Blair" is not "Sir Ian Blair": a knight keeps "Sir"
        here = _untitled(table, here)
    sex = next((g for w in k.split() if (g := honorific_gender(w)) in ("male", "female")), None)
    fits = [i for i in here if sex and first_name_gender(table.actors[i].name.split()[0]) == sex]
    return fits[0] if len(fits) == 1 else (here[0] if len(here) == 1 else None)


def find_mentions(book: Book, actors: Sequence[Actor]) -> list[Mention]:
    """Every mention of every actor in every source of the book.

    A source's mentions are cached under its content and the entries of the registry it can
    match (:func:`relevant_entries`), not the whole registry: a new actor (an added
    article's new speaker) recomputes only the sources that write one of its names.
    """
    table = AliasTable.build(actors)
    memo = _RelevantMemo.closest(table)
    contents = [source_key(source) for source in book.sources]
    prefill("mentions.words", [(content, lambda source=source: source_words(source))
                               for content, source in zip(contents, book.sources, strict=True)])
    jobs = []
    for content, source in zip(contents, book.sources, strict=True):
        words = cached("mentions.words", content, lambda source=source: source_words(source))
        jobs.append((key_of(content, memo.entries(content, table, words)),
                     lambda source=source: tuple(source_mentions(source, table))))
    prefill("mentions.source", jobs)
    mentions: list[Mention] = []
    for job in jobs:
        mentions.extend(cached("mentions.source", *job))
    memo.done()
    return mentions


class _RelevantMemo:
    """:func:`relevant_entries` of each source, kept for the next registry (``mkdocs serve``).

    A source's entries depend only on the registry's entries under the words it holds (by
    first word), the unanchored ones and the upper-case aliases under its raw words. Each
    registry is summed up per word (every entry with what it resolves to); a source whose
    words all have the same summary as in the remembered registry keeps its entries. Two
    registries are remembered (a build matches twice: before and after extracted speakers).
    """

    kept: list[_RelevantMemo] = []

    def __init__(self, table: AliasTable) -> None:
        self.words = {w: tuple(_resolved(table, e) for e in entries)
                      for w, entries in table.by_first_word.items()}
        self.unanchored = tuple(_resolved(table, e) for e in table.unanchored)
        self.acronyms = {w: tuple((a, table.acronyms[a]) for a in found)
                         for w, found in table.acronyms_by_first_word.items()}
        self.results: dict[str, tuple[tuple[object, ...], ...]] = {}
        self.used: dict[str, tuple[tuple[object, ...], ...]] = {}
        self.changed: set[str] | None = None
        self.changed_acronyms: set[str] = set()

    @classmethod
    def closest(cls, table: AliasTable) -> _RelevantMemo:
        """A memo of ``table``, taking over the remembered one it differs least from."""
        memo = cls(table)
        best = None
        for old in cls.kept:
            if old.unanchored != memo.unanchored:
                continue
            changed = {w for w in old.words.keys() | memo.words.keys()
                       if old.words.get(w) != memo.words.get(w)}
            if best is None or len(changed) < len(best[1]):
                best = (old, changed)
        if best is not None:
            memo.results, memo.changed = best[0].results, best[1]
            memo.changed_acronyms = {w for w in best[0].acronyms.keys() | memo.acronyms.keys()
                                     if best[0].acronyms.get(w) != memo.acronyms.get(w)}
        return memo

    def entries(self, content: str, table: AliasTable,
                words: SourceWords) -> tuple[tuple[object, ...], ...]:
        """``relevant_entries(table, words)`` for the source of digest ``content``."""
        found = self.results.get(content)
        if (found is None or self.changed is None or not words.folded_words.isdisjoint(
                self.changed) or not words.raw_words.isdisjoint(self.changed_acronyms)):
            found = relevant_entries(table, words)
        self.used[content] = found
        return found

    def done(self) -> None:
        """Remember this registry's entries (only the sources of this call)."""
        self.results = self.used
        type(self).kept = [*type(self).kept[-1:], self]


def _resolved(table: AliasTable, entry: tuple[str, str, tuple[str, ...]]) -> tuple[object, ...]:
    kind, k, runs = entry
    if kind == "full":
        actor = table.full[k]
        return (kind, k, runs, actor, key(table.actors[actor].name) == k, k in table.capitalised)
    return (kind, k, runs, table.surnames[k] if kind == "surname" else table.titles[k])


@dataclass(frozen=True)
class SourceWords:
    """The words of a source's citable paragraphs, as :func:`source_mentions` matches them.

    Attributes:
        folded: The folded paragraphs (:func:`~briefbook.core.names.normalize`), one a line.
        folded_words: The words of ``folded``.
        raw: The paragraphs as written, one a line (upper-case aliases match as written).
        raw_words: The word runs of ``raw``.
    """

    folded: str
    folded_words: frozenset[str]
    raw: str
    raw_words: frozenset[str]


def source_words(source: Source) -> SourceWords:
    """The :class:`SourceWords` of a source."""
    paragraphs = [p.text for p in source.paragraphs if not p.boilerplate]
    folded, raw = "\n".join(_folded(text)[0] for text in paragraphs), "\n".join(paragraphs)
    return SourceWords(folded=folded, folded_words=frozenset(WORD_RE.findall(folded)),
                       raw=raw, raw_words=frozenset(WORD_RE.findall(raw)))


def relevant_entries(table: AliasTable, words: SourceWords) -> tuple[tuple[object, ...], ...]:
    """The registry entries a source can match, sorted: everything its mentions depend on.

    A key is matched only where the (folded) text holds it, starting at a word that is the
    key's first word; an upper-case alias only where the text holds it as written. So a
    source's mentions computed with the whole table equal those computed with these entries
    alone: full names with their actor, whether that is the actor's name, and whether the
    spelling must be capitalised; surnames with their actors; titles with their holder;
    upper-case aliases with their actor.
    """
    found: list[tuple[object, ...]] = []
    index, present = table.by_first_word, words.folded_words
    candidates = [entry for word in present for entry in index.get(word, ())]
    for kind, k, runs in [*candidates, *table.unanchored]:
        # a match holds every word of the key as a word of the text, and the key itself
        if not present.issuperset(runs) or k not in words.folded:
            continue
        if kind == "full":
            actor = table.full[k]
            found.append((kind, k, actor, key(table.actors[actor].name) == k,
                          k in table.capitalised))
        elif kind == "surname":
            found.append((kind, k, table.surnames[k]))
        else:
            found.append((kind, k, table.titles[k]))
    for word in words.raw_words:
        for acronym in table.acronyms_by_first_word.get(word, ()):
            if acronym in words.raw:
                found.append(("acronym", acronym, table.acronyms[acronym]))
    return tuple(sorted(set(found), key=repr))
