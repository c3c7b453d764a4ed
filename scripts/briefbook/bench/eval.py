"""``briefbook eval``: precision and recall of extraction against hand annotations.

Two gold sets, scored by the rules of ``EVAL.md`` (kept with the project as
``tests/gold/bbc/README.md``):

- the example book's 47 statements (``tests/gold/quotes.yml``), attributed with the curated
  registry and with an empty one (an extracted speaker counts when its name is a name or alias of
  the gold actor);
- the hand-annotated BBC articles, the articles themselves read from the shared corpus, never
  copied: quotation spans, speakers and people, with an empty registry. Each set is its own
  section (:data:`BBC_SETS`): development sets ``tests/gold/bbc-dev*/`` (each scored once
  before any rule was tuned on it), earlier rounds' held-out sets (development once scored)
  and the current round's frozen held-out sets (:data:`FROZEN_SETS`, aggregates only).

Scoring (labels marked ``unsure: true`` are left out, and so is an extracted quotation that only
an unsure label matches: it is neither right nor wrong):

- **spans**: an extracted quotation matches a gold one when one's folded text starts with the
  other's; precision over every extracted quotation, recall over every gold one;
- **speakers**: precision = right speaker / extracted quotations given a speaker (one that
  matches no gold quotation counts as wrong); recall = right speaker / gold quotations whose
  ``speaker_kind`` is ``person`` or ``organization``. A speaker is right when its actor's name
  or a spelling of it in the article is the gold speaker's name or a variant (titles removed);
- **people**: precision = extracted actors of an article (mentioned in it) that are a gold
  person, organisation or country of that article / all of them; recall = gold people found by
  any variant. Extracted actors that are a sentence opener, a demonym, a function word or a
  number are listed as such.

Each section is a :class:`Section`; other modules add theirs by appending to
:data:`SECTIONS` (chronology figures, for instance).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.quotes import Quote
from briefbook.bench.eval_chronology import evaluate_chronology, evaluate_discrepancies
from briefbook.bench.goldfiles import EvalError, annotated_articles, annotation_files
from briefbook.core.lexicon import is_function_word, is_title, place_kind
from briefbook.core.model import Actor, Book
from briefbook.core.names import key
from briefbook.core.text import fold
from briefbook.read.book import load_book

GOLD_DIR = Path("tests") / "gold"
BBC_CORPUS = Path("..") / "shared" / "corpora" / "bbc"


@dataclass(kw_only=True)
class Score:
    """A precision/recall pair with its counts."""

    label: str
    right: int = 0
    found: int = 0
    gold_right: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """``right / found`` (1.0 when nothing was found)."""
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """``gold_right / gold`` (1.0 when the gold is empty)."""
        return self.gold_right / self.gold if self.gold else 1.0

    def line(self) -> str:
        """One printed line: label, precision and recall with their counts.

        A ratio with nothing under it prints as ``n/a``, never as 100 %: an empty score is no
        evidence either way.
        """
        precision = f"{self.precision:6.1%}" if self.found else "   n/a"
        recall = f"{self.recall:6.1%}" if self.gold else "   n/a"
        return (f"  {self.label:<34} precision {precision} ({self.right}/{self.found})"
                f"   recall {recall} ({self.gold_right}/{self.gold})")

    def as_dict(self) -> dict[str, Any]:
        """The figures as plain data (for ``--json``)."""
        return {"label": self.label,
                "precision": round(self.precision, 4) if self.found else None,
                "recall": round(self.recall, 4) if self.gold else None,
                "right": self.right, "found": self.found,
                "gold_right": self.gold_right, "gold": self.gold}


@dataclass(kw_only=True)
class Section:
    """One titled block of the report: scores and free notes."""

    title: str
    scores: list[Score] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The section as printed."""
        lines = [f"== {self.title} =="]
        lines += [s.line() for s in self.scores]
        lines += [f"  {n}" for n in self.notes]
        return "\n".join(lines)


@dataclass(frozen=True, kw_only=True)
class EvalConfig:
    """Where the gold sets and the articles are."""

    gold: Path = GOLD_DIR
    briefing: Path = Path("briefing")
    corpus: Path = BBC_CORPUS
    verbose: bool = False


# -- names ------------------------------------------------------------------------------------
def name_key(name: str) -> str:
    """A name folded for comparison: titles, a possessive and punctuation removed."""
    words = key(re.sub(r"[’']s\b", "", name)).replace(".", " ").split()
    while len(words) > 1 and is_title(words[0]):
        words = words[1:]
    return " ".join(words)


def _variants(entry: dict[str, Any]) -> set[str]:
    return {name_key(n) for n in [entry.get("name"), *(entry.get("variants") or [])] if n}


def _starts(text: str) -> str:
    return " ".join(fold(text).split())


def _same_quote(extracted: str, start: str) -> bool:
    a, b = _starts(extracted), _starts(start)
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


def _closeness(extracted: str, start: str) -> tuple[int, int]:
    """How well two matching quotations agree: equal first, then the longer common start."""
    a, b = _starts(extracted), _starts(start)
    return (0 if a == b else 1), -min(len(a), len(b))


def _best_gold(extracted: str, gold: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The gold quotation an extracted one is scored against.

    Of those it matches, the one it equals, else the one with the longest common start
    (``serious`` is the gold ``serious``, not the gold ``serious misgivings`` of the same
    article).
    """
    found = [x for x in gold if _same_quote(extracted, x["start"])]
    return min(found, key=lambda x: _closeness(extracted, x["start"])) if found else None


def _best_quote(start: str, quotes: Sequence[Quote]) -> Quote | None:
    """The extracted quotation a gold one is scored against (as :func:`_best_gold`)."""
    found = [q for q in quotes if _same_quote(q.text, start)]
    return min(found, key=lambda q: _closeness(q.text, start)) if found else None


# -- the example book -------------------------------------------------------------------------
def example_book(config: EvalConfig) -> Section:
    """The 47 statements of the example book, with the curated registry and with none."""
    path = config.gold / "quotes.yml"
    if not path.is_file():
        raise EvalError(f"{path}: not found; the example book's section needs the gold of its "
                        "statements (run from the repository root, pass --gold, or leave the "
                        "section out with --only / --set)")
    gold = YAML(typ="safe").load(path.read_text("utf-8"))["statements"]
    book = load_book(config.briefing)
    section = Section(title=f"Example book ({len(gold)} statements, {path})")
    registry = {a.id: a for a in book.actors}
    for label, used in (("curated registry", book), ("empty registry", replace(book, actors=()))):
        annotations = Annotations(used)
        statements = [q for q in annotations.quotes if q.kind == "statement"]
        spans = Score(label=f"quotation spans ({label})", found=len(statements), gold=len(gold))
        speakers = Score(label=f"speakers ({label})", gold=len(gold))
        speakers.found = len([q for q in statements if q.speaker])
        missed = []
        for g in gold:
            q = next((q for q in statements if (q.source, q.paragraph) == (
                g["source"], g["paragraph"]) and q.text.startswith(g["starts"])), None)
            if q is None:
                continue
            spans.gold_right += 1
            ok = _book_speaker(q.speaker, g["speaker"], annotations, registry)
            speakers.gold_right += ok
            speakers.right += ok and q.speaker is not None
            if not ok:
                missed.append(f"{g['source']} ¶ {g['paragraph']} “{g['starts']}”: gold "
                              f"{g['speaker']}, found {q.speaker} ({q.cue})")
        spans.right = sum(1 for q in statements if any(
            (q.source, q.paragraph) == (g["source"], g["paragraph"])
            and q.text.startswith(g["starts"]) for g in gold))
        section.scores += [spans, speakers]
        section.notes += [f"{label}: {speakers.gold_right}/{len(gold)} statements right"]
        if config.verbose:
            section.notes += [f"  miss: {m}" for m in missed]
    return section


def _book_speaker(found: str | None, gold: str | None, annotations: Annotations,
                  registry: dict[str, Actor]) -> bool:
    if found == gold:
        return True
    if found is None or gold is None or gold not in registry:
        return False
    actor = annotations.actors_by_id.get(found)
    return actor is not None and name_key(actor.name) in {name_key(s)
                                                          for s in registry[gold].names}


# -- the BBC gold -----------------------------------------------------------------------------
def load_bbc_gold(folder: Path) -> list[dict[str, Any]]:
    """Every annotated article of ``folder`` (``*.yml``), sorted by file name."""
    return [gold for _, gold in annotation_files(folder)]


def _book_of(files: Iterable[Path], scratch: Path) -> Book:
    (scratch / "sources").mkdir(parents=True)
    for path in files:
        (scratch / "sources" / path.name).symlink_to(path.resolve())
    return load_book(scratch)


#: The BBC gold sets: folder of ``tests/gold/`` → section title. Each set was annotated before
#: the engine ran on it. The held-out sets of the current round (:data:`FROZEN_SETS`) are
#: scored apart, aggregates only; earlier rounds' held-out sets, once scored, became
#: development material (``tests/gold/*/README.md`` says when).
BBC_SETS: dict[str, str] = {
    "bbc": "BBC first held-out gold (development since the sixth round)",
    "bbc-heldout2": "BBC second held-out gold (development since the sixth round)",
    "bbc-heldout2-second": "BBC second held-out gold, second annotation (development since "
                           "the sixth round)",
    "bbc-heldout3": "BBC third held-out gold (development since the sixth round)",
    "bbc-heldout4": "BBC fourth held-out gold, frozen",
    "bbc-heldout5": "BBC fifth held-out gold, frozen",
    "bbc-heldout6": "BBC sixth held-out gold (sport, entertainment, tech), frozen",
    "bbc-dev": "BBC development gold",
    "bbc-dev2": "BBC second development gold",
    "bbc-dev3": "BBC third development gold",
    "bbc-dev4": "BBC fourth development gold",
    "bbc-dev5": "BBC fifth development gold",
    "bbc-dev6": "BBC sixth development gold",
    "bbc-dev7": "BBC seventh development gold",
    "bbc-dev8": "BBC eighth development gold",
    "bbc-dev9": "BBC ninth development gold",
    "bbc-dev10": "BBC tenth development gold",
    "bbc-dev11": "BBC eleventh development gold",
    "bbc-dev12": "BBC twelfth development gold",
    "bbc-dev13": "BBC thirteenth development gold",
    "bbc-dev14": "BBC fourteenth development gold",
    "bbc-dev15": "BBC fifteenth development gold",
    "bbc-dev16": "BBC sixteenth development gold",
    "bbc-dev17": "BBC seventeenth development gold",
    "bbc-dev18": "BBC eighteenth development gold",
    "bbc-dev19": "BBC nineteenth development gold (sport, entertainment, tech)",
}
#: The held-out sets of the current round: no rule is chosen by looking at them.
FROZEN_SETS: tuple[str, ...] = ("bbc-heldout4", "bbc-heldout5", "bbc-heldout6")
#: The sets rules may be developed on (every BBC set but the frozen ones) for ``--dev``.
DEV_SETS: tuple[str, ...] = tuple(name for name in BBC_SETS if name not in FROZEN_SETS)


def bbc_section(folder: str) -> Callable[[EvalConfig], Section]:
    """The section scoring spans, speakers and people on the BBC gold set ``folder``."""
    def section(config: EvalConfig) -> Section:
        return _bbc_set(config, folder, BBC_SETS[folder])
    section.__name__ = folder.replace("-", "_")
    return section


def _bbc_set(config: EvalConfig, folder: str, label: str) -> Section:
    return score_set(config, config.gold / folder, label)


def score_set(config: EvalConfig, folder: Path, label: str | None = None) -> Section:
    """The section scoring spans, speakers and people on the annotations in ``folder``.

    ``folder`` holds one ``*.yml`` per article (``../shared/EVAL.md``); each ``file:`` is a path
    under ``config.corpus`` (``bbc_politics_001.txt`` or ``politics/001.txt``).

    Raises :class:`EvalError` when ``folder`` holds no annotations, when an annotation has no
    ``file:``, or when an annotated article is not in the corpus (with the nearest file names):
    figures over part of the gold would read as a score of all of it.
    """
    files = annotation_files(folder)
    golds = [gold for _, gold in files]
    section = Section(title=f"{label or folder} ({len(golds)} articles, {folder}, "
                            "empty registry)")
    paths = annotated_articles(folder, files, config.corpus)
    scratch = Path(tempfile.mkdtemp(prefix="bb-eval-"))
    try:
        book = _book_of(paths, scratch / "briefing")
        annotations = Annotations(book)
        scores = score_bbc(book, annotations, golds, section.notes, verbose=config.verbose)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    section.scores += scores
    return section


def score_bbc(book: Book, annotations: Annotations, golds: Sequence[dict[str, Any]],
              notes: list[str], *, verbose: bool = False) -> list[Score]:
    """Score one analysed book against its gold articles (see the module docstring)."""
    spans = Score(label="quotation spans")
    speakers = Score(label="speakers (person or organisation)")
    people = Score(label="people (recall) / actors (precision)")
    anonymous = Score(label="anonymous speakers kept anonymous")
    bad: list[str] = []
    by_file = {s.file.rsplit("/", 1)[-1]: s for s in book.sources}
    for g in golds:
        source = by_file.get(g["file"].rsplit("/", 1)[-1])
        if source is None:
            raise EvalError(f"{g['file']}: annotated but not among the book's sources "
                            f"({len(book.sources)} read); its figures would be missing")
        entities = {**{name_key(v): e for e in g.get("organizations") or []
                       for v in _variants(e)},
                    **{name_key(v): e for e in g.get("countries") or [] for v in _variants(e)},
                    **{name_key(v): e for e in g.get("people") or [] for v in _variants(e)}}
        spellings = _spellings(annotations, source.id)
        gq = [x for x in g.get("quotes") or [] if not x.get("unsure")]
        unsure = [x for x in g.get("quotes") or [] if x.get("unsure")]
        # a quotation that only an unsure label matches is left out, as the label is
        quotes = [q for q in annotations.quotes if q.source == source.id and (
            any(_same_quote(q.text, x["start"]) for x in gq)
            or not any(_same_quote(q.text, x["start"]) for x in unsure))]
        spans.found += len(quotes)
        spans.gold += len(gq)
        spans.right += sum(1 for q in quotes if any(_same_quote(q.text, x["start"]) for x in gq))
        spans.gold_right += sum(1 for x in gq if any(_same_quote(q.text, x["start"])
                                                      for q in quotes))
        for q in quotes:
            if q.speaker is None:
                continue
            speakers.found += 1
            x = _best_gold(q.text, gq)
            ok = x is not None and x.get("speaker") is not None and \
                bool(_speaker_keys(x["speaker"], entities) & spellings.get(q.speaker, set()))
            speakers.right += ok
            if not ok and verbose:
                notes.append(f"  wrong speaker {g['file']}: “{q.text[:40]}” → {q.speaker} "
                             f"({q.cue}); gold {x and x.get('speaker')}")
        for x in gq:
            if x.get("speaker_kind") == "anonymous":
                anonymous.gold += 1
                q = _best_quote(x["start"], quotes)
                anonymous.gold_right += q is not None and q.speaker is None and bool(q.anonymous)
            if x.get("speaker_kind") not in ("person", "organization"):
                continue
            speakers.gold += 1
            q = _best_quote(x["start"], quotes)
            hit = q is not None and q.speaker is not None and x.get("speaker") and \
                bool(_speaker_keys(x["speaker"], entities) & spellings.get(q.speaker, set()))
            speakers.gold_right += bool(hit)
            if not hit and verbose:
                notes.append(f"  missed speaker {g['file']}: “{x['start'][:40]}” gold "
                             f"{x.get('speaker')} found {q and (q.speaker, q.cue)}")
        anonymous.found += sum(1 for q in quotes if q.anonymous and q.speaker is None)
        anonymous.right += sum(1 for q in quotes if q.anonymous and q.speaker is None and any(
            _same_quote(q.text, x["start"]) and x.get("speaker_kind") == "anonymous"
            for x in gq))
        sure = {k for k, e in entities.items() if not e.get("unsure")}
        for actor_id, keys in spellings.items():
            if not keys & sure and keys & set(entities):
                continue  # only an unsure label names it: left out
            people.found += 1
            if keys & sure:
                people.right += 1
            else:
                actor = annotations.actors_by_id.get(actor_id)
                name = actor.name if actor else actor_id
                if verbose:
                    notes.append(f"  not a gold entity {g['file']}: {name}")
                if _not_a_name(name):
                    bad.append(f"{g['file']}: {name}")
        for person in g.get("people") or []:
            if person.get("unsure"):
                continue
            people.gold += 1
            found = any(_variants(person) & keys for keys in spellings.values())
            people.gold_right += found
            if not found and verbose:
                notes.append(f"  person not found {g['file']}: {person['name']}")
    notes.append(f"actors that are a sentence opener, demonym, function word or number: "
                 f"{len(bad)}" + (f" ({'; '.join(bad)})" if bad else ""))
    return [spans, speakers, anonymous, people]


def _speaker_keys(speaker: str, entities: dict[str, dict[str, Any]]) -> set[str]:
    entry = entities.get(name_key(speaker))
    return _variants(entry) | {name_key(speaker)} if entry else {name_key(speaker)}


def _spellings(annotations: Annotations, source_id: str) -> dict[str, set[str]]:
    """Actor id → its name and its spellings in one source, for every actor in it."""
    out: dict[str, set[str]] = {}
    for m in annotations.mentions:
        if m.source == source_id:
            out.setdefault(m.actor, set()).add(name_key(m.text))
    for q in annotations.quotes:
        if q.source == source_id and q.speaker:
            out.setdefault(q.speaker, set())
    for actor_id, keys in out.items():
        actor = annotations.actors_by_id.get(actor_id)
        if actor is not None:
            keys.add(name_key(actor.name))
    return out


def _not_a_name(name: str) -> bool:
    words = name.split()
    return (not words or is_function_word(words[0]) or place_kind(name) == "demonym"
            or any(ch.isdigit() for ch in name))


def chronology(config: EvalConfig) -> Section:
    """Chronology entries on the BBC gold, and discrepancies on the annotated pairs.

    The rules of matching are those of :mod:`briefbook.bench.eval_chronology`. Discrepancy
    pairs come in two sets: ``dev`` (the rules were developed on it, so its figure is
    optimistic) and ``heldout``.
    """
    section = Section(title="Chronology and discrepancies")
    score = evaluate_chronology(config.gold / "bbc", config.corpus)
    section.scores.append(Score(label="BBC chronology entries", right=score.correct,
                                found=score.judged, gold_right=score.found,
                                gold=score.annotated))
    section.notes.append(f"{score.articles} articles, {score.entries} entries; "
                         f"{score.not_judged} clauses outside the annotation rules")
    for name in ("heldout", "dev"):
        folder = config.gold / "discrepancies" / name
        if folder.is_dir():
            d = evaluate_discrepancies(folder)
            section.scores.append(Score(label=f"discrepancies ({name}, {d.pairs} pairs)",
                                        right=d.right, found=d.flagged, gold_right=d.found,
                                        gold=d.expected))
    return section


#: The sections of ``briefbook eval``, in order: each takes the configuration.
SECTIONS: list[Callable[[EvalConfig], Section]] = [
    example_book, *(bbc_section(folder) for folder in BBC_SETS), chronology]
#: Names of the sections for ``briefbook eval --only``.
SECTION_NAMES: dict[str, Callable[[EvalConfig], Section]] = {
    "example": example_book, **{folder: bbc_section(folder) for folder in BBC_SETS},
    "chronology": chronology}


def run(config: EvalConfig, sections: Sequence[Callable[[EvalConfig], Section]] = ()
        ) -> list[Section]:
    """Every section's figures (the default sections when none are given)."""
    return [make(config) for make in (sections or SECTIONS)]
