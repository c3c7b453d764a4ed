"""A hostile corpus: a book whose articles and metadata are full of markup and script payloads,
and an HTML-parser check that none of it became live markup in the built site.

Every payload carries ``alert(`` or a ``PWN`` marker word, so anything a browser would run or
show as markup because of it can be found in the parsed HTML: an event-handler attribute, a
``javascript:`` or ``data:`` URL, an element whose whole text is a marker word (Markdown made
a link or emphasis out of article text), a ``<script>`` or ``<style>`` holding a marker.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

#: Payloads, one class of attack each (Markdown, raw HTML, entities, citations, templates,
#: URL schemes, attribute breakouts, extension syntax, parser-mutation tricks).
PAYLOADS = (
    "[PWNLINK](x/onmouseover=alert(1)//)",
    "<img src=x onerror=alert(2)>",
    "<script>alert(3)</script>",
    "&lt;script&gt;alert(4)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(5)&#62;",
    "{{ config.site_name }} {% if true %}PWNJINJA{% endif %} ${alert(6)}",
    "[PWNJS](javascript:alert(7)) ![PWNIMG](javascript:alert(8))",
    '<a href="javascript:alert(9)">PWNA</a>',
    "[PWNDATA](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=)",
    '" onmouseover="alert(11)" x="',
    "' onfocus='alert(12)' autofocus x='",
    '<https://evil.example/x" onmouseover="alert(13)>',
    '`PWNCODE" onclick="alert(14)`',
    "**PWNSTRONG** __PWNSTRONG__ _PWNEM_ *PWNEM* ~~PWNDEL~~ ==PWNMARK== ^^PWNINS^^",
    '{: onclick="alert(15)" .PWNCLASS #PWNID }',
    '<div markdown="1">[PWNMD](javascript:alert(16))</div>',
    "</script><script>alert(17)</script><!--",
    "[PWNREF][r1] [r1]: javascript:alert(18)",
    "<svg><animate onbegin=alert(19) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(20)>",
    'www.evil.example/?q="onmouseover=alert(21)',
    "\\[PWNESC\\](x/onmouseover=alert(22)//)",
    "*[PWNABBR]: <b onmouseover=alert(23)>",
    '<iframe srcdoc="&lt;script&gt;alert(24)&lt;/script&gt;"></iframe>',
    "&amp;lt;b onmouseover=alert(25)&amp;gt; \u2028 \u2029 <!-- -->",
    "[@victim, ¶ 1] [@victim] [@nosuch, ¶ 9]",
    "<p onclick=alert(26)>PWNP</p> <a/href=javascript:alert(27)>PWNA2</a>",
)
#: Hostile URLs for the URL fields: never links unless http(s).
URLS = ("javascript:alert(30)", " JaVaScRiPt:alert(31)",
        "data:text/html,<script>alert(32)</script>",
        'https://example.org/a" onmouseover="alert(33)', "java\tscript:alert(34)")
#: Words that appear only inside payloads: an element whose whole text is one of them was made
#: from a payload.
MARKERS = frozenset({"PWNLINK", "PWNJINJA", "PWNJS", "PWNIMG", "PWNA", "PWNDATA", "PWNCODE",
                     "PWNSTRONG", "PWNEM", "PWNDEL", "PWNMARK", "PWNINS", "PWNMD", "PWNREF",
                     "PWNESC", "PWNABBR", "PWNP", "PWNA2", "PWNLINK2", "PWNCLASS", "PWNID"})
#: Attributes that hold a URL a browser may follow or load.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data",
                            "poster", "background", "cite", "srcset", "ping", "manifest"})
#: Attributes that hold plain text shown as text (a payload there is inert).
TEXT_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "content", "value", "placeholder",
                             "datetime", "label"})
#: Elements that a payload could smuggle in and that the book never uses.
FORBIDDEN_TAGS = frozenset({"iframe", "object", "embed", "frame", "frameset", "animate", "set",
                            "mglyph", "base", "applet"})
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):")
#: What makes text read differently as HTML: a tag or comment opening, a character reference.
_HTML_IN_TEXT_RE = re.compile(r"<[A-Za-z/!?]|&[A-Za-z#]")


def _payload(i: int) -> str:
    return PAYLOADS[i % len(PAYLOADS)]


def _all_payloads() -> str:
    return " ".join(PAYLOADS)


def articles() -> dict[str, str]:
    """Three articles: an original, a near copy with changes, and a victim to cite."""
    paras = [
        "WASHINGTON (Wire Service) - Jane Roe, the harbour minister, said on Monday, "
        "March 1, 2021 that the port would reopen.",
    ]
    for i, payload in enumerate(PAYLOADS):
        if i % 3 == 0:
            paras.append(f"\u201cThe port {payload} will open on Friday,\u201d Jane Roe said "
                         f"on Tuesday, March 2, 2021.")
        elif i % 3 == 1:
            paras.append(f"\u201cWe saw {payload} at the quay,\u201d a harbour official said.")
        else:
            paras.append(f"Officials counted {i + 3} ships at the harbour {payload} on "
                         f"Wednesday, March 3, 2021, Ivan Petrov told reporters.")
    paras.append("Jane Roe added: \u201cNothing will stop the harbour.\u201d")
    paras.append("\u201cRead it in [@victim, ¶ 1] and [@nosuch, ¶ 9] for yourself,\u201d Jane Roe "
                 "said.")
    original = "\n\n".join(paras) + "\n"
    copy = original.replace("harbour minister", "port minister").replace(
        "Friday", "Saturday").replace("ships", "vessels") + (
        "\n\u201cA late line [@victim, ¶ 1] <script>alert(40)</script>,\u201d Ivan Petrov "
        "said.\n")
    victim = ("The victim article says one thing on Monday.\n\n"
              "It says another thing later in the week.\n")
    return {"hostile-a.txt": original, "hostile-b.txt": copy, "victim.txt": victim}


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def sources_yml() -> str:
    """Every metadata field of ``sources.yml`` hostile (URLs included)."""
    entries = []
    for n, (sid, file) in enumerate((("hostile-a", "hostile-a.txt"),
                                     ("hostile-b", "hostile-b.txt"))):
        entries.append("\n".join([
            f"- id: {sid}", f"  file: {file}",
            f"  outlet: {_q('Outlet ' + _payload(n) + ' ' + _payload(n + 5))}",
            f"  title: {_q('Title ' + _payload(n + 1) + ' ' + _payload(n + 9))}",
            "  date: 2021-03-0" + str(n + 1),
            f"  date_basis: {'stated' if n == 0 else 'inferred'}",
            f"  date_note: {_q('Inferred ' + _payload(n + 2))}",
            f"  url: {_q(URLS[n])}",
            f"  author: [{_q(_payload(n + 3))}, {_q(_payload(n + 11))}]",
            "  accessed: 2021-03-04",
            f"  notes: {_q('Notes ' + _all_payloads())}",
            f"  language: {_q('en' if n else _payload(n + 4))}",
        ]))
    entries.append("- id: victim\n  file: victim.txt\n  outlet: Victim Daily\n  date: 2021-02-01\n"
                   f"  url: {_q(URLS[3])}")
    return "\n".join(entries) + "\n"


def actors_yml() -> str:
    """A curated actor with hostile aliases, description and roles; one with a hostile name."""
    return f"""\
- id: jane-roe
  name: Jane Roe
  kind: person
  aliases: [Roe, {_q(_payload(0))}, {_q(_payload(2))}]
  description: {_q('Minister ' + _all_payloads() + ' [@hostile-a, ¶ 1]')}
  url: {_q(URLS[0])}
  roles:
    - title: {_q('Harbour minister ' + _payload(1))}
      cite: "[@hostile-a, ¶ 1]"
      since: 2020-01
      note: {_q('Note ' + _payload(3) + ' ' + _payload(6))}
- id: evil-org
  name: {_q('Evil <b onmouseover=alert(41)>Org</b> [PWNLINK2](x/onmouseover=alert(42)//)')}
  kind: organization
  aliases: ["Evil Org"]
  description: {_q(_payload(16) + ' ' + _payload(22))}
  url: {_q(URLS[3])}
"""


def events_yml() -> str:
    """A curated event with every text field hostile."""
    return f"""\
- id: reopening
  date: 2021-03-01
  date_precision: day
  title: {_q('Reopening ' + _payload(1) + ' ' + _payload(7))}
  summary: {_q('Summary ' + _all_payloads() + ' [@hostile-a, ¶ 1]')}
  location: {_q('Port ' + _payload(2))}
  country: {_q(_payload(10))}
  time_note: {_q(_payload(12))}
  date_note: {_q(_payload(13))}
  event_type: Statement
  actors:
    - {{id: jane-roe, role: actor1}}
    - {{id: evil-org, role: actor2}}
  fatalities:
    - {{count: 2, who: {_q('sailors ' + _payload(0))}, cite: "[@hostile-a, ¶ 1]"}}
  sources: ["[@hostile-a, ¶ 1]", "[@hostile-b, ¶ 1]"]
  disputed:
    - {{about: figures, note: {_q('Dispute ' + _payload(5) + ' [@hostile-b, ¶ 1]')}}}
"""


def topics_yml() -> str:
    """A generated topic page with a hostile title and summary."""
    return f"""\
- id: harbour
  title: {_q('Harbour ' + _payload(1) + ' ' + _payload(12))}
  summary: {_q('Topic ' + _all_payloads())}
  phrases: [harbour, port]
  actors: [jane-roe]
"""


NOTES_PAGE = """\
# Notes

The minister spoke [@hostile-a, ¶ 1] and the copy agrees [@hostile-b, ¶ 1].
Every hostile paragraph: [@hostile-a, ¶¶ 2-10], [@hostile-a, ¶¶ 11-20], [@hostile-a, ¶¶ 21-29],
[@hostile-b, ¶¶ 2-29], and each source as a whole: [@hostile-a] [@hostile-b] [@victim].
"""


def notes_page() -> str:
    """A hand-written page citing every hostile paragraph, one note each."""
    lines = [NOTES_PAGE, ""]
    for sid in ("hostile-a", "hostile-b"):
        for n in range(1, len(PAYLOADS) + 3):
            lines.append(f"- Paragraph {n} [@{sid}, ¶ {n}].")
    return "\n".join(lines) + "\n"


def _scheme(value: str) -> str | None:
    cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
    m = _SCHEME_RE.match(cleaned)
    return m.group(1) if m else None


def problems_in_html(html: str | bytes, where: str) -> Iterator[str]:
    """Everything in ``html`` that a payload made live (empty when the page is inert)."""
    tree = LexborHTMLParser(html)
    for node in tree.css("*"):
        tag = node.tag.lower()
        attrs = node.attributes
        if tag in FORBIDDEN_TAGS:
            yield f"{where}: <{tag}> element {node.html[:120]!r}"
        for name, value in attrs.items():
            lname, value = name.lower(), value or ""
            if lname.startswith("on"):
                yield f"{where}: event handler {name}={value!r} on <{tag}>"
            if lname in ("srcdoc", "autofocus", "markdown", "formaction"):
                yield f"{where}: attribute {name}={value!r} on <{tag}>"
            if lname in URL_ATTRIBUTES:
                scheme = _scheme(value)
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    yield f"{where}: {scheme}: URL in {name} of <{tag}>: {value!r}"
                if "alert(" in value and scheme not in ("http", "https"):
                    yield f"{where}: payload made a URL: <{tag} {name}={value!r}>"
            elif "alert(" in value and lname not in TEXT_ATTRIBUTES \
                    and not lname.startswith("data-"):
                yield f"{where}: payload in attribute {name}={value!r} of <{tag}>"
            if lname == "title" and _HTML_IN_TEXT_RE.search(value):
                yield f"{where}: title {value[:80]!r} reads as markup where the theme shows " \
                      "titles as HTML (Material's content.tooltips)"
            if lname in ("id", "class") and ("PWNID" in value or "PWNCLASS" in value):
                yield f"{where}: payload made {name}={value!r} on <{tag}>"
        text = node.text(deep=True, separator="") or ""
        if tag == "script":
            kind = (attrs.get("type") or "").lower()
            if kind in ("application/ld+json", "application/json"):
                if "<" in text:
                    yield f"{where}: '<' inside a JSON script block"
                json.loads(text)
            elif "alert(" in text or "PWN" in text:
                yield f"{where}: payload inside <script>: {text[:80]!r}"
            src = attrs.get("src")
            if src is not None and _scheme(src) is not None:
                yield f"{where}: script from another origin: {src!r}"
        elif tag == "style" and ("alert(" in text or "PWN" in text):
            yield f"{where}: payload inside <style>"
        elif tag not in ("html", "body", "head", "title", "textarea") \
                and text.strip() in MARKERS:
            yield f"{where}: payload made an element: {node.html[:120]!r}"


def problems_in_site(site: Path) -> list[str]:
    """Every problem of :func:`problems_in_html` over the built site's pages and data.

    Covers every HTML page (source pages, tooltips, actor and event pages, compare, review,
    topics, print view, JSON-LD blocks), the search index (whose ``text`` the theme shows as
    HTML) and ``timeline.json`` (whose texts TimelineJS shows as HTML).
    """
    found: list[str] = []
    for page in sorted(site.rglob("*.html")):
        found.extend(problems_in_html(page.read_bytes(), page.relative_to(site).as_posix()))
    index = site / "search" / "search_index.json"
    if index.is_file():
        for doc in json.loads(index.read_text("utf-8"))["docs"]:
            for key in ("title", "text"):
                found.extend(problems_in_html(f"<div>{doc.get(key) or ''}</div>",
                                              f"search index {doc.get('location')} {key}"))
    timeline = site / "data" / "timeline.json"
    if timeline.is_file():
        for event in json.loads(timeline.read_text("utf-8"))["events"]:
            for key in ("headline", "text"):
                found.extend(problems_in_html(f"<div>{event['text'].get(key) or ''}</div>",
                                              f"timeline.json {event['unique_id']} {key}"))
    return found
