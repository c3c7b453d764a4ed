"""Back-links from source pages to generated pages do not move when the book grows.

A generated page's note numbers depend on everything before the note (an added article whose
event lands early in the chronology renumbers every later note), so a source page's "Cited by"
link to a generated page names the element holding the citation, not its note.
"""

from __future__ import annotations

import re

from briefbook.read.book import load_book
from briefbook.render.citedby import Targets
from briefbook.render.pages import build_pages

FERRY = ("ferry-2023.txt", " date 2023-09-14 Coastline Weekly\n\n"
         "On 12 September 2023, the ferry to Eastport resumed its winter timetable.\n\n"
         "Passengers said the crossing was calm.\n")
DAM = ("dam-2023.txt", " date 2023-09-20 Valley Post\n\n"
       "The new dam gates were tested on 18 September 2023, the utility said.\n")
EARLY = ("bridge-2023.txt", " date 2023-09-02 Northern Ledger\n\n"
         "Workers closed the old bridge on 1 September 2023 after cracks were found.\n\n"
         "The council said the bridge would stay closed.\n")
HOME = "# Overview\n\nThe ferry runs again [@ferry-2023, ¶ 1].\n"


def _build(book_factory, articles):
    root = book_factory(dict(articles), docs={"index.md": HOME})
    return build_pages(load_book(root / "briefing"), {"index.md": HOME}).pages


def _note_of(chronology: str, source: str) -> int:
    """The note number the chronology gives its first citation of ``source``."""
    citations = re.findall(r"\[@([\w-]+)", chronology)
    return citations.index(source) + 1


def test_added_early_event_leaves_later_source_pages_unchanged(book_factory):
    before = _build(book_factory, [FERRY, DAM])
    after = _build(book_factory, [FERRY, DAM, EARLY])
    # the added event comes first, so the chronology's notes of the others moved
    assert "bridge-2023" in after["chronology.md"]
    assert _note_of(after["chronology.md"], "dam-2023") > _note_of(before["chronology.md"],
                                                                   "dam-2023")
    for sid in ("ferry-2023", "dam-2023"):
        page = before[f"sources/{sid}.md"]
        links = re.findall(r'<a href="\.\./\.\./chronology/#([^"]+)">([^<]+)</a>', page)
        assert links, f"{sid}: no back-link to the chronology"
        assert all(anchor.startswith("event-") and "note" not in label
                   for anchor, label in links)
        assert f'id="{links[0][0]}"' in before["chronology.md"].replace("'", '"')
        assert page == after[f"sources/{sid}.md"], f"{sid}: source page changed"
    # a hand-written page keeps its note number
    assert 'href="../../#bb-cite-1">Overview, note 1</a>' in before["sources/ferry-2023.md"]


def test_targets_pick_the_innermost_labelled_element():
    text = ("<div id='a' data-cited-as='First &amp; one'>[@x]\n"
            "<div class='inner'><p id='b' data-cited-as=\"Second\">[@y]</p> [@z]</div>\n"
            "</div>\n[@w]\n<section id='c'>[@v]</section>\n"
            "<div data-cited-as='no id'>[@u]</div>")
    at = {key: Targets(text).at(text.index(f"[@{key}]")) for key in "xyzwvu"}
    assert (at["x"].fragment, at["x"].label) == ("a", "First & one")
    assert (at["y"].fragment, at["y"].label) == ("b", "Second")
    assert at["z"].fragment == "a"
    assert at["w"].fragment == at["v"].fragment == at["u"].fragment == ""
