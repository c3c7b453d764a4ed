"""A plain ``pip install .`` into a fresh virtualenv gives a working CLI, plugin and front end.

No constraints file: the package's own declared dependencies must be enough. Needs the package
index (run by ``.ci/run`` with ``-m install``); everything after the install is offline.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bookkit import ROOT

pytestmark = pytest.mark.install

ARTICLE = """Harbour council approves new ferry route

The council of Port Alden voted on Tuesday to open a ferry route to the islands.

"This connects two communities that have waited years," said councillor Mara Quist.
"""


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    assert done.returncode == 0, f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def test_plain_pip_install_builds_a_new_book(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    bin_dir = venv / "bin"
    _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(ROOT)], tmp_path,
         env={"PIP_CONSTRAINT": "", "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    _run([str(bin_dir / "briefbook"), "new", "B"], tmp_path)
    book = tmp_path / "B"
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, "utf-8")
    _run([str(bin_dir / "briefbook"), "add", "--briefing", "briefing", str(article)], book)
    _run([str(bin_dir / "mkdocs"), "build", "--strict"], book)
    pages = list((book / "site" / "sources").glob("*/index.html"))
    assert pages, "no source page was built"
    html = pages[0].read_text("utf-8")
    assert "assets/briefbook/briefbook.css" in html and "assets/briefbook/briefbook.js" in html
    assert (book / "site" / "assets" / "briefbook" / "briefbook.js").is_file()
