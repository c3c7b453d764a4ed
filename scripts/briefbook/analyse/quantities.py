"""Figures read with their hedges and what they count, and compared as ranges.

"At least nine wounded" and "ten wounded" do not disagree; "one oil platform" and "two oil
platforms" do; "300 kilometres" and "186 miles", or "$4m" and "£3m", are not compared at all
(different units). A :class:`Quantity` is a range of values, the thing it counts and the words
that state it:

- the value: digits (``1,500``, ``2.5``, ``4m``, ``3bn``), number words ("nine", "two
  million"), "a"/"an" before a counted noun, and vague words ("dozens", "several") as ranges;
- the hedge before it widens it (:data:`HEDGES`): "at least"/"more than"/"over" open it
  upwards, "up to"/"fewer than"/"under" downwards, "about"/"some"/"nearly" by a margin;
- the unit: a currency sign before it, a ``%`` or scale suffix, else the counted noun (the
  first word after it, singular), else the verb before it ("killed three");
- a figure after "including", "among them" or "of whom" is part of the figure before it, not
  another one (:func:`subset_start`).

Two sets of quantities *conflict* when, for one unit, a figure of each side is compatible
with no figure of the other.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from briefbook.core.wordlists import NUMBER_WORDS, word_list

#: Hedge words → (low factor, high factor) applied to the stated value.
HEDGES: dict[str, tuple[float, float]] = {
    "at least": (1.0, math.inf), "more than": (1.0001, math.inf), "over": (1.0001, math.inf),
    "as many as": (0.7, 1.0), "up to": (0.0, 1.0), "fewer than": (0.0, 0.9999),
    "less than": (0.0, 0.9999), "under": (0.0, 0.9999), "nearly": (0.8, 1.0),
    "almost": (0.8, 1.0), "about": (0.85, 1.15), "around": (0.85, 1.15), "some": (0.85, 1.15),
    "roughly": (0.85, 1.15), "approximately": (0.85, 1.15), "an estimated": (0.85, 1.15),
    "estimated": (0.85, 1.15), "close to": (0.8, 1.0), "upwards of": (1.0, math.inf),
    "at most": (0.0, 1.0), "nearly all": (0.8, 1.0),
}
#: Vague number words as ranges.
VAGUE: dict[str, tuple[float, float]] = {
    "several": (3, 9), "few": (2, 5), "dozens": (24, 99), "scores": (40, 199),
    "hundreds": (200, 999), "thousands": (2000, 9999), "millions": (2e6, 9.99e8),
    "multiple": (2, 9), "numerous": (4, 99), "dozen": (12, 12), "couple": (2, 2),
}
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "m": 1e6,
           "bn": 1e9, "k": 1e3, "mn": 1e6, "trillion": 1e12}
_SUBSET = ("including", "among them", "among whom", "of whom", "of them", "among those")
_NOT_COUNTED = frozenset("of another other number lot few series total handful".split())
_SKIP_AFTER = frozenset("more other additional further extra".split())
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")
_SUFFIXED_RE = re.compile(r"(\d+(?:\.\d+)?)(m|bn|k|mn|%)")
_MINOR = frozenset(
    """
    a an the of to and or in on at by for from with into onto over under per than as about
    across after before since until through during near off up down out against between
    among within without this that these those its their his her our
    """.split())
#: Time units: "a day" after a figure is a rate ("120,000 barrels a day"), not a count.
_TIME_UNITS = frozenset("second minute hour day week month year decade time while".split())


class _Token(Protocol):
    @property
    def key(self) -> str:
        """The folded word."""

    @property
    def start(self) -> int:
        """Its offset in the sentence."""

    @property
    def end(self) -> int:
        """Offset just past it."""


@dataclass(frozen=True, kw_only=True)
class Quantity:
    """A figure as the text states it.

    Attributes:
        low: Smallest value the words allow.
        high: Largest value (``math.inf`` for "at least").
        unit: What is counted (a singular noun stem, ``%``, ``$``, ``£``, ``verb:killed``).
        text: The words that state it ("at least nine others").
        first: Index of its first token.
        last: Index of its last token.
    """

    low: float
    high: float
    unit: str
    text: str
    first: int
    last: int

    def compatible(self, other: Quantity) -> bool:
        """Whether two ranges overlap (the two statements can both be true)."""
        return self.low <= other.high and other.low <= self.high


def _value(key: str) -> tuple[float, float] | None:
    if key in VAGUE:
        return VAGUE[key]
    plain = key.replace(",", "")
    if _DIGITS_RE.fullmatch(key):
        try:
            value = float(plain)
        except ValueError:
            return None
        return None if key.isdigit() and 1900 <= value <= 2100 else (value, value)
    suffixed = _SUFFIXED_RE.fullmatch(plain)
    if suffixed:
        value = float(suffixed.group(1)) * _SCALES.get(suffixed.group(2), 1.0)
        return value, value
    head = key.split("-")[0]
    if head in NUMBER_WORDS and head not in ("once", "twice", "both", "another", "half"):
        value = float(NUMBER_WORDS[head])
        return value, value
    return None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def subset_start(tokens: Sequence[_Token], start: int) -> int:
    """Index of the first token from ``start`` that opens a subset ("including"), or the end."""
    for k in range(start, len(tokens)):
        two = f"{tokens[k].key} {tokens[k + 1].key}" if k + 1 < len(tokens) else ""
        if tokens[k].key in _SUBSET or two in _SUBSET:
            return k
    return len(tokens)


def quantities(text: str, tokens: Sequence[_Token], skip: set[int] | frozenset[int] = frozenset(),
               ) -> list[Quantity]:
    """Every figure a sentence states (dates' tokens, in ``skip``, are not figures).

    Args:
        text: The sentence (for currency signs and the quoted words).
        tokens: Its tokens (:func:`briefbook.analyse.changes.tokenize`).
        skip: Indexes of tokens that are parts of dates.
    """
    found: list[Quantity] = []
    k = 0
    while k < len(tokens):
        key = tokens[k].key
        value = None if k in skip else _value(key)
        following = tokens[k + 1].key if k + 1 < len(tokens) else ""
        if value is None and key in ("a", "an") and following and following not in (
                _NOT_COUNTED | _MINOR | _TIME_UNITS) and not following.isdigit():
            value = (1.0, 1.0)
        if value is None or (key == "one" and following in ("of", "another")):
            k += 1
            continue
        first, last = k, k
        low, high = value
        while last + 1 < len(tokens) and re.fullmatch(r"\d{3}", tokens[last + 1].key) \
                and text[tokens[last].end:tokens[last + 1].start] == "," and low == high:
            low = high = low * 1000 + float(tokens[last + 1].key)  # "120,000" is one figure
            last += 1
        following = tokens[last + 1].key if last + 1 < len(tokens) else ""
        if following in _SCALES and following not in ("m", "k"):
            low, high = low * _SCALES[following], high * _SCALES[following]
            last = k + 1
        for size in (2, 1):
            if first - size >= 0:
                words = " ".join(t.key for t in tokens[first - size:first])
                if words in HEDGES:
                    lo, hi = HEDGES[words]
                    low, high = low * lo, high * hi
                    first -= size
                    break
        unit, end = _unit(text, tokens, k, last)
        found.append(Quantity(low=low, high=high, unit=unit,
                              text=text[tokens[first].start:tokens[end].end], first=first,
                              last=last))
        k = last + 1
    return found


def _unit(text: str, tokens: Sequence[_Token], k: int, last: int) -> tuple[str, int]:
    """What a figure counts, and the index of the noun's last word (``last`` when none).

    The counted noun is the head of the words after the figure, up to three, stopping at a
    minor word, a verb or punctuation ("one oil platform in …": ``platform``).
    """
    before = text[max(0, tokens[k].start - 1):tokens[k].start]
    if before in "$£€" and before:
        return before, last
    if text[tokens[last].end:tokens[last].end + 1] == "%" or (
            last + 1 < len(tokens) and tokens[last + 1].key in ("percent", "per")):
        return "%", last
    head, end = "", last
    for j in range(last + 1, min(last + 4, len(tokens))):
        word = tokens[j].key
        if re.search(r"[,;:.()]", text[tokens[j - 1].end:tokens[j].start]):
            break
        if word in _SKIP_AFTER and not head:
            continue
        if not word.isalpha() or word in _MINOR or word in word_list("verbs") \
                or (word.endswith("ed") and len(word) > 4):
            break
        head, end = _singular(word), j
    if head:
        return head, end
    if k > 0 and tokens[k - 1].key.isalpha():
        return f"verb:{tokens[k - 1].key}", last
    return "", last


def conflict(a: Sequence[Quantity], b: Sequence[Quantity]) -> tuple[Quantity, Quantity] | None:
    """The first pair of figures, one per side, counting the same thing incompatibly.

    A unit is in conflict when a figure of ``a`` is compatible with no figure of ``b`` of the
    same unit, and one of ``b`` with none of ``a``; unit-less figures are never compared.
    """
    units = sorted({q.unit for q in a if q.unit} & {q.unit for q in b if q.unit})
    for unit in units:
        xs = [q for q in a if q.unit == unit]
        ys = [q for q in b if q.unit == unit]
        lone_x = [x for x in xs if not any(x.compatible(y) for y in ys)]
        lone_y = [y for y in ys if not any(y.compatible(x) for x in xs)]
        if lone_x and lone_y:
            return lone_x[0], lone_y[0]
    return None


def whole_figures(tokens: Sequence[_Token], text: str, i1: int, i2: int) -> tuple[int, int]:
    """``[i1, i2)`` widened to whole figures: "12" of "12,000" becomes "12,000".

    The tokenizer splits at the thousands separator, so only the changed group would show.
    """
    def group(k: int) -> bool:  # token k continues the figure before it: ",000"
        return 0 < k < len(tokens) and re.fullmatch(r"\d{3}", tokens[k].key) is not None \
            and tokens[k - 1].key[-1:].isdigit() and text[tokens[k - 1].end:tokens[k].start] == ","
    if i1 >= i2:
        return i1, i2
    while group(i1):
        i1 -= 1
    while group(i2):
        i2 += 1
    return i1, i2
