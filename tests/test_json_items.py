"""``to_json`` keeps encoded list items between calls; its bytes stay one ``json.dumps``."""

from __future__ import annotations

import json
import random

from briefbook.render.markup import to_json


def _value(rng: random.Random, depth: int = 0) -> object:
    roll = rng.random()
    if depth > 3 or roll < 0.3:
        return rng.choice([None, True, False, 0, 1, -2.5, 1e20, 1.0, "", "x",
                           "line\nbreak \"quoted\" \\ é \u2028 \u00a0 ”", "1", "true"])
    if roll < 0.6:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["a", "b", "é", "line\nkey", "1"]): _value(rng, depth + 1)
            for _ in range(rng.randint(0, 3))}


def test_the_bytes_are_those_of_one_dump_whatever_was_kept() -> None:
    rng = random.Random(18)
    for _ in range(2000):
        value = [_value(rng) for _ in range(rng.randint(0, 6))]
        expected = (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode()
        assert to_json(value) == expected
        assert to_json(value) == expected  # the second time from kept items
        assert to_json([*value[1:], True, 1, 1.0]) == (json.dumps(
            [*value[1:], True, 1, 1.0], ensure_ascii=False, indent=2) + "\n").encode()
    assert to_json({"a": [1, 2]}) == b'{\n  "a": [\n    1,\n    2\n  ]\n}\n'
