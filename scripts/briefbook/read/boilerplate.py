"""Boilerplate: site furniture, footers, sign-offs, bylines and prompts, split off and marked.

The patterns are data (``briefbook/read/data/boilerplate.yml``, extended by a book through the
plugin's ``boilerplate`` option). Two kinds of match:

- a **sentence** (or a whole paragraph) that matches a pattern of one of the kinds ``footer``,
  ``sign-off``, ``initials``, ``byline``, ``prompt`` or ``furniture`` is split off into a
  paragraph of its own, anywhere in the article; the text before and after it stays citable;
- a **trailing** run of whole paragraphs matching the looser ``trailing`` patterns (or the
  sentence patterns) is marked too;
- the article's closing sentences (before any closing boilerplate), when they are two or more
  questions to the reader ("What are your experiences? Are you happy with …?"), are split off
  as a ``prompt``, and so are questions to the reader right before a prompt sentence;
- a sentence or paragraph matching a ``continuation`` pattern ("Read the original article.",
  "You may republish it with attribution.") is a footer when it directly follows a footer
  sentence or paragraph, or ends the article; elsewhere it stays article text.

Nothing is deleted: the pieces of a split paragraph are consecutive substrings of it. Named
groups ``outlet`` and ``author`` of a matching pattern give metadata (an agency's sign-off names
the outlet; a byline names the authors).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from ruamel.yaml import YAML

from briefbook.read.segment import sentence_spans

#: The kinds of boilerplate the data file names, in the order they are tried.
KINDS = ("footer", "sign-off", "initials", "byline", "prompt", "furniture")
#: The kind given to patterns a book adds with the plugin's ``boilerplate`` option.
BOOK_KIND = "furniture"
_NAMED_GROUP_RE = re.compile(r"\(\?P<\w+>")
# Where a sentence may start: after an end mark (and closing quotes or brackets) and a space.
_SENTENCE_START_RE = re.compile(r"[.!?\u2026]['\"\u201d\u2019\u00bb)\]]* +")


@lru_cache(maxsize=4)
def load_data(name: str) -> Mapping[str, object]:
    """A YAML file of ``briefbook/read/data/`` as plain Python data."""
    text = files("briefbook.read").joinpath("data", name).read_text("utf-8")
    return YAML(typ="safe").load(text)  # type: ignore[no-any-return]


def agency_names() -> dict[str, str]:
    """Every form of an agency's name (as written) → the name shown."""
    agencies = load_data("textmeta.yml")["agencies"]
    assert isinstance(agencies, dict)
    return {str(form): str(name) for name, forms in agencies.items() for form in forms}


@dataclass(frozen=True, kw_only=True)
class Patterns:
    """Compiled boilerplate patterns: ``(kind, regex)`` pairs and the trailing-run ones."""

    sentence: tuple[tuple[str, re.Pattern[str]], ...]
    trailing: tuple[re.Pattern[str], ...]
    #: What may continue a licence footer (see the module's docstring).
    continuation: tuple[re.Pattern[str], ...] = ()
    #: Every sentence pattern in one alternation, without named groups: one ``fullmatch``
    #: tells whether any pattern matches, one ``match`` per sentence start whether one may.
    prefilter: re.Pattern[str] = field(repr=False)


#: Capital letters a name may start with: ASCII and the Latin-1 and Latin Extended-A/B ones
#: (*Élodie*, *Łukasz*, *Şebnem*).
_CAP = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"
#: Lower-case particles inside a name (*Piet de Vries*, *Ana dos Santos*).
_PARTICLES = r"(?:(?:de|van|von|der|den|da|di|du|la|le|dos|das|del|della|ter|ten|bin|ibn)\s+)*"
#: A list of up to five names, each of one to four capitalised words (case-sensitive).
NAMES = (rf"(?-i:{_CAP}[\w’'.-]*(?:\s+{_PARTICLES}{_CAP}[\w’'.-]*){{0,3}}"
         rf"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_CAP}[\w’'.-]*"
         rf"(?:\s+{_PARTICLES}{_CAP}[\w’'.-]*){{0,3}}){{0,4}})")


def _agency_alternation() -> str:
    forms = sorted(agency_names(), key=len, reverse=True)
    return "(?-i:" + "|".join(re.escape(f) for f in forms) + ")"


@lru_cache(maxsize=16)
def compile_patterns(extra: tuple[str, ...] = ()) -> Patterns:
    """Compile the package's patterns plus a book's own (case-insensitive).

    Args:
        extra: Regular expressions of the book (plugin option ``boilerplate``), each matched
            against a whole sentence or paragraph anywhere, and against whole paragraphs of
            the trailing run.

    Raises:
        re.error: a pattern is not a valid regular expression.
    """
    data = load_data("boilerplate.yml")
    agency = _agency_alternation()
    sentence: list[tuple[str, re.Pattern[str]]] = []
    groups = data["sentence"]
    assert isinstance(groups, dict)
    for kind in KINDS:
        for pattern in groups.get(kind, ()):
            source = str(pattern).replace("{agency}", agency).replace("{names}", NAMES)
            sentence.append((kind, re.compile(source, re.IGNORECASE)))
    sentence.extend((BOOK_KIND, re.compile(p, re.IGNORECASE)) for p in extra)
    trailing_src = data["trailing"]
    assert isinstance(trailing_src, list)
    trailing = tuple(re.compile(str(p), re.IGNORECASE) for p in (*trailing_src, *extra))
    alternation = "|".join(f"(?:{_NAMED_GROUP_RE.sub('(?:', p.pattern)})" for _, p in sentence)
    continuation_src = data.get("continuation") or []
    assert isinstance(continuation_src, list)
    continuation = tuple(re.compile(str(p), re.IGNORECASE) for p in continuation_src)
    return Patterns(sentence=tuple(sentence), trailing=trailing, continuation=continuation,
                    prefilter=re.compile(alternation, re.IGNORECASE))


@dataclass(frozen=True, kw_only=True)
class Piece:
    """A paragraph, or part of one, after boilerplate was split off."""

    line: int
    text: str
    kind: str | None = None
    groups: tuple[tuple[str, str], ...] = ()

    @property
    def boilerplate(self) -> bool:
        """Whether the piece is boilerplate (not citable)."""
        return self.kind is not None


def match_kind(text: str, patterns: Patterns) -> tuple[str, dict[str, str]] | None:
    """The kind of boilerplate ``text`` (a whole sentence or paragraph) is, and its groups."""
    text = text.strip()
    if not patterns.prefilter.fullmatch(text):
        return None
    for kind, regex in patterns.sentence:
        found = regex.fullmatch(text)
        if found:
            return kind, {k: v.strip().rstrip(".,;:").strip()
                          for k, v in found.groupdict().items() if v and v.strip(" .,;:")}
    return None


def split_boilerplate(paragraphs: Sequence[tuple[int, str]], patterns: Patterns,
                      language: str = "en") -> list[Piece]:
    """Split boilerplate sentences off every paragraph and mark the trailing run.

    Args:
        paragraphs: ``(line, text)`` in order, white space folded.
        patterns: From :func:`compile_patterns`.
        language: For the sentence segmenter.

    Returns:
        The pieces in order; a paragraph without boilerplate is one piece, unchanged.
    """
    pieces: list[Piece] = []
    for line, text in paragraphs:
        pieces.extend(_split(line, text, patterns, language))
    for i in range(1, len(pieces)):
        piece = pieces[i]
        if (pieces[i - 1].kind == "footer" and not piece.boilerplate
                and _continues_footer(piece.text, patterns)):
            pieces[i] = Piece(line=piece.line, text=piece.text, kind="footer")
    last = len(pieces) - 1
    while last >= 0 and pieces[last].boilerplate:
        last -= 1  # the call-out may stand before a closing footer
    if last >= 0:
        pieces[last:last + 1] = _split_call_out(pieces[last], patterns, language)
    for i in range(len(pieces) - 1, -1, -1):
        piece = pieces[i]
        if piece.boilerplate:
            continue
        if not (any(p.fullmatch(piece.text) for p in patterns.trailing)
                or _continues_footer(piece.text, patterns)):
            break
        pieces[i] = Piece(line=piece.line, text=piece.text, kind="furniture")
    return pieces


def _split(line: int, text: str, patterns: Patterns, language: str) -> list[Piece]:
    whole = match_kind(text, patterns)
    if whole is not None:
        return [Piece(line=line, text=text, kind=whole[0], groups=tuple(whole[1].items()))]
    starts = [0, *(m.end() for m in _SENTENCE_START_RE.finditer(text))]
    if not any(patterns.prefilter.match(text, start) for start in starts):
        return [Piece(line=line, text=text)]
    spans = sentence_spans(text, language)
    found_kinds = [match_kind(text[a:b], patterns) for a, b in spans]
    for i in range(len(spans) - 2, -1, -1):  # questions to the reader leading into a prompt
        if found_kinds[i] is None and found_kinds[i + 1] is not None and \
                found_kinds[i + 1][0] == "prompt" and \
                _READER_QUESTION_RE.fullmatch(text[slice(*spans[i])]):
            found_kinds[i] = ("prompt", {})
    runs: list[tuple[str | None, int, int, dict[str, str]]] = []
    for (a, b), found in zip(spans, found_kinds, strict=True):
        kind, groups = found if found else (None, {})
        if (kind is None and runs and runs[-1][0] == "footer"
                and _continues_footer(text[a:b], patterns)):
            kind = "footer"
        if runs and runs[-1][0] == kind:
            _, start, _, before = runs[-1]
            runs[-1] = (kind, start, b, {**groups, **before})
        else:
            runs.append((kind, a, b, groups))
    return [Piece(line=line, text=text[a:b], kind=kind, groups=tuple(groups.items()))
            for kind, a, b, groups in runs]


def _continues_footer(text: str, patterns: Patterns) -> bool:
    """Whether ``text`` (a sentence or paragraph) may continue a licence footer."""
    text = text.strip()
    return any(p.fullmatch(text) for p in patterns.continuation)


#: A question addressed to the reader: ends with "?", says "you" or "your", quotes nothing.
_READER_QUESTION_RE = re.compile(r'[^"\u201c\u201d]*\byour?\b[^"\u201c\u201d]*\?\s*',
                                 re.IGNORECASE)


def _split_call_out(piece: Piece, patterns: Patterns, language: str) -> list[Piece]:
    """Split a closing run of two or more questions to the reader off the last paragraph."""
    if "?" not in piece.text[-3:]:
        return [piece]
    spans = sentence_spans(piece.text, language)
    start = len(spans)
    while start > 0 and _READER_QUESTION_RE.fullmatch(piece.text[slice(*spans[start - 1])]):
        start -= 1
    if len(spans) - start < 2 or start == 0:
        return [piece]
    cut = spans[start][0]
    return [Piece(line=piece.line, text=piece.text[:cut].rstrip(), groups=piece.groups),
            Piece(line=piece.line, text=piece.text[cut:], kind="prompt")]
