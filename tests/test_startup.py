"""What a build process imports before it needs it.

A build whose analysis cache answers needs none of the heavy name, date and Unicode tables:
importing the MkDocs plugin must not load them (each costs 20-60 ms of every build's start).
"""

from __future__ import annotations

import json
import subprocess
import sys

#: Third-party modules the engine imports only where it uses them.
ON_DEMAND = ("confusable_homoglyphs", "countryinfo", "dateparser", "gender_guesser",
             "nameparser")


def _loaded_after(statement: str) -> list[str]:
    code = (f"import sys, json\n{statement}\n"
            f"print(json.dumps([m for m in {ON_DEMAND!r} if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def test_the_plugin_imports_no_heavy_table() -> None:
    assert _loaded_after("import briefbook.site.plugin") == []


def test_the_tables_load_when_used() -> None:
    """The check is not vacuous: using each table imports its package."""
    loaded = _loaded_after(
        "from briefbook.core import lexicon\n"
        "from briefbook.analyse import dates, homoglyphs\n"
        "lexicon.first_name_gender('Maria'); lexicon.is_title('Senator')\n"
        "lexicon.place_kind('France'); homoglyphs.skeleton('Kyiv')\n"
        "dates._dateparse('4 March 2019', None, False)")
    assert loaded == sorted(ON_DEMAND)
