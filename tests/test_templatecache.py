"""The theme's compiled templates kept on disk: reused by a new process, never stale."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from briefbook.site.templatecache import TemplateCache


class Counting(jinja2.Environment):
    compiled = 0

    def compile(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        Counting.compiled += 1
        return super().compile(*args, **kwargs)


def _env(folder: Path | None, sources: dict[str, str]) -> Counting:
    return Counting(loader=jinja2.DictLoader(sources), bytecode_cache=TemplateCache(folder))


@pytest.fixture(autouse=True)
def _reset() -> None:
    Counting.compiled = 0


def test_a_new_environment_reuses_what_an_earlier_one_compiled(tmp_path: Path) -> None:
    sources = {"page.html": "<h1>{{ title }}</h1>{% for x in items %}<p>{{ x }}</p>{% endfor %}"}
    first = _env(tmp_path, sources).get_template("page.html").render(title="T", items=[1, 2])
    assert Counting.compiled == 1
    assert len(list(tmp_path.glob("*.jinja"))) == 1
    second = _env(tmp_path, sources).get_template("page.html").render(title="T", items=[1, 2])
    assert Counting.compiled == 1, "the template was compiled again"
    assert first == second == "<h1>T</h1><p>1</p><p>2</p>"


def test_an_edited_template_is_compiled_afresh(tmp_path: Path) -> None:
    _env(tmp_path, {"page.html": "old {{ x }}"}).get_template("page.html")
    edited = _env(tmp_path, {"page.html": "new {{ x }}"}).get_template("page.html")
    assert edited.render(x=1) == "new 1"
    assert Counting.compiled == 2


def test_a_damaged_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    _env(tmp_path, {"page.html": "ok {{ x }}"}).get_template("page.html")
    [stored] = tmp_path.glob("*.jinja")
    stored.write_bytes(stored.read_bytes()[:10])
    assert _env(tmp_path, {"page.html": "ok {{ x }}"}).get_template("page.html").render(x=2) \
        == "ok 2"
    assert Counting.compiled == 2
    assert not list(tmp_path.glob(".tmp-*")), "a temporary file was left behind"


def test_without_a_folder_templates_stay_in_memory(tmp_path: Path) -> None:
    cache = TemplateCache(None)
    sources = {"a.html": "{{ 1 + 1 }}"}
    for _ in range(2):
        env = Counting(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        assert env.get_template("a.html").render() == "2"
    assert Counting.compiled == 1
    assert list(tmp_path.iterdir()) == []
