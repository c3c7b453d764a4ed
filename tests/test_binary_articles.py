"""A file that is not text (an image, a PDF, a Word file, random bytes) is refused, alone."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from briefbook.ingest.html import add_inputs
from briefbook.read.article import binary_kind
from briefbook.read.book import load_book

ARTICLE = "Ferries\n\nThe ferries stopped on Monday, the port said.\n"
_RNG = random.Random(7)
_NOISE = bytes(_RNG.randrange(1, 256) for _ in range(3000))  # random bytes, none a NUL


@pytest.mark.parametrize(("data", "says"), [
    (b"\x89PNG\r\n\x1a\n" + _NOISE, "PNG image"),
    (b"%PDF-1.7\n" + _NOISE, "PDF document"),
    (b"PK\x03\x04" + _NOISE, "ZIP archive"),
    (b"\xff\xd8\xff\xe0" + _NOISE, "JPEG image"),
    (b"RIFF\x10\x01\x01\x01WEBPVP8 " + _NOISE, "WebP"),
    (_NOISE, "control bytes"),
])
def test_add_refuses_it_and_adds_the_rest(tmp_path: Path, data: bytes, says: str) -> None:
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    (tmp_path / "scan.txt").write_bytes(data)
    (tmp_path / "ferries.txt").write_text(ARTICLE, "utf-8")
    result = add_inputs(briefing, [str(tmp_path / "scan.txt"), str(tmp_path / "ferries.txt")])
    assert [a.id for a in result.added] == ["ferries"]
    [problem] = [p for p in result.problems if p.level == "error"]
    assert "scan.txt" in str(problem) and "looks binary" in problem.message
    assert says in problem.message and "plain text" in (problem.hint or "")


def test_the_build_reports_it_and_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "ferries.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "sources" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + _NOISE)
    book = load_book(tmp_path)
    assert [s.id for s in book.sources] == ["ferries"]
    assert any("photo.txt" in str(p) and "PNG image" in p.message for p in book.problems)


@pytest.mark.parametrize("text", [
    "Café, naïve, résumé and Zürich.\n" * 40,      # Latin-1 / Windows-1252 text
    "Line one\r\nLine two\twith a tab\f\r\n" * 40,  # CR, tab and form feed are text
    "RIFF raff and other words.\n" * 40,            # a word that starts like a signature
])
def test_text_in_any_8_bit_encoding_is_text(text: str) -> None:
    assert binary_kind(text.encode("cp1252")) is None


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_a_byte_order_mark_of_a_wide_encoding_is_read_not_refused(tmp_path: Path,
                                                                  codec: str) -> None:
    data = ("\ufeff" if codec.endswith("-be") else "") + ARTICLE.replace("ferries", "färjor")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "ferries.txt").write_bytes(data.encode(codec))
    book = load_book(tmp_path)
    assert [p for p in book.problems if p.level in ("warning", "error")] == []
    assert "färjor stopped" in book.sources[0].paragraphs[1].text


@pytest.mark.parametrize(("data", "says"), [
    (b"\r\n  \n%PDF-1.4\n" + _NOISE, "PDF document"),     # stray line breaks before it
    (b"\xef\xbb\xbf\n%PDF-1.4\n" + _NOISE, "PDF document"),  # a UTF-8 byte-order mark
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _NOISE, "PNG image"),  # named, not "NUL byte"
    (b"PK\x03\x04\x14\x00\x06\x00" + _NOISE, "ZIP archive"),
])
def test_a_known_format_is_named_even_with_nul_bytes(tmp_path: Path, data: bytes,
                                                     says: str) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "scan.txt").write_bytes(data)
    [problem] = [p for p in load_book(tmp_path).problems if p.level == "error"]
    assert says in problem.message
