"""Quotations that had no cue at all: reporting verbs in forms the word list did not hold,
reported speech that goes on without repeating its verb, and quotations standing alone in a
paragraph whose earlier sentences report one person.

Each article is written for the test (its own names, outlets and quotation marks); each
asserts the speaker, or that a term or a scare quote keeps none.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of
from briefbook.core.lexicon import is_speech_verb, participle_bases, regular_past

# -- a reporting verb as a participle or in a rarer word -------------------------------------


def test_a_participle_is_a_speech_verb_when_its_past_is_one() -> None:
    for word in ("stressing", "declaring", "accusing", "denying", "admitting", "arguing",
                 "Insisting"):
        assert is_speech_verb(word), word
    for word in ("speaking", "reading", "thinking", "morning", "evening", "during", "bring",
                 "something", "building", "continuing", "asking", "pointing", "promising"):
        assert not is_speech_verb(word), word  # irregular pasts, non-verbs, other senses
    assert "declare" in participle_bases("declaring")
    assert "admit" in participle_bases("admitting")
    assert participle_bases("sing") == ()
    assert [regular_past(w) for w in ("stress", "declare", "deny", "say")] == [
        "stressed", "declared", "denied", "sayed"]


def test_a_participle_clause_after_with_gives_the_quotation_to_its_subject(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Greens leader Ilse Marquardt has opened her party's campaign.\n\n"
        "There is a different tone on housing, with Ms Marquardt stressing councils should "
        "not «stoke a false panic» about rents. She was also upbeat about her party's "
        "chances, declaring the Liberals were no longer ‘serious contenders’ in the north.\n"))
    assert speaker_of(a, "stoke a false panic")[0] == "Ilse Marquardt"
    assert speaker_of(a, "serious contenders")[0] == "Ilse Marquardt"


def test_a_participle_of_accusation_gives_the_quotation_to_the_subject(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The new quiz show split its critics.\n\n"
        "But Dame Harriet Oyelaran, a former broadcasting regulator, was scathing, accusing "
        "the network of \"cheapening debate\".\n"))
    assert speaker_of(a, "cheapening debate")[0] == "Harriet Oyelaran"


def test_rarer_reporting_verbs_after_a_quotation(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The panel heard from ten hopefuls on Tuesday.\n\n"
        "\"Will you not think of the fishermen?\", implored harbour campaigner Tove Lindahl. "
        "\"It went badly. I could not find the words,\" a tearful Mr Pereira confided to the "
        "host. Prices will settle by spring, Dr Anja Voss intimated. 'In forecasting there is "
        "safety in numbers.'\n"))
    assert speaker_of(a, "Will you not think")[0] == "Tove Lindahl"
    assert speaker_of(a, "It went badly")[0] == "Pereira"
    assert speaker_of(a, "In forecasting")[0] == "Anja Voss"


def test_a_gerund_after_a_determiner_is_no_speech_verb(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The council met on Monday.\n\n"
        "After a long meeting, the stressing of \"local needs\" in the plan pleased Mayor "
        "Petra Holm's critics.\n"))
    assert speaker_of(a, "local needs")[0] is None


# -- a reporting verb as a bare infinitive after a modal or "to" ----------------------------


def test_a_bare_infinitive_after_to_or_a_modal_is_a_reporting_verb(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Rafael Quintero spoke to party members in Valencia.\n\n"
        "Mr Quintero went on to suggest a narrow win for the government would be a "
        "“hollow victory” for the premier. He would not deny that his party was "
        "‹short of money›.\n"))
    assert speaker_of(a, "hollow victory")[0] == "Rafael Quintero"
    assert speaker_of(a, "short of money")[0] == "Rafael Quintero"


def test_a_bare_verb_with_no_modal_is_a_noun_or_no_reporting_verb(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Councillor Bridget Nwosu has proposed a new harbour levy.\n\n"
        "The state pension claim of \"fair shares\" was raised again. Ms Nwosu said the levy "
        "would counter \"so-called cheap\" ferries, and that it should not \"stoke a "
        "price war\".\n"))
    assert speaker_of(a, "fair shares")[0] is None
    assert speaker_of(a, "so-called cheap")[0] == "Bridget Nwosu"
    assert speaker_of(a, "stoke a price war")[0] == "Bridget Nwosu"


# -- reported speech that goes on without repeating its subject ----------------------------


def test_a_verb_with_no_subject_after_a_reported_sentence_keeps_its_reporter(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Premier Lars Eklund returned from Oslo on Friday.\n\n"
        "In his first comments since the audit, Mr Eklund told reporters he had not yet read "
        "it. But told the Nordic Post: «As far as I am concerned, the matter is closed.»\n"))
    assert speaker_of(a, "As far as I am concerned")[0] == "Lars Eklund"


def test_a_verb_with_no_subject_follows_the_sentence_before_not_an_older_speaker(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"We will not resign,\" Premier Lars Eklund said on Friday.\n\n"
        "The party treasurer said the accounts were sound. And added: \"Nobody has lost a "
        "single krone.\"\n"))
    speaker, anonymous, _ = speaker_of(a, "Nobody has lost")
    assert speaker is None and anonymous == "The party treasurer"


def test_a_speech_noun_after_a_possessive_and_an_ordinal_is_no_verb(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "'The strike must end,' union leader Pavel Horak said on Monday.\n\n"
        "In her first comments since the vote, Chancellor Mireille Fontaine told the Gazette "
        "she was relieved. And added: 'Nobody wins a strike.'\n"))
    assert speaker_of(a, "Nobody wins")[0] == "Mireille Fontaine"


def test_a_clause_with_its_reporting_verb_elided_keeps_the_sentence_befores_speaker(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Michaela Brandt has set out her plans.\n\n"
        "She will say the Greens „share the values“ of rural voters. And that she wants to "
        "build a „fairer Hesse“ where everyone can „make the most of their land“.\n\n"
        "Finance spokesman Otto Lind said the budget was short of money. And that the party "
        "would find the \"missing millions\" elsewhere.\n"))
    for start in ("fairer Hesse", "make the most"):
        assert speaker_of(a, start)[0] == "Michaela Brandt", start
    assert speaker_of(a, "missing millions")[0] == "Otto Lind"


def test_a_demonstrative_that_opens_no_elided_clause(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mayor Ines Kowal presented the budget on Monday.\n\n"
        "The budget was criticised by the opposition. And that was \"no surprise\" to the "
        "town's traders.\n"))
    assert speaker_of(a, "no surprise")[:2] == (None, None)


# -- a statement standing alone after the previous speaker's words --------------------------


def test_a_statement_after_background_keeps_the_speaker_the_paragraph_reports(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Hafenstadt FC chairman Jürgen Albers has said the club may list its shares.\n\n"
        "\"We will review everything when the new ground opens,\" Mr Albers said.\n\n"
        "Mr Albers said that, although sponsorship had carried the club, he feared fans were "
        "tiring of the cost. Since 2001, ticket prices at the club have doubled. «Sponsors "
        "have carried us for a decade, but we must keep the stands full.»\n\n"
        "The club is paying for the move with bank loans and land sales. It also wants to "
        "sell more shirts abroad. «We have two people in Korea this month building links "
        "with supporters' clubs.»\n"))
    assert speaker_of(a, "Sponsors have carried")[0] == "Jürgen Albers"
    assert speaker_of(a, "We have two people")[0] == "Jürgen Albers"


def test_a_statement_after_another_person_is_named_keeps_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"The ferry will run all winter,\" harbour master Kofi Mensah said.\n\n"
        "The island's mayor, Greta Lund, has questioned the budget. 'Nobody has shown us "
        "the figures for the new berth.'\n"))
    assert speaker_of(a, "Nobody has shown")[0] != "Kofi Mensah"


def test_a_statement_after_someone_else_reports_keeps_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"Demand is strong,\" said Pilar Ortega, the chain's chief executive.\n\n"
        "Sales rose 4% in the year. Analysts said margins would shrink in the spring. "
        "\"Prices cannot keep rising at this pace for long.\"\n"))
    assert speaker_of(a, "Prices cannot keep")[0] is None


def test_a_short_phrase_or_a_distant_statement_keeps_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"We are not for sale,\" chief executive Anders Holm told staff.\n\n"
        "The firm makes \"smart meters\" for homes. 'Green tariffs' are its best seller.\n\n"
        "Its shares fell 3% in Stockholm.\n\n"
        "The firm was founded in 1990. \"Every home in the country will have one by 2030.\"\n"))
    assert speaker_of(a, "Green tariffs")[0] is None
    assert speaker_of(a, "Every home in the country")[0] is None


def test_sentences_split_before_and_after_guillemets_and_low_marks() -> None:
    from briefbook.core.text import sentence_spans
    text = "Prices doubled. «We must fill the stands.» Then „Wir bleiben.“ Sales fell. ‹Non.› Ok."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Prices doubled.", "«We must fill the stands.»", "Then „Wir bleiben.“",
        "Sales fell.", "‹Non.›", "Ok."]


def test_a_participle_clause_set_off_by_commas_reports_nothing(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister Hal Berg visited the port on Monday.\n\n"
        "A spokeswoman, confirming the move, said: \"We will close the plant in May.\" An "
        "aide, denying the report, told the Harbour Gazette: ‘There was no such meeting.’\n"))
    assert speaker_of(a, "We will close")[:2] == (None, "A spokeswoman")
    assert speaker_of(a, "There was no such")[:2] == (None, "An aide")


def test_to_after_a_noun_is_no_reporting_infinitive_of_the_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The singer was criticised after a show on Channel Nine led 40 viewers to complain "
        "he was \"crude\".\n\n"
        "Bandleader Ruth Okoye is expected to argue the show was \"harmless fun for all\".\n"))
    assert speaker_of(a, "crude")[0] is None
    assert speaker_of(a, "harmless fun")[0] == "Ruth Okoye"


def test_a_statement_standing_alone_after_a_bodys_words_keeps_no_speaker(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"Our tokens are the safest on the market,\" Vaultline said in a statement.\n\n"
        "The bank trial starts in May. \"You take the card, put it in the reader and a code "
        "is shown.\"\n"))
    assert speaker_of(a, "You take the card")[0] is None


# -- a speech noun owned by the speaker -----------------------------------------------------


def test_a_possessive_speech_noun_with_commas_in_its_clause(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The judges split over the last act.\n\n"
        "Judge Priya Raman laughed off Mr Dubois's suggestion that, rather than go to "
        "school, young fans should be «sent down the mines».\n"))
    assert speaker_of(a, "sent down the mines")[0] == "Dubois"


def test_an_owned_speech_noun_as_subject_of_be_gives_its_owner(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"Nerves are normal,\" said judge Lena Vogt as the auditions began.\n\n"
        "Her advice for one shaking singer was to ‘take a deep breath and smile’. Mr "
        "Brandt's verdict was that the act was \"a total shambles from start to finish\". "
        "The mayor's plan is \"a bridge too far\" for many residents.\n"))
    assert speaker_of(a, "take a deep breath")[0] == "Lena Vogt"
    assert speaker_of(a, "a total shambles")[0] == "Brandt"
    assert speaker_of(a, "a bridge too far")[0] is None  # a plan is no statement


def test_a_possessive_pronoun_of_someone_else_than_the_last_speaker_decides_nothing(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"A fine show,\" said producer Tomas Lind.\n\n"
        "But the real star is panel judge Oskar Nyberg. His advice for one contestant was "
        "to «find another hobby».\n"))
    assert speaker_of(a, "find another hobby")[0] != "Tomas Lind"


def test_a_statement_delivered_by_the_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The Reserve Bank of Norland moved to calm markets on Wednesday.\n\n"
        "Finance minister Ada Kerr issued a statement that \"reserves will not be sold for "
        "short-term reasons\". The Dockers' Union sent a letter that „members will strike "
        "on Friday“.\n"))
    assert speaker_of(a, "reserves will not be sold")[0] == "Ada Kerr"
    assert speaker_of(a, "members will strike")[0] in ("Dockers' Union", "Dockers Union")


# -- the quoted words are the subject's own verb --------------------------------------------


def test_a_quoted_verb_phrase_belongs_to_the_subject_before_it(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Data regulator Ingrid Solheim spoke in Bergen on Monday.\n\n"
        "Ms Solheim «totally condemned» the deletion of the files. Two ministers have "
        "\"flatly denied\" any wrongdoing. The plan's critics call it 'a dead end'.\n"))
    assert speaker_of(a, "totally condemned")[0] == "Ingrid Solheim"
    assert speaker_of(a, "flatly denied")[:2] == (None, "Two ministers")
    assert speaker_of(a, "a dead end")[0] is None


# -- a quoted clause in the sentence after the speaker's quotation --------------------------


def test_a_quoted_clause_right_after_a_speakers_quotation_is_theirs(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Oil output in Norland has barely changed since 1990.\n\n"
        "«Countries need energy to grow,» said Aino Virtanen, head of analysts Polar Oil. "
        "Norland is a “fast growing economy that must have oil”. Its reserves are small.\n"))
    assert speaker_of(a, "fast growing economy")[0] == "Aino Virtanen"


def test_a_quoted_clause_in_a_sentence_that_reports_others_is_not_theirs(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Party leader Anders Moe toured the north on Sunday.\n\n"
        "\"We can win in every seat,\" Mr Moe said. But he brushed off Labour suggestions a "
        "vote for his party would let the Tories in \"by the back door at last\". The survey "
        "of 500 voters \"showed young people are far from apathetic\". A levy obliges "
        "firms to declare \"every gift above a hundred crowns\".\n"))
    for start in ("by the back door", "showed young people", "every gift above"):
        assert speaker_of(a, start)[0] is None, start


def test_a_short_or_distant_fragment_after_a_speaker_is_not_theirs(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"Sales will recover,\" said chief executive Marta Sousa.\n\n"
        "The firm sells \"smart\" meters. Its shares fell. It is \"the biggest supplier in "
        "the south\" of the country.\n"))
    assert speaker_of(a, "smart")[0] is None
    assert speaker_of(a, "the biggest supplier")[0] is None


def test_a_statement_after_a_body_becomes_the_subject_keeps_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"We will not sell the club,\" chairman Viktor Hale told fans on Friday.\n\n"
        "Northgate Bank confirmed it had agreed new terms for the club's debt last week. "
        "\"The loan will be repaid by the end of the decade.\"\n\n"
        "Northgate Bank holds most of the debt. \"Nobody expects the club to fold this "
        "year.\"\n"))
    assert speaker_of(a, "The loan will be repaid")[0] != "Viktor Hale"
    assert speaker_of(a, "Nobody expects the club")[0] is None
