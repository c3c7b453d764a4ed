"""Word-level differences between two aligned sentences, each classified by what it changes.

:func:`diff_sentences` tokenises both sentences, diffs their folded words and merges changes
separated by a single word. Each change is then classified, most serious first:

- ``contradiction``: a word replaced by its opposite (:data:`~briefbook.core.wordlists.ANTONYMS`),
  a word of one direction replaced by one of the other (escalate / calm), or a negation added
  or removed (the sentences' counts of negating words differ);
- ``date``: a month, day of the month, weekday or relative day changed, and the dates the two
  sentences state differ (``Feb. 15`` → ``15 February`` is the same date: wording);
- ``number``: the figures the two sentences state conflict, read with their hedges and what
  they count (:mod:`briefbook.analyse.quantities`: "at least nine" and "ten" agree, "four" →
  ``4`` is wording, "300 kilometres" and "186 miles" are not compared); the note quotes both;
- ``number`` also: words of one class of things replaced by another of the class
  ("destroyers" → "frigates", ``core/data/entity_classes.txt``): not an opposite, but what was
  counted differs, so the two cannot both be right;
- ``contradiction`` also: a place after "in", "near", "from" … replaced by another place that
  the other sentence does not name;
- ``role``: a title, office or institution replaced by another (generic list plus the actor
  registry's roles and affiliations), or a capitalised word next to one; a title word only
  dropped or added ("Provincial governor" → "Governor") is wording;
- ``attribution``: a name next to a verb of saying changed (who said it);
- ``wording``: anything else; shown, not flagged. Equivalent spellings (``U.S.`` / ``United
  States``) and changes of punctuation only are not reported at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from briefbook.analyse.quantities import Quantity, conflict, quantities, whole_figures
from briefbook.core.text import fold
from briefbook.core.wordlists import (
    EQUIVALENTS,
    MONTHS,
    NEGATORS,
    NUMBER_WORDS,
    POLARITY_DOWN,
    POLARITY_UP,
    RELATIVE_DAYS,
    ROLE_WORDS,
    SPEECH_VERBS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    antonym_index,
    entity_classes,
    lemma_forms,
)
from briefbook.read.textmeta import find_dateline

_TOKEN_RE = re.compile(r"[\w\u00c0-\u024f]+(?:['\u2019.\-][\w\u00c0-\u024f]+)*\.?|[\"\u201c\u201d]")
_MINOR = frozenset("a an the of to that which is are was were be been its their".split())
_ANTONYMS = antonym_index()
#: A passage only one version has, longer than this many words, is an omission (wording), not
#: a negation or a changed figure.
ONE_SIDED_WORDS = 3
#: Title words that are also everyday words ("a major change"): roles only when capitalised.
_AMBIGUOUS_TITLES = frozenset(
    "major general justice chair head press office agency bureau council committee".split())
_EQUIV = {word: min(group) for group in EQUIVALENTS for word in group}
# Multi-word equivalents, longest first, each with the one-token form it is joined into.
_PHRASES = tuple((re.compile(rf"\b{re.escape(phrase)}\b"), phrase.replace(" ", "_"))
                 for phrase in sorted((w for w in _EQUIV if " " in w), key=len, reverse=True))
_POSSESSIVE_RE = re.compile(r"'s$")
_INNER_DOT_RE = re.compile(r"\.\w")
_PLAIN_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_SCALED_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?(?:m|bn|k|%)")
_DAY_RE = re.compile(r"\d{1,2}(st|nd|rd|th)?")


@dataclass(frozen=True, kw_only=True)
class Token:
    """One word of a sentence: its text, folded key, character span and whether it is quoted."""

    text: str
    key: str
    start: int
    end: int
    quoted: bool
    capital: bool


@dataclass(frozen=True, kw_only=True)
class Change:
    """One classified change between sentence ``a`` and sentence ``b``.

    Attributes:
        kind: ``contradiction``, ``number``, ``date``, ``attribution``, ``role`` or
            ``wording``.
        note: What changed, e.g. ``"top down" → "bottom up" (opposites: top/bottom)``.
        a_span: Character span of the changed words in ``a`` (``None``: nothing there).
        b_span: The same in ``b``.
        quoted: The change touches quoted words.
    """

    kind: str
    note: str
    a_span: tuple[int, int] | None
    b_span: tuple[int, int] | None
    quoted: bool = False


def tokenize(sentence: str) -> list[Token]:
    """The words of ``sentence`` with folded keys (possessive ``'s`` and final dots dropped)."""
    return list(_tokenize(sentence))


@lru_cache(maxsize=8192)
def _tokenize(sentence: str) -> tuple[Token, ...]:
    """:func:`tokenize`, memoised: a sentence aligned with several others is read once."""
    tokens: list[Token] = []
    quoted = False
    for match in _TOKEN_RE.finditer(sentence):
        raw = match.group()
        if raw in "\"\u201c\u201d":
            quoted = {"\u201c": True, "\u201d": False}.get(raw, not quoted)
            continue
        key = (raw.lower() if raw.isascii() else fold(raw)).rstrip(".")
        key = _POSSESSIVE_RE.sub("", key).replace("'", "")
        tokens.append(Token(text=raw.rstrip(".") if not _INNER_DOT_RE.search(raw) else raw,
                            key=key, start=match.start(), end=match.start() + len(raw),
                            quoted=quoted, capital=raw[:1].isupper()))
    return tuple(tokens)


@dataclass(frozen=True, kw_only=True)
class Vocabulary:
    """Words that mark a role: title nouns, and capitalised words of known affiliations."""

    titles: frozenset[str]
    affiliations: frozenset[str] = frozenset()

    def marks_role(self, token: Token) -> bool:
        """Whether a changed word is a title, or a capitalised word of a known affiliation."""
        if token.key in _AMBIGUOUS_TITLES:
            return token.capital
        return token.key in self.titles or (token.capital and token.key in self.affiliations)


def role_vocabulary(actors: Iterable[object]) -> Vocabulary:
    """Generic title words plus the actor registry's title nouns and affiliation words.

    From each curated role title only its head noun (the last word: "spokesman", "Secretary")
    is taken; from each affiliation its words, which count only where capitalised.
    """
    titles = set(ROLE_WORDS)
    affiliations: set[str] = set()
    for actor in actors or ():
        for role in getattr(actor, "roles", ()) or ():
            title = fold(str(getattr(role, "title", role))).split(" of ")[0]
            words = re.findall(r"[a-z]+", title)
            if words and len(words[-1]) > 2:
                titles.add(words[-1])
        affiliation = getattr(actor, "affiliation", None)
        if isinstance(affiliation, str):
            affiliations.update(w for w in re.findall(r"[a-z]+", fold(affiliation))
                                if len(w) > 3 and w not in _COMMON_STARTS)
    return Vocabulary(titles=frozenset(titles - _MINOR), affiliations=frozenset(affiliations))


def _canon(tokens: list[Token]) -> str:
    text = " ".join(t.key for t in tokens if t.key not in _MINOR)
    return " ".join(_EQUIV.get(w, w) for w in _join_phrases(text).split())


def _join_phrases(text: str) -> str:
    for pattern, joined in _PHRASES:
        text = pattern.sub(joined, text)
    return " ".join(_EQUIV.get(w.replace("_", " "), w) for w in text.split())


def _number(key: str) -> float | None:
    plain = key.replace(",", "")
    if _PLAIN_NUMBER_RE.fullmatch(plain):
        return float(plain)
    if _SCALED_NUMBER_RE.fullmatch(plain):
        return float(re.sub(r"[a-z%]+$", "", plain)) * {"m": 1e6, "bn": 1e9, "k": 1e3}.get(
            re.sub(r"^[\d.]+", "", plain), 1)
    head = key.split("-")[0]
    if head.isdigit():
        return float(head)  # "15-year-old"
    return NUMBER_WORDS.get(head) if head not in VAGUE_NUMBERS else None


def _dates(tokens: list[Token]) -> tuple[set[tuple[str, int]], set[int]]:
    """Dates (month, day / weekday / relative day) in a sentence, and the indexes they use."""
    found: set[tuple[str, int]] = set()
    used: set[int] = set()
    for i, tok in enumerate(tokens):
        key = tok.key
        if key in WEEKDAYS and (tok.capital or len(key) > 3):
            found.add(("weekday", WEEKDAYS[key]))
            used.add(i)
        elif key in RELATIVE_DAYS:
            found.add((key, 0))
            used.add(i)
        elif key in MONTHS and (tok.capital or len(key) > 3) and key != "may":
            day = None
            for j in (i + 1, i - 1, i - 2):
                if 0 <= j < len(tokens) and _DAY_RE.fullmatch(tokens[j].key):
                    day = int(re.sub(r"\D", "", tokens[j].key))
                    used.add(j)
                    break
            found.add((f"month-{MONTHS[key]}", day or 0))
            used.add(i)
    return found, used


def _numbers(tokens: list[Token], skip: set[int]) -> Counter[float]:
    return Counter(v for i, t in enumerate(tokens) if i not in skip and _counts(tokens, i)
                   and (v := _number(t.key)) is not None)


def _counts(tokens: list[Token], i: int) -> bool:
    """Whether the number word at ``i`` states a figure ("one of the", "one-off" do not)."""
    key = tokens[i].key
    following = tokens[i + 1].key if i + 1 < len(tokens) else ""
    return not (key == "one" and following in ("of", "another"))


def _negations(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.key in NEGATORS or t.key.endswith("nt")
               and t.key[:-2] in {"is", "are", "was", "were", "do", "does", "did", "has",
                                  "have", "had", "could", "would", "should", "ca", "wo"})


def _opposites(old: list[Token], new: list[Token]) -> str | None:
    olds = [(t.text, f) for t in old for f in sorted(lemma_forms(t.key.replace("-", "")))]
    news = [(t.text, f) for t in new for f in sorted(lemma_forms(t.key.replace("-", "")))]
    for text_o, o in olds:
        for text_n, n in news:
            if n in _ANTONYMS.get(o, ()):
                return f"opposites: {text_o} / {text_n}"
    up_o = any(f in POLARITY_UP for _, f in olds)
    down_o = any(f in POLARITY_DOWN for _, f in olds)
    up_n = any(f in POLARITY_UP for _, f in news)
    down_n = any(f in POLARITY_DOWN for _, f in news)
    if (up_o and down_n and not up_n) or (down_o and up_n and not down_n):
        return "opposite direction (calming versus escalating)"
    return None


def _ops(a: list[Token], b: list[Token]) -> tuple[list[tuple[int, int, int, int]], set[int],
                                                 set[int]]:
    """Changed spans (merged across one minor word) and the indexes the diff matched."""
    matcher = SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    matched_a: set[int] = set()
    matched_b: set[int] = set()
    for block in matcher.get_matching_blocks():
        matched_a.update(range(block.a, block.a + block.size))
        matched_b.update(range(block.b, block.b + block.size))
    ops: list[tuple[int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            ops.extend(_split_at_quote(a, b, (i1, i2, j1, j2)))
    merged: list[tuple[int, int, int, int]] = []
    for op in ops:
        if merged and _mergeable(a, b, merged[-1], op):
            merged[-1] = (merged[-1][0], op[1], merged[-1][2], op[3])
        else:
            merged.append(op)
    return merged, matched_a, matched_b


def _split_at_quote(a: list[Token], b: list[Token],
                    op: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """Split a change where both sides cross the end or start of a quotation."""
    i1, i2, j1, j2 = op
    cut_a = next((k for k in range(i1 + 1, i2) if a[k].quoted != a[k - 1].quoted), None)
    cut_b = next((k for k in range(j1 + 1, j2) if b[k].quoted != b[k - 1].quoted), None)
    if cut_a is None or cut_b is None or a[cut_a].quoted != b[cut_b].quoted:
        return [op]
    return [(i1, cut_a, j1, cut_b), *_split_at_quote(a, b, (cut_a, i2, cut_b, j2))]


def _mergeable(a: list[Token], b: list[Token], left: tuple[int, int, int, int],
               right: tuple[int, int, int, int]) -> bool:
    gap_a, gap_b = right[0] - left[1], right[2] - left[3]
    if gap_a > 1 or gap_b > 1:
        return False
    if any(t.key not in _MINOR for t in a[left[1]:right[0]] + b[left[3]:right[2]]):
        return False
    sides = [t.quoted for t in a[left[0]:right[1]] + b[left[2]:right[3]]]
    return len(set(sides)) <= 1


def _quote(tokens: list[Token], sentence: str) -> str:
    if not tokens:
        return "(nothing)"
    return f"\u201c{sentence[tokens[0].start:tokens[-1].end]}\u201d"


def diff_sentences(a: str, b: str, *, vocabulary: Vocabulary | None = None) -> list[Change]:
    """The classified word-level changes that turn sentence ``a`` into sentence ``b``."""
    roles = vocabulary if vocabulary is not None else role_vocabulary(())
    ta, tb = tokenize(a), tokenize(b)
    dates_a, used_a = _dates(ta)
    dates_b, used_b = _dates(tb)
    clash = conflict(quantities(a, ta, used_a), quantities(b, tb, used_b))
    negation_differs = _negations(ta) != _negations(tb)
    changes: list[Change] = []
    dateline_a, dateline_b = (len(d.text) if (d := find_dateline(s)) else 0 for s in (a, b))
    ops, matched_a, matched_b = _ops(ta, tb)
    for i1, i2, j1, j2 in ops:
        (i1, i2), (j1, j2) = whole_figures(ta, a, i1, i2), whole_figures(tb, b, j1, j2)
        old, new = ta[i1:i2], tb[j1:j2]
        if _canon(old).replace(" ", "").replace("-", "") == _canon(new).replace(
                " ", "").replace("-", ""):
            continue  # equivalent spellings, or only minor words moved
        what = f"{_quote(old, a)} \u2192 {_quote(new, b)}"
        quoted = any(t.quoted for t in old + new)
        real_old = [k for k in range(i1, i2) if k not in matched_a]
        real_new = [k for k in range(j1, j2) if k not in matched_b]
        kind, why = _classify(ta, tb, real_old, real_new, roles=roles, used_a=used_a,
                              used_b=used_b,
                              dates_differ=dates_a != dates_b, clash=clash,
                              negation_differs=negation_differs)
        note = f"{what}" + (f" ({why})" if why else "") + (" [in a quotation]" if quoted else "")
        if (not old or old[-1].end <= dateline_a) and (not new or new[-1].end <= dateline_b):
            continue  # the datelines differ ("KESTRELBY, March 14 -" / "Kestrelby (Wire) -"):
            # they say when and where each was filed, not what happened
        changes.append(Change(
            kind=kind, note=note, quoted=quoted,
            a_span=(old[0].start, old[-1].end) if old else None,
            b_span=(new[0].start, new[-1].end) if new else None))
    return changes


def _near(tokens: list[Token], where: list[int], words: frozenset[str], reach: int) -> bool:
    return any(t.key in words for k in where
               for t in tokens[max(0, k - reach):k + reach + 1] if t is not tokens[k])


_PRONOUNS = frozenset(
    "he she they it we i you him her them his its their one our my your us me".split())


def _phrases(tokens: list[Token]) -> dict[int, str]:
    """Canonical forms of tokens, with equivalent phrases ("united states") merged."""
    canon: dict[int, str] = {}
    k = 0
    while k < len(tokens):
        for size in (3, 2):
            phrase = " ".join(t.key for t in tokens[k:k + size])
            if len(tokens[k:k + size]) == size and phrase in _EQUIV:
                for m in range(k, k + size):
                    canon[m] = _EQUIV[phrase]
                k += size
                break
        else:
            canon[k] = _EQUIV.get(tokens[k].key, tokens[k].key)
            k += 1
    return canon


def _essential(mine: list[Token], other: list[Token]) -> list[int]:
    """Indexes (into ``mine``) of changed words with no equivalent among ``other``."""
    theirs = set(_phrases(other).values())
    out = []
    for k, canon in sorted(_phrases(mine).items()):
        t = mine[k]
        if canon in theirs or t.key in _MINOR:
            continue
        if t.capital and any(len(o) > 3 and (o.startswith(t.key) or t.key.startswith(o))
                             for o in theirs):
            continue  # "Norway's" / "Norwegian"
        out.append(k)
    return out


def _speaker(tokens: list[Token], k: int) -> bool:
    """Whether the name at ``k`` is a speaker: "Name said", "said Name", "according to Name"."""
    lo = hi = k
    while lo > 0 and tokens[lo - 1].capital and tokens[lo - 1].key not in _COMMON_STARTS:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].capital:
        hi += 1
    after = tokens[hi + 1].key if hi + 1 < len(tokens) else ""
    before = tokens[lo - 1].key if lo > 0 else ""
    before2 = tokens[lo - 2].key if lo > 1 else ""
    return after in SPEECH_VERBS or before in SPEECH_VERBS or (
        before == "to" and before2 == "according")


def _classify(ta: list[Token], tb: list[Token], real_a: list[int], real_b: list[int], *,
              roles: Vocabulary, used_a: set[int], used_b: set[int], dates_differ: bool,
              clash: tuple[Quantity, Quantity] | None,
              negation_differs: bool) -> tuple[str, str]:
    old, new = [ta[k] for k in real_a], [tb[k] for k in real_b]
    if not old or not new:
        content = [t for t in old + new if t.key not in _MINOR]
        if len(content) > ONE_SIDED_WORDS:
            return "wording", f"words only in the {'first' if old else 'second'} version"
    opposite = _opposites(old, new)
    if opposite:
        return "contradiction", opposite
    neg_old = sum(1 for t in old if t.key in NEGATORS)
    neg_new = sum(1 for t in new if t.key in NEGATORS)
    if negation_differs and neg_old != neg_new:
        return "contradiction", "negation added" if neg_new > neg_old else "negation removed"
    if any(k in used_a for k in real_a) or any(k in used_b for k in real_b):
        return ("date", "a different date") if dates_differ else ("wording", "same date")
    has_number = any(_number(ta[k].key) is not None and _counts(ta, k) for k in real_a) or any(
        _number(tb[k].key) is not None and _counts(tb, k) for k in real_b)
    if clash is not None and (any(clash[0].first <= k <= clash[0].last for k in real_a)
                              or any(clash[1].first <= k <= clash[1].last for k in real_b)):
        return "number", f"\u201c{clash[0].text}\u201d versus \u201c{clash[1].text}\u201d"
    kinds = _class_conflict(old, new)
    if kinds:
        # not an opposite: a different thing of one class, counted where the other counted
        return "number", kinds
    place = _place_conflict(ta, tb, real_a, real_b)
    if place:
        return "contradiction", place
    keep_a = [real_a[k] for k in _essential(old, new)]
    keep_b = [real_b[k] for k in _essential(new, old)]
    content_a = [k for k in keep_a if ta[k].key not in _PRONOUNS]
    content_b = [k for k in keep_b if tb[k].key not in _PRONOUNS]
    if content_a and content_b and any(roles.marks_role(t) for t in
                                       [ta[k] for k in content_a] + [tb[k] for k in content_b]):
        return "role", "a title or affiliation changed"
    caps_a = [k for k in keep_a if _is_name(ta, k)]
    caps_b = [k for k in keep_b if _is_name(tb, k)]
    if caps_a and caps_b and (_near(ta, caps_a, roles.titles, 2)
                              or _near(tb, caps_b, roles.titles, 2)):
        return "role", "the affiliation of a title changed"
    if any(_speaker(ta, k) for k in caps_a) and any(_speaker(tb, k) for k in caps_b):
        return "attribution", "who said it changed"
    if has_number:
        return "wording", "compatible figures"
    return "wording", ""


def _singular(word: str) -> str:
    return word[:-2] if word.endswith(("ches", "shes", "xes", "sses")) else (
        word[:-1] if word.endswith("s") and not word.endswith("ss") else word)


def _class_conflict(old: list[Token], new: list[Token]) -> str:
    """Words of one class replaced by others of it ("destroyers" → "frigates"), as a note."""
    old_text = " ".join(_singular(t.key) for t in old)
    new_text = " ".join(_singular(t.key) for t in new)
    for name, words in sorted(entity_classes().items()):
        found_old = {w for w in words if re.search(rf"\b{re.escape(w)}\b", old_text)}
        found_new = {w for w in words if re.search(rf"\b{re.escape(w)}\b", new_text)}
        if found_old and found_new and found_old.isdisjoint(found_new):
            return (f"{name}: {' / '.join(sorted(found_old))} versus "
                    f"{' / '.join(sorted(found_new))}")
    return ""


_LOCATIVE = frozenset("in near at from to outside off inside into of".split())


def _place_conflict(ta: list[Token], tb: list[Token], real_a: list[int],
                    real_b: list[int]) -> str:
    """A place after a locative word replaced by another the other sentence does not name."""
    def places(tokens: list[Token], where: list[int]) -> list[int]:
        return [k for k in where if _is_name(tokens, k) and k > 0 and not _speaker(tokens, k)
                and any(tokens[j].key in _LOCATIVE for j in range(max(0, k - 3), k))]
    pa, pb = places(ta, real_a), places(tb, real_b)
    keys_a, keys_b = {t.key for t in ta}, {t.key for t in tb}
    lone_a = [k for k in pa if ta[k].key not in keys_b and ta[k].key not in _EQUIV]
    lone_b = [k for k in pb if tb[k].key not in keys_a and tb[k].key not in _EQUIV]
    if lone_a and lone_b:
        return f"places: \u201c{ta[lone_a[0]].text}\u201d versus \u201c{tb[lone_b[0]].text}\u201d"
    return ""


def _is_name(tokens: list[Token], k: int) -> bool:
    token = tokens[k]
    if not token.capital or token.key in _PRONOUNS or token.key in _MINOR:
        return False
    return k > 0 or token.key not in _COMMON_STARTS


_COMMON_STARTS = frozenset(
    """
    the a an this that these those it its he she they we i you there here in on at for from
    with by as but and or if when while although though after before since earlier later
    meanwhile also however yet still some many most all both each one two three
    """.split()
)
