"""A pronoun after a sentence opened by a newly named person means that person.

Small articles written for the test (their own names, outlets and quotation marks): the
previous speaker or a described reporter further back loses *he*/*she* to the person who opens
the sentence right before (after a role, a conjunction, an opening clause or with an
apposition); a sentence that is itself reported (*…, the leader said.*) or a pronoun whose own
sentence names someone first keeps the usual reading. A reporter in an aside (*…, Mr X said,
because …*) is the speaker, not a name in the words before it; *it* after a sentence opened by
another body's name is not a body named further back.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of


def test_a_new_subject_with_a_role_takes_he_from_the_previous_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Finance minister Tomas Berg said the levy was fair. \"Nobody will pay more than they "
        "can afford,\" he told reporters.\n\n"
        "Green party treasury spokesman Aled Price was unconvinced. He warned: ‘This levy will "
        "fall hardest on renters and the young.’\n"))
    assert speaker_of(a, "This levy will fall")[0] == "Aled Price"
    assert speaker_of(a, "Nobody will pay")[0] == "Tomas Berg"


def test_the_new_subject_keeps_the_reopened_quotation(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mr Tomas Berg said the levy was fair. “Nobody will pay more than they can afford,” "
        "he said.\n\n"
        "Opposition leader Mr Aled Price disagreed. He said: “Renters will pay for this. "
        "“And the young will pay most of all.”\n"))
    assert speaker_of(a, "Renters will pay")[0] == "Aled Price"
    assert speaker_of(a, "And the young")[0] == "Aled Price"


def test_an_apposed_subject_beats_a_described_reporter_before_it(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mr Jonas Fell, the finance minister, said the accounts were in order. \"We have "
        "nothing to hide from anyone,\" he said. The finance minister insisted it was for "
        "parliament to judge the figures.\n\n"
        "But independent auditor Sir Colm Breen, the state's reviewer of public accounts, said "
        "the books were sound. He said the shortfall was a «one-off problem» for the treasury.\n"))
    assert speaker_of(a, "one-off problem")[0] == "Colm Breen"


def test_an_opening_clause_before_the_new_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mr Dario Flint said the squabbles would cost the party dearly. \"Voters hate a "
        "divided team,\" he said.\n\n"
        "In a separate development, Mr Ossian Vale backed the mayor but told a lunch for "
        "reporters the vote would be close. But he insisted the rows were not \"seen as a "
        "problem by the voters at all\".\n"))
    assert speaker_of(a, "seen as a problem")[0] == "Ossian Vale"


def test_a_sentence_with_its_own_reporter_is_no_new_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Mr Hal Ormond attacked the budget on Wednesday. \"It is a budget "
        "for the few,\" he said.\n\n"
        "Mr Piet Dahl liked to boast of surpluses, Mr Ormond said. \"This shabby government "
        "is now publishing a shabby budget,\" he said.\n"))
    assert speaker_of(a, "This shabby government")[0] == "Hal Ormond"


def test_a_pronoun_whose_own_sentence_names_someone_keeps_its_reading(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Treasury spokesman Mr Ivo Lamb also predicted tax rises if the government won.\n\n"
        "For the Greens, Rhodri Kerr said the levy would bring what he argued were \"steep and "
        "unfair rises\" for tenants.\n"))
    assert speaker_of(a, "steep and unfair")[0] == "Rhodri Kerr"


def test_a_new_subject_of_the_other_gender_does_not_take_the_pronoun(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mr Tomas Berg said the levy was fair. \"Nobody will pay more than they can afford,\" "
        "he said.\n\n"
        "Mrs Ada Price, the Green spokeswoman, disagreed. \"Renters will pay for this,\" he "
        "added, pointing to the rent index.\n"))
    assert speaker_of(a, "Renters will pay")[0] == "Tomas Berg"


def test_an_aside_reporter_beats_the_name_in_the_reported_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "This would be improper even if Judge Marta Selby had approved the text, Mr Kofi "
        "Arden said, because a ruling should be a «free and open judgement», not subject to "
        "‘bargaining of any sort’.\n"))
    assert speaker_of(a, "free and open")[0] == "Kofi Arden"
    assert speaker_of(a, "bargaining of any")[0] == "Kofi Arden"


def test_an_object_paragraphs_back_is_no_referent_after_a_described_person(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Governor Tom Reyes's big speech will be seen as the start of the campaign.\n\n"
        "There was little doubt left. There was an attempt to end the gossip about his rift "
        "with Treasurer Ivan Pell.\n\n"
        "There were few pledges, although the governor talked about a state that works for "
        "everyone. And it is, as he said, more than \"a mere slogan\".\n"))
    assert speaker_of(a, "a mere slogan")[0] is None


def test_an_object_paragraphs_back_is_still_the_one_man_named(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Councillor Ruth Okafor met depot manager Ivan Pell on Monday.\n\n"
        "“The buses will run by June,” she said.\n\n"
        "“And the drivers are ready,” he said.\n"))
    assert speaker_of(a, "And the drivers")[0] == "Ivan Pell"


def test_a_sentence_with_a_reporting_aside_is_no_new_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Shadow minister Mr Hal Ormond spoke in Hull. \"We will cut waste,\" he said.\n\n"
        "Mr Piet Dahl had wasted billions, he claimed, and voters knew it. \"Our plan adds up "
        "and his never has,\" he insisted.\n"))
    assert speaker_of(a, "Our plan adds up")[0] == "Hal Ormond"


def test_a_participle_after_but_it_said_is_not_the_name_in_the_object(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Investor Bruno Calder has made an offer for Rovers Holdings.\n\n"
        "But it said it still opposed Mr Calder's plans, calling his figures «reckless» and "
        "his timetable ‘unworkable’.\n"))
    assert speaker_of(a, "reckless")[0] != "Bruno Calder"
    assert speaker_of(a, "unworkable")[0] != "Bruno Calder"


def test_but_he_said_before_a_participle_is_he(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mr Omar Hale, the union leader, met Ms Vera Kunz, the chief executive, on Monday.\n\n"
        "But he said he still opposed Ms Kunz's plan, calling it \"a recipe for closures\".\n"))
    assert speaker_of(a, "a recipe for closures")[0] == "Omar Hale"


def test_it_after_a_sentence_opened_by_another_body_is_not_the_earlier_one(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Savers may have to rescue the National Deposit Guarantee Board, analysts warn.\n\n"
        "With the National Deposit Guarantee Board deep in deficit, the Pension Policy "
        "Roundtable (PPR) wants ministers to act. The PPR blames a 2003 law, in a letter signed "
        "by ten members. It said it was «alarmed» at the shortfall.\n"))
    assert speaker_of(a, "alarmed")[0] == "PPR"


def test_the_company_after_a_sentence_opened_by_an_unlisted_possessive_name_is_unresolved(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Harrow Lane Foods Ltd will close two depots in the spring.\n\n"
        "Brightwater Valley Dairies' reply came as no surprise. "
        "‘We will not be rushed,’ the company said.\n"))
    assert speaker_of(a, "We will not be rushed")[0] != "Harrow Lane Foods Ltd"


def test_the_company_with_no_other_name_is_the_one_just_named(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Harrow Lane Foods Ltd will close two depots in the spring.\n\n"
        "The reply came as no surprise. ‘We will not be rushed,’ the company said.\n"))
    assert speaker_of(a, "We will not be rushed")[0] == "Harrow Lane Foods Ltd"


def test_a_quotation_in_any_script_opens_the_sentence_after_the_subject(tmp_path: Path) -> None:
    # the sentence before decides whatever marks open the next one: German „…“ and ‚…‘,
    # Polish „…”, French « … », German »…«, Swedish ”…” and »…», typewriter '…'
    cases = [("„", "“"), ("‚", "‘"), ("„", "”"), ("« ", " »"), ("«", "»"), ("'", "'"),
             ("“", "”"), ("»", "«"), ("”", "”"), ("»", "»")]
    for n, (opener, closer) in enumerate(cases):
        folder = tmp_path / str(n)
        folder.mkdir()
        a = analyse(folder, (
            "Pilots back the new berth\n\n"
            f"Harbour pilot Ilse Vantongeren said the first ships had berthed. {opener}Wir "
            f"sind wieder im Geschäft{closer}, she told a visiting delegation.\n"))
        assert speaker_of(a, "Wir sind wieder")[0] == "Ilse Vantongeren", (opener, closer)


def test_a_pronoun_after_a_quotation_led_in_by_a_colon_means_that_clause_s_subject(
        tmp_path: Path) -> None:
    leads = ["Henrik Solberg was less sure:", "Her colleague Henrik Solberg was less sure:",
             "Her colleague, Henrik Solberg, was less sure:",
             "Councillor Henrik Solberg was less sure:", "Green councillor Henrik Solberg saw it "
             "differently:"]
    for n, lead in enumerate(leads):
        folder = tmp_path / str(n)
        folder.mkdir()
        a = analyse(folder, ("Budget passes at second vote\n\n"
                             "Councillor Dagny Aalto spoke first. "
                             f"{lead} \"We will see what the auditors find,\" he said.\n"))
        assert speaker_of(a, "We will see")[0] == "Henrik Solberg", lead
    # the person is no subject: asked about, or the object of a pronoun's verb
    a = analyse(tmp_path, ("Budget passes at second vote\n\n"
                           "Councillor Dagny Aalto spoke first. Asked about Henrik Solberg: "
                           "\"We will see what the auditors find,\" she said.\n"))
    assert speaker_of(a, "We will see")[0] == "Dagny Aalto"
    (tmp_path / "officials").mkdir()
    b = analyse(tmp_path / "officials", (
        "Budget passes at second vote\n\nCouncillor Dagny Aalto spoke first. Officials told "
        "Ingrid Solberg: \"We will see what the auditors find,\" she said.\n"))
    assert speaker_of(b, "We will see")[0] == "Dagny Aalto"
