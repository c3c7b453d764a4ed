"""BibTeX export of the sources (``data/sources.bib``)."""

from __future__ import annotations

from typing import Any

from briefbook.core.model import Book

#: ISO 639 language codes → biblatex ``langid`` names.
ISO_TO_LANGID = {"en": "english", "en-US": "american", "en-GB": "british", "fr": "french",
                  "de": "german", "es": "spanish", "it": "italian", "pt": "portuguese",
                  "nl": "dutch", "ru": "russian", "ar": "arabic", "fa": "persian",
                  "tr": "turkish", "he": "hebrew", "zh": "chinese", "ja": "japanese",
                  "uk": "ukrainian", "pl": "polish", "sv": "swedish"}
_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
            "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
            "^": r"\textasciicircum{}"}


def bib_escape(text: str) -> str:
    """Escape LaTeX's special characters (UTF-8 letters are left to biblatex)."""
    return "".join(_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def _bib_url(url: str) -> str:
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex_entry(source: Any) -> str:
    """One source as a biblatex ``@article`` entry keyed by its id."""
    fields: list[tuple[str, str]] = []
    if source.author:
        fields.append(("author", " and ".join(f"{{{bib_escape(a)}}}" for a in source.author)))
    if source.title:
        fields.append(("title", f"{{{bib_escape(source.title)}}}"))
    if source.outlet:
        fields.append(("journaltitle", bib_escape(source.outlet)))
    if source.date:
        fields.append(("date", source.date))
    if source.date and source.date_basis in ("stated", "inferred"):
        fields.append(("x-date-basis", source.date_basis))
    if source.url:
        fields.append(("url", _bib_url(source.url)))
    if source.accessed:
        fields.append(("urldate", source.accessed))
    if source.language:
        fields.append(("langid", ISO_TO_LANGID.get(source.language, source.language)))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@article{{{source.id},\n{body}\n}}\n" if body else f"@article{{{source.id},\n}}\n"


def sources_bib(book: Book, built: Any = None) -> dict[str, bytes]:
    """``data/sources.bib``: every source as a biblatex entry (a data generator)."""
    header = ("% The sources of this briefing book as biblatex entries; the same metadata as\n"
              "% sources.json. Keys are the source ids. x-date-basis: stated or inferred.\n\n")
    return {"sources.bib": (header + "\n".join(bibtex_entry(s) for s in book.sources))
            .encode("utf-8")}
