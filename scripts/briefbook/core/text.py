"""Text utilities shared by the stages: folding for matching, and sentence splitting.

Folding never changes what is shown; it only makes comparisons tolerant of the ways the same
words are typed: curly versus straight quotes and apostrophes, dashes, non-breaking spaces,
compatibility characters and accents.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Every apostrophe-like and quote-like mark, mapped to its ASCII form.
_QUOTE_MAP = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u0060\u00b4\u2035\u2039\u203a"
                    "\u300e\u300f", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e\uff02\u300c\u300d",
                    '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u00a0\u2007\u202f\u2009\u200a\u2002\u2003", " "),
    "\u2026": "...",
}
_QUOTE_TABLE = str.maketrans(_QUOTE_MAP)
_SPACE_RE = re.compile(r"\s+")


def fold_quotes(text: str) -> str:
    """Map curly quotes, apostrophes, dashes and odd spaces to ASCII; fold white space."""
    return _SPACE_RE.sub(" ", text.translate(_QUOTE_TABLE)).strip()


def strip_accents(text: str) -> str:
    """Remove combining accents (``Qasém`` → ``Qasem``)."""
    if text.isascii():  # nothing to decompose (most of what :func:`fold` is given)
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Fold for matching: NFKC, quotes and dashes to ASCII, accents removed, casefolded."""
    return strip_accents(fold_quotes(unicodedata.normalize("NFKC", text))).casefold()


def slugify(text: str) -> str:
    """A lowercase ``[a-z0-9-]+`` slug (empty when nothing usable is left).

    Accents are stripped (*Élodie* → ``elodie``); letters with none to strip and other scripts
    are transliterated by ``anyascii`` (*Torbjørn Yılmaz* → ``torbjorn-yilmaz``, not
    ``torbj-rn-y-lmaz``; *Владимир* → ``vladimir``).
    """
    folded = strip_accents(fold_quotes(text))
    if not folded.isascii():
        folded = anyascii(folded)
    folded = folded.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st gen lt col maj capt cmdr adm sgt cpl pvt rep sen gov pres
    sec amb rev hon fr no nos vs etc inc ltd co corp dept univ est approx fig al jan feb mar apr
    jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun u.s u.k u.n
    e.g i.e a.m p.m para paras op cf ed eds vol pp mt ft
    """.split()
)
#: Closing marks after a stop include guillemets (» ›) and German closers (“ ‘), and openers
#: before the next sentence the low and angle marks („ ‚ « ‹) of other languages' styles.
_SENTENCE_END_RE = re.compile(
    r"""[.!?]+['"\u2019\u201d\u201c\u2018\u00bb\u203a)\]]*(?=\s+|$)""")
_NEXT_START_RE = re.compile(
    r"""\s+(?=['"\u2018\u201c\u201e\u201a\u00ab\u2039(\[]*[A-Z0-9\u00c0-\u024f])""")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences and return their ``(start, end)`` character spans.

    A rule-based splitter tuned for news prose: it ends a sentence at ``.``, ``!`` or ``?``
    (with closing quotes or brackets) followed by white space and a capital letter or digit,
    except after known abbreviations, initials (``John Q. Public``) and single capitals
    (``U.S.``). It is linear in the length of the text, which matters at thousands of articles.
    The split of a text is kept (several stages split the same paragraph); each call returns
    a new list.
    """
    return list(_sentence_spans(text))


@lru_cache(maxsize=32768)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`sentence_spans`, memoised by text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.end()
        following = _NEXT_START_RE.match(text, end)
        if end < len(text) and not following:
            continue
        if match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = following.end() if following else end
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return tuple(spans)


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() \
            and text[word_start - 1] not in "(\"'\u201c\u2018":
        word_start -= 1
    word = text[word_start:dot].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "John Q. Public", "U." in "U.S."
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see :func:`sentence_spans`)."""
    return [text[a:b].strip() for a, b in sentence_spans(text)]
