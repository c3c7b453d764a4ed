"""An extracted entry's title reads on its own: no dangling "and", no clause without its subject."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookkit import write_book
from briefbook.analyse.annotations import Annotations
from briefbook.read.book import load_book

SOURCES = "- {id: mill, file: mill.txt, outlet: Valley Post, date: 2031-06-20, " \
          "date_basis: stated}\n"


@pytest.mark.parametrize(("sentence", "title"), [
    ("Work on the weir started in April 2027, and the first sluice was fitted in late 2028.",
     "The first sluice was fitted in late 2028."),
    ("The clinic is named after Dr Ines Varro, who founded the first ward in 1903.",
     "The clinic is named after Dr Ines Varro, who founded the first ward in 1903."),
    ("The envoy met the council twice, but left Tarsk on Thursday without a deal.",
     "The envoy met the council twice, but left Tarsk on Thursday without a deal."),
    ("Officials found lead on 6 June 2027, and, on 7 June 2027, the health board warned "
     "residents.", "On 7 June 2027, the health board warned residents."),
    ("And, on Tuesday 3 June 2031, the mayor signed the plan into law.",
     "On Tuesday 3 June 2031, the mayor signed the plan into law."),
    ("And yet on 4 June 2031 the chairman, Ole Rask, resigned.",
     "On 4 June 2031 the chairman, Ole Rask, resigned."),
    ("Officials praised the mediator, who resigned on Thursday after the second round.",
     "Officials praised the mediator, who resigned on Thursday after the second round."),
])
def test_a_clause_cut_from_a_sentence_is_titled_so_it_reads_alone(tmp_path: Path, sentence,
                                                                   title):
    write_book(tmp_path, {"mill.txt": f"Mill news\n\n{sentence}\n"}, sources_yml=SOURCES)
    entries = Annotations(load_book(tmp_path / "briefing")).chronology.entries
    assert title in [e.title for e in entries], [e.title for e in entries]
