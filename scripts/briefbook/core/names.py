"""Folding of names for matching: one key per spelling, and offsets back into the text.

The load stage uses the keys to find one spelling claimed by two actors; the analysis finds
mentions with the same folding, so both agree on what counts as the same name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefbook.core.text import fold

_APOSTROPHES = "'"
_SEPARATORS = "-\"/"
_fold_char = lru_cache(maxsize=65536)(fold)


def normalize(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching and map each folded character back to its offset.

    Returns:
        The folded text (apostrophes dropped, except a possessive ``'s`` which becomes a
        space; hyphens and double quotes as spaces; runs of spaces collapsed) and, for each
        of its characters, the index of the original character it came from.
    """
    table = {ord(char): _fold_one(char) for char in set(text)}  # each distinct character once
    if not table or any(len(folded) != 1 for folded in table.values()):
        return _normalize_by_char(text)
    # every character folds to exactly one: copy the runs between special characters whole
    folded_text = text.translate(table)
    out: list[str] = []
    offsets: list[int] = []
    last, done = "", 0
    for match in _SPECIAL_RUN_RE.finditer(folded_text):
        if match.start() > done:
            out.append(folded_text[done:match.start()])
            offsets.extend(range(done, match.start()))
            last = folded_text[match.start() - 1]
        done = match.end()
        for index in range(match.start(), match.end()):
            ch = folded_text[index]
            if ch in _APOSTROPHES:
                after = text[index + 1:index + 3]
                if not (after[:1] in ("s", "S") and not after[1:2].isalnum()):
                    continue
                ch = " "
            if ch in _SEPARATORS:
                ch = " "
            if ch == " " and (not last or last == " "):
                continue
            out.append(ch)
            offsets.append(index)
            last = ch
    if done < len(folded_text):
        out.append(folded_text[done:])
        offsets.extend(range(done, len(folded_text)))
    return "".join(out), offsets


@lru_cache(maxsize=65536)
def _fold_one(char: str) -> str:
    return " " if char.isspace() else fold(char)


# The characters :func:`normalize` drops or changes, in runs that start with an apostrophe or
# separator (with the spaces after it), leading spaces, or two or more spaces. A single space
# between two kept characters is left out: it is copied with the text around it.
_SPECIAL_RUN_RE = re.compile(
    "[" + re.escape(_APOSTROPHES + _SEPARATORS) + "]"
    "[" + re.escape(_APOSTROPHES + _SEPARATORS + " ") + "]*|^ +| {2,}")


def _normalize_by_char(text: str) -> tuple[str, list[int]]:
    """:func:`normalize`, character by character (when some character folds to 0 or 2+)."""
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = " " if char.isspace() else _fold_char(char)
        for ch in folded:
            if ch in _APOSTROPHES:
                after = text[index + 1:index + 3]
                if after[:1] in ("s", "S") and not after[1:2].isalnum():
                    ch = " "
                else:
                    continue
            if ch in _SEPARATORS:
                ch = " "
            if ch == " " and (not out or out[-1] == " "):
                continue
            out.append(ch)
            offsets.append(index)
    return "".join(out), offsets


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The matching key of a name (see :func:`normalize`)."""
    return normalize(name)[0].strip(" .,")
