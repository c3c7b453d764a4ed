"""Reading one article file: bytes in, paragraphs and reading problems out.

The file itself is never changed. Reading is tolerant: a byte-order mark, CRLF line ends,
control characters and bytes that are not UTF-8 are read with a warning naming the file and
byte offset. Only an empty or binary file is an error, and it fails that article alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefbook.core.errors import ArticleError, Problem
from briefbook.core.model import Paragraph
from briefbook.core.text import sentence_spans

#: A paragraph longer than this (characters) with many sentences is split for useful anchors.
LONG_PARAGRAPH = 1200
#: Sentences per paragraph when a long line is split.
SENTENCES_PER_CHUNK = 3
# A leading metadata line as scrapers write it: " date 2019-03-04 Section-Name".
_METADATA_LINE_RE = re.compile(
    r"^\s*date[:\s]\s*(?P<date>\d{4}-\d{2}-\d{2})(?:T\S*|\s+\d{1,2}:\d{2}\S*)?(?:\s+(?P<section>\S.*?))?\s*$",
    re.IGNORECASE,
)
#: Site furniture recognised at the end of an article (case-insensitive, whole line).
DEFAULT_BOILERPLATE: tuple[str, ...] = (
    r"sign up for\b.*",
    r"subscribe (to|for)\b.*",
    r"please enter your (comment|name|email)( address)?( here)?[.!]*",
    r"view (the )?original (post|article|story)\b.*",
    r"this (story|article|report) (is|has been) (breaking|developing)\b.*",
    r"this is a (breaking|developing) (news )?story\b.*",
    r"(\u00a9|\(c\)|copyright)\s*(\d{4})?\b.*",
    r"all rights reserved\.?",
    r".*\blicensed under (a |the )?creative commons\b.*",
    r"this (work|article) is licensed\b.*",
    r"(leave|post) a (comment|reply)\b.*",
    r"your email address will not be published\b.*",
    r"save my name, email\b.*",
    r"notify me of (follow-up comments|new posts)\b.*",
    r"you must be logged in\b.*",
    r"(share|share this|share on|follow us|follow us on)"
    r"( (facebook|twitter|x|linkedin|email))*[:.]?",
    r"(read more|related|related stories|related articles|advertisement|click here)\b.*",
    r"(recommended|most popular|trending)( stories| articles)?:?",
)


@dataclass(frozen=True, kw_only=True)
class Article:
    """What reading one file yields."""

    paragraphs: tuple[Paragraph, ...]
    date: str | None
    section: str | None
    problems: tuple[Problem, ...]


def decode(data: bytes, file: str) -> tuple[str, list[Problem]]:
    """Decode article bytes as UTF-8, tolerating what scraped files contain.

    A UTF-8 BOM is dropped. A byte that is not valid UTF-8 is read as Windows-1252 (the usual
    culprit, a Latin-1 pound or accent) and reported with its offset.

    Raises:
        ArticleError: the file is empty or binary (NUL bytes).
    """
    if not data.strip():
        raise ArticleError(
            Problem(file=file, message="the article is empty", level="error",
                    hint="add its text or remove the file")
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ArticleError(
            Problem(file=file, level="error",
                    message=f"looks binary: NUL byte at byte offset {nul}",
                    hint="save the article as plain text (UTF-8)")
        )
    problems: list[Problem] = []
    offset = 0
    if data.startswith(b"\xef\xbb\xbf"):
        offset = 3
        problems.append(Problem(file=file, line=1, message="UTF-8 byte-order mark ignored",
                                level="info"))
    # One pass, linear in the input: every byte that is not UTF-8 comes out as one lone
    # surrogate (U+DC80-U+DCFF), which is then read as Windows-1252.
    text = data[offset:].decode("utf-8", errors="surrogateescape")
    bad = [m.start() for m in _ESCAPED_RE.finditer(text)]
    if not bad:
        return text, problems
    room = 20 - len(problems)  # at most 20 problems in all, the byte-order mark's included
    for index in bad[:room]:
        byte = ord(text[index]) - 0xDC00
        at = offset + len(text[:index].encode("utf-8", errors="surrogateescape"))
        char = bytes([byte]).decode("cp1252", errors="replace")
        problems.append(Problem(
            file=file, line=text.count("\n", 0, index) + 1, level="warning",
            message=f"byte 0x{byte:02x} at byte offset {at} is not UTF-8; "
                    f"read as Windows-1252 {char!r}",
            hint="re-save the file as UTF-8 to silence this"))
    if len(bad) > room:
        problems.append(Problem(file=file, message=f"{len(bad) - room} more undecodable bytes"))
    return _ESCAPED_RE.sub(lambda m: _CP1252[ord(m.group()) - 0xDC80], text), problems


_ESCAPED_RE = re.compile("[\udc80-\udcff]")
#: Windows-1252 for the bytes 0x80-0xFF (undefined ones as U+FFFD).
_CP1252 = tuple(bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0x100))


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")


def _clean_controls(text: str, file: str, problems: list[Problem]) -> str:
    first = _CONTROL_RE.search(text)
    if first is None:
        return text
    count = len(_CONTROL_RE.findall(text))
    line = text.count("\n", 0, first.start()) + 1
    problems.append(Problem(
        file=file, line=line, level="warning",
        message=f"{count} control character(s) ignored, the first {first.group()!r} "
                f"at character {first.start()}"))
    return _CONTROL_RE.sub("", text)


def is_boilerplate(text: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Whether a whole paragraph is site furniture."""
    line = text.strip()
    return any(p.fullmatch(line) for p in patterns)


def compile_boilerplate(extra: Sequence[str] = ()) -> tuple[re.Pattern[str], ...]:
    """Compile the default boilerplate patterns plus the book's own."""
    return tuple(re.compile(p, re.IGNORECASE) for p in (*DEFAULT_BOILERPLATE, *extra))


_DEFAULT_PATTERNS = compile_boilerplate()


def read_article(
    data: bytes, file: str, *, boilerplate: Sequence[re.Pattern[str]] = _DEFAULT_PATTERNS
) -> Article:
    """Read an article's bytes into numbered paragraphs.

    Paragraphs are split on blank lines and on single newlines (scraped text uses both). A
    first line of the form `` date 2019-03-04 Section`` is metadata, not a paragraph. A very
    long paragraph (one-line articles are common in scraped data) is split at sentence
    boundaries into chunks of a few sentences so that anchors stay useful. A trailing run of
    boilerplate paragraphs is marked, never deleted.

    Raises:
        ArticleError: the file is empty, binary, or holds no paragraph.
    """
    text, problems = decode(data, file)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _clean_controls(text, file, problems)
    lines = text.split("\n")
    date = section = None
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is not None and (m := _METADATA_LINE_RE.match(lines[first])):
        date, section = m.group("date"), m.group("section")
        lines[first] = ""
    raw: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        stripped = " ".join(line.split())
        if not stripped:
            continue
        if len(stripped) > LONG_PARAGRAPH:
            raw.extend((index + 1, chunk) for chunk in _chunk(stripped))
        else:
            raw.append((index + 1, stripped))
    if not raw:
        raise ArticleError(Problem(file=file, level="error",
                                   message="the article has no text besides its metadata line",
                                   hint="add its text or remove the file"))
    flags = [False] * len(raw)
    for i in range(len(raw) - 1, -1, -1):
        if not is_boilerplate(raw[i][1], boilerplate):
            break
        flags[i] = True
    if all(flags):
        problems.append(Problem(file=file, line=raw[0][0], level="warning",
                                message="every paragraph looks like site boilerplate",
                                hint="check that the file holds the article's text"))
    paragraphs = tuple(
        Paragraph(number=n, text=t, line=line, boilerplate=flag)
        for n, ((line, t), flag) in enumerate(zip(raw, flags, strict=True), start=1)
    )
    return Article(paragraphs=paragraphs, date=date, section=section, problems=tuple(problems))


def _chunk(text: str) -> list[str]:
    spans = sentence_spans(text)
    if len(spans) <= SENTENCES_PER_CHUNK:
        return [text]
    chunks = []
    for i in range(0, len(spans), SENTENCES_PER_CHUNK):
        group = spans[i:i + SENTENCES_PER_CHUNK]
        chunks.append(text[group[0][0]:group[-1][1]].strip())
    return chunks
