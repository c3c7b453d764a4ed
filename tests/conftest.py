"""Shared fixtures: small books written by the tests, and real MkDocs builds of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from bookkit import ROOT, write_book


@pytest.fixture
def book_factory(tmp_path: Path) -> Callable[..., Path]:
    """Write a small book into a fresh folder: ``book_factory(articles, sources_yml=…)``."""
    counter = iter(range(1000))

    def make(articles: Mapping[str, bytes | str], **kwargs: object) -> Path:
        return write_book(tmp_path / f"book{next(counter)}", articles, **kwargs)  # type: ignore[arg-type]

    return make


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files from the current output (review the diff)")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with ``tests/golden/<name>``; ``--update-golden`` rewrites it."""

    def compare(name: str, actual: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, "utf-8")
        assert path.exists(), f"no golden file {path}; run pytest --update-golden"
        assert actual == path.read_text("utf-8")

    return compare


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the ``install`` tests (fresh virtualenv, package index) only when asked by name.

    ``.ci/run`` asks for them with ``-m install`` after the suite; a plain ``pytest`` or
    ``-m "not browser"`` leaves them out and says so in the deselected count.
    """
    if "install" in (config.option.markexpr or ""):
        return
    keep = [item for item in items if item.get_closest_marker("install") is None]
    if len(keep) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in keep])
        items[:] = keep
