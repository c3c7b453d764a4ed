"""Look-alike spellings: a name or alias that differs from another only by confusable letters.

``Jane Rоe`` with a Cyrillic ``о`` looks exactly like ``Jane Roe`` but is another string: as an
alias it would make the registry claim mentions it should not (or hide a spoofed name). Two
spellings of the registry (names and aliases of any actors, the same actor's included) are
*look-alikes* when they differ, not only by letter case, but have the same skeleton: each
character replaced by one representative of its confusable class from Unicode's confusables
table (UTS #39 data, as shipped by the maintained ``confusable-homoglyphs`` package), then
case-folded. Each pair is a review item; nothing is refused, since a real name may mix scripts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefbook.core.cache import cached, key_of
from briefbook.core.model import Actor


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    """Character → the smallest character of its confusable class (the table's pairs joined)."""
    # the Unicode table is a large JSON file read on import: only when names are compared
    from confusable_homoglyphs.confusables import confusables_data

    parent: dict[str, str] = {}

    def find(c: str) -> str:
        root = c
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(c, c) != root:
            parent[c], c = root, parent[c]
        return root

    for char, homoglyphs in confusables_data.items():
        for h in homoglyphs:
            if len(h["c"]) == 1 and len(char) == 1:
                a, b = find(char), find(h["c"])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {c: find(c) for c in parent}


def _representative(char: str) -> str:
    return _classes().get(char, char)


def skeleton(text: str) -> str:
    """The text with every character replaced by its confusable class's representative."""
    return "".join(_representative(c) for c in " ".join(text.split())).casefold()


@dataclass(frozen=True, kw_only=True)
class LookAlike:
    """Two spellings of the registry that look the same but are different strings.

    Attributes:
        spelling: The later spelling (an alias).
        actor: The actor it belongs to.
        other: The spelling it looks like.
        other_actor: The actor that one belongs to (may be ``actor``).
        differences: ``(character, its Unicode name, the character it imitates)``.
    """

    spelling: str
    actor: str
    other: str
    other_actor: str
    differences: tuple[tuple[str, str, str], ...]


def _differences(a: str, b: str) -> tuple[tuple[str, str, str], ...]:
    if len(a) != len(b):
        return ()
    return tuple((x, unicodedata.name(x, f"U+{ord(x):04X}"), y)
                 for x, y in zip(a, b, strict=True) if x != y and x.casefold() != y.casefold())


def look_alikes(actors: Sequence[Actor] | Iterable[Actor]) -> list[LookAlike]:
    """Every alias that looks like an earlier name or alias of the registry (any actor).

    Kept in the analysis cache under the actors' ids and names (all it reads), so a build
    whose registry is unchanged loads no confusables table.
    """
    names = tuple((actor.id, tuple(actor.names)) for actor in actors)
    return list(cached("homoglyphs.look_alikes", key_of(names), lambda: _look_alikes(names)))


def _look_alikes(actors: tuple[tuple[str, tuple[str, ...]], ...]) -> list[LookAlike]:
    seen: dict[str, tuple[str, str]] = {}  # skeleton → (first spelling, its actor)
    found: list[LookAlike] = []
    for actor_id, spellings in actors:
        for spelling in spellings:
            key = skeleton(spelling)
            if key not in seen:
                seen[key] = (spelling, actor_id)
                continue
            other, owner = seen[key]
            if other.casefold() == spelling.casefold():
                continue  # the same spelling (another actor claiming it is reported elsewhere)
            found.append(LookAlike(spelling=spelling, actor=actor_id, other=other,
                                   other_actor=owner,
                                   differences=_differences(spelling, other)))
    return found
