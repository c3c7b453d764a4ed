"""``briefbook bench reading``: how well articles are read, on a corpus and on hand annotations.

A benchmark, not a test. Over a folder of plain-text articles (``../shared/corpora/bbc``: a
title line, a blank line, paragraphs separated by blank lines) it reports:

- the paragraph rule chosen for each article;
- the share of articles whose headline is detected, and whether it is the first line;
- the paragraph counts compared with the blank-line structure of the files (the number of
  non-empty blocks between blank lines): equal, more, fewer;
- the paragraphs marked boilerplate, by kind, with the most frequent texts;
- suggested datelines, bylines and outlets found;
- reading time per article.

On hand-annotated gold files (``tests/gold/bbc/*.yml``, fields ``file``, ``title``,
``boilerplate``; see ``../shared/EVAL.md``) it reports the titles detected, the annotated
boilerplate strings separated into non-citable paragraphs of their own, and the characters of
article text wrongly marked boilerplate (text in a boilerplate paragraph that no annotated
boilerplate string covers; it should be 0).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from briefbook.core.errors import ArticleError
from briefbook.core.text import fold
from briefbook.read.article import Article, read_article

_BLOCK_RE = re.compile(r"\n[ \t]*\n")


def blank_line_blocks(data: bytes) -> int:
    """Non-empty blocks of the file between blank lines (its own paragraph structure)."""
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    return sum(1 for block in _BLOCK_RE.split(text) if block.strip())


def first_line(data: bytes) -> str:
    """The first non-empty line, white space folded."""
    text = data.decode("utf-8", errors="replace")
    return next((" ".join(ln.split()) for ln in text.splitlines() if ln.strip()), "")


def corpus_figures(files: Sequence[Path], *, sample_every: int = 100,
                   echo: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Read every file and gather the corpus figures (see the module docstring).

    Args:
        files: The articles, in a stable order.
        sample_every: Print every n-th article in full (for a check by eye) through ``echo``.
        echo: Where the sample goes (``None``: no sample).
    """
    rules: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    texts: Counter[str] = Counter()
    counts = {"equal": 0, "more": 0, "fewer": 0}
    figures: dict[str, Any] = {"articles": len(files), "errors": 0, "headline": 0,
                               "headline_is_first_line": 0, "dateline": 0, "byline": 0,
                               "outlet": 0, "paragraphs": 0, "blocks": 0,
                               "boilerplate_paragraphs": 0, "articles_with_boilerplate": 0}
    start = time.perf_counter()
    for index, path in enumerate(files):
        data = path.read_bytes()
        try:
            article = read_article(data, path.name)
        except ArticleError:
            figures["errors"] += 1
            continue
        rules[article.rule] += 1
        meta = article.text_meta
        if meta.headline:
            figures["headline"] += 1
            figures["headline_is_first_line"] += meta.headline.value == first_line(data)
        figures["dateline"] += meta.dateline is not None
        figures["byline"] += bool(meta.authors)
        figures["outlet"] += meta.outlet is not None
        blocks = blank_line_blocks(data)
        n = len(article.paragraphs)
        figures["paragraphs"] += n
        figures["blocks"] += blocks
        counts["equal" if n == blocks else "more" if n > blocks else "fewer"] += 1
        boiler = [p for p in article.paragraphs if p.boilerplate]
        figures["boilerplate_paragraphs"] += len(boiler)
        figures["articles_with_boilerplate"] += bool(boiler)
        for p in boiler:
            kinds[p.role or "furniture"] += 1
            texts[p.text[:80]] += 1
        if echo is not None and sample_every and index % sample_every == 0:
            echo(describe_article(path.name, article, blocks))
    figures["seconds"] = round(time.perf_counter() - start, 2)
    figures["rules"] = dict(sorted(rules.items()))
    figures["counts_vs_blocks"] = counts
    figures["boilerplate_kinds"] = dict(sorted(kinds.items()))
    figures["boilerplate_texts"] = texts.most_common(15)
    return figures


def describe_article(name: str, article: Article, blocks: int) -> str:
    """A few lines for the eye: rule, headline, counts and every boilerplate paragraph."""
    meta = article.text_meta
    lines = [f"--- {name}: {article.rule} ({article.rule_reason}); {len(article.paragraphs)} "
             f"paragraphs, {blocks} blank-line blocks",
             f"    headline: {meta.headline.value if meta.headline else None}",
             f"    dateline: {meta.dateline.text if meta.dateline else None}; authors: "
             f"{[a.value for a in meta.authors]}; outlet: "
             f"{meta.outlet.value if meta.outlet else None}"]
    lines += [f"    ¶ {p.number} [{p.role}] {p.text[:100]}" for p in article.paragraphs
              if p.boilerplate]
    return "\n".join(lines)


def gold_figures(gold_dir: Path, corpus: Path) -> dict[str, Any]:
    """Titles and boilerplate against the hand annotations in ``gold_dir``."""
    yaml = YAML(typ="safe")
    out: dict[str, Any] = {"articles": 0, "titles": 0, "titles_detected": 0,
                           "titles_wrong": 0, "false_titles": 0, "boilerplate_strings": 0,
                           "boilerplate_separated": 0, "boilerplate_missed": [],
                           "article_chars_marked_boilerplate": 0, "wrongly_marked": [],
                           "false_datelines": 0, "false_outlets": 0}
    for path in sorted(gold_dir.glob("*.yml")):
        gold = yaml.load(path.read_text("utf-8"))
        if not isinstance(gold, dict) or not gold.get("file"):
            continue
        article_path = corpus / str(gold["file"])
        if not article_path.is_file():
            continue
        out["articles"] += 1
        article = read_article(article_path.read_bytes(), article_path.name)
        meta = article.text_meta
        title = gold.get("title")
        if title:
            out["titles"] += 1
            if meta.headline and fold(meta.headline.value) == fold(title):
                out["titles_detected"] += 1
            elif meta.headline:
                out["titles_wrong"] += 1
        elif meta.headline:
            out["false_titles"] += 1
        out["false_datelines"] += bool(meta.dateline and not gold.get("dateline"))
        out["false_outlets"] += bool(meta.outlet and not gold.get("outlet_in_text"))
        strings = [fold(s) for s in gold.get("boilerplate") or [] if str(s).strip()]
        boiler = [fold(p.text) for p in article.paragraphs if p.boilerplate]
        citable = [fold(p.text) for p in article.paragraphs if not p.boilerplate]
        joined = " ".join(boiler)
        for s, raw in zip(strings, gold.get("boilerplate") or [], strict=False):
            out["boilerplate_strings"] += 1
            if s in joined and not any(s in c or c in s for c in citable if len(c) > 3):
                out["boilerplate_separated"] += 1
            else:
                out["boilerplate_missed"].append(f"{gold['file']}: {str(raw)[:70]}")
        for text in boiler:
            uncovered = text
            for s in strings:
                uncovered = uncovered.replace(s, "")
            extra = len(uncovered.strip())
            if extra:
                out["article_chars_marked_boilerplate"] += extra
                out["wrongly_marked"].append(f"{gold['file']}: {text[:70]}")
    return out


def format_report(corpus: dict[str, Any], gold: dict[str, Any] | None) -> str:
    """The figures as text."""
    n = corpus["articles"] - corpus["errors"] or 1
    pct = lambda k: f"{corpus[k]} ({100 * corpus[k] / n:.1f} %)"  # noqa: E731
    counts = corpus["counts_vs_blocks"]
    lines = [
        f"articles read: {n} of {corpus['articles']} ({corpus['errors']} unreadable), "
        f"{corpus['seconds']} s ({1000 * corpus['seconds'] / n:.2f} ms per article)",
        f"paragraph rules: {corpus['rules']}",
        f"headline detected: {pct('headline')}; of those the first line: "
        f"{corpus['headline_is_first_line']}",
        f"dateline: {pct('dateline')}; byline: {pct('byline')}; outlet: {pct('outlet')}",
        f"paragraphs: {corpus['paragraphs']} vs {corpus['blocks']} blank-line blocks; "
        f"articles with equal counts {counts['equal']}, more {counts['more']}, "
        f"fewer {counts['fewer']}",
        f"boilerplate paragraphs: {corpus['boilerplate_paragraphs']} in "
        f"{corpus['articles_with_boilerplate']} articles, by kind {corpus['boilerplate_kinds']}",
        "most frequent boilerplate texts:",
        *(f"  {count:5d}  {text}" for text, count in corpus["boilerplate_texts"]),
    ]
    if gold:
        lines += [
            f"gold ({gold['articles']} annotated articles): titles detected "
            f"{gold['titles_detected']} of {gold['titles']} (wrong {gold['titles_wrong']}, "
            f"a title where none {gold['false_titles']}); datelines where none "
            f"{gold['false_datelines']}; outlets where none {gold['false_outlets']}",
            f"  boilerplate strings separated: {gold['boilerplate_separated']} of "
            f"{gold['boilerplate_strings']}; characters of article text marked boilerplate: "
            f"{gold['article_chars_marked_boilerplate']}",
            *(f"  missed: {m}" for m in gold["boilerplate_missed"]),
            *(f"  wrongly marked: {m}" for m in gold["wrongly_marked"]),
        ]
    return "\n".join(lines)
