"""A source's registry entries reused across registries (``mkdocs serve`` adding articles).

:func:`find_mentions` keys each source's mentions by the registry entries it can match; the
entries are recomputed only for sources holding a word whose entries changed. Whatever the
sequence of registries, the reused entries must equal a fresh :func:`relevant_entries`.
"""

from __future__ import annotations

import pytest

from briefbook.analyse import mentions
from briefbook.analyse.mentions import AliasTable, _RelevantMemo, relevant_entries, source_words
from briefbook.core.model import Actor, Paragraph, Role, Source

TEXTS = [
    "Ana Lima said the port would reopen. Lima’s office later confirmed it.",
    "The UN and NATO met in Brussels; the harbour master did not attend.",
    "Rui Lima, no relation, runs a bakery on Quay Street.",
    "Nobody of note is named here at all.",
    "O'Neill-Barros told the UNHCR that the harbour master was away.",
]
SOURCES = [Source(id=f"s{i}", file=f"s{i}.txt", sha256="", size=0,
                  paragraphs=(Paragraph(number=1, text=t, line=1),))
           for i, t in enumerate(TEXTS)]

ANA = Actor(id="ana-lima", name="Ana Lima", kind="person")
RUI = Actor(id="rui-lima", name="Rui Lima", kind="person")
UN = Actor(id="un", name="United Nations", kind="organization", aliases=("UN",))
UNHCR = Actor(id="unhcr", name="UN refugee agency", kind="organization", aliases=("UNHCR",))
MASTER = Actor(id="jo-keel", name="Jo Keel", kind="person", curated=True,
               roles=(Role(title="harbour master"),))
RIVAL = Actor(id="max-keel", name="Max Keel", kind="person", curated=True,
              roles=(Role(title="harbour master"),))
ONEILL = Actor(id="oneill-barros", name="Tiago O'Neill-Barros", kind="person")
ANA_ALIAS = Actor(id="ana-lima", name="Ana Lima", kind="person", aliases=("Senhora Lima",))

REGISTRIES = [
    [ANA], [ANA, RUI], [ANA, RUI, UN], [ANA, RUI, UN, MASTER], [ANA, RUI, UN, MASTER, RIVAL],
    [RUI, ANA, UN, UNHCR, MASTER], [ANA_ALIAS, ONEILL, UNHCR], [ANA], [], [ANA, RUI],
]


@pytest.fixture(autouse=True)
def _fresh_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_RelevantMemo, "kept", [])


def test_reused_entries_equal_fresh_ones_whatever_the_registries(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    fresh = mentions.relevant_entries
    monkeypatch.setattr(mentions, "relevant_entries",
                        lambda table, words: calls.append(1) or fresh(table, words))
    computed = []
    for actors in REGISTRIES:
        table = AliasTable.build(actors)
        memo = _RelevantMemo.closest(table)
        calls.clear()
        for source in SOURCES:
            words = source_words(source)
            assert memo.entries(source.id, table, words) == relevant_entries(table, words)
        memo.done()
        computed.append(len(calls))
    assert computed[0] == len(SOURCES)
    # adding Rui Lima changes the entries under "rui" and "lima" only: the UN text is reused
    assert 0 < computed[1] < len(SOURCES)
    assert min(computed[2:]) < len(SOURCES)
