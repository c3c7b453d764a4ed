"""An editor's review decisions: load and validate ``briefing/review.yml``.

The file is a list of mappings, one per review item an editor has dealt with for good::

    - item: near-miss:bbc-politics-013:hollandr
      decision: ignored
      note: a different person

``item`` is the key the Review page (and ``briefbook review``) prints for each item;
``decision`` is ``accepted`` or ``ignored``; ``note`` is optional. A decided item no longer
appears on the Review page. Every problem is reported with file, line and key; a bad entry is
dropped and the rest kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefbook.core.errors import Problem, did_you_mean
from briefbook.core.model import REVIEW_DECISIONS, ReviewDecision
from briefbook.core.yamlio import items_of, line_of, load_yaml, not_a_list, plain

REVIEW_FILE = "review.yml"
_KEYS = ("item", "decision", "note")
ITEM_KEY_RE = re.compile(r"^[a-z][a-z-]*:[^\s:]+:\S+$")


def load_review(root: Path) -> tuple[tuple[ReviewDecision, ...], list[Problem]]:
    """Load ``review.yml`` of the book in ``root`` (a missing file is no decision)."""
    data, problems = load_yaml(root / REVIEW_FILE, REVIEW_FILE)
    if data is None:
        return (), problems
    container = data["review"] if isinstance(data, dict) and "review" in data else data
    wrong = not_a_list(data, "review", REVIEW_FILE, "item")
    if wrong is not None:
        return (), [*problems, wrong]
    decisions: list[ReviewDecision] = []
    seen: dict[str, int | None] = {}
    for index, node in items_of(data, "review"):
        line = line_of(node) if isinstance(node, dict) else line_of(container, index)
        if not isinstance(node, dict):
            problems.append(Problem(file=REVIEW_FILE, line=line, level="error",
                                    message=f"entry {index + 1} is not a mapping",
                                    hint="write 'item: …' and 'decision: …' on their own lines"))
            continue
        raw = plain(node)
        for k in raw:
            if k not in _KEYS:
                problems.append(Problem(file=REVIEW_FILE, line=line_of(node, k) or line,
                                        key=str(k), message=f"unknown key '{k}'",
                                        hint=did_you_mean(str(k), _KEYS)
                                        or f"known keys: {', '.join(_KEYS)}"))
        item = str(raw.get("item") or "").strip()
        if not ITEM_KEY_RE.match(item):
            problems.append(Problem(
                file=REVIEW_FILE, line=line_of(node, "item") or line, key="item",
                level="error", message=f"'item: {item}' is not a review item key",
                hint="copy the key the Review page shows, e.g. "
                     "'near-miss:my-source:hollandr'"))
            continue
        decision = str(raw.get("decision") or "").strip()
        if decision not in REVIEW_DECISIONS:
            problems.append(Problem(
                file=REVIEW_FILE, line=line_of(node, "decision") or line, key="decision",
                level="error", message=f"decision '{decision}' of '{item}' is not one of "
                                       f"{', '.join(REVIEW_DECISIONS)}",
                hint=did_you_mean(decision, REVIEW_DECISIONS)
                or "write 'decision: accepted' or 'decision: ignored'"))
            continue
        if item in seen:
            problems.append(Problem(file=REVIEW_FILE, line=line, key="item",
                                    message=f"'{item}' is decided twice (first at line "
                                            f"{seen[item]})", hint="keep one entry"))
            continue
        seen[item] = line
        note = raw.get("note")
        decisions.append(ReviewDecision(item=item, decision=decision,
                                        note=str(note) if note is not None else None, line=line))
    return tuple(decisions), problems
