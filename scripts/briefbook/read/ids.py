"""Source ids: short, readable, unique and stable.

A source id is ``[a-z0-9-]+`` and, when a tool derives it, at most :data:`MAX_ID_LENGTH`
characters. ``briefbook add`` takes it from the file name when that is short and says
something (``daily-post-2019-03-04.txt``), else from the headline the text gives, else from the file
name cut short; an id already taken gets ``-2``, ``-3`` … An editor's ``--id`` always wins.

A file that ``sources.yml`` does not list gets its id from its file name alone (so adding
other files never changes it); a name too long is cut at a hyphen and given four characters
of the name's SHA-1, so two long names that start alike still differ.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

from briefbook.core.text import slugify
from briefbook.read.boilerplate import load_data

MAX_ID_LENGTH = 40
_HEX_RE = re.compile(r"[0-9a-f]{8,}")
# The dots of an initialism ("U.S.", "E.U."): gone before slugifying, so "U.S." gives "us".
_INITIALISM_DOT_RE = re.compile(r"(?<=\b\w)\.(?=\w\b)|(?<=\b\w\.\w)\.")


def _noise(word: str) -> bool:
    """A hash (8+ hexadecimal characters, letters and digits) or a long number (9+ digits)."""
    if word.isdigit():
        return len(word) >= 9
    return bool(_HEX_RE.fullmatch(word)) and any(c.isdigit() for c in word)


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    words = load_data("textmeta.yml")["generic_file_stems"]
    assert isinstance(words, list)
    return frozenset(str(w) for w in words)


def cut(slug: str, limit: int = MAX_ID_LENGTH) -> str:
    """``slug`` cut at its last hyphen that keeps it within ``limit`` characters.

    A single word longer than ``limit`` is cut at ``limit``.
    """
    if len(slug) <= limit:
        return slug
    head = slug[:limit + 1]
    return head[:head.rfind("-")].strip("-") if "-" in head else slug[:limit]


def shorten(slug: str, limit: int = MAX_ID_LENGTH) -> str:
    """``slug`` within ``limit`` characters, made unique by a hash when it had to be cut."""
    if len(slug) <= limit:
        return slug
    digest = hashlib.sha1(slug.encode("utf-8")).hexdigest()[:4]
    return f"{cut(slug, limit - 5)}-{digest}"


def source_id_for(filename: str) -> str:
    """The id of a file ``sources.yml`` does not list.

    ``Daily Post 2019.txt`` → ``daily-post-2019``; at most :data:`MAX_ID_LENGTH` characters.
    """
    return shorten(slugify(Path(filename).stem) or "source")


def readable_stem(filename: str) -> str | None:
    """The file name's slug when it is short and says something, else ``None``.

    Not readable: longer than :data:`MAX_ID_LENGTH`, holding a hash or a long number, or
    made only of generic words and numbers (``article (3).txt``, ``index.html``).
    """
    slug = slugify(Path(filename).stem)
    if not slug or len(slug) > MAX_ID_LENGTH or any(_noise(w) for w in slug.split("-")):
        return None
    words = [w for w in slug.split("-") if not w.isdigit()]
    if not words or all(w in _generic() for w in words):
        return None
    return slug


def suggest_id(filename: str, headline: str | None, taken: Collection[str]) -> str:
    """A new source's id from its file name or headline, unique among ``taken``."""
    base = readable_stem(filename)
    if base is None and headline:
        base = cut(slugify(_INITIALISM_DOT_RE.sub("", headline))) or None
    if base is None:
        base = source_id_for(filename)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{cut(base, MAX_ID_LENGTH - len(str(n)) - 1)}-{n}"
    return candidate
