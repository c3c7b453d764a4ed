"""Generic English word lists used to classify the differences between aligned sentences.

This is data, not logic: small lists of everyday English vocabulary (no names, places or dates
of any particular story). :mod:`briefbook.analyse.compare` reads them. Words are folded lowercase
lemmas; inflected forms (``-s``, ``-ed``, ``-ing`` …) are matched by :func:`lemma_forms`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

#: Pairs of opposites: one replaced by the other reverses the meaning.
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("top", "bottom"), ("up", "down"), ("upward", "downward"), ("above", "below"),
    ("approve", "reject"), ("accept", "reject"), ("accept", "refuse"), ("approve", "veto"),
    ("confirm", "deny"), ("admit", "deny"), ("support", "oppose"), ("favor", "oppose"),
    ("favour", "oppose"), ("agree", "disagree"), ("allow", "forbid"), ("allow", "ban"),
    ("permit", "prohibit"), ("include", "exclude"), ("increase", "decrease"),
    ("increase", "reduce"), ("raise", "lower"), ("rise", "fall"), ("gain", "loss"),
    ("win", "lose"), ("won", "lost"), ("victory", "defeat"), ("success", "failure"),
    ("succeed", "fail"), ("before", "after"), ("early", "late"), ("earlier", "later"),
    ("first", "last"), ("begin", "end"), ("start", "stop"), ("open", "close"),
    ("enter", "leave"), ("arrive", "depart"), ("attack", "defend"), ("offensive", "defensive"),
    ("legal", "illegal"), ("lawful", "unlawful"), ("possible", "impossible"),
    ("likely", "unlikely"), ("certain", "uncertain"), ("true", "false"),
    ("right", "wrong"), ("guilty", "innocent"), ("convict", "acquit"), ("more", "less"),
    ("more", "fewer"), ("most", "least"), ("many", "few"), ("high", "low"),
    ("higher", "lower"), ("strong", "weak"), ("stronger", "weaker"), ("strengthen", "weaken"),
    ("import", "export"), ("buy", "sell"), ("hire", "fire"), ("lend", "borrow"),
    ("north", "south"), ("east", "west"), ("inside", "outside"), ("internal", "external"),
    ("domestic", "foreign"), ("public", "private"), ("formal", "informal"),
    ("official", "unofficial"), ("direct", "indirect"), ("directly", "indirectly"),
    ("friend", "enemy"), ("ally", "enemy"), ("ally", "adversary"), ("peace", "war"),
    ("alive", "dead"), ("survive", "die"), ("release", "detain"), ("release", "arrest"),
    ("free", "captive"), ("always", "never"), ("all", "none"), ("everyone", "nobody"),
    ("present", "absent"), ("same", "different"), ("similar", "different"),
    ("welcome", "condemn"), ("praise", "condemn"), ("praise", "criticize"),
    ("praise", "criticise"), ("reward", "punish"), ("expand", "shrink"), ("expand", "cut"),
    ("sign", "withdraw"), ("join", "quit"), ("join", "leave"), ("strict", "lenient"),
    ("rich", "poor"), ("profit", "loss"), ("surplus", "deficit"), ("boom", "bust"),
    ("majority", "minority"), ("maximum", "minimum"), ("positive", "negative"),
    ("optimistic", "pessimistic"), ("voluntary", "mandatory"), ("temporary", "permanent"),
)
#: Words that push in one direction (escalation, growth, worsening) …
POLARITY_UP: frozenset[str] = frozenset(
    """
    escalate escalation inflame intensify worsen destabilize
    destabilise heighten provoke aggravate exacerbate deteriorate collapse
    """.split()
)
#: … and words that push the other way (calming, shrinking, improving).
POLARITY_DOWN: frozenset[str] = frozenset(
    """
    deescalate deescalation calm ease defuse deflate soothe stabilize stabilise lessen
    mitigate improve deter pacify deflect deflate resolve
    """.split()
)
#: Words that negate what follows; adding or removing one reverses a statement.
NEGATORS: frozenset[str] = frozenset(
    "not no never none nor neither nobody nothing without cannot cant isnt arent wasnt werent "
    "dont doesnt didnt wont wouldnt shouldnt couldnt hasnt havent hadnt n't".split()
)
#: Titles, ranks, offices and kinds of institution: a change among them changes a role.
ROLE_WORDS: frozenset[str] = frozenset(
    """
    spokesman spokeswoman spokesperson secretary minister ministry department official officer
    officials president vice chairman chairwoman chair director chief head general gen admiral
    adm colonel col lieutenant lt major maj captain capt commander cmdr sergeant sgt soldier
    member service servicemember senator sen representative rep congressman congresswoman
    governor gov mayor ambassador envoy diplomat adviser advisor analyst aide press agency
    bureau office council committee ministerial cabinet prime king queen prince leader
    founder deputy assistant attorney judge justice prosecutor executive ceo manager
    correspondent reporter editor professor
    """.split()
)
#: Spellings and abbreviations that mean the same thing (a change between them is wording).
EQUIVALENTS: tuple[frozenset[str], ...] = tuple(frozenset(group.split("|")) for group in (
    "us|u.s|u.s.a|usa|united states|america|american|americans",
    "uk|u.k|united kingdom|britain|british",
    "un|u.n|united nations", "eu|e.u|european union", "gen|general", "lt|lieutenant",
    "col|colonel", "maj|major", "capt|captain", "cmdr|commander", "sgt|sergeant",
    "sen|senator", "rep|representative", "gov|governor", "adm|admiral", "dept|department",
    "spokesman|spokeswoman|spokesperson", "govt|government", "intl|international",
    "personnel|staff",
))
#: Words that introduce who said something.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    said says say told tells added adds stated states according announced announces claimed
    claims noted notes warned warns wrote writes declared declares insisted insists
    explained explains argued argues asserted asserts reported reports
    """.split()
)
#: Number words and their values.
NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1e6, "billion": 1e9, "dozen": 12, "dozens": 24, "hundreds": 200,
    "thousands": 2000, "millions": 2e6, "half": 0.5, "single": 1, "twice": 2, "once": 1,
    "another": 1, "both": 2, "couple": 2, "several": 3, "multiple": 3,
}
#: Number words too vague to count as a stated figure on their own.
VAGUE_NUMBERS: frozenset[str] = frozenset(
    "several multiple dozens hundreds thousands millions couple both another once".split())
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate((
        "january jan", "february feb", "march mar", "april apr", "may", "june jun",
        "july jul", "august aug", "september sep sept", "october oct", "november nov",
        "december dec"), start=1) for name in names.split()
}
WEEKDAYS: dict[str, int] = {
    name: number for number, names in enumerate((
        "monday mon", "tuesday tue tues", "wednesday wed", "thursday thu thur thurs",
        "friday fri", "saturday sat", "sunday sun"))
    for name in names.split()
}
#: Relative day words, which change the day a statement refers to.
RELATIVE_DAYS: frozenset[str] = frozenset("today yesterday tomorrow tonight overnight".split())
#: Casualty and count verbs whose figures are compared across independent sources.
FIGURE_VERBS: dict[str, str] = {
    **dict.fromkeys("killed kill kills killing dead died die deaths death fatalities".split(),
                    "killed"),
    **dict.fromkeys("injured injuring injures wounded wounding hurt injuries".split(),
                    "injured"),
    **dict.fromkeys("arrested detained captured".split(), "detained"),
    **dict.fromkeys("missing".split(), "missing"),
    **dict.fromkeys("displaced displacing evacuated".split(), "displaced"),
}
_SUFFIXES = ("", "s", "es", "d", "ed", "ing", "ly", "er", "ers", "ion", "ions", "ment", "ments")


def lemma_forms(word: str) -> set[str]:
    """Candidate lemmas of a folded word: itself and the word minus a common suffix."""
    forms = {word}
    for suffix in _SUFFIXES[1:]:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            forms.update({stem, stem + "e"})
            if len(stem) > 3 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "stopped" → "stop"
            if stem.endswith("i"):
                forms.add(stem[:-1] + "y")  # "denied" → "deny"
    return forms


def antonym_index() -> dict[str, set[str]]:
    """Each word of :data:`ANTONYMS` → its opposites."""
    index: dict[str, set[str]] = {}
    for left, right in ANTONYMS:
        index.setdefault(left, set()).add(right)
        index.setdefault(right, set()).add(left)
    return index


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of the package data file ``core/data/<name>.txt``.

    One word or phrase per line; blank lines and lines starting with ``#`` are skipped.
    These are the lists a book may want to extend (see the file's header).

    Raises:
        FileNotFoundError: There is no such data file.
    """
    text = resources.files("briefbook.core").joinpath("data", f"{name}.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


@cache
def entity_classes() -> dict[str, frozenset[str]]:
    """Class name → its words, from the package data file ``core/data/entity_classes.txt``.

    Each line is ``class: word | word | multi-word phrase`` (folded lowercase, singular).
    """
    text = resources.files("briefbook.core").joinpath("data", "entity_classes.txt").read_text(
        "utf-8")
    classes: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if ":" not in line or line.lstrip().startswith("#"):
            continue
        name, _, words = line.partition(":")
        classes[name.strip()] = frozenset(w.strip().lower() for w in words.split("|")
                                          if w.strip())
    return classes
