"""A served book's full garbage collections run in idle time, or before the next rebuild."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from briefbook.site.collector import EVERY, IdleCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture(autouse=True)
def _restore_gc() -> Iterator[None]:
    yield
    gc.enable()
    gc.unfreeze()


def _garbage() -> weakref.ref[_Node]:
    """A weak reference to a cycle nothing else refers to."""
    return weakref.ref(_Node())


def test_a_changed_book_owes_a_collection_run_in_idle_time() -> None:
    collector = IdleCollector(delay=0.01)
    collector.before_build(changed=True)  # first build
    collector.after_build()
    collector.wait()
    collector.before_build(changed=True)  # an added article
    assert not gc.isenabled()  # the rebuild runs with the collector off
    left = _garbage()
    collector.after_build()
    assert gc.isenabled()
    collector.wait()
    assert left() is None
    assert collector.collections == [2, 0]
    collector.before_build(changed=False)  # nothing owed: no full collection at the start
    assert collector.collections == [2, 0]
    collector.stop()


def test_a_change_before_idle_time_collects_at_the_rebuild_start() -> None:
    collector = IdleCollector(delay=60)
    collector.before_build(changed=True)
    collector.after_build()
    collector.before_build(changed=True)  # the timer had not fired
    left = _garbage()
    collector.after_build()
    assert left() is not None
    collector.before_build(changed=False)
    assert left() is None
    assert collector.collections == [0, 2]
    collector.stop()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_page_edits_owe_a_collection_every_few_rebuilds() -> None:
    collector = IdleCollector(delay=60)
    collector.before_build(changed=True)
    collector.after_build()
    collector.before_build(changed=False)
    collector.after_build()
    assert collector.collections == [0, 1]
    for _ in range(EVERY):
        collector.before_build(changed=False)
        collector.after_build()
    assert collector.collections == [0, 2]
    collector.stop()


def test_a_negative_delay_never_schedules() -> None:
    collector = IdleCollector(delay=-1)
    collector.before_build(changed=True)
    collector.after_build()
    collector.wait()
    assert collector.collections == [0, 0]
    collector.before_build(changed=False)
    assert collector.collections == [0, 1]
    collector.stop()
