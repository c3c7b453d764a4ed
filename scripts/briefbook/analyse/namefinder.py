"""Names in one paragraph: people, organisations and places, each with the reason it was typed.

A name is a run of capitalised words (with initials and particles such as *al-*, *bin*, *van*).
The run is cut in three parts:

1. leading words that are no part of a name: sentence openers and function words
   (*Meanwhile*, *Another*, *Speaking*), a word capitalised only because it opens the sentence
   while the article uses it in lower case elsewhere;
2. a *role* prefix: everything up to the last title or role word (*Foreign Minister*,
   *Labour MP*, *US Secretary of State*), kept apart from the name;
3. the name itself.

A name is a **person** when it has evidence of one: a strong title or honorific right before it
(``Mr``, ``Sen.``, ``President``, ``Maj. Gen.``), a role noun written before it (*analyst Carl
Emmerson*, *the minister for civil aviation X*), a given name of the name dictionary followed
by a surname (*Tony Blair*), or an apposition after it (*X, a Republican senator,* / *X, 45,*)
or before it (*The new chairman of the Bar Council, X*). A one-letter middle initial needs no
stop (*Charles A Blixt*); a capitalised function word ending a run (*… analyst X The row*: a
full stop left out) is no part of the name. It is an **organisation** when a word
of it heads organisation names (*Ministry*, *Party*, *plc*) and a **place** when the country data
knows it. Everything else is dropped: demonyms and other adjectives, numbers, headline text in
capitals, descriptors with no name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefbook.analyse.bodynames import (
    apposed_body,
    body_noun_opener,
    body_person,
    described_body,
    outlet_name,
    outlet_noun,
    which_body,
)
from briefbook.analyse.nameclues import (
    affiliation_after,
    apposition,
    corporate_owner,
    described_before,
    middle_initial,
    names_one_person,
    owner_of_person,
    plural_role,
    reported_person,
    role_before,
    service_body,
)
from briefbook.analyse.nametokens import (
    INITIAL_RE,
    PARTICLE_NAME_RE,
    SAINTS,
    Name,
    Token,
    group_possessive,
    headline_run,
    nationality_opener,
    particle_before_name,
    run_words,
    saint_institution,
    saint_possessive,
    surname_shaped_affiliation,
    tokens,
)
from briefbook.core.lexicon import (
    first_name_gender,
    fold_word,
    honorific_gender,
    is_agent_noun,
    is_function_word,
    is_name_particle,
    is_not_surname,
    is_organisation_word,
    is_outlet_word,
    is_post_nominal,
    is_strong_title,
    is_title,
    place_kind,
    word_list,
)

_NICKNAME_GAPS = ((" “", "” "), (' "', '" '), (" ‘", "’ "))
_PLAIN_HONORIFICS = frozenset("mr mrs ms miss mx messrs mister".split())
_KNIGHTHOODS = frozenset({"sir", "dame"})
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&]{1,5}")


#: A capitalised word joined to a lower-case descriptor: "DHL-owner", "Leeds-based",
#: "Labour-run", "Hindi-language"; not a hyphenated given name ("Ji-woo", "Seo-yeon").
_DESCRIPTOR_RE = re.compile(r"\w-(?:[a-z]{5,}|run|led|born|made|owned|held|wide|style|type|"
                            r"like|free|only|era|old|owner|based)$")


def _runs(toks: Sequence[Token], text: str) -> list[list[Token]]:
    """Runs of capitalised tokens separated by one space (particles, initials, nicknames)."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    skip = -1
    for index, tok in enumerate(toks):
        if index == skip:
            continue
        nxt = toks[index + 1] if index + 1 < len(toks) else None
        gap = text[current[-1].end:tok.start] if current else ""
        joined = bool(current) and (gap == " " or gap == " & " and tok.capitalised) and (
            not current[-1].possessive or saint_possessive(current)
            or group_possessive(current[-1], tok)) \
            and not _ends_sentence(current[-1])
        if current and nxt is not None and tok.capitalised and nxt.capitalised and \
                (gap, text[tok.end:nxt.start]) in _NICKNAME_GAPS:
            skip = index + 1  # Robert “Bob” Jones: the nickname is left out
            current.append(nxt)
            continue
        particle = bool(current) and not tok.capitalised and particle_before_name(
            toks, index, text)
        if tok.capitalised or particle:
            if not joined and current:
                runs.append(current)
                current = []
            current.append(tok)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [r for r in runs if not is_name_particle(r[-1].text) or r[-1].capitalised]


def _ends_sentence(tok: Token) -> bool:
    """A token written with a full stop that ends the sentence (not ``J.``, ``Sen.``).

    Only a short title is an abbreviation (``Gen.``, ``Capt.``): ``… Freight Group.`` ends.
    """
    return tok.text.endswith(".") and not INITIAL_RE.match(tok.text) and not (
        is_title(tok.text) and len(tok.text.rstrip(".")) <= 4)


def _opener(tok: Token, lower_words: frozenset[str], after: Token | None = None) -> bool:
    """A word that is no part of a name at the start of a run (``after``: the next word)."""
    word = fold_word(tok.bare)
    if is_function_word(word):
        return True
    if not tok.initial or first_name_gender(word) or is_title(word) or (
            after is not None and is_title(after.bare)):  # "Water Minister X": a portfolio
        return False
    return word in lower_words or word.endswith(("ing", "ly"))


def _org(run: Sequence[Token]) -> str | None:
    """The organisation word of a run, if any (outlet words make it a medium)."""
    for tok in run:
        if is_organisation_word(tok.bare):
            return tok.bare
    return None


def find_names(text: str, *, lower_words: frozenset[str] = frozenset(),
               surnames: frozenset[str] = frozenset()) -> list[Name]:
    """People, organisations and places named in one paragraph, in reading order.

    Args:
        text: The paragraph.
        lower_words: Folded words the article also writes in lower case (a capitalised
            sentence opener among them is an ordinary word, not a name).
        surnames: Folded surnames the article writes after an honorific (*Mr Adebayo*): a
            name of two or three words ending with one is a person (*Okonkwo Adebayo*).
    """
    found: list[Name] = []
    toks = tokens(text)
    runs = _runs(toks, text)
    index = 0
    while index < len(runs):
        run = runs[index]
        index += 1
        while run and (_opener(run[0], lower_words, run[1] if len(run) > 2 else None)
                       or nationality_opener(run)):  # "Swede Daniel Persson"
            run = run[1:]
        if body_noun_opener(run, text):
            run = run[1:]  # "Carmaker Jasper said": the noun opened the sentence
        while len(run) > 2 and is_function_word(run[-1].bare) and len(run[-1].bare) > 1:
            run = run[:-1]  # "… analyst Ann Roe The dispute": a full stop left out
        while run and _DESCRIPTOR_RE.search(run[0].bare):
            run = run[1:]  # "DHL-owner Deutsche Post", "Leeds-based Asda": a descriptor
        if not run or headline_run(run) or (
                "-" in run[0].bare
                and fold_word(run[0].bare.split("-")[0]) in word_list("adjective_prefixes")):
            continue  # "Non-European Union citizens": an adjective
        if len(run) > 1 and fold_word(run[0].bare) in word_list("weather_words"):
            continue  # "Storm Elin", "Hurricane Ida": a named weather event, not a person
        org = _org(run) or ("&" if len(run_words(run, text)) > len(run) else None) or (
            run[-1].bare if saint_institution(run) else None)
        if org is not None and (titled := _titled_person(run, text)):
            found.extend(titled)  # "Foreign Office Minister Bill Ray": the office and Bill Ray
            continue
        if org is not None and (split := _person_after_organisation(run, text)):
            run, person = split  # "Refugee Council Chief Executive Ann Roe"
            names, index = _organisation(run, runs, index, text, org)
            found.extend([*names, person])
            continue
        if org is not None:
            names, index = _organisation(run, runs, index, text, org)
            found.extend(replace(n, kind="media") if n.kind == "organization" and outlet_noun(
                text, n.start, n.end, possessive=n.possessive, after=False) else n for n in names)
            continue
        name = outlet_name(run, text) or which_body(run, text) or described_body(run, text) or \
            _person(run, text) or _given_name_tail(run, text) or apposed_body(run, text) or \
            _titled_elsewhere(run, surnames) or body_person(run, text, found) or \
            owner_of_person(run, runs[index] if index < len(runs) else None, text) or \
            corporate_owner(run, text) or reported_person(run, text)
        if name is not None and name.title and fold_word(name.title) in word_list(
                "peerage_titles") and index < len(runs) and (seat := re.match(
                    r" of (?:[A-Z][\w’'-]+ ?){1,2}", text[name.end:])) and \
                runs[index][0].start == name.end + 4:
            name = replace(name, text=text[name.start:name.end + seat.end()].rstrip(),
                           end=name.end + len(seat.group().rstrip()))  # "Lord X of Y"
            index += 1
        if name is not None:
            found.append(name)
            continue
        phrase = " ".join(t.bare for t in run)
        if place_kind(phrase) in ("country", "capital", "province"):
            found.append(Name(text=phrase, start=run[0].start, end=run[-1].start + len(
                run[-1].bare), kind="place", reason=f"place '{phrase}'"))
    return found


def _person_after_organisation(run: list[Token], text: str
                               ) -> tuple[list[Token], Name] | None:
    """An organisation's name run on into a person's: the organisation's part and the person.

    *Refugee Council Chief Executive Ann Roe*, *Casino Association Chairman Ian Lee*: a title
    after the organisation word opens a titled person; *Audit Committee Peter Lund MP*: a
    given name after it opens a person whose name is followed only by titles. ``None`` when
    nothing after the organisation word starts a person of two names or more.
    """
    at = next((i for i, t in enumerate(run) if is_organisation_word(t.bare)), len(run))
    for i in range(at + 1, len(run) - 1):
        word = run[i].bare
        if is_title(word) and not is_organisation_word(word):
            person = _person(run[i:], text)
        elif first_name_gender(word) and all(is_title(t.bare) for t in run[i + 2:]):
            person = _person(run[i:i + 2], text)
        else:
            continue
        if person is None or len(person.text.split()) < 2:
            return None
        return run[:i], person
    return None


def _given_name_tail(run: list[Token], text: str) -> Name | None:
    """A person ending a longer run of capitalised words: *Fellow Lib Dem Norman Baker*.

    When the whole run is no name, a given name of the name dictionary followed by one or two
    more words ending the run opens a person when the words before it end with a party word or
    demonym (*Lib Dem*, *Tory*) or a title or role word: they are the person's role. ``None``
    otherwise (*Tampa Bay Buccaneers*, *Great Ormond Street Hospital*).
    """
    for i in range(1, len(run) - 1):
        words = [t.bare for t in run[:i]]
        cue = is_title(words[-1]) or any(place_kind(" ".join(words[-n:])) == "demonym"
                                         for n in (1, 2) if n <= len(words)) or (
            i == 1 and is_agent_noun(words[0]))
        if cue and first_name_gender(run[i].bare) in ("male", "female") and len(run) - i <= 3:
            person = _person(run[i:], text)
            if person is None or person.kind != "person" or len(person.text.split()) < 2:
                return None
            prefix = " ".join(t.bare for t in run[:i])
            if i == 1 and not is_title(prefix):
                prefix = prefix.lower()  # "Shopkeeper Ewan Roe": the occupation is the role
            return replace(person, role=person.role or prefix,
                           reason=f"{person.reason} after '{prefix}'")
    return None


def _titled_elsewhere(run: list[Token], surnames: frozenset[str]) -> Name | None:
    """A full name whose surname the article writes after an honorific: *Okonkwo Adebayo*.

    Two or three capitalised words, none a title, function word, place or demonym, the last
    one of ``surnames`` (*Mr Adebayo* elsewhere in the article). ``None`` otherwise.
    """
    words = [t.bare for t in run]
    if "-" in words[0] and len(words) == 2:
        return None  # "Euro-Sceptic Kilroy-Silk": a descriptor before the surname
    if not 1 < len(words) <= 3 or fold_word(words[-1]) not in surnames or any(
            is_title(w) or is_function_word(w) or place_kind(w) or is_not_surname(w)
            or not w[:1].isupper() for w in words):
        return None
    return Name(text=" ".join(words), start=run[0].start, end=run[-1].start + len(run[-1].bare),
                kind="person", reason=f"surname '{words[-1]}' written with an honorific",
                possessive=run[-1].possessive)


def _titled_person(run: list[Token], text: str) -> list[Name]:
    """A person named after an organisation's title in one run: *US Treasury Secretary X Y*.

    The run holds a capitalised strong title (``Secretary``, ``Minister``) followed by two or
    three capitalised words with no title, organisation, function word or place among them:
    they are the person (the title their role); the words before the first title are the
    organisation when they make one (*Foreign Office*). ``[]`` otherwise.
    """
    cut = max((i for i, t in enumerate(run[:-2]) if is_strong_title(t.bare)
               and t.bare[:1].isupper()), default=-1)
    tail = [t.bare for t in run[cut + 1:]]
    if cut < 1 or not 1 < len(tail) <= 3 or any(
            is_title(w) or is_organisation_word(w) or is_function_word(w) or place_kind(w)
            or not w[:1].isupper() for w in tail):
        return []
    person = _person(run, text)
    if person is None or person.kind != "person":
        return []
    head = run[:next(i for i, t in enumerate(run) if is_strong_title(t.bare))]
    body = [] if _org(head) is None or len(head) < 2 else [Name(
        text=" ".join(t.bare for t in head), start=head[0].start,
        end=head[-1].start + len(head[-1].bare), kind="organization",
        reason=f"organisation word '{_org(head)}'")]
    return [*body, person]


def _joined_before(prev: list[Token], text: str, start: int) -> list[Token]:
    """The words of the run before an organisation's that join it over *and*, or ``[]``.

    *The Bakers and Allied Workers Union*, *Farmers and Growers Association*: one or two
    capitalised words (a leading *The* left out), none a given name, place, function word or
    lone acronym (*UPS and X*: two names).
    """
    while prev and is_function_word(prev[0].bare):
        prev = prev[1:]
    if not prev or len(prev) > 2 or not re.fullmatch(r" and ", text[prev[-1].end:start]) or any(
            first_name_gender(t.bare) or place_kind(t.bare) or is_function_word(t.bare)
            for t in prev) or (len(prev) == 1 and _ACRONYM_RE.fullmatch(prev[0].bare)):
        return []
    return prev


def _organisation(run: list[Token], runs: Sequence[list[Token]], index: int, text: str,
                  org: str) -> tuple[list[Name], int]:
    """An organisation run, extended over ``of``/``for``/``and`` to the next runs.

    Returns:
        The organisation (none when it is a lone common noun) and the index of the next run
        to read (runs wholly taken into the name are skipped).
    """
    while run and (is_title(run[0].bare) and not is_organisation_word(run[0].bare)
                   and place_kind(run[0].bare) is None and fold_word(run[0].bare) != "the"
                   and fold_word(run[0].bare) not in SAINTS
                   and len(run) > 1 and is_strong_title(run[0].bare)):
        run = run[1:]
    words = run_words(run, text)
    start, end = run[0].start, run[-1].start + len(run[-1].bare)
    prev = _joined_before(runs[index - 2], text, start) if index >= 2 and \
        run is runs[index - 1] else []
    if prev:
        words = [t.bare for t in prev] + ["and"] + words
        start = prev[0].start
    if run[0].bare.isupper() and len(run[0].bare) > 1 and is_organisation_word(run[0].bare):
        return [Name(text=run[0].bare, start=start, end=start + len(run[0].bare),
                     kind="media" if is_outlet_word(run[0].bare) else "organization",
                     reason=f"organisation '{run[0].bare}'", possessive=run[0].possessive)], index
    last = run[-1]
    joins = 0
    while index < len(runs) and not last.possessive and joins < 3:
        nxt = runs[index]
        gap = text[end:nxt[0].start]
        glue = re.fullmatch(r" (?:(?:of|for|de) (?:the )?|and )", gap) or (
            gap == " on " and fold_word(last.bare) in word_list("on_bodies"))  # "Committee on X"
        if not glue or (gap == " and " and (joins == 0 or len(nxt) > 2 or _org(nxt))):
            break
        cut = next((i for i, t in enumerate(nxt) if (  # a title opens a person only before
            is_strong_title(t.bare) and i + 1 < len(nxt)  # a name: "Court of Justice" joins
            and not is_title(nxt[i + 1].bare)) or first_name_gender(t.bare)
            or is_function_word(t.bare)), len(nxt))
        if not cut:
            break
        words += [gap.strip()] + [t.bare for t in nxt[:cut]]
        last = nxt[cut - 1]
        end = last.start + len(last.bare)
        joins += 1
        if cut < len(nxt):
            break
        index += 1
    if len([w for w in words if w[:1].isupper()]) < 2 or (
            len(words) == 2 and is_title(words[0]) and place_kind(words[0]) is None
            and not service_body(words)):
        return [], index  # a lone "Government", "Party"; a generic "Foreign Ministry"
    kind = "media" if is_outlet_word(words[-1]) and not is_organisation_word(words[0]) and (
        fold_word(words[-1]) != "agency" or any(is_outlet_word(w) for w in words[:-1])) \
        else "organization"  # "Xinhua News Agency"; not "UK Health Security Agency"
    return [Name(text=" ".join(words), start=start, end=end, kind=kind,
                 reason=f"organisation word '{org}'" if org != "&" else "names joined by '&'",
                 possessive=last.possessive)], index


def _rank(prefix: Sequence[Token]) -> str | None:
    """The honorific ending a person's prefix, with the rank words before it, or ``None``.

    A military rank of several words is one title (*Maj Gen*, *Lt Col*, *Rear Adm*, *Air
    Vice-Marshal*, *Detective Sgt*): capitalised honorifics of ``honorifics.txt`` and words of
    ``rank_words.txt`` before the last honorific join it; a plain one (*Mr*), a knighthood or
    a peerage (*Gen Sir X*: *Sir*, which tells the given name) stands alone.
    """
    if not prefix or not honorific_gender(prefix[-1].bare):
        return None
    start = len(prefix) - 1
    last = fold_word(prefix[-1].bare)
    if last not in _PLAIN_HONORIFICS and last not in _KNIGHTHOODS and \
            last not in word_list("peerage_titles"):  # "Gen Sir X": Sir alone is the title
        while start > 0 and (word := prefix[start - 1].bare)[:1].isupper() and \
                fold_word(word) not in _PLAIN_HONORIFICS and (
                    honorific_gender(word) or fold_word(word) in word_list("rank_words")):
            start -= 1
    return " ".join(t.bare for t in prefix[start:])


def _person(run: list[Token], text: str) -> Name | None:
    """A person's name in a run (a role prefix split off), or ``None``."""
    while len(run) > 2 and is_post_nominal(run[-1].bare):
        run = run[:-1]  # "Ann Roe MSP", "Sir Ian Dale QC": letters after the name
    cut = max((i for i, t in enumerate(run[:-1]) if is_title(t.bare) or (
        len(run) - i > 2 and first_name_gender(run[i + 1].bare) and "demonym" in (
            place_kind(t.bare), place_kind(" ".join(x.bare for x in run[:i + 1]))))),
              default=-1)  # "For the Lib Dems David Laws said": the party is no part of it
    prefix, name = run[:cut + 1], run[cut + 1:]
    while name and INITIAL_RE.match(name[0].bare) and len(name) == 2 \
            and not first_name_gender(name[1].bare):
        name = name[1:]  # "A Roe": an initial (a particle stays: "Mr van der Meulen")
    if not name or len(name) > 4 or re.match(r"[’']\s", text[name[-1].end:name[-1].end + 2]
                                              + " ") and not name[-1].possessive:
        return None  # a name in a single-quoted title: 'No More Mr Nasty'
    if name[-1].text.endswith(("'", "’")) and not name[-1].possessive:
        return None
    words = [t.bare for t in name]
    last = fold_word(words[-1])
    honorific = _rank(prefix)
    titled = bool(honorific) or any(is_strong_title(t.bare) for t in prefix)
    party_surname = (titled or (len(words) == 2 and place_kind(words[0]) is None
                                and first_name_gender(words[0]) in ("male", "female")
                                and last not in word_list("party_names"))) and \
        surname_shaped_affiliation(words[-1])  # "Steve Green", not "Mark Labour"
    place = place_kind(" ".join(words))
    if party_surname and place == "demonym":
        place = None  # "Mr Green"
    thing = is_not_surname(last) and not (
        len(words) == 2 and first_name_gender(words[0]) and apposition(text, name[-1].end)) \
        and not (titled and len(words) > 1)  # "Prof Ji-woo Park": a title makes it a surname
    surname = bool(honorific) and fold_word(honorific) in _PLAIN_HONORIFICS and \
        len(words) == 1 and last in word_list("title_surnames")  # "Ms King", "Mr Major"
    if is_function_word(last) or (is_title(last) and len(words) == 1 and not surname) or thing \
            or (place and (place != "province" or not honorific)) \
            or any((place_kind(w) == "demonym" and not (w is words[-1] and party_surname))
                   or (is_function_word(w) and not middle_initial(words, i))
                   for i, w in enumerate(words)) \
            or not all(w[:1].isupper() or is_name_particle(w)
                       or PARTICLE_NAME_RE.match(w) for w in words):
        return None
    start, end = name[0].start, name[-1].start + len(name[-1].bare)
    strong = [t.bare for t in prefix if is_strong_title(t.bare)]
    role = " ".join(t.bare for t in prefix if fold_word(t.bare) not in _PLAIN_HONORIFICS) or None
    if role and (head := re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)*) of (?:the )?$",
                                   text[max(0, run[0].start - 60):run[0].start])):
        role = f"{head.group()}{role}" if is_title(head.group(1).split()[-1]) else role
    before = role_before(text, run[0].start)
    given = first_name_gender(words[0]) if len(words) > 1 and place_kind(words[0]) in (
        None, "province") else None
    gender = (honorific_gender(honorific) if honorific else None) or given
    if gender == "either" and given:
        gender = given
    possessive = name[-1].possessive
    if strong and (len(words) > 1 or honorific):
        reason = f"title '{' '.join(strong)}'"
    elif given:
        reason = f"given name '{words[0]}'"
    elif before and not plural_role(before) and (len(words) > 1 or names_one_person(
            before) and not (is_organisation_word(words[0]) or words[0].isupper()
                             or first_name_gender(words[0]))):
        reason, role = f"role '{before}'", before  # "analyst Carl Emmerson", "striker Drogba"
    elif len(words) > 1 and (appos := apposition(text, end + (2 if possessive else 0))):
        reason, role = f"apposition '{appos}'", appos
    elif len(words) > 1 and (described := described_before(text, start)):
        reason, role = f"apposition '{described}'", described
    elif len(words) == 2 and (body := affiliation_after(text, end)):
        reason = f"from '{body}'"
    else:
        return None
    if before and not role:
        role = before
    if not role and len(words) > 1 and (appos := apposition(text, end)) and \
            not appos[:1].isdigit():  # an age ("X, 51,") is no role
        role = appos  # "Ann Roe, the water minister,": her role, whatever made her a person
    if not role and len(words) > 1 and (described := described_before(text, start)):
        role = described  # "The housing secretary, Ann Roe, said": found by her given name
    if any(INITIAL_RE.match(w) for w in words) and len(words) == 1:
        return None
    role = role.strip(" -–—:;,") or None if role else None  # "BERLIN (dpa) - minister X"
    return Name(text=" ".join(words), start=start, end=end, kind="person", reason=reason,
                role=role, gender=gender if gender != "either" else None,
                possessive=possessive, title=honorific)
