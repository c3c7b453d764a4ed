"""People and organisations of the whole book, quoted or not, merged across spellings.

:mod:`briefbook.analyse.namefinder` types the names of each paragraph; this module joins them:

- **within an article**, a surname or a title form (*Mr Howard*, *Howard*) joins the one full
  name of the article that ends with it (*Michael Howard*), a given name after *Sir* or *Dame*
  the one that starts with it (*Sir Alan* → *Sir Alan Budd*), a shorter form joins the longer one
  it is part of (*George Bush* → *George W Bush*); a surname that two full names share
  (*Mr Miliband* with David and Ed Miliband) joins neither and makes no actor, unless its
  honorific's gender picks one of them (*Ms Lowe* with Gareth and Nia Lowe: Nia);
- **across articles**, the same full name is one actor; a surname-only person joins the one
  full name of the book that ends with it when their genders agree (else it is an actor of
  its own). A name read only from a team sheet (``line-up``) whose surname a person named
  in full in the book has, or only from a lower-case role before it (*striker Johnson*)
  when several such persons agree, makes no actor: it would take their mentions; nor is
  such a bare surname a spelling of the person it joins. Two full names one letter
  apart join when a role word agrees (*Jonas Berg Fallon*, *Jonas Berg Falon*, both *prime
  minister*), and are otherwise reported to the editor as a spelling candidate with the
  evidence.

Curated actors win: a name that is a curated name or alias, or the surname of a curated person,
makes no extracted actor. Places make none either (they are kept to type speakers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from briefbook.analyse.lineups import lineup_names
from briefbook.analyse.namefinder import Name, find_names
from briefbook.core.cache import cached, key_of, source_key
from briefbook.core.lexicon import fold_word, honorific_gender, is_function_word, word_list
from briefbook.core.model import Actor, Book, CiteItem, Role, Source
from briefbook.core.names import key
from briefbook.core.parallel import prefill
from briefbook.core.text import slugify

MAX_ROLES = 3
#: Titles written before a given name alone (*Sir Digby* for *Sir Digby Jones*), not a surname.
_GIVEN_NAME_TITLES = frozenset({"sir", "dame"})


@dataclass(frozen=True, kw_only=True)
class Found:
    """One name found in a paragraph (a :class:`~briefbook.analyse.namefinder.Name` placed)."""

    source: str
    paragraph: int
    name: Name


@dataclass(kw_only=True)
class _Cluster:
    """The forms of one person or organisation (in one article, then in the book)."""

    name: str
    kind: str
    forms: list[Found] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return self.name.split()

    @property
    def gender(self) -> str | None:
        """The gender the forms agree on; an honorific (*Mr*) outweighs a given name."""
        titled = {f.name.gender for f in self.forms if f.name.gender
                  and f.name.title and honorific_gender(f.name.title)}
        genders = titled or {f.name.gender for f in self.forms if f.name.gender}
        return genders.pop() if len(genders) == 1 else None

    def spellings(self) -> list[str]:
        """Every form as written (titled surname forms keep their honorific).

        A bare surname read from a team sheet or after a lower-case role (*Johnson* in a
        line-up, *striker Johnson*) is no spelling of a person named in full: as an alias it
        would claim every other Johnson's surname in the book.
        """
        out: list[str] = []
        for f in self.forms:
            spelled = f.name.text
            if len(f.name.words) == 1 and not f.name.title and len(self.words) > 1 and (
                    f.name.reason.split(" ")[0] in ("line-up", "role")):
                continue
            if len(f.name.words) == 1 and f.name.title:
                spelled = f"{f.name.title} {spelled}"
            if spelled not in out:
                out.append(spelled)
        return out


@dataclass(frozen=True, kw_only=True)
class SpellingCandidate:
    """Two extracted names one letter apart that were not joined (no role agrees)."""

    text: str
    actor: str
    registered: str
    source: str
    paragraph: int
    evidence: str


@dataclass(frozen=True, kw_only=True)
class People:
    """What :func:`find_people` found.

    Attributes:
        actors: Extracted actors (``curated=False``), sorted by id.
        genders: Actor id → ``male`` or ``female`` where the names or titles say.
        candidates: Spelling candidates an editor should look at.
        places: Folded place names found in the book (never actors).
    """

    actors: tuple[Actor, ...]
    genders: dict[str, str]
    candidates: tuple[SpellingCandidate, ...]
    places: frozenset[str] = frozenset()


def lower_words(source: Source) -> frozenset[str]:
    """Folded words the article writes in lower case (its ordinary vocabulary)."""
    return frozenset(fold_word(w) for p in source.paragraphs
                     for w in re.findall(r"(?<![\w'’.-])[a-z][a-z'’-]+", p.text))


def source_names(source: Source) -> tuple[Found, ...]:
    """Every name of one source's citable paragraphs, in reading order (cached)."""
    return cached("people.names", *_names_job(source))


def _names_job(source: Source) -> tuple[str, Callable[[], tuple[Found, ...]]]:
    """The cache key of a source's names and how to compute them."""
    def compute() -> tuple[Found, ...]:
        vocabulary = lower_words(source)
        paragraphs = [p for p in source.paragraphs if not p.boilerplate]
        first = [lineup_names(p.text) or find_names(p.text, lower_words=vocabulary)
                 for p in paragraphs]
        titled = frozenset(fold_word(n.text) for names in first for n in names
                           if n.kind == "person" and n.title and " " not in n.text)
        return tuple(Found(source=source.id, paragraph=p.number, name=n)
                     for p, names in zip(paragraphs, first, strict=True)
                     for n in (lineup_names(p.text) or find_names(
                         p.text, lower_words=vocabulary, surnames=titled)
                         if _may_write(p.text, titled) else names))
    return key_of(source_key(source)), compute


def _may_write(text: str, folded_words: frozenset[str]) -> bool:
    """Whether ``text`` may hold a word that folds to one of ``folded_words``.

    Exact for ASCII (a word folds to a piece of the lower-cased text); any other text may.
    """
    if not folded_words:
        return False
    if not text.isascii():
        return True
    lower = text.lower()
    return any(w in lower for w in folded_words)


def _acronyms(source: Source, found: Sequence[Found]) -> dict[str, str]:
    """Organisation name → the acronym written after it in brackets: ``… Authority (QCA)``."""
    out: dict[str, str] = {}
    for f in found:
        para = source.paragraph(f.paragraph)
        if para is None or f.name.kind not in ("organization", "media"):
            continue
        m = re.match(r"\s*\((?P<acr>[A-Z][A-Za-z&]{1,7})\)", para.text[f.name.end:])
        if m and m.group("acr")[0] == f.name.text[0]:
            out[f.name.text] = m.group("acr")
    return out


def _initials(source: Source, found: Sequence[Found]) -> dict[str, str]:
    """Organisation name → its initials when the article writes them: ``European Union``, ``EU``.

    The initials of the name's capitalised words (``of``, ``and``, ``the``, ``for`` left out),
    at least two letters, written as a word of their own somewhere in the article.
    """
    text = "\n".join(p.text for p in source.paragraphs if not p.boilerplate)
    out: dict[str, str] = {}
    for f in found:
        if f.name.kind not in ("organization", "media"):
            continue
        words = [w for w in re.findall(r"[\w’'-]+", f.name.text)
                 if w.lower() not in ("of", "and", "the", "for")]
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        initials = "".join(w[0] for w in words)
        if re.search(r"(?<![\w-])" + re.escape(initials) + r"(?![\w-])", text):
            out[f.name.text] = initials
    return out


def cluster_source(source: Source, found: Sequence[Found]) -> list[_Cluster]:
    """The people and organisations of one article, each surname form joined to its name."""
    clusters: dict[str, _Cluster] = {}
    persons = [f for f in found if f.name.kind == "person"]
    full = [f for f in persons if len(f.name.words) > 1]
    for f in sorted(full, key=lambda f: -len(f.name.words)):
        longer = [c for c in clusters.values() if _part_of(f.name.words, c.words)]
        target = longer[0] if len(longer) == 1 else clusters.setdefault(
            key(f.name.text), _Cluster(name=f.name.text, kind="person"))
        target.forms.append(f)
    for f in persons:
        if len(f.name.words) > 1:
            continue
        word = key(f.name.text)
        given = bool(f.name.title) and fold_word(f.name.title) in _GIVEN_NAME_TITLES
        peer = bool(f.name.title) and fold_word(f.name.title) in word_list("peerage_titles")
        owners = [c for c in clusters.values() if len(c.words) > 1 and c.kind == "person"
                  and (key(c.words[0]) == word if given
                       else word in [key(w) for w in c.words[1:]] or (
                           peer and key(c.words[0]) == word and " of " in c.name))]
        # "Lord Nicholls" is "Lord Nicholls of Birkenhead"
        sexed = honorific_gender(f.name.title) if f.name.title and len(owners) > 1 else None
        if sexed in ("male", "female") and len([c for c in owners if c.gender == sexed]) == 1:
            owners = [c for c in owners if c.gender == sexed]  # "Ms Lowe": Nia, not Gareth Lowe
        if len(owners) == 1:
            owners[0].forms.append(f)
        elif not owners:
            clusters.setdefault(word, _Cluster(name=f.name.text, kind="person")).forms.append(f)
    acronyms = {**_initials(source, found), **_acronyms(source, found)}
    for f in found:
        if f.name.kind in ("organization", "media"):
            cluster = clusters.setdefault(key(f.name.text),
                                          _Cluster(name=f.name.text, kind=f.name.kind))
            cluster.forms.append(f)
    for name, acronym in acronyms.items():
        cluster = clusters[key(name)]
        cluster.forms.append(Found(source=source.id, paragraph=cluster.forms[0].paragraph,
                                   name=Name(text=acronym, start=0, end=0, kind=cluster.kind,
                                             reason="acronym")))
    for c in clusters.values():
        c.forms.sort(key=lambda f: (f.paragraph, f.name.start))
    return list(clusters.values())


def _part_of(words: Sequence[str], longer: Sequence[str]) -> bool:
    """``George Bush`` in ``George W Bush``; ``Berg Fallon`` in ``Jonas Berg Fallon``."""
    a, b = [key(w) for w in words], [key(w) for w in longer]
    if len(a) >= len(b):
        return False
    if a == b[-len(a):]:
        return True
    return a[0] == b[0] and a[-1] == b[-1]


def find_people(book: Book, curated: Sequence[Actor]) -> People:
    """Extracted people and organisations of the whole book (see the module docstring)."""
    known = {key(s) for a in curated for s in a.names}
    curated_surnames = {key(a.name).split()[-1] for a in curated
                        if a.kind == "person" and len(key(a.name).split()) > 1}
    book_clusters: dict[str, _Cluster] = {}
    singles: list[_Cluster] = []
    places: set[str] = set()
    prefill("people.names", [_names_job(source) for source in book.sources])
    for source in book.sources:
        found = source_names(source)
        places.update(key(f.name.text) for f in found if f.name.kind == "place")
        for c in cluster_source(source, [f for f in found if f.name.kind != "place"]):
            if any(key(s) in known for s in c.spellings()) or (
                    len(c.words) == 1 and c.kind == "person" and key(c.name) in curated_surnames):
                continue
            if len(c.words) == 1 and c.kind == "person":
                singles.append(c)
                continue
            target = book_clusters.setdefault(key(c.name), _Cluster(name=c.name, kind=c.kind))
            target.forms.extend(c.forms)
    # full names by surname, in book order (a cluster made below has one word: never an owner)
    by_surname: dict[str, list[_Cluster]] = {}
    for b in book_clusters.values():
        if b.kind == "person" and len(b.words) > 1:
            by_surname.setdefault(key(b.words[-1]), []).append(b)
    for c in singles:
        surname = key(c.name)
        owners = [b for b in by_surname.get(surname, ()) if _agree(b.gender, c.gender)]
        reasons = {f.name.reason.split(" ")[0] for f in c.forms}
        if reasons == {"line-up"} and by_surname.get(surname) or (
                reasons == {"role"} and len(owners) > 1):
            continue  # a weak one-word name whose surname belongs to others: no actor of its own
        target = owners[0] if len(owners) == 1 else book_clusters.setdefault(
            surname, _Cluster(name=c.name, kind="person"))
        target.forms.extend(c.forms)
    candidates = _join_near_misses(book_clusters)
    actors, genders = _actors(book_clusters.values(), {a.id for a in curated})
    return People(actors=tuple(actors), genders=genders, candidates=tuple(candidates),
                  places=frozenset(places))


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _role_words(cluster: _Cluster) -> set[str]:
    return {fold_word(w) for f in cluster.forms if f.name.role
            for w in re.findall(r"[\w-]+", f.name.role)
            if not is_function_word(w) and fold_word(w) not in word_list("weak_titles")}


def _join_near_misses(clusters: dict[str, _Cluster]) -> list[SpellingCandidate]:
    """Join full names one edit apart when a role word agrees; report the others."""
    names = sorted(k for k, c in clusters.items() if c.kind == "person" and len(c.words) > 1
                   and len(k) >= 8)
    index: dict[str, list[str]] = {}
    for name in names:
        for i in range(len(name) + 1):
            index.setdefault(name[:i] + name[i + 1:], []).append(name)
    candidates: list[SpellingCandidate] = []
    seen: set[tuple[str, str]] = set()
    merged: dict[str, str] = {}

    def resolve(name: str) -> str:
        while name in merged:
            name = merged[name]
        return name

    for name in names:
        for i in range(len(name) + 1):
            for other in index.get(name[:i] + name[i + 1:], ()):
                pair = (min(name, other), max(name, other))
                if other == name or pair in seen:
                    continue
                seen.add(pair)
                if Levenshtein.distance(name, other) != 1:
                    continue
                first_key, second_key = resolve(pair[0]), resolve(pair[1])
                if first_key == second_key:
                    continue
                a, b = clusters[first_key], clusters[second_key]
                big, small = (a, b) if len(a.forms) >= len(b.forms) else (b, a)
                shared = _role_words(a) & _role_words(b)
                if shared and _agree(a.gender, b.gender):
                    big.forms.extend(small.forms)
                    merged[key(small.name)] = key(big.name)
                    del clusters[key(small.name)]
                    continue
                first = small.forms[0]
                candidates.append(SpellingCandidate(
                    text=small.name, actor=slugify(big.name), registered=big.name,
                    source=first.source, paragraph=first.paragraph,
                    evidence="no role in common" if not shared else "genders differ"))
    return candidates


def _actors(clusters: Iterable[_Cluster], taken: set[str]) -> tuple[list[Actor], dict[str, str]]:
    actors: list[Actor] = []
    genders: dict[str, str] = {}
    ids = set(taken)
    for c in sorted(clusters, key=lambda c: key(c.name)):
        ident = slugify(c.name)
        if not ident:
            continue
        base, n = ident, 2
        while ident in ids:
            ident, n = f"{base}-{n}", n + 1
        ids.add(ident)
        roles: list[Role] = []
        for f in c.forms:
            if f.name.role and len(roles) < MAX_ROLES and \
                    key(f.name.role) not in {key(r.title) for r in roles}:
                roles.append(Role(title=f.name.role, cite=f"[@{f.source}, ¶ {f.paragraph}]",
                                  refs=(CiteItem(source=f.source, paragraphs=(f.paragraph,)),)))
        first = c.forms[0]
        reasons = sorted({f.name.reason for f in c.forms if f.name.reason != "acronym"})
        aliases = tuple(s for s in c.spellings() if key(s) != key(c.name))
        actors.append(Actor(
            id=ident, name=c.name, kind=c.kind, roles=tuple(roles), aliases=aliases,
            curated=False, description=(
                f"Found by extraction as {'a person' if c.kind == 'person' else 'an organisation'}"
                f" ({'; '.join(reasons[:3])}), first in {first.source}, ¶ {first.paragraph}.")))
        if c.gender in ("male", "female"):
            genders[ident] = c.gender
    return actors, genders
