"""A source may declare its file's encoding; the file stays byte for byte as it was added."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.read.book import load_book

TEXT = "Café Düsseldorf\n\nThe café in Düsseldorf closed on Monday, the owner, Zoë Brandt, said.\n"


def _book(tmp_path: Path, data: bytes, entry: str = "") -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "cafe.txt").write_bytes(data)
    (tmp_path / "sources.yml").write_text(f"- id: cafe\n  file: cafe.txt\n{entry}", "utf-8")
    return tmp_path


def test_undeclared_legacy_bytes_are_warned_with_the_way_to_declare_them(tmp_path: Path) -> None:
    book = load_book(_book(tmp_path, TEXT.encode("cp1252")))
    warnings = [p for p in book.problems if p.level == "warning"]
    assert warnings and all("not UTF-8" in p.message for p in warnings)
    assert "encoding: windows-1252" in (warnings[0].hint or "")
    assert "Düsseldorf" in book.sources[0].paragraphs[1].text  # read as Windows-1252 anyway


@pytest.mark.parametrize(("codec", "declared"), [
    ("cp1252", "windows-1252"), ("latin-1", "iso-8859-1"), ("utf-16", "utf-16"),
    ("cp1251", "windows-1251"),
])
def test_a_declared_encoding_reads_the_file_without_warnings(tmp_path: Path, codec: str,
                                                             declared: str) -> None:
    text = TEXT if codec != "cp1251" else "Кафе\n\nКафе закрылось в понедельник.\n"
    data = text.encode(codec)
    root = _book(tmp_path, data, f"  encoding: {declared}\n")
    book = load_book(root)
    assert [p for p in book.problems if p.level in ("warning", "error")] == []
    source = book.sources[0]
    assert source.encoding == declared
    assert text.split("\n\n")[1].strip() in source.paragraphs[1].text
    assert (root / "sources" / "cafe.txt").read_bytes() == data  # never rewritten


def test_an_unknown_encoding_is_an_error_with_a_near_match(tmp_path: Path) -> None:
    book = load_book(_book(tmp_path, TEXT.encode("cp1252"), "  encoding: windows-1525\n"))
    [problem] = [p for p in book.problems if p.file == "sources.yml"]
    assert problem.level == "error" and "windows-1525" in problem.message
    assert "windows-1252" in (problem.hint or "")


def test_bytes_invalid_in_the_declared_encoding_are_reported(tmp_path: Path) -> None:
    book = load_book(_book(tmp_path, TEXT.encode("utf-8") + b"\xff\xfe broken\n",
                           "  encoding: ascii\n"))
    [problem] = [p for p in book.problems if p.level == "warning"]
    assert "not valid in the declared encoding 'ascii'" in problem.message


def test_a_misspelt_code_page_gets_the_name_python_knows(tmp_path: Path) -> None:
    book = load_book(_book(tmp_path, TEXT.encode("cp1252"), "  encoding: cp-1252\n"))
    [problem] = [p for p in book.problems if p.file == "sources.yml"]
    assert "cp1252" in (problem.hint or "")
