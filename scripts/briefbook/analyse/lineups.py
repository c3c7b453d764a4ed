"""Team sheets in sports reports: a paragraph of bare surnames, each a player.

A match report ends with the line-ups, written as lists of names with no verbs, roles or
given names (*Delport; Pieters, Rasmussen, Lombard, O'Leary; Brown, Powell; …*, *Ingham,
Mulligan, Priet (Ryan 79), … Subs Not Used: Warrington, Maloney.*), which the name finder's
evidence (a title, a given name, a role noun) never sees. A paragraph is a line-up when

- every item between commas, semicolons and full stops, once its label (a word list,
  ``lineup_labels.txt``, or the team's name before a colon opening the paragraph) and
  bracketed asides are set apart, is a name of one to three
  capitalised words (an initial, a particle such as *van* or *de*, *O'*, a hyphen allowed);
- it has at least six items (three after a label of the list: *Subs Not Used: A, B, C*),
  none of them a function word, and at most one in three a
  place, a title or an organisation word (*Stanley*, *Mayor* and *Warrington* are surnames
  too; a list of countries or of companies is not a team sheet);
- and it has the form of a team sheet: a label of the list, a substitution in brackets
  (*(Ryan 79)*, the name of the player who came on and the minute), a captain's mark
  (*(capt)*), or positions grouped by semicolons (rugby's full-back; three-quarters; …).

Each name, and each substitute named in brackets, is a person, with the reason ``line-up``;
a name that is also a place, a title or an organisation word (*Scotland*, *Mayor*) is left
out, since outside the team sheet the same word means the place or the office.
"""

from __future__ import annotations

import re

from briefbook.analyse.nametokens import Name
from briefbook.core.lexicon import (
    fold_word,
    is_function_word,
    is_name_particle,
    is_organisation_word,
    is_title,
    place_kind,
    word_list,
)

__all__ = ["lineup_names"]

#: One word of a player's name: *O'Leary*, *MacLeod-*, *Van*, an initial *C*.
_WORD_RE = re.compile(r"(?:[A-Z][\w’'-]*|[a-z]{1,3})$")
_LABEL_RE = re.compile(r"(?:^|(?<=[.;]\s))([A-Z][A-Za-z -]{1,30}?)(?:\s*\([a-z]+\))?:\s*")
_ASIDE_RE = re.compile(r"\(([^()]*)\)")
_SUBSTITUTE_RE = re.compile(r"([A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}) \d{1,3}(?:\s*min)?$")
_ITEM_RE = re.compile(r"[^,;.]+")
_CHUNK_RE = re.compile(r"[,;]")


def _name_shaped(item: str) -> bool:
    """One to three capitalised words (particles and initials allowed), no function word."""
    words = item.split()
    return 1 <= len(words) <= 3 and words[-1][:1].isupper() and all(
        _WORD_RE.match(w) and not is_function_word(w)
        and (not w.islower() or is_name_particle(w)) for w in words)


def _common(item: str) -> bool:
    """A place, a title or an organisation word (*Stanley*, *Mayor*: a surname may be one)."""
    return place_kind(item) is not None or any(
        is_title(w) or is_organisation_word(w) or place_kind(w) is not None
        for w in item.split())


def _other_sense(item: str) -> bool:
    """A player's name that is also a place, a title or a body (*Scotland*, *Mayor*)."""
    return place_kind(item) is not None or (
        " " not in item and (is_title(item) or is_organisation_word(item)))


def lineup_names(text: str) -> list[Name]:
    """The players of a line-up paragraph (module docstring), or ``[]`` when it is none.

    Args:
        text: One paragraph.

    Returns:
        One person :class:`Name` per player, in reading order, with offsets in ``text``.
    """
    if text.count(",") + text.count(";") < 2 or any(
            len(chunk.split()) > 7 for chunk in _CHUNK_RE.split(text)):
        return []  # prose: some stretch between commas holds a clause, not a name
    labels = [m for m in _LABEL_RE.finditer(text)
              if fold_word(m.group(1).strip()) in word_list("lineup_labels")
              or m.start() == 0]  # the team's name: "Harbour Town: Okafor, …"
    listed = [m for m in labels if fold_word(m.group(1).strip()) in word_list("lineup_labels")]
    if any(m.start() > 0 and text[m.start() - 2] not in ".;" for m in labels):
        return []
    asides = [m for m in _ASIDE_RE.finditer(text)  # not "(from)" in "Replacements (from):"
              if not any(label.start() <= m.start() < label.end() for label in labels)]
    substitutes = [m for m in asides if _SUBSTITUTE_RE.fullmatch(m.group(1).strip())]
    if any(m not in substitutes and m.group(1).strip().lower() not in ("capt", "c", "captain")
           for m in asides):
        return []
    blank = list(text)
    for m in [*labels, *asides]:
        blank[m.start():m.end()] = " " * (m.end() - m.start())
    masked = "".join(blank)
    items = [(m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip())
             for m in _ITEM_RE.finditer(masked) if m.group().strip()]
    if len(items) < (3 if listed else 6) or not all(_name_shaped(item) for _, item in items) \
            or 3 * sum(_common(item) for _, item in items) > len(items):
        return []
    if not (listed or substitutes or len(asides) or text.count(";") >= 2):
        return []
    found = [(start, item) for start, item in items if not _other_sense(item)]
    for m in substitutes:
        player = _SUBSTITUTE_RE.fullmatch(m.group(1).strip())
        if player is not None and _name_shaped(player.group(1)):
            found.append((m.start(1) + m.group(1).index(player.group(1)), player.group(1)))
    return [Name(text=item, start=start, end=start + len(item), kind="person",
                 reason="line-up") for start, item in sorted(found)]
