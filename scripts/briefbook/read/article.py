"""Reading one article file: bytes in, paragraphs and reading problems out.

The file itself is never changed. Reading is tolerant: a byte-order mark, CRLF line ends,
control characters and bytes that are not UTF-8 are read with a warning naming the file and
byte offset. Only an empty or binary file is an error, and it fails that article alone.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from briefbook.core.errors import ArticleError, Problem
from briefbook.core.model import PARAGRAPH_RULES, Paragraph
from briefbook.core.textmeta import TextMeta
from briefbook.read.boilerplate import Patterns, compile_patterns, match_kind, split_boilerplate
from briefbook.read.shape import LONG_PARAGRAPH, Line, detect_rule, lines_of, split_paragraphs
from briefbook.read.textmeta import find_date_line, text_meta

__all__ = ["LONG_PARAGRAPH", "Article", "compile_boilerplate", "decode", "read_article"]

# A leading metadata line as scrapers write it: " date 2019-03-04 Section-Name".
_METADATA_LINE_RE = re.compile(
    r"^\s*date[:\s]\s*(?P<date>\d{4}-\d{2}-\d{2})(?:T\S*|\s+\d{1,2}:\d{2}\S*)?(?:\s+(?P<section>\S.*?))?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, kw_only=True)
class Article:
    """What reading one file yields."""

    paragraphs: tuple[Paragraph, ...]
    date: str | None
    section: str | None
    problems: tuple[Problem, ...]
    rule: str = "lines"
    detected_rule: str = "lines"
    rule_reason: str = ""
    text_meta: TextMeta = field(default_factory=TextMeta)


def decode(data: bytes, file: str, encoding: str | None = None) -> tuple[str, list[Problem]]:
    """Decode article bytes as UTF-8 (or the declared ``encoding``), tolerating scraped files.

    A UTF-8 BOM is dropped. A byte that is not valid UTF-8 is read as Windows-1252 (the usual
    culprit, a Latin-1 pound or accent) and reported with its offset. With an ``encoding``
    declared for the source (``sources.yml``: ``encoding: windows-1252``; any name Python's
    ``codecs`` knows), the file is read in it and nothing is reported, unless a byte is not
    valid in it either (then replaced by U+FFFD and reported).

    Raises:
        ArticleError: the file is empty or binary (NUL bytes, a file signature or control
            bytes: :func:`binary_kind`).
    """
    if not data.strip():
        raise ArticleError(
            Problem(file=file, message="the article is empty", level="error",
                    hint="add its text or remove the file")
        )
    if encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        return _decode_declared(data, file, encoding)  # NUL bytes are part of such text
    bom = next((name for mark, name in _WIDE_BOMS if data.startswith(mark)), None)
    if encoding is None and bom is not None:  # a byte-order mark says so: no guess
        text, problems = _decode_declared(data, file, bom)
        return text.lstrip("\ufeff"), [Problem(
            file=file, line=1, level="info",
            message=f"read as {bom.upper()} (its byte-order mark says so)"), *problems]
    kind = binary_kind(data)
    if kind is not None:
        raise ArticleError(Problem(file=file, level="error", message=f"looks binary: {kind}",
                                   hint="save the article's text as plain text (UTF-8), or "
                                        "give its web page to 'briefbook add --url'"))
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ArticleError(
            Problem(file=file, level="error",
                    message=f"looks binary: NUL byte at byte offset {nul}",
                    hint="save the article as plain text (UTF-8), or declare its encoding "
                         "in sources.yml if it is UTF-16 without a byte-order mark")
        )
    problems: list[Problem] = []
    if encoding is not None and codecs.lookup(encoding).name != "utf-8":
        return _decode_declared(data, file, encoding)
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
            hint="if the file is in another encoding, declare it for this source in "
                 "sources.yml ('encoding: windows-1252'; the file stays as it is)"))
    if len(bad) > room:
        problems.append(Problem(file=file, message=f"{len(bad) - room} more undecodable bytes"))
    return _ESCAPED_RE.sub(lambda m: _CP1252[ord(m.group()) - 0xDC80], text), problems


def _decode_declared(data: bytes, file: str, encoding: str) -> tuple[str, list[Problem]]:
    """``data`` read in a declared encoding; bytes invalid in it are replaced and reported."""
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    if bad <= 0:
        return text, []
    first = text.index("\ufffd")
    return text, [Problem(
        file=file, line=text.count("\n", 0, first) + 1, level="warning",
        message=f"{bad} byte{'s' if bad > 1 else ''} not valid in the declared encoding "
                f"'{encoding}' (shown as \ufffd)",
        hint="check the source's 'encoding:' in sources.yml, or leave it out for UTF-8")]


_ESCAPED_RE = re.compile("[\udc80-\udcff]")
#: File signatures ("magic numbers") of formats an article is sometimes saved in by mistake.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"), (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
)
#: Byte-order marks of the wide encodings (UTF-32 first: its little-endian mark starts like
#: UTF-16's).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Control bytes no text file holds (tab, line feed, form feed and carriage return excepted).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def binary_kind(data: bytes) -> str | None:
    """What a file that is not text looks like, or ``None`` for text.

    A known file signature at its start, or more than 5 % control bytes (and at least 8) in
    its first 8 KiB: random or compressed data has about 12 %, text in any 8-bit encoding
    none but a stray bell or escape (those are dropped with a warning).
    """
    start = data[:64].removeprefix(codecs.BOM_UTF8).lstrip()  # a PDF after a byte-order
    # mark or stray line breaks is still a PDF
    for signature, kind in _SIGNATURES:
        if data.startswith(signature) or start.startswith(signature):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return "a RIFF file (audio, video or a WebP image)"
    head = data[:8192]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls >= 8 and controls * 20 > len(head):
        return f"{controls} control bytes in its first {len(head)} bytes"
    return None
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


def compile_boilerplate(extra: tuple[str, ...] | list[str] = ()) -> Patterns:
    """Compile the package's boilerplate patterns plus the book's own.

    See :mod:`briefbook.read.boilerplate`.
    """
    return compile_patterns(tuple(extra))


def read_article(
    data: bytes, file: str, *, boilerplate: Patterns | None = None, rule: str | None = None,
    language: str | None = None, encoding: str | None = None,
) -> Article:
    """Read an article's bytes into numbered paragraphs and what the text says about itself.

    A first line of the form `` date 2019-03-04 Section`` is metadata, not a paragraph. The
    paragraph rule (:mod:`briefbook.read.shape`) is ``rule`` when given, else detected from
    the text's shape. Boilerplate sentences are split off into paragraphs of their own and
    marked (:mod:`briefbook.read.boilerplate`), never deleted. Headline, dateline, byline and
    outlet are then read from the paragraphs (:mod:`briefbook.read.textmeta`).

    Args:
        data: The file's bytes.
        file: How to name the file in problems.
        boilerplate: Compiled patterns (default: the package's).
        rule: One of :data:`~briefbook.core.model.PARAGRAPH_RULES`, or ``None`` to detect.
        language: ISO 639 code of the text, for the sentence segmenter (default ``en``).
        encoding: The file's declared encoding (default: UTF-8, see :func:`decode`).

    Raises:
        ArticleError: the file is empty, binary, or holds no paragraph.
        ValueError: ``rule`` is not a paragraph rule.
    """
    if rule is not None and rule not in PARAGRAPH_RULES:
        raise ValueError(f"unknown paragraph rule {rule!r}")
    text, problems = decode(data, file, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _clean_controls(text, file, problems)
    lines = lines_of(text)
    date = section = None
    first = next((ln for ln in lines if ln.text), None)
    if first is not None and (m := _METADATA_LINE_RE.match(first.text)):
        date, section = m.group("date"), m.group("section")
        lines[first.number - 1] = Line(number=first.number, text="", indent=0, width=0)
    if not any(ln.text for ln in lines):
        raise ArticleError(Problem(file=file, level="error",
                                   message="the article has no text besides its metadata line",
                                   hint="add its text or remove the file"))
    detected, reason = detect_rule(lines)
    language = (language or "en").split("-")[0].lower()
    patterns = boilerplate or compile_patterns()

    def stands_alone(line: str) -> bool:  # a header line: byline, date line, site furniture
        return match_kind(line, patterns) is not None or find_date_line(line) is not None

    raw = split_paragraphs(lines, rule or detected, language, stands_alone)
    pieces = split_boilerplate(raw, patterns, language)
    if all(p.boilerplate for p in pieces):
        problems.append(Problem(file=file, line=pieces[0].line, level="warning",
                                message="every paragraph looks like site boilerplate",
                                hint="check that the file holds the article's text"))
    paragraphs = [Paragraph(number=n, text=p.text, line=p.line, boilerplate=p.boilerplate,
                            role=p.kind) for n, p in enumerate(pieces, start=1)]
    meta = text_meta(paragraphs, [(n, p.groups) for n, p in enumerate(pieces, start=1)
                                  if p.groups])
    if meta.headline and meta.headline.paragraph:
        head = paragraphs[meta.headline.paragraph - 1]
        paragraphs[head.number - 1] = Paragraph(number=head.number, text=head.text,
                                                line=head.line, role="headline")
        for label in paragraphs[:head.number - 1]:  # a section label above the headline
            paragraphs[label.number - 1] = Paragraph(number=label.number, text=label.text,
                                                     line=label.line, boilerplate=True,
                                                     role="furniture")
    return Article(paragraphs=tuple(paragraphs), date=date, section=section,
                   problems=tuple(problems), rule=rule or detected, detected_rule=detected,
                   rule_reason=reason, text_meta=meta)
