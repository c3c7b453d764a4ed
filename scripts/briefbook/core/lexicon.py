"""What a word is in a name: given name, title, role, organisation head, place or outlet.

The knowledge comes from maintained packages where one exists and from small word lists
shipped as package data (``briefbook/core/data/*.txt``, one folded word or phrase a line,
``#`` comments) that a book may extend:

- given names and their usual gender: the name dictionary of ``gender-guesser`` (J. Michael's
  ``nam_dict``, about 45,000 first names of 50 countries); words that list also knows but that
  news prose mostly uses as ordinary words are in ``not_first_names.txt``;
- titles: ``nameparser``'s title set (``President``, ``Maj.``, ``Foreign``…) with
  ``role_words.txt`` (spokesman, MP, analyst…); ``weak_titles.txt`` names the words of that set
  that are no evidence of a person (``National``, ``United``); ``honorifics.txt`` the titles
  written right before a name with the gender they imply;
- places: country names, other spellings, capitals and provinces and the demonyms of
  ``countryinfo``, with ``region_words.txt`` (Western, Gulf, Whitehall…);
- ``organisation_words.txt`` (Ministry, Party, plc…), ``outlet_words.txt`` (Times, Wire…),
  ``body_nouns.txt`` (the firm, the charity…), ``document_words.txt`` (the report, a statement…),
  ``speech_verbs.txt`` (said, sighed, quipped…) and ``function_words.txt`` (sentence openers,
  pronouns, numbers, weekdays);
- name particles: ``nameparser``'s prefixes (de, la, van, der, bin…) with
  ``name_particles.txt``, less ``not_name_particles.txt``; ``rank_words.txt`` (Rear, Air…
  before a rank honorific), ``outlet_nouns.txt`` (broadcaster, newspaper…) and
  ``institution_words.txt`` (Hospital, Center… after a saint's name).

Every lookup takes a folded word (:func:`fold_word`) and is memoised; nothing here reads an
article.
"""

from __future__ import annotations

import calendar
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gender_guesser.detector

DATA_FILES = ("adjective_prefixes", "affiliations", "body_nouns", "clause_openers",
              "document_words", "feeling_participles", "function_words", "group_descriptors",
              "headline_verbs", "honorifics", "interview_labels", "judging_verbs",
              "not_first_names", "not_speech_infinitives", "not_speech_participles", "not_surnames",
              "object_speech_verbs", "office_words", "on_bodies", "organisation_words",
              "outlet_words", "party_names", "past_qualifiers", "peerage_titles", "post_nominals",
              "region_words", "relation_nouns", "reply_verbs", "role_prefixes", "role_qualifiers",
              "role_words", "saying_nouns", "seat_names", "speech_nouns", "speech_verbs",
              "statement_verbs", "term_markers", "title_surnames", "weak_titles",
              "agent_suffixes", "answer_labels", "not_agent_nouns", "weather_words",
              "member_bodies", "corporate_parts", "name_particles", "not_name_particles",
              "rank_words", "outlet_nouns", "institution_words", "nationality_nouns",
              "legislation_words", "lineup_labels", "epithet_nouns", "company_roles")
#: Lists whose lines hold a word and then fields about it (``minister general``).
_FIRST_FIELD = frozenset({"honorifics", "office_words"})
_ABSTRACT_SUFFIXES = ("ency", "ancy", "acy", "ation", "ition", "ment", "ship", "ism", "ness",
                      "ity", "hood", "dom")


@lru_cache(maxsize=1 << 17)
def fold_word(word: str) -> str:
    """A word folded for lookup: lower case, accents and a trailing full stop removed.

    Memoised (a book folds the same few thousand words millions of times); plain ASCII needs
    no decomposition.
    """
    plain = word.strip().rstrip(".")
    if plain.isascii():
        return plain.lower()
    decomposed = unicodedata.normalize("NFKD", word.strip().rstrip(".").replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of ``core/data/<name>.txt`` (each line, or its first field, folded).

    Raises:
        FileNotFoundError: ``name`` is not one of :data:`DATA_FILES`.
    """
    text = resources.files("briefbook.core").joinpath("data", f"{name}.txt").read_text("utf-8")
    entries = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.add(fold_word(line.split(" ", 1)[0] if name in _FIRST_FIELD else line))
    return frozenset(entries)


@cache
def honorific_genders() -> dict[str, str]:
    """Honorific → ``male``, ``female`` or ``either`` (from ``honorifics.txt``)."""
    text = resources.files("briefbook.core").joinpath("data", "honorifics.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) == 2:
            out[fold_word(fields[0])] = fields[1]
    return out


@cache
def _gender_detector() -> gender_guesser.detector.Detector:
    """The name dictionary, parsed once (about 0.3 s) on first use."""
    import gender_guesser.detector  # imported on first use: a build the cache answers needs none

    return gender_guesser.detector.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
@lru_cache(maxsize=1 << 16)
def first_name_gender(word: str) -> str | None:
    """The usual gender of a given name: ``male``, ``female``, ``either``, or ``None``.

    ``None`` when ``word`` is not a given name of the name dictionary, or is one of the
    ordinary words listed in ``not_first_names.txt``. A hyphenated name (``Jean-Michel``) is a
    given name when both its parts are, with the gender of the first.
    """
    folded = fold_word(word)
    parts = folded.split("-")
    if len(parts) == 2 and all(parts):  # "Jean-Michel", "Anne-Marie": both parts given names
        genders = [first_name_gender(p) for p in parts]
        return genders[0] if all(genders) else None
    if len(folded) < 2 or folded in word_list("not_first_names") or not folded.isalpha():
        return None
    detector = _gender_detector()
    guess = detector.get_gender(folded)
    if guess == "unknown":
        return None
    # a name whose usual gender differs between the English-speaking countries of the
    # dictionary and the rest (Jan, Jean, Sasha: male in most, female in Britain) is either
    found = {_GENDERS.get(g) for g in (guess, *(detector.get_gender(folded, country)
                                                for country in ("great_britain", "usa")))}
    definite = found - {None, "either"}
    return definite.pop() if len(definite) == 1 else "either"


_GENDERS = {"male": "male", "mostly_male": "male", "female": "female",
            "mostly_female": "female", "andy": "either"}


@cache
def _titles() -> frozenset[str]:
    from nameparser.config import CONSTANTS  # about 50 ms to import: only when a title is read

    return frozenset(fold_word(t) for t in CONSTANTS.titles) | word_list("role_words") \
        | frozenset(honorific_genders())


def is_title(word: str) -> bool:
    """A title, rank or role word (``President``, ``Sen.``, ``spokeswoman``, ``Foreign``)."""
    return fold_word(word) in _titles()


def is_strong_title(word: str) -> bool:
    """A title that is evidence of a person: a title but not a weak modifier (``National``)."""
    folded = fold_word(word)
    return folded in _titles() and folded not in word_list("weak_titles")


def is_role_word(word: str) -> bool:
    """A role noun of ``role_words.txt`` (``spokesman``, ``official``, ``analyst``).

    A hyphenated compound of a prefix of ``role_prefixes.txt`` and a role noun is one too
    (``co-chairman``, ``ex-minister``), and so is any scientist in *-ologist(s)*
    (``hydrologist``, ``seismologists``: English derivation, no other noun ends so).
    """
    folded = fold_word(word)
    roles = word_list("role_words")
    if folded in roles or folded.endswith(("ologist", "ologists")):
        return True
    prefix, _, rest = folded.partition("-")
    return bool(rest) and prefix in word_list("role_prefixes") and rest in roles


def honorific_gender(word: str) -> str | None:
    """The gender an honorific implies (``Mrs`` → ``female``), ``either``, or ``None``.

    A rank of several words (``Maj Gen``, ``Air Vice-Marshal``) is read by its last word.
    """
    return honorific_genders().get(fold_word(word.rsplit(" ", 1)[-1]))


def is_relation_noun(word: str) -> bool:
    """A noun for a tie to another person (``wife``, ``friend``: ``relation_nouns.txt``)."""
    return fold_word(word) in word_list("relation_nouns")


def is_speech_verb(word: str) -> bool:
    """A verb that introduces a quotation (``said``, ``sighed``).

    A present participle counts when ``speech_verbs.txt`` lists the regular past of its verb
    (:func:`participle_bases`): *stressing* (``stressed``), *declaring* (``declared``), unless
    ``not_speech_participles.txt`` lists the verb (*continuing to cool*, *asking prices*).
    """
    folded = fold_word(word)
    verbs = word_list("speech_verbs")
    if folded in verbs:
        return True
    bases = participle_bases(folded)
    return not word_list("not_speech_participles").intersection(bases) and any(
        regular_past(base) in verbs for base in bases)


@lru_cache(maxsize=1 << 14)
def is_speech_verb_base(word: str) -> bool:
    """A bare verb (*suggest*, *declare*, *deny*) whose regular past is a speech verb.

    Only a caller that has seen a modal or *to* before the word may take it as a verb: most
    bare forms are nouns too (*a claim*, *the state*). ``not_speech_infinitives.txt`` lists the
    verbs whose bare form mostly means something else (*counter*, *post*, *call*, *declare*).
    """
    folded = fold_word(word)
    if not folded.isalpha() or len(folded) < 3 or \
            folded in word_list("not_speech_infinitives"):
        return False  # "this would counter the claims": not "countered"
    return regular_past(folded) in word_list("speech_verbs")


def regular_past(base: str) -> str:
    """The regular past of a bare verb (*stress* → *stressed*, *deny* → *denied*).

    A silent *e* takes *-d* (*declare* → *declared*), a *y* after a consonant becomes *ied*.
    """
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    return base + ("d" if base.endswith("e") else "ed")


@lru_cache(maxsize=1 << 14)
def participle_bases(word: str) -> tuple[str, ...]:
    """The bare verbs a present participle (``-ing``) may come from.

    English spelling rules (Quirk et al., *A Comprehensive Grammar*, 3.8-3.10): the base of a
    participle is its stem (*stress|ing*), its stem with a silent *e* (*declar|ing* →
    *declare*), or its stem less a doubled final consonant (*admitt|ing* → *admit*). Callers
    take only regular pasts of these (:func:`regular_past`): an irregular verb's forms
    (*spoke*, *thought*, *read*) are intransitive or mental verbs more often than reporting
    ones, so their participles must be listed to count. Returns an empty tuple for a word
    that is not a participle with a stem of at least three letters.
    """
    if not word.endswith("ing") or len(word) < 6 or not word.isalpha():
        return ()
    stem = word[:-3]
    bases = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        bases.append(stem[:-1])
    return tuple(bases)


def is_post_nominal(word: str) -> bool:
    """Letters after a name that are no part of it (``MP``, ``QC``, ``MSP``): upper case only.

    ``nameparser``'s suffix acronyms with ``post_nominals.txt``.
    """
    return word.isupper() and len(word) > 1 and fold_word(word) in _post_nominals()


@cache
def _post_nominals() -> frozenset[str]:
    from nameparser.config import CONSTANTS  # imported only when a name is read
    return frozenset(CONSTANTS.suffix_acronyms) | word_list("post_nominals")


def is_name_particle(word: str) -> bool:
    """A lower-case particle inside a personal name (``de``, ``la``, ``van``, ``der``, ``bin``).

    ``nameparser``'s alphabetic name prefixes with ``name_particles.txt``, less the English
    words of ``not_name_particles.txt``. Case is not checked: the caller decides whether a
    capitalised ``De`` may open a name.
    """
    return fold_word(word).rstrip("-") in _name_particles()


@cache
def _name_particles() -> frozenset[str]:
    from nameparser.config import CONSTANTS  # imported only when a name is read
    prefixes = frozenset(p for p in CONSTANTS.prefixes if p.isalpha())
    return (prefixes | word_list("name_particles")) - word_list("not_name_particles")


def is_function_word(word: str) -> bool:
    """A sentence opener, pronoun, number or calendar word (never part of a name)."""
    return fold_word(word) in word_list("function_words")


def is_organisation_word(word: str) -> bool:
    """A head word of organisation names (``Ministry``, ``Party``, ``plc``)."""
    return fold_word(word) in word_list("organisation_words")


def opens_clause(word: str) -> bool:
    """A word that opens an adverbial clause before a subject (``In``, ``On``, ``Speaking``)."""
    folded = fold_word(word)
    return folded in word_list("clause_openers") or (folded.endswith("ing") and len(folded) > 5)


def term_marker_before(text: str) -> str | None:
    """The phrase of ``term_markers.txt`` that ``text`` ends with (``known as``), if any."""
    folded = " ".join(fold_word(w) for w in text.split()[-3:])
    return next((m for m in sorted(word_list("term_markers"), key=len, reverse=True)
                 if folded == m or folded.endswith(" " + m)), None)


def is_document_word(word: str) -> bool:
    """A noun of a written statement (``report``, ``statement``, ``survey``)."""
    return fold_word(word) in word_list("document_words")


def is_body_noun(word: str) -> bool:
    """A common noun standing for a named organisation (``firm``, ``charity``, ``bank``)."""
    return fold_word(word) in word_list("body_nouns")


def is_not_surname(word: str) -> bool:
    """A noun that ends names of things, not of people (``Presidency``, ``Street``, ``Bill``).

    A word of ``not_surnames.txt``, or one with an abstract suffix (``-ment``, ``-ship``) that
    is not itself a given name of the name dictionary (*Wolfgang Clement*, *Vincent*).
    """
    folded = fold_word(word)
    return folded in word_list("not_surnames") or (
        len(folded) > 6 and folded.endswith(_ABSTRACT_SUFFIXES)
        and first_name_gender(folded) is None)


def is_outlet_noun(phrase: str) -> bool:
    """A common noun for a news outlet (``broadcaster``, ``newspaper``, ``news agency``).

    From ``outlet_nouns.txt``; a plural is read as its singular.
    """
    folded = " ".join(fold_word(w) for w in phrase.split())
    nouns = word_list("outlet_nouns")
    return folded in nouns or (folded.endswith("s") and folded[:-1] in nouns)


def is_outlet_word(word: str) -> bool:
    """A word that marks a news outlet (``Times``, ``Wire``, ``Reuters``)."""
    return fold_word(word) in word_list("outlet_words")


@cache
def _places() -> dict[str, str]:
    """Folded place name → ``country``, ``capital``, ``province``, ``demonym`` or ``region``."""
    from countryinfo import CountryInfo  # about 45 ms to import: only when a place is looked up

    places: dict[str, str] = {}
    for info in CountryInfo.all().values():
        for province in info.get("provinces") or ():
            places.setdefault(fold_word(province), "province")
        capitals = info.get("capital") or ()
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            places.setdefault(fold_word(capital), "capital")
        for demonym in (info.get("demonym") or "").split(","):
            if demonym.strip():
                places[fold_word(demonym)] = "demonym"
        for spelling in (info.get("name"), *(info.get("altSpellings") or ())):
            if spelling and len(spelling) > 3:
                places[fold_word(spelling)] = "country"
    for region in word_list("region_words"):
        places.setdefault(region, "region")
    for word in word_list("affiliations"):
        places.setdefault(word, "demonym")
    return places


@cache
def _country_demonyms() -> frozenset[str]:
    from countryinfo import CountryInfo  # see _places

    return frozenset(fold_word(d) for info in CountryInfo.all().values()
                     for d in (info.get("demonym") or "").split(",") if d.strip())


def is_party_word(word: str) -> bool:
    """A party or faith word of ``affiliations.txt`` that is no country's demonym (``Green``)."""
    folded = fold_word(word)
    return folded in word_list("affiliations") and folded not in _country_demonyms()


def place_kind(phrase: str) -> str | None:
    """What ``phrase`` names as a place (``country``, ``demonym``…), or ``None``.

    A demonym's plural (``Americans``) and a possessive (``Britain's``) count too; party and
    faith words of ``affiliations.txt`` (``Republicans``) are typed ``demonym`` as well.
    """
    folded = fold_word(phrase)
    if folded.endswith("'s"):
        folded = folded[:-2]
    places = _places()
    if folded in places:
        return places[folded]
    if folded.endswith("s") and places.get(folded[:-1]) == "demonym":
        return "demonym"
    return None


def nationality_noun(word: str) -> str | None:
    """A singular noun for a person of a nation: ``male``, ``female``, ``person`` or ``None``.

    *Irishman* and *Frenchwoman* (a country's demonym and -man / -woman: male, female), a
    demonym used as a noun (*Brazilian*, *American*: person) and the irregular nouns of
    ``nationality_nouns.txt`` (*Spaniard*, *Briton*, *Swede*: person, or by their ending).
    Plurals (*Americans*) are groups, and party words (*Conservatives*, *the Democrat*) are
    not nations: ``None``. Source: country demonyms of the ``countryinfo`` data; English
    compounding of demonym and *man*/*woman*.
    """
    folded = fold_word(word)
    if not word[:1].isupper() or not folded.isalpha():
        return None
    nouns, demonyms = word_list("nationality_nouns"), _country_demonyms()
    for suffix, gender in (("woman", "female"), ("man", "male")):
        if folded.endswith(suffix) and (folded[:-len(suffix)] in demonyms or folded in nouns):
            return gender
    return "person" if folded in nouns or folded in demonyms else None


def is_agent_noun(word: str) -> bool:
    """Whether ``word`` is a capitalised occupation noun: *Shopkeeper*, *Florist*, *Pensioner*.

    One word of five letters or more in title case ending in a common English agent suffix
    (data file ``agent_suffixes``: -er, -or, -ist, -ian, -ant, -ent, -man), not a given name,
    function word, place, month, title or ``not_agent_nouns`` entry (*Recent*, *Never*,
    *Government*). Source of the rule: English agentive derivation.
    """
    folded = fold_word(word)
    return len(word) > 4 and word[:1].isupper() and word[1:].islower() and \
        folded.endswith(tuple(word_list("agent_suffixes"))) and \
        folded not in word_list("not_agent_nouns") and \
        not first_name_gender(word) and not is_function_word(word) and \
        not place_kind(word) and not is_title(word) and \
        folded not in {m.lower() for m in calendar.month_name if m}
