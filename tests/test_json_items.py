"""``to_json`` (orjson) writes the bytes of one ``json.dumps(indent=2)`` of the book's values."""

from __future__ import annotations

import json
import random

import pytest

from briefbook.render.markup import to_json


def _value(rng: random.Random, depth: int = 0) -> object:
    roll = rng.random()
    if depth > 3 or roll < 0.3:
        return rng.choice([None, True, False, 0, 1, -2.5, 1e20, 1.0, 0.875, "", "x",
                           "line\nbreak \"quoted\" \\ é \u2028 \u00a0 ” \x1f \x7f", "1", "true"])
    if roll < 0.6:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["a", "b", "é", "line\nkey", "1"]): _value(rng, depth + 1)
            for _ in range(rng.randint(0, 3))}


def test_the_bytes_are_those_of_one_standard_dump() -> None:
    rng = random.Random(18)
    for _ in range(2000):
        value = [_value(rng) for _ in range(rng.randint(0, 6))]
        expected = (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode()
        assert to_json(value) == expected
    assert to_json({"a": [1, 2]}) == b'{\n  "a": [\n    1,\n    2\n  ]\n}\n'
    assert to_json({1: "integer key"}) == b'{\n  "1": "integer key"\n}\n'


def test_floats_the_standard_library_writes_otherwise_stay_valid_json() -> None:
    # orjson writes 1e-05 as 0.00001 and NaN as null (the standard library's NaN is not JSON)
    assert json.loads(to_json([1e-05, 2.5e-07])) == [1e-05, 2.5e-07]
    assert to_json([float("nan")]) == b"[\n  null\n]\n"


def test_a_value_json_cannot_hold_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        to_json({"when": object()})


def test_an_integer_beyond_64_bits_is_written_as_the_standard_library_writes_it() -> None:
    assert to_json({"n": 2 ** 70}) == b'{\n  "n": 1180591620717411303424\n}\n'
