"""``briefbook check`` on the cases other link checkers test themselves with.

The facts of html-proofer's link and image fixtures, lychee's fragment, text-fragment and
index tests and MkDocs' anchor validation tests, re-expressed as small sites written here (no
fixture or code of theirs is copied). Each case is a site (``{path: HTML}``) and the problems
expected, as ``(page, kind, href)``. Cases where briefbook deliberately differs are at the end,
each with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.check.checker import check_site
from briefbook.check.links import text_directives
from briefbook.check.scan import srcset_urls

UTF8 = '<meta charset="utf-8">'


def page(body: str, head: str = UTF8) -> str:
    return f"<!doctype html><html><head>{head}<title>t</title></head><body>{body}</body></html>"


PNG = b"\x89PNG\r\n\x1a\n"
# the content in <article>, the inline script in the page's frame (where a theme puts its own;
# inside the content it would be reported as active content)
LOREM = page(
    "<article><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed porta nisl sit "
    "amet quam ornare rutrum. Pellentesque accumsan blandit ex iaculis pretium.</p>"
    "<p>Sed elementum elit malesuada.</p><p>Duis convallis risus.</p>"
    "<p>\n  a\n  b\n  cd\n</p><style>.my-style { x: 1 }</style>"
    '<span data-x="my-element">shown</span></article>'
    '<script>var myScript = "my-script";</script>',
    head=UTF8 + "<style>.my-style{}</style>")

CASES: dict[str, tuple[dict[str, str | bytes], set[tuple[str, str, str]]]] = {
    # --- html-proofer, links --------------------------------------------------------------
    "broken hash on an existing file (html-proofer)": (
        {"index.html": page('<a href="other.html#asdfasfdkafl">x</a>'),
         "other.html": page("<p>no ids</p>")},
        {("index.html", "anchor", "other.html#asdfasfdkafl")}),
    "broken internal hash (html-proofer)": (
        {"index.html": page('<a href="#noHash">x</a>')},
        {("index.html", "anchor", "#noHash")}),
    "non-ASCII folder with an implicit index (html-proofer)": (
        {"index.html": page('<a href="%C3%BCber/#abc">x</a><a href="über/">y</a>'),
         "über/index.html": page('<h2 id="abc">a</h2>')}, set()),
    "hash to the same page in a nested folder (html-proofer)": (
        {"index.html": page("x"), "a/b/index.html": page('<a href="#x">x</a><p id="x">p</p>')},
        set()),
    "hash on a folder without trailing slash (html-proofer)": (
        {"index.html": page('<a href="folder#x">x</a>'),
         "folder/index.html": page('<p id="x">p</p>')}, set()),
    "linking to the top (html-proofer, lychee)": (
        {"index.html": page('<a href="#top">t</a><a href="#">t</a><a href="#TOP">t</a>')},
        set()),
    "broken internal link (html-proofer)": (
        {"index.html": page('<a href="./notreal.html">x</a>')},
        {("index.html", "link", "./notreal.html")}),
    "broken and working root links (html-proofer)": (
        {"index.html": page('<a href="/nothere.html">x</a><a href="/other.html">y</a>'
                            '<a href="/">home</a>'),
         "other.html": page("o")},
        {("index.html", "link", "/nothere.html")}),
    "anchors without href, mailto, tel and javascript (html-proofer)": (
        {"index.html": page('<a name="n">n</a><a id="i"></a><a href="mailto:a@b.org">m</a>'
                            '<a href="tel:+1234">t</a><a href="javascript:void(0)">j</a>'
                            '<link rel="icon" href=""><link rel="dns-prefetch" '
                            'href="//cdn.example.org">')},
        # none is a broken link; but a javascript: URL is code a browser would run, reported
        # as active content (issue 14), which html-proofer does not check
        {("index.html", "script", "javascript:void(0)")}),
    "relative links and folders (html-proofer)": (
        {"index.html": page('<a href="folder/">f</a><a href="folder">f</a>'
                            '<a href="folder/index.html">f</a><a href="a/../other.html">o</a>'),
         "folder/index.html": page('<a href="../sibling/">s</a>'),
         "sibling/index.html": page("s"), "other.html": page("o")}, set()),
    "hash with a query, and mismatched casing (html-proofer)": (
        {"index.html": page('<a href="other.html?x=1#missing">a</a><a href="#Ident">b</a>'
                            '<p id="ident">i</p>'),
         "other.html": page("o")},
        {("index.html", "anchor", "other.html?x=1#missing"),
         ("index.html", "anchor", "#Ident")}),
    "folder whose name ends with .html (html-proofer)": (
        {"index.html": page('<a href="folder.html/">x</a>'),
         "folder.html/index.html": page("f")}, set()),
    "percent-encoded file names and pipes (html-proofer)": (
        {"index.html": page('<a href="has%20space.html">x</a><a href="a%7Cb.html">y</a>'),
         "has space.html": page("s"), "a|b.html": page("p")}, set()),
    "relative links with a base (html-proofer)": (
        {"index.html": page('<a href="page.html">x</a><a href="gone.html">y</a>',
                            head=UTF8 + '<base href="/folder/">'),
         "folder/page.html": page("p")},
        {("index.html", "link", "gone.html")}),
    "a base without href (html-proofer)": (
        {"index.html": page('<a href="other.html">x</a>', head=UTF8 + "<base target=_blank>"),
         "other.html": page("o")}, set()),
    "source tags are checked (html-proofer)": (
        {"index.html": page('<video><source src="missing.mp4"></video>')},
        {("index.html", "asset", "missing.mp4")}),
    # --- html-proofer, images -------------------------------------------------------------
    "missing internal image and root-relative images (html-proofer)": (
        {"index.html": page('<img src="gpl.png" alt="x"><img src="/gone.png" alt="y">'
                            '<img src="/img/ok.png" alt="z"><img src="terrible%20name.png">'),
         "img/ok.png": PNG, "terrible name.png": PNG},
        {("index.html", "asset", "gpl.png"), ("index.html", "asset", "/gone.png")}),
    "srcset candidates, widths and densities (html-proofer)": (
        {"index.html": page('<img src="a.png" srcset="a.png 1x, b.png 2x">'
                            '<img src="a.png" srcset="a.png 400w,c.png 800w">'
                            '<picture><source srcset="d.webp 1x, a.png 2x"><img src="a.png">'
                            "</picture>"),
         "a.png": PNG, "b.png": PNG},
        {("index.html", "asset", "c.png"), ("index.html", "asset", "d.webp")}),
    "data URLs in srcset are not files (html-proofer)": (
        {"index.html": page('<img src="data:image/png;base64,iVBO=" '
                            'srcset="data:image/png;base64,iVBO= 1x, data:image/gif;base64,R0l '
                            '2x">')}, set()),
    "images relative to a base (html-proofer)": (
        {"index.html": page('<img src="pic.png">', head=UTF8 + '<base href="/assets/">'),
         "assets/pic.png": PNG}, set()),
    # --- lychee, fragments ----------------------------------------------------------------
    "ids with percent signs, non-ASCII ids and case (lychee)": (
        {"index.html": page(
            '<section id="in-the-beginning"><p id="Upper-ÄÖö"><span id="tangent%3A-kustomize">'
            '</span></p></section><a href="#in-the-beginning">1</a>'
            '<a href="#in-THE-begiNNing">2</a><a href="#tangent%3A-kustomize">3</a>'
            '<a href="#Upper-ÄÖö">4</a><a href="#Upper-%C3%84%C3%96%C3%B6">5</a>'
            '<a href="#in-the-end">6</a>')},
        {("index.html", "anchor", "#in-THE-begiNNing"), ("index.html", "anchor", "#in-the-end")}),
    "fragments on folders, missing folders and empty folders (lychee)": (
        {"index.html": page('<a href="sub_dir#non-existing">a</a><a href="sub_dir_gone">b</a>'
                            '<a href="empty_dir#frag">c</a>'),
         "sub_dir/index.html": page('<p id="here">x</p>'), "empty_dir/.keep": b""},
        {("index.html", "anchor", "sub_dir#non-existing"),
         ("index.html", "link", "sub_dir_gone"), ("index.html", "link", "empty_dir#frag")}),
    "fragments on files that are not HTML are not ids (lychee)": (
        {"index.html": page('<a href="zero.bin#fragment">a</a><a href="empty_file#x">b</a>'
                            '<a href="doc.pdf#page=2">c</a>'),
         "zero.bin": b"\x00\x00", "empty_file": b"", "doc.pdf": b"%PDF-1.4"}, set()),
    "text fragments that match (lychee)": (
        {"index.html": LOREM, "links.html": page(
            '<a href="/index.html#:~:text=rutrum">1</a>'
            '<a href="/index.html#:~:text=Pellentesque%20accumsan%20blandit%20ex">2</a>'
            '<a href="/index.html#:~:text=malesuada.,Duis">3</a>'
            '<a href="/index.html#:~:text=adipiscing%20elit.-,Sed%20porta,-nisl%20sit">4</a>'
            '<a href="/index.html#:~:text=a-,b%20cd">5</a>'
            '<a href="#:~:text=the%20links">6</a><p>the links</p>')}, set()),
    "text fragments that do not match (lychee)": (
        {"index.html": LOREM, "links.html": page(
            '<a href="/index.html#:~:text=non-existent">1</a>'
            '<a href="/index.html#:~:text=my-style">2</a>'
            '<a href="/index.html#:~:text=my-element">3</a>'
            '<a href="/index.html#:~:text=my-script">4</a>')},
        {("links.html", "text-fragment", f"/index.html#:~:text={t}")
         for t in ("non-existent", "my-style", "my-element", "my-script")}),
    "an element id before a text directive is an anchor (spec)": (
        {"index.html": page('<p id="p1">rutrum here</p><a href="#p1:~:text=rutrum">1</a>'
                            '<a href="#p2:~:text=rutrum">2</a>')},
        {("index.html", "anchor", "#p2:~:text=rutrum")}),
    # --- MkDocs, anchor validation --------------------------------------------------------
    "an anchor missing on another page and on this page (MkDocs)": (
        {"test/foo/index.html": page('<h2 id="page1-heading">1</h2>'
                                     '<a href="../bar/#page1-heading">bar</a>'),
         "test/bar/index.html": page('<h2 id="page2-heading">2</h2><a href="#a">aaa</a>')},
        {("test/foo/index.html", "anchor", "../bar/#page1-heading"),
         ("test/bar/index.html", "anchor", "#a")}),
    "an anchor in raw HTML counts (MkDocs)": (
        {"foo/index.html": page('<a href="../bar/#heading2">bar</a>'),
         "bar/index.html": page('<h2 id="heading1">1</h2><a id="heading2">hi</a>')}, set()),
    "anchors after a query (MkDocs)": (
        {"foo/index.html": page('<a href="../bar/?test#heading1">1</a>'
                                '<a href="../bar/?test#headingno">2</a><a href="../bar/?test">3'
                                '</a><a href="?test">4</a><a href="?test#hi">5</a>'),
         "bar/index.html": page('<h2 id="heading1">1</h2>')},
        {("foo/index.html", "anchor", "../bar/?test#headingno"),
         ("foo/index.html", "anchor", "?test#hi")}),
    "a footnote back-reference that nothing references (MkDocs)": (
        {"foo/index.html": page('<sup id="fnref:1"><a href="#fn:1">1</a></sup>'
                                '<li id="fn:1"><a href="#fnref:1">back</a></li>'
                                '<li id="fn:2"><a href="#fnref:2">back</a></li>')},
        {("foo/index.html", "anchor", "#fnref:2")}),
    # --- what a browser fetches (issue 20) -------------------------------------------------
    "video, audio, track, poster, iframe, object and embed (briefbook)": (
        {"index.html": page('<video src="v.mp4" poster="poster.jpg"><track src="sub.vtt">'
                            '</video><audio src="a.ogg"></audio><iframe src="frame.html">'
                            '</iframe><object data="o.svg"></object><embed src="e.swf">'
                            '<area href="map.html">'),
         "v.mp4": b"x", "a.ogg": b"x"},
        {("index.html", "asset", u) for u in ("poster.jpg", "sub.vtt", "frame.html", "o.svg",
                                              "e.swf")} | {("index.html", "link", "map.html")}),
}


def _write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def _problems(site: Path) -> set[tuple[str, str, str]]:
    report = check_site(site, jobs=1)
    return {(p.page, p.kind, p.href) for p in report.problems}


@pytest.mark.parametrize("name", sorted(CASES))
def test_peer_case(tmp_path: Path, name: str) -> None:
    files, expected = CASES[name]
    assert _problems(_write(tmp_path / "site", files)) == expected


def test_a_missing_text_fragment_says_so(tmp_path: Path) -> None:
    site = _write(tmp_path / "site", {"index.html": LOREM,
                                      "a.html": page('<a href="index.html#:~:text=absent">x</a>')})
    (problem,) = check_site(site, jobs=1).problems
    assert problem.message == "text fragment not found on index.html: \u201cabsent\u201d"


def test_text_directive_parts() -> None:
    assert text_directives("id:~:text=a-,b%20c,d,-e&text=f&other=1") == (
        "id", [("a", "b c", "d", "e"), ("", "f", "", "")])


def test_srcset_candidates() -> None:
    assert srcset_urls(" a.png 1x,b.png  2x , c.png") == ["a.png", "b.png", "c.png"]
    assert srcset_urls("a.png 100w, data:image/png;base64,AA==,b.png 2x") == [
        "a.png", "data:image/png;base64,AA==,b.png"]
    assert srcset_urls("a.png,b.png") == ["a.png,b.png"]  # no space: one URL, as browsers read it


def test_a_page_without_a_charset_is_read_as_utf8(tmp_path: Path) -> None:
    body = ('<html><head><title>t</title></head><body><h2 id="über">Ü</h2>'
            '<a href="#über">1</a><a href="%C3%BCber.html">2</a><a href="#%C3%BCber">3</a>'
            "</body></html>")
    site = _write(tmp_path / "site", {"index.html": body, "über.html": page("u")})
    assert _problems(site) == set()
    latin = body.replace('<title>', '<meta charset="iso-8859-1"><title>').encode("latin-1",
                                                                                 "replace")
    (tmp_path / "site" / "index.html").write_bytes(latin)
    assert _problems(site) == set()  # a declared charset is honoured


def test_saved_originals_are_downloads_not_pages(tmp_path: Path) -> None:
    original = page('<a href="/their-nav/">their own navigation</a><img src="their.png">')
    site = _write(tmp_path / "site", {
        "index.html": page('<a href="data/originals/story.html">the saved page</a>'
                           '<a href="data/originals/gone.html">gone</a>'),
        "data/originals/story.html": original})
    assert _problems(site) == {("index.html", "link", "data/originals/gone.html")}
    assert check_site(site, jobs=1).pages == 1


# --- deliberate differences ------------------------------------------------------------------


def test_difference_no_assumed_html_extension(tmp_path: Path) -> None:
    """html-proofer's ``assume_extension`` and lychee's ``--fallback-extensions`` resolve
    ``page`` to ``page.html``. A static host serving the built site does not, and MkDocs writes
    ``page/index.html`` or links ``page.html`` itself: ``page`` is reported."""
    site = _write(tmp_path / "site", {"index.html": page('<a href="page">x</a>'),
                                      "page.html": page("p")})
    assert _problems(site) == {("index.html", "link", "page")}


def test_difference_fragments_on_a_folder_resolve_to_its_index(tmp_path: Path) -> None:
    """lychee (without index files configured) reports ``sub_dir#id`` even when
    ``sub_dir/index.html`` has the id; a web server serves the index, so it is valid here."""
    site = _write(tmp_path / "site", {"index.html": page('<a href="sub_dir#here">x</a>'),
                                      "sub_dir/index.html": page('<p id="here">x</p>')})
    assert _problems(site) == set()


def test_difference_fragments_inside_pdfs_are_not_checked(tmp_path: Path) -> None:
    """html-proofer opens PDFs to look for named destinations; briefbook checks that the PDF
    exists and leaves ``#page=2`` (an open parameter, RFC 8118) to the viewer."""
    site = _write(tmp_path / "site", {"index.html": page('<a href="a.pdf#nowhere">x</a>'),
                                      "a.pdf": b"%PDF-1.4"})
    assert _problems(site) == set()


def test_difference_mailto_and_tel_are_not_validated(tmp_path: Path) -> None:
    """html-proofer fails an empty or malformed ``mailto:``/``tel:``; those are not fetched
    resources and the book generates none, so they are left alone."""
    site = _write(tmp_path / "site", {"index.html": page('<a href="mailto:">x</a>')})
    assert _problems(site) == set()


def test_the_print_view_keeps_urls_percent_encoded() -> None:
    """A download named ``c#.csv`` is linked as ``c%23.csv``; decoding it breaks the link."""
    from briefbook.site.printview import AsOf, Part, combine

    part = Part(path="data/index.html", title="Data",
                html='<p><a href="c%23.csv">c#</a> <a href="a%20b.json#x%20y">a b</a>'
                     ' <img src="../img/%C3%BC.png"></p>')
    doc = combine([part], site_name="Book", when=AsOf(date=None, basis="unknown", source=None))
    assert 'href="data/c%23.csv"' in doc
    assert 'href="data/a%20b.json#x%20y"' in doc
    assert 'src="img/%C3%BC.png"' in doc
