"""Model tests for pronoun resolution: pronoun mentions, quotes and event participants agree."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.records import Digest, Entity

pytestmark = pytest.mark.model


def _mention_texts(d: Digest, name: str) -> list[str]:
    [ent] = [e for e in d.entities if e.name == name]
    return [d.article.text[s:e] for s, e in ent.mentions]


def _entity(d: Digest, name: str) -> Entity:
    [ent] = [e for e in d.entities if e.name == name or name in e.aliases]
    return ent


def test_pronouns_become_mentions_of_their_person(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        "Dana Whitfield represents more than 40 investors. She plans to file a lawsuit "
        "within weeks, and her firm has hired two accountants."
    )
    assert _mention_texts(d, "Dana Whitfield") == ["Dana Whitfield", "She", "her"]


def test_gender_keeps_two_people_apart(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        "Mr. Paul Dorsey met Ms. Carla Mendes on Monday. He said the office would not appeal. "
        "She said nothing."
    )
    assert _mention_texts(d, "Paul Dorsey")[-1] == "He"
    assert _mention_texts(d, "Carla Mendes")[-1] == "She"


def test_first_person_in_a_quote_is_its_speaker(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        'Mary Collins sat in the second row. "I watched him shake hands with his lawyers '
        'like he had won a football game," Collins said.'
    )
    texts = _mention_texts(d, "Mary Collins")
    assert "I" in texts
    # who "him" and "he" are, the quote does not say: they are nobody's mention
    everyone = [d.article.text[s:e] for ent in d.entities for s, e in ent.mentions]
    assert not {"him", "his", "he"} & set(everyone)


def test_no_person_no_pronoun_mentions(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text("The storm moved north on Sunday. It left the coast without power.")
    assert all(e.type != "PERSON" for e in d.entities)
    for ent in d.entities:
        assert all(d.article.text[s:e].lower() != "it" for s, e in ent.mentions)


def test_statement_event_names_the_quote_speaker(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        "Dana Whitfield read from a letter the family had sent to Paul Dorsey in September. "
        "She said the letter had never received a reply."
    )
    whitfield = _entity(d, "Dana Whitfield").id
    [quote] = [q for q in d.quotes if q.cue == "said"]
    assert quote.speaker == whitfield
    [statement] = [v for v in d.events if v.type == "statement" and v.span == quote.cue_span]
    speakers = {p.entity for p in statement.participants if p.role in {"agent", "speaker"}}
    assert speakers == {whitfield}


def test_definite_role_noun_is_its_only_holder(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        "Carla Mendes, the spokeswoman for the attorney general, defended the decision. "
        "The spokeswoman said prosecutors had met the investors twice."
    )
    assert _mention_texts(d, "Carla Mendes")[-1] == "The spokeswoman"


def test_role_noun_held_by_two_people_stays_unlinked(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text(
        "Dana Whitfield, a lawyer for the investors, spoke first. Richard Vance, a lawyer "
        "for the senator, spoke next. The lawyer said the case was over."
    )
    for name in ("Dana Whitfield", "Richard Vance"):
        assert "The lawyer" not in _mention_texts(d, name)


def test_role_noun_before_the_name_stays_unlinked(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        "The judge left early. Judge Helen Okafor granted the motion on Friday, and the "
        "judge set no new date."
    )
    texts = _mention_texts(d, "Helen Okafor")
    assert "The judge" not in texts
    assert texts[-1] == "the judge"


def test_the_next_president_is_not_the_president(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        "President Barack Obama met the press on Thursday. Protesters marched to the tower "
        "where the next president has been planning his inauguration."
    )
    assert "the next president" not in _mention_texts(d, "Barack Obama")


def test_an_object_pronoun_is_not_its_own_subject(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        "Max Verstappen could have crashed into Kimi Raikkonen but swerved to avoid him."
    )
    assert _mention_texts(d, "Max Verstappen") == ["Max Verstappen"]
    assert _mention_texts(d, "Kimi Raikkonen") == ["Kimi Raikkonen", "him"]
    d = digest_text("Dana Whitfield met Mark Ellison on Monday and thanked him.")
    assert _mention_texts(d, "Mark Ellison") == ["Mark Ellison", "him"]


def test_a_reflexive_leans_on_the_name_before_it(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        "Jennifer Palmieri spoke first. Neither she nor Hillary Clinton herself addressed it."
    )
    assert _mention_texts(d, "Hillary Clinton") == ["Hillary Clinton", "herself"]
    d = digest_text("Rafael Ortiz said he had checked the new position himself.")
    assert _mention_texts(d, "Rafael Ortiz") == ["Rafael Ortiz", "he", "himself"]


def test_an_unnamed_person_in_between_blocks_the_name(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text(
        "Liam Lehane described the injuries. The driver was not yet named, and it is unclear "
        "why he was arrested."
    )
    assert _mention_texts(d, "Liam Lehane") == ["Liam Lehane"]


def test_a_possessive_takes_its_clause_subject_or_the_name_beside_it(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text(
        "Barack Obama met Donald Trump. After his meeting with Trump, Obama welcomed a visitor."
    )
    assert _mention_texts(d, "Barack Obama") == ["Barack Obama", "his", "Obama"]
    d = digest_text(
        "Paul Dorsey spoke on Monday. Dana Whitfield plans to sue Mr. Ellison and two of his "
        "former business partners."
    )
    ellison = [e for e in d.entities if "Ellison" in e.name]
    assert [d.article.text[s:e] for s, e in ellison[0].mentions] == ["Ellison", "his"]


def test_a_role_noun_with_other_words_is_someone_else(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text(
        "A Taliban spokesman, Zabihullah Mujahid, claimed the attack. The Nato spokesman said "
        "one car had been driven into the wall."
    )
    assert "The Nato spokesman" not in _mention_texts(d, "Zabihullah Mujahid")
