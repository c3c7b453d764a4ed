"""The discrepancy record shared by the comparison and the figure checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefbook.analyse.align import Sentence

#: Kinds of change, most serious first.
KINDS = ("contradiction", "number", "date", "attribution", "role", "wording")


@dataclass(frozen=True, kw_only=True)
class Discrepancy:
    """One classified difference between two sources, as published in discrepancies.json.

    Attributes:
        kind: One of :data:`KINDS`.
        a: The first source's side: its sentence (``text``), source and paragraph.
        b: The second side.
        note: What changed, in a few words.
        relation: ``derived`` (a copy and its original) or ``independent``.
        event: The curated event id, for disagreements found through events.
    """

    kind: str
    a: Sentence
    b: Sentence
    note: str
    relation: str = "derived"
    event: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The record of ``data/discrepancies.json`` (fields as DESIGN.md)."""
        def side(s: Sentence) -> dict[str, Any]:
            return {"source": s.source, "paragraph": s.paragraph, "text": s.text}
        return {"kind": self.kind, "a": side(self.a), "b": side(self.b), "note": self.note}
