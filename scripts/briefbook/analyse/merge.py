"""Events merged across sentences and sources: one event, every sentence that reports it.

Two dated clauses (:class:`~briefbook.analyse.chronology.Candidate`) report the same event when
their dates agree and their words do:

- **dates**: the same date at the same precision (the same day, month or year, and the same
  end for a range); a day and the month or year that contains it agree only with the
  strongest word evidence below;
- **names**: capitalised words that are not the clause's first word, a month or a weekday —
  the places, actors and organisations the clause names ("Syria", "Pentagon", "US");
- **key words**: the other content words, cut to six-letter stems ("strikes" meets
  "striked", not "struck"); words found on more than :data:`COMMON_SHARE` of the distinct
  dates say nothing about which event is meant and are left out (counting dates, not
  clauses: every source repeating one event's words must not make them common).

The evidence needed grows with the width of the date: on one day a shared name and one
other shared word, or three shared words, suffice (:data:`NEEDED`); in one year it takes a
name and three more words. A copy's clause and its original's clause of the same date
merge when their words are alike (:data:`COPY_RATIO`), common words or not. The
groups are joined transitively. A merge is undone by curation: an ``unmerge`` record of
``events.yml`` lists entry or sentence ids that must stand alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from typing import Protocol

from briefbook.analyse.align import STOPWORDS
from briefbook.analyse.dates import DatePhrase
from briefbook.core.text import fold

#: Shared (names, all words) two clauses need, by the precision they share: any one of the
#: alternatives suffices.
NEEDED: dict[str, tuple[tuple[int, int], ...]] = {
    "day": ((1, 2), (0, 3)), "month": ((1, 3), (0, 5)), "year": ((1, 4), (2, 5)),
    "mixed": ((1, 4),)}
#: Words found on more than this share of the distinct dates (and more than 4) are not keys.
COMMON_SHARE = 0.2
#: How alike (difflib ratio of the folded clauses) a copy's clause and its original's must be.
COPY_RATIO = 0.6
#: A word held by more clauses of one year than this is not used to find pairs.
MAX_POSTINGS = 150
_TOKEN_RE = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f'\u2019.&-]*")
_CALENDAR = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow week month year years months weeks day days
    last next earlier later early late mid end start since
    """.split()
)
_EXTRA_STOP = frozenset(
    """
    also would could will one two three new first mr mrs ms dr officials official
    people year time govern report news
    """.split()
)


class Mention(Protocol):
    """What merging needs of a dated clause."""

    @property
    def id(self) -> str:
        """The clause's id."""

    @property
    def source(self) -> str:
        """Its source id."""

    @property
    def clause(self) -> str:
        """The clause as written."""

    @property
    def dating(self) -> DatePhrase:
        """The phrase that dates it."""


def clause_keys(clause: str) -> tuple[frozenset[str], frozenset[str]]:
    """``(names, words)`` of a clause: folded stems of its names, and of all content words."""
    names: set[str] = set()
    words: set[str] = set()
    tokens = _TOKEN_RE.findall(clause)
    for index, token in enumerate(tokens):
        key = fold(token).strip(".'\u2019").replace(".", "")
        key = key[:-2] if key.endswith(("'s", "\u2019s")) else key
        if not key or key in _CALENDAR or key in STOPWORDS or key in _EXTRA_STOP:
            continue
        if len(key) < 3 and not (token.isupper() and len(token) >= 2):
            continue
        stem = key[:6]
        words.add(stem)
        if token[:1].isupper() and index > 0:
            names.add(stem)
    return frozenset(names), frozenset(words)


def _date_relation(a: DatePhrase, b: DatePhrase) -> str | None:
    """The precision two dated phrases share (``mixed``: one contains the other), or ``None``."""
    if a.date is None or b.date is None:
        return None
    if (a.date, a.precision, a.end_date) == (b.date, b.precision, b.end_date):
        return str(a.precision)
    if a.end_date or b.end_date:
        return None
    if a.date.startswith(b.date + "-") or b.date.startswith(a.date + "-"):
        return "mixed"
    return None


def merge_groups(mentions: Sequence[Mention], *, keep_apart: Iterable[str] = (),
                 family: Mapping[str, str] | None = None) -> list[list[int]]:
    """Indexes of ``mentions`` grouped into events (each group in input order).

    Args:
        mentions: Resolved dated clauses, in book order.
        keep_apart: Ids that must not be merged: a clause id keeps that clause alone; an
            entry id (``x-`` and the id of the group's first clause) undoes that whole group.
        family: Source id → the original it copies (itself for an original). A copy's clause
            and its original's clause of the same date merge when their words are alike
            (:data:`COPY_RATIO`), even when the words they share are common.

    Returns:
        The groups, ordered by their first member; a mention that merges with nothing is a
        group of one.
    """
    wanted = set(keep_apart)
    apart = {i for i in wanted if not i.startswith("x-")}
    keys = [clause_keys(m.clause) for m in mentions]
    common = common_words(mentions, keys)
    family = family or {}
    groups = _groups(mentions, keys, common, apart, family)
    undone = {i for g in groups if len(g) > 1 and f"x-{mentions[g[0]].id}" in wanted
              for i in g}
    if undone:
        groups = _groups(mentions, keys, common, apart | {mentions[i].id for i in undone},
                         family)
    return groups


def common_words(mentions: Sequence[Mention],
                 keys: Sequence[tuple[frozenset[str], frozenset[str]]]) -> frozenset[str]:
    """Key words that say nothing about which event is meant.

    A word is common when it is found on more than :data:`COMMON_SHARE` of the distinct dates
    the clauses give (and on more than four): the words of one event, repeated by every
    source that reports it ("Porto", "terminal", "killed" in a corpus about one clash), are
    found on its date, not on every date, and stay keys however many clauses repeat them.
    """
    dates: dict[str, set[str]] = {}
    for mention, (_, words) in zip(mentions, keys, strict=True):
        for word in words:
            dates.setdefault(word, set()).add(mention.dating.date or "")
    distinct = len({m.dating.date or "" for m in mentions})
    limit = max(4, int(COMMON_SHARE * distinct))
    return frozenset(w for w, found in dates.items() if len(found) > limit)


def _groups(mentions: Sequence[Mention], keys: list[tuple[frozenset[str], frozenset[str]]],
            common: frozenset[str], apart: set[str],
            family: Mapping[str, str]) -> list[list[int]]:
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_year: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        if mention.dating.date is not None and mention.id not in apart:
            by_year.setdefault(mention.dating.date[:4], []).append(index)
    for members in by_year.values():
        for i, j in _sharing_a_word(members, keys, common):
            relation = _date_relation(mentions[i].dating, mentions[j].dating)
            if relation is None:
                continue
            names = len((keys[i][0] & keys[j][0]) - common)
            words = len((keys[i][1] & keys[j][1]) - common)
            if any(names >= n and words >= w for n, w in NEEDED[relation]):
                parent[find(j)] = find(i)
    for i, j in _copied(mentions, family, apart):
        parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for index in range(len(mentions)):
        groups.setdefault(find(index), []).append(index)
    return sorted(groups.values(), key=lambda g: g[0])


def _copied(mentions: Sequence[Mention], family: Mapping[str, str],
            apart: set[str]) -> list[tuple[int, int]]:
    """Pairs of clauses of a copy and its original with the same date and alike words."""
    by_key: dict[tuple[str, str], list[int]] = {}
    for index, mention in enumerate(mentions):
        root = family.get(mention.source, mention.source)
        if mention.dating.date is not None and mention.id not in apart:
            by_key.setdefault((root, mention.dating.date), []).append(index)
    pairs = []
    for members in by_key.values():
        for k, i in enumerate(members):
            for j in members[k + 1:]:
                a, b = mentions[i], mentions[j]
                if a.source == b.source or _date_relation(a.dating, b.dating) is None:
                    continue
                ratio = SequenceMatcher(None, fold(a.clause).lower(),
                                        fold(b.clause).lower()).ratio()
                if ratio >= COPY_RATIO:
                    pairs.append((i, j))
    return pairs


def _sharing_a_word(members: list[int], keys: list[tuple[frozenset[str], frozenset[str]]],
                    common: frozenset[str]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of ``members`` that share a key word (an inverted index).

    A word held by more than :data:`MAX_POSTINGS` members of one year says little and is not
    indexed, which keeps the work near-linear on large corpora.
    """
    postings: dict[str, list[int]] = {}
    for index in members:
        for name in keys[index][1] - common:
            postings.setdefault(name, []).append(index)
    pairs: set[tuple[int, int]] = set()
    for indexes in postings.values():
        if len(indexes) > MAX_POSTINGS:
            continue
        for k, i in enumerate(indexes):
            pairs.update((i, j) for j in indexes[k + 1:])
    return sorted(pairs)
