"""The example book builds strictly with ProperDocs too, and checks clean.

ProperDocs is the maintained fork of MkDocs 1.x; it runs plugins registered under the
``mkdocs.plugins`` entry point, so the same ``mkdocs.yml`` builds the same book.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bookkit import ROOT
from briefbook.check.checker import check_site

pytestmark = pytest.mark.slow


def test_properdocs_builds_the_example_book_strictly(tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(site)], cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ProperDocs" in (site / "index.html").read_text("utf-8")  # the generator meta tag
    report = check_site(site)
    assert not report.problems, [str(p) for p in report.problems[:10]]
    assert (site / "data" / "citations.json").is_file()
