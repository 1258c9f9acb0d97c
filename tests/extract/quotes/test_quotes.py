"""Model tests for ``find_quotes``: one news layout per test, on hand-written texts."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from newsgraph.config import Settings
from newsgraph.extract.entities.index import build_entities
from newsgraph.extract.quotes.find import find_quotes
from newsgraph.extract.quotes.marks import find_quotations
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Digest, Entity, Quote

pytestmark = pytest.mark.model


def run(
    text: str, roles: dict[str, tuple[str, ...]] | None = None
) -> tuple[list[Quote], dict[str, Entity]]:
    """Quotes of ``text`` and its entities by name; ``roles`` gives entities roles
    (name -> roles) where a test needs them."""
    doc = load_pipeline(Settings().model)(text)
    entities = build_entities(doc)
    if roles:
        entities = [dataclasses.replace(e, roles=roles.get(e.name, e.roles)) for e in entities]
    return find_quotes(doc, entities), {e.name: e for e in entities}


def only(quotes: list[Quote], fragment: str) -> Quote:
    hits = [q for q in quotes if fragment in q.content]
    assert len(hits) == 1, [q.content for q in quotes]
    return hits[0]


def test_speaker_before_colon_direct() -> None:
    quotes, ents = run('Mayor Ann Whitfield said: "We will rebuild the bridge by spring."')
    q = only(quotes, "rebuild the bridge")
    assert q.kind == "direct"
    assert q.speaker == ents["Ann Whitfield"].id
    assert q.cue == "said"
    assert q.id == "q1"


def test_speaker_before_comma_direct() -> None:
    quotes, ents = run('Mark Ellison said, "I never took a dime from the fund."')
    q = only(quotes, "never took a dime")
    assert (q.kind, q.speaker) == ("direct", ents["Mark Ellison"].id)


def test_speaker_after_direct() -> None:
    quotes, ents = run('"The court got this one right," Dana Whitfield said.')
    q = only(quotes, "court got this one right")
    assert q.kind == "direct"
    assert q.speaker == ents["Dana Whitfield"].id
    assert q.speaker_text == "Dana Whitfield"


def test_inverted_speaker_with_apposition() -> None:
    quotes, ents = run('"We are not done yet," said Paul Dorsey, the county prosecutor.')
    q = only(quotes, "not done yet")
    assert q.speaker == ents["Paul Dorsey"].id
    assert q.speaker_text is not None and q.speaker_text.startswith("Paul Dorsey")


def test_split_quote_joined() -> None:
    text = (
        'Maria Lopez spoke after the vote. "The first part matters," she said, '
        '"but the second part matters more."'
    )
    quotes, ents = run(text)
    q = only(quotes, "first part matters")
    assert "second part matters more" in q.content
    assert q.speaker == ents["Maria Lopez"].id
    assert len([x for x in quotes if "second part" in x.content]) == 1


def test_multi_paragraph_quote_one_record() -> None:
    text = (
        'Governor Tom Reyes said: "We have heard the families.\n\n'
        '"We will fund the repairs this year, and we will not wait for Washington."'
    )
    quotes, ents = run(text)
    q = only(quotes, "heard the families")
    assert "fund the repairs" in q.content
    assert q.speaker == ents["Tom Reyes"].id


def test_multi_paragraph_marks_paired() -> None:
    text = '"First paragraph of the quote.\n"Second paragraph of the quote."'
    [q] = find_quotations(text)
    assert (q.start, q.end) == (0, len(text))
    assert len(q.parts) == 2


def test_trailing_attribution_line_speaker() -> None:
    text = '"Our county will not back down from this fight." -Commissioner Janet Morales'
    quotes, ents = run(text)
    q = only(quotes, "will not back down")
    assert q.speaker == ents["Janet Morales"].id


def test_curly_marks_direct() -> None:
    quotes, ents = run("“This is a sad day for the city,” Robert Kline said.")
    q = only(quotes, "sad day for the city")
    assert q.kind == "direct" and q.speaker == ents["Robert Kline"].id


def test_straight_marks_direct() -> None:
    quotes, ents = run('"This is a sad day for the city," Robert Kline said.')
    assert only(quotes, "sad day").speaker == ents["Robert Kline"].id


def test_unbalanced_marks_no_crash() -> None:
    text = 'Ann Li said: "We will appeal the ruling.\n\nThe court did not comment." And "then'
    quotes, ents = run(text)
    # the quotation left open at the paragraph's end ends there; the stray marks after it
    # neither raise nor make quotes of their own
    q = only(quotes, "We will appeal the ruling.")
    assert q.speaker == ents["Ann Li"].id
    assert text[q.span[0] : q.span[1]].endswith("the ruling.")
    assert len(quotes) == 1


def test_partial_quote_in_paraphrase() -> None:
    text = (
        "Attorney General Dana Whitfield criticised the ruling on Monday. She compared "
        'the decision to "a gift to every con artist in the state."'
    )
    quotes, ents = run(text)
    q = only(quotes, "a gift to every con artist")
    assert q.kind == "partial"
    assert q.speaker_text == "She"
    assert q.speaker == ents["Dana Whitfield"].id


def test_indirect_that_clause_content() -> None:
    text = "Senator Mark Ellison argued that the tax would hurt small farms."
    quotes, ents = run(text)
    q = only(quotes, "tax would hurt")
    assert q.kind == "indirect"
    assert q.content == "that the tax would hurt small farms"
    assert q.speaker == ents["Mark Ellison"].id
    assert q.act == "speech"


def test_according_to_source() -> None:
    quotes, ents = run("The plant will close in June, according to Maria Lopez.")
    q = only(quotes, "plant will close")
    assert q.cue == "according to"
    assert q.content == "The plant will close in June"
    assert q.speaker == ents["Maria Lopez"].id


def test_relayed_statement_via() -> None:
    text = (
        "Olena Kravets released a statement through her lawyer, Paul Dorsey, saying "
        '"I am innocent and I will prove it."'
    )
    quotes, ents = run(text)
    q = only(quotes, "I am innocent")
    assert q.speaker == ents["Olena Kravets"].id
    assert q.via == ents["Paul Dorsey"].id
    assert q.act == "writing"


def test_her_lawyer_speaker_is_the_lawyer() -> None:
    text = (
        "Olena Kravets was charged on Friday. Her lawyer, Paul Dorsey, said the charges "
        "were baseless."
    )
    quotes, ents = run(text)
    q = only(quotes, "charges were baseless")
    assert q.speaker == ents["Paul Dorsey"].id


def test_pronoun_speaker_two_sentences_after_name() -> None:
    text = (
        "Maria Lopez won the seat in 2019. The district has changed since then. "
        "She said the new map was drawn to punish her voters."
    )
    quotes, ents = run(text)
    q = only(quotes, "new map was drawn")
    assert q.speaker_text == "She"
    assert q.speaker == ents["Maria Lopez"].id


def test_pronoun_speaker_gender_skips_other_person() -> None:
    text = (
        "Mr. Tom Reyes met Ms. Ann Whitfield on Monday. Reyes left early. "
        "She said the meeting had gone well."
    )
    quotes, ents = run(text)
    assert only(quotes, "meeting had gone well").speaker == ents["Ann Whitfield"].id


def test_noun_speaker_spokeswoman_role() -> None:
    text = (
        "Jane Porter handles press for the mayor. The spokeswoman said the budget "
        "would be published on Friday."
    )
    quotes, ents = run(text, roles={"Jane Porter": ("spokeswoman",)})
    q = only(quotes, "budget would be published")
    assert q.speaker_text == "The spokeswoman"
    assert q.speaker == ents["Jane Porter"].id


def test_org_speaker_office() -> None:
    text = (
        "The Ohio Attorney General's Office opened an inquiry. The attorney general's "
        "office said in a statement that it would review every contract."
    )
    quotes, _ = run(text)
    q = only(quotes, "review every contract")
    assert q.speaker_text == "The attorney general's office"
    assert q.act == "writing"


def test_org_speaker_named() -> None:
    quotes, ents = run("Acme Corp. said it would cut 300 jobs next year.")
    q = only(quotes, "cut 300 jobs")
    assert q.speaker == ents[next(n for n in ents if n.startswith("Acme"))].id


def test_speaker_introduced_after_quote() -> None:
    text = '"We were never told about the leak," said Maria Lopez, a resident of Elm Street.'
    quotes, ents = run(text)
    assert only(quotes, "never told about the leak").speaker == ents["Maria Lopez"].id


def test_continuation_quote_same_speaker() -> None:
    text = (
        '"We won tonight," Mark Ellison said at the rally. "Now the real work begins '
        'for all of us."'
    )
    quotes, ents = run(text)
    q = only(quotes, "We won tonight")
    assert "real work begins" in q.content
    assert q.speaker == ents["Mark Ellison"].id


def test_belief_act() -> None:
    quotes, _ = run("Mark Ellison believes that the deal will collapse.")
    assert only(quotes, "deal will collapse").act == "belief"


def test_intention_act() -> None:
    quotes, _ = run("Maria Lopez wants to run for governor next year.")
    assert only(quotes, "run for governor").act == "intention"


def test_title_of_work_not_quote() -> None:
    quotes, _ = run('She read the novel "The Grapes of Wrath" on the train.')
    assert not any("Grapes" in q.content for q in quotes)


def test_scare_quote_not_quote() -> None:
    quotes, _ = run('The company called the layoffs a "restructuring" of its teams.')
    assert not any(q.content.strip('"') == "restructuring" for q in quotes)


def test_nickname_not_quote() -> None:
    quotes, _ = run('Dwayne "The Rock" Johnson arrived at the premiere on Tuesday.')
    assert quotes == []


def test_search_term_not_quote() -> None:
    quotes, _ = run('Searches for "how to move to Canada" spiked on election night.')
    assert quotes == []


def test_text_without_speech_empty() -> None:
    text = (
        "The bridge over the Scioto River reopened on Tuesday after two years of "
        "repairs. Traffic was light in the morning."
    )
    quotes, _ = run(text)
    assert quotes == []


def test_ids_in_text_order() -> None:
    text = (
        'Ann Li said the plan was late. "It is late," Tom Reyes said. '
        "Maria Lopez said it was on time."
    )
    quotes, _ = run(text)
    assert [q.id for q in quotes] == [f"q{n}" for n in range(1, len(quotes) + 1)]
    assert [q.span[0] for q in quotes] == sorted(q.span[0] for q in quotes)
    assert len(quotes) == 3


def test_parenthetical_as_cue_reports_main_clause() -> None:
    quotes, ents = run(
        "As Senator Ann Whitfield noted, the bridge will not reopen before the spring thaw."
    )
    q = only(quotes, "bridge will not reopen")
    assert q.kind == "indirect"
    assert q.speaker == ents["Ann Whitfield"].id
    assert "noted" not in q.content


def test_parenthetical_cue_inside_clause() -> None:
    quotes, ents = run(
        "Mark Ellison spoke for an hour. This election, Ellison said, is different from any other."
    )
    q = only(quotes, "different from any other")
    assert q.speaker == ents["Mark Ellison"].id


def test_dateline_is_not_the_speaker() -> None:
    quotes, ents = run(
        "WASHINGTON (AP) — Senator Ann Whitfield said on Tuesday that the vote would be delayed."
    )
    q = only(quotes, "vote would be delayed")
    assert q.speaker == ents["Ann Whitfield"].id
    assert "WASHINGTON" not in (q.speaker_text or "")


def test_relative_pronoun_speaker_is_the_antecedent() -> None:
    quotes, ents = run(
        "The plan was drawn up by Mark Ellison, who said that it would save the county money."
    )
    q = only(quotes, "save the county money")
    assert q.speaker == ents["Mark Ellison"].id


def test_pronoun_skips_names_inside_quotes() -> None:
    quotes, ents = run(
        'Dana Whitfield spoke at the rally. "Senator Mark Ellison promised us a bridge," '
        'she said. "He never built it," she added.'
    )
    q = only(quotes, "never built it")
    assert q.speaker == ents["Dana Whitfield"].id


@pytest.mark.model
def test_quotes_relayed_statement_in_example_has_son_as_speaker_via_attorney(
    digest_file: Callable[..., Digest],
) -> None:
    d = digest_file("ellison-case.txt", "2024-11-02")
    ids = {e.name: e.id for e in d.entities}
    [relayed] = [q for q in d.quotes if "He will answer for this" in q.content]
    # "She argued" earlier makes Whitfield a she: the later "He" is the son, Daniel Brennan
    assert relayed.speaker == ids["Daniel Brennan"]
    assert relayed.via == ids["Dana Whitfield"]


@pytest.mark.model
def test_quotes_court_dismissing_a_case_is_not_a_quote(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text("A judge dismissed the fraud case against Senator Mark Ellison on Friday.")
    assert d.quotes == ()


def test_relative_pronoun_left_out_of_speaker_text() -> None:
    quotes, _ = run(
        "The case rested on the account of the bookkeeper, who told investigators that "
        "Ellison personally approved the fund's marketing letters."
    )
    q = only(quotes, "personally approved")
    assert q.speaker_text == "the bookkeeper"
    # the span still reaches the pronoun, where PolNeAR marks such sources
    assert q.speaker_span is not None


def test_answering_questions_is_not_a_quote() -> None:
    quotes, _ = run(
        "Carla Mendes is the spokeswoman for the office and has answered questions "
        "about the case since charges were filed."
    )
    assert not [q for q in quotes if "questions" in q.content]


def test_time_adverbial_left_out_of_object_content() -> None:
    quotes, ents = run("Carla Mendes defended the attorney general's decision on Friday afternoon.")
    q = only(quotes, "decision")
    assert q.content == "the attorney general's decision"
    assert q.speaker == ents["Carla Mendes"].id


def test_quoted_complement_in_relative_clause_has_its_own_speaker() -> None:
    quotes, _ = run(
        "Investors who lost money say they will sue him instead.\n"
        "The attorney general will not appeal, a decision the investors' lawyer calls "
        '"a gift to every con artist in the state."'
    )
    q = only(quotes, "a gift to every con artist")
    assert q.speaker_text == "the investors' lawyer"
    assert q.cue == "calls"


@pytest.mark.model
def test_quotes_dek_speaker_is_the_investors_lawyer(
    digest_file: Callable[..., Digest],
) -> None:
    d = digest_file("ellison-case.txt", "2024-11-02")
    ids = {e.name: e.id for e in d.entities}
    dek = next(q for q in d.quotes if q.span[0] < 500 and "con artist" in q.content)
    assert dek.speaker_text == "the investors' lawyer"
    # 'Dana Whitfield, a civil rights lawyer, represents more than 40 of them' (the
    # investors, named the sentence before): the lawyer next to the investors
    assert dek.speaker == ids["Dana Whitfield"]
    assert not [q for q in d.quotes if q.content.startswith("questions about")]
    accused = next(q for q in d.quotes if "steering retirees" in q.content)
    assert accused.speaker_text == "a two-year prosecution"
    assert accused.speaker != ids["Mark Ellison"]
    assert all(not (q.speaker_text or "").endswith((" who", " that")) for q in d.quotes)


def test_that_clause_hung_on_the_prepositional_object_is_content() -> None:
    quotes, ents = run(
        "Cole's sister, Renee Cole, said in a post on social media that Jasmine was awake "
        'and "already asking when she can drive again."'
    )
    q = only(quotes, "Jasmine was awake")
    # the quoted words belong to the same report, not to a cue of their own
    assert q.content.endswith('"already asking when she can drive again."')
    assert q.speaker == ents["Renee Cole"].id


def test_relative_clause_source_is_not_reranked_to_a_named_person() -> None:
    quotes, ents = run(
        "A judge dismissed the fraud case against Senator Mark Ellison, ending a two-year "
        "prosecution that accused him of steering retirees into a fund that collapsed."
    )
    q = only(quotes, "steering retirees")
    assert q.speaker_text == "a two-year prosecution"
    assert q.speaker != ents["Mark Ellison"].id


def test_a_quoted_title_with_its_comma_inside_is_no_quote() -> None:
    quotes, _ = run(
        "Sgt. Luis Romero said she was stable. The accident happened during the filming of "
        '"Low Ground," a thriller produced by Red Mesa Pictures.'
    )
    assert not [q for q in quotes if "Low Ground" in q.content]


def test_an_apposition_names_the_speaker_not_the_possessor() -> None:
    quotes, ents = run(
        "Jasmine Cole was hurt on Thursday. Cole's lawyer, Marcus Bell, said that his client "
        "had raised concerns about the ramp."
    )
    assert only(quotes, "raised concerns").speaker == ents["Marcus Bell"].id


def test_a_pronoun_takes_a_newer_subject_over_the_previous_speaker() -> None:
    quotes, ents = run(
        '"It all happened in about three seconds," said Ana Whitley, a caterer. '
        "Rafael Ortiz, the stunt coordinator, told investigators that the ramp had been moved, "
        "according to a police report. He said he had checked the new position himself."
    )
    assert only(quotes, "checked the new position").speaker == ents["Rafael Ortiz"].id
