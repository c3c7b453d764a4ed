"""Reading a folder of hand annotations for ``briefbook eval``, refusing partial gold.

A folder holds one ``*.yml`` per article (``../shared/EVAL.md``); each ``file:`` names the
article under the corpus folder (``bbc_politics_001.txt`` or ``politics/001.txt``). Anything
that would leave part of the gold unscored is an :class:`EvalError` naming the file and the
fix, never figures over what remains.
"""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

__all__ = ["EvalError", "annotated_articles", "annotation_files"]


class EvalError(Exception):
    """A gold set that cannot be scored as asked (a missing file, an article not in the corpus).

    The message names the file and says how to fix it; ``briefbook eval`` prints it and exits
    with status 1 rather than print figures over part of the gold.
    """


def annotation_files(folder: Path) -> list[tuple[Path, Any]]:
    """``(file, its YAML)`` of every ``*.yml`` of ``folder``, sorted by file name.

    Raises:
        EvalError: ``folder`` is no folder.
    """
    if not folder.is_dir():
        raise EvalError(f"{folder}: no such folder of annotations")
    yaml = YAML(typ="safe")
    return [(p, yaml.load(p.read_text("utf-8"))) for p in sorted(folder.glob("*.yml"))]


def annotated_articles(folder: Path, files: list[tuple[Path, Any]], corpus: Path) -> list[Path]:
    """The article each annotation of ``files`` names, as a path under ``corpus``.

    Raises:
        EvalError: ``files`` is empty; an annotation has no ``file:``; an annotated article is
            not under ``corpus`` (with the nearest file names); two share a file name.
    """
    if not files:
        raise EvalError(f"{folder}: no annotations (*.yml, one per article; see "
                        "tests/gold/bbc/README.md)")
    paths = []
    for path, gold in files:
        name = gold.get("file") if isinstance(gold, dict) else None
        if not isinstance(name, str) or not name:
            raise EvalError(f"{path}: no 'file:' naming the annotated article; add the article's "
                            f"path under {corpus}")
        if not (corpus / name).is_file():
            raise EvalError(f"{path}: the annotated article {name!r} is not under "
                            f"{corpus}{_near_files(corpus, name)}; fix 'file:' or pass --corpus")
        paths.append(corpus / name)
    clashes = sorted(name for name, n in Counter(p.name for p in paths).items() if n > 1)
    if clashes:
        raise EvalError(f"{folder}: two annotated articles share the file name "
                        f"{', '.join(clashes)}; score them as separate sets")
    return paths


def _near_files(corpus: Path, name: str) -> str:
    if not corpus.is_dir():
        return " (that folder does not exist)"
    files = [p.relative_to(corpus).as_posix() for p in corpus.rglob("*.txt")]
    near = difflib.get_close_matches(name, files, n=3, cutoff=0.6) or difflib.get_close_matches(
        Path(name).name, [Path(f).name for f in files], n=3, cutoff=0.6)
    return f" (did you mean {', '.join(near)}?)" if near else ""
