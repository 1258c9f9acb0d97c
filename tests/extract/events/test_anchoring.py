"""Events anchored in time and place: own clause, governing clause, tied events, nothing else.

Hand-built Docs test ``anchor_times`` alone; small invented sentences run the digest and
check each event's time, its ``basis`` and its place, as a user sees them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.analysis import digest_doc
from newsgraph.config import Settings
from newsgraph.extract.events.anchor import CLAUSE, LINKED, anchor_times
from newsgraph.extract.events.offsets import shifted
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Article, Digest, Event, TimeExpr, article_id
from tests.conftest import ROOT

PUBLISHED = "2024-07-13"
CASE = ROOT / "tests" / "data" / "case"
_VOCAB = spacy.blank("en").vocab  # with the English lexical attributes ("when".lower_)


def _doc(rows: list[tuple[str, str, str, int]]) -> Doc:
    """A parsed Doc from (word, pos, dep, head index) rows."""
    return Doc(_VOCAB, words=[w for w, _, _, _ in rows], pos=[p for _, p, _, _ in rows],
               deps=[d for _, _, d, _ in rows], heads=[h for _, _, _, h in rows])  # fmt: skip


def _time(doc: Doc, start: int, end: int, value: str) -> TimeExpr:
    span = doc[start:end]
    return TimeExpr(span.text, (span.start_char, span.end_char), "DATE", value)


def test_anchor_when_clause_hanging_on_the_date_takes_the_date() -> None:
    # "unfolded on March 3 when Okafor shot Lindqvist": the parser hangs the clause on "March"
    doc = _doc([("unfolded", "VERB", "ROOT", 0), ("on", "ADP", "prep", 0),
                ("March", "PROPN", "pobj", 1), ("3", "NUM", "nummod", 2),
                ("when", "SCONJ", "advmod", 6), ("Okafor", "PROPN", "nsubj", 6),
                ("shot", "VERB", "relcl", 2), ("Lindqvist", "PROPN", "dobj", 6)])  # fmt: skip
    march = _time(doc, 2, 4, "2022-03-03")
    found = anchor_times(doc, [march], {0: ("other", False), 6: ("shooting", False)})
    assert found[0].time == march and found[0].basis == CLAUSE
    assert found[6].time == march and found[6].basis == CLAUSE


def test_anchor_date_describing_a_noun_dates_no_event() -> None:
    # "dismissed the 2022 case": the year is the case's, not the dismissal's
    doc = _doc([("dismissed", "VERB", "ROOT", 0), ("the", "DET", "det", 3),
                ("2022", "NUM", "nummod", 3), ("case", "NOUN", "dobj", 0)])  # fmt: skip
    assert anchor_times(doc, [_time(doc, 2, 3, "2022")], {0: ("dismissal", False)}) == {}


def test_anchor_tied_violent_events_share_the_time_as_linked() -> None:
    # "were wounded on Wednesday in a shooting"
    doc = _doc([("wounded", "VERB", "ROOT", 0), ("on", "ADP", "prep", 0),
                ("Wednesday", "PROPN", "pobj", 1), ("in", "ADP", "prep", 0),
                ("a", "DET", "det", 5), ("shooting", "NOUN", "pobj", 3)])  # fmt: skip
    wednesday = _time(doc, 2, 3, "2024-05-01")
    found = anchor_times(doc, [wednesday], {0: ("injury", False), 5: ("shooting", True)})
    assert found[0].basis == CLAUSE
    assert found[5].time == wednesday and found[5].basis == LINKED


def test_anchor_legal_event_for_a_shooting_does_not_date_it() -> None:
    # "was sentenced in April for the shooting"
    doc = _doc([("sentenced", "VERB", "ROOT", 0), ("in", "ADP", "prep", 0),
                ("April", "PROPN", "pobj", 1), ("for", "ADP", "prep", 0),
                ("the", "DET", "det", 5), ("shooting", "NOUN", "pobj", 3)])  # fmt: skip
    found = anchor_times(
        doc, [_time(doc, 2, 3, "2024-04")], {0: ("sentencing", False), 5: ("shooting", True)}
    )
    assert set(found) == {0}


def _typed(doc: Doc, start: int, end: int, kind: str, value: str) -> TimeExpr:
    span = doc[start:end]
    return TimeExpr(span.text, (span.start_char, span.end_char), kind, value)


def test_anchor_duration_of_extent_dates_an_event_no_date_dates() -> None:
    # "protested for two weeks": how long it lasted is all the clause says of its time
    doc = _doc([("protested", "VERB", "ROOT", 0), ("for", "ADP", "prep", 0),
                ("two", "NUM", "nummod", 3), ("weeks", "NOUN", "pobj", 1)])  # fmt: skip
    weeks = _typed(doc, 2, 4, "DURATION", "P2W")
    found = anchor_times(doc, [weeks], {0: ("protest", False)})
    assert found[0].time == weeks and found[0].basis == CLAUSE


def test_anchor_date_outranks_a_duration_and_a_duration_a_vague_time() -> None:
    # "protested on Monday for two weeks now": Monday, then the two weeks, then "now"
    doc = _doc([("protested", "VERB", "ROOT", 0), ("on", "ADP", "prep", 0),
                ("Monday", "PROPN", "pobj", 1), ("for", "ADP", "prep", 0),
                ("two", "NUM", "nummod", 5), ("weeks", "NOUN", "pobj", 3),
                ("now", "ADV", "advmod", 0)])  # fmt: skip
    monday = _time(doc, 2, 3, "2024-07-08")
    weeks = _typed(doc, 4, 6, "DURATION", "P2W")
    now = _time(doc, 6, 7, "PRESENT_REF")
    triggers = {0: ("protest", False)}
    # (listed least telling first: the order of the list does not decide)
    assert anchor_times(doc, [now, weeks, monday], triggers)[0].time == monday
    assert anchor_times(doc, [now, weeks], triggers)[0].time == weeks
    assert anchor_times(doc, [now], triggers)[0].time == now


def test_anchor_duration_that_is_a_measure_or_an_offset_is_no_time() -> None:
    # "failed after thirty minutes" (when it ended), "a 12-hour flight" (how long a noun is)
    doc = _doc([("failed", "VERB", "ROOT", 0), ("after", "ADP", "prep", 0),
                ("thirty", "NUM", "nummod", 3), ("minutes", "NOUN", "pobj", 1),
                ("a", "DET", "det", 6), ("12-hour", "ADJ", "amod", 6),
                ("flight", "NOUN", "dobj", 0)])  # fmt: skip
    minutes = _typed(doc, 2, 4, "DURATION", "PT30M")
    hours = _typed(doc, 5, 6, "DURATION", "PT12H")
    assert anchor_times(doc, [minutes, hours], {0: ("other", False), 6: ("other", True)}) == {}


def test_anchor_time_ahead_on_a_past_verb_dates_its_object_event() -> None:
    # "announced job cuts over the next four years": the cuts are ahead, the announcing done
    doc = _doc([("announced", "VERB", "ROOT", 0), ("cuts", "NOUN", "dobj", 0),
                ("over", "ADP", "prep", 0), ("the", "DET", "det", 6),
                ("next", "ADJ", "amod", 6), ("four", "NUM", "nummod", 6),
                ("years", "NOUN", "pobj", 2)])  # fmt: skip
    doc[0].tag_ = "VBD"
    years = _typed(doc, 3, 7, "DURATION", "P4Y")
    found = anchor_times(doc, [years], {0: ("statement", False), 1: ("other", True)})
    assert set(found) == {1} and found[1].time == years
    doc[0].tag_ = "VBZ"  # "announces cuts over the next four years": its own time too
    assert 0 in anchor_times(doc, [years], {0: ("statement", False), 1: ("other", True)})


@pytest.fixture(scope="module")
def digest_of() -> Callable[..., Digest]:
    nlp = load_pipeline(Settings().model)

    def run(text: str, published: str = PUBLISHED) -> Digest:
        article = Article(text=text, id=article_id(text), published=published)
        return digest_doc(article, nlp(text), Settings())

    return run


def _one(digest: Digest, kind: str) -> Event:
    [event] = [e for e in digest.events if e.type == kind]
    return event


def _when(event: Event) -> tuple[str | None, str | None]:
    return (event.time.value, event.time.basis) if event.time else (None, None)


@pytest.mark.model
def test_when_clause_dates_the_shooting_it_tells(digest_of: Callable[..., Digest]) -> None:
    digest = digest_of(
        "The case stems from the incident that unfolded on March 3, 2022, when Okafor "
        "accidentally shot and killed Lindqvist."
    )
    assert _when(_one(digest, "shooting")) == ("2022-03-03", "clause")
    assert _when(_one(digest, "killing")) == ("2022-03-03", "clause")


@pytest.mark.model
def test_killed_on_a_date_when_he_fired_dates_the_firing(
    digest_of: Callable[..., Digest],
) -> None:
    digest = digest_of("Lindqvist was killed on March 3, 2022, when Okafor fired a revolver.")
    assert _when(_one(digest, "killing")) == ("2022-03-03", "clause")
    assert _when(_one(digest, "shooting")) == ("2022-03-03", "clause")


@pytest.mark.model
def test_sentenced_for_the_same_shooting_dates_only_the_sentencing(
    digest_of: Callable[..., Digest],
) -> None:
    digest = digest_of("Smith-Reed was sentenced in April for the same shooting.")
    assert _when(_one(digest, "sentencing")) == ("2024-04", "clause")
    assert _one(digest, "shooting").time is None


@pytest.mark.model
def test_charge_in_a_shooting_in_2022_is_not_dated_2022(
    digest_of: Callable[..., Digest],
) -> None:
    digest = digest_of("Smith-Reed faced a charge in a fatal shooting in 2022.")
    assert _one(digest, "charge").time is None
    assert _when(_one(digest, "shooting")) == ("2022", "clause")


@pytest.mark.model
def test_reported_past_resolves_with_the_tense(digest_of: Callable[..., Digest]) -> None:
    past = digest_of("Okafor had been charged in December.")
    assert _when(_one(past, "charge")) == ("2023-12", "clause")
    future = digest_of("Okafor will be sentenced in January.")
    assert _when(_one(future, "sentencing")) == ("2025-01", "clause")


@pytest.mark.model
def test_wounded_in_a_shooting_gives_it_time_and_place(
    digest_of: Callable[..., Digest],
) -> None:
    digest = digest_of("Two men were wounded early Wednesday in a shooting outside a bar in Reno.")
    wounded, shooting = _one(digest, "injury"), _one(digest, "shooting")
    assert _when(wounded) == ("2024-07-10", "clause")
    assert _when(shooting) == ("2024-07-10", "linked")
    reno = next(e.id for e in digest.entities if e.name == "Reno")
    assert shooting.place == reno and wounded.place == reno


@pytest.mark.model
def test_fired_the_revolver_that_killed_her_is_a_shooting_linked_to_the_killing(
    digest_of: Callable[..., Digest],
) -> None:
    digest = digest_of("Okafor fired the revolver that killed Mara Lindqvist on March 3, 2022.")
    assert _when(_one(digest, "shooting")) == ("2022-03-03", "linked")
    assert _when(_one(digest, "killing")) == ("2022-03-03", "clause")


@pytest.mark.model
def test_killed_and_wounded_on_thursday_share_it(digest_of: Callable[..., Digest]) -> None:
    digest = digest_of("A cinematographer was killed and a director wounded on Thursday.")
    assert _when(_one(digest, "killing")) == ("2024-07-11", "clause")
    assert _when(_one(digest, "injury")) == ("2024-07-11", "clause")


@pytest.mark.model
def test_the_trial_which_began_on_monday_is_dated(digest_of: Callable[..., Digest]) -> None:
    digest = digest_of("The trial, which began on Monday, was adjourned.")
    assert _when(_one(digest, "trial")) == ("2024-07-08", "clause")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Okafor fired the fatal shot.", "shooting"),
        ("Actor Daniel Okafor, who fired the gun, faces trial.", "shooting"),
        ("Police fired on the crowd.", "shooting"),
        ("Gunmen opened fire on the bus.", "shooting"),
        ("The company fired its chief executive.", "dismissal_from_office"),
    ],
)
def test_fire_is_typed_by_what_is_fired(
    digest_of: Callable[..., Digest], text: str, kind: str
) -> None:
    assert [e.type for e in digest_of(text).events if e.trigger.lower().startswith("fire")] == [
        kind
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Boeing can not charge the Air Force for associated costs.",
        "The service is offered for a nominal charge.",
        "She is in charge of operations.",
        "You can sign up to receive it.",
        "The police launched an operation against the group.",
    ],
)
def test_words_in_another_sense_are_not_typed_as_events(
    digest_of: Callable[..., Digest], text: str
) -> None:
    typed = {e.type for e in digest_of(text).events}
    assert not typed & {"charge", "agreement", "launch"}


@pytest.mark.model
def test_case_fixture_dismissal_article_dates_each_event_by_its_own_clause(
    digest_of: Callable[..., Digest],
) -> None:
    import json

    article = json.loads((CASE / "07-dismissed.json").read_text(encoding="utf-8"))
    digest = digest_of(article["text"], article["published"])
    by_type = {e.type: e for e in digest.events}
    assert _when(by_type["dismissal"]) == ("2024-07-12", "clause")
    assert _when(by_type["shooting"]) == ("2022-03-03", "linked")  # "fired the revolver that"
    assert _when(by_type["killing"]) == ("2022-03-03", "clause")
    assert _when(by_type["sentencing"]) == ("2024-04", "clause")
    assert "dismissal_from_office" not in by_type


@pytest.mark.model
def test_where_clause_and_deep_phrases_give_the_place(digest_of: Callable[..., Digest]) -> None:
    digest = digest_of(
        "Lindqvist was flown to a hospital in Albuquerque, where she died of her wounds."
    )
    albuquerque = next(e.id for e in digest.entities if e.name == "Albuquerque")
    assert _one(digest, "death").place == albuquerque
    deep = digest_of("Two men were shot during a rehearsal at a ranch outside Reno.")
    reno = next(e.id for e in deep.entities if e.name == "Reno")
    assert _one(deep, "shooting").place == reno


@pytest.mark.model
def test_a_coordinated_clause_of_its_own_keeps_no_shared_time(
    digest_of: Callable[..., Digest],
) -> None:
    digest = digest_of(
        "Lindqvist was killed on March 3, 2022, and Okafor was later charged in her death."
    )
    assert _when(_one(digest, "killing")) == ("2022-03-03", "clause")
    assert _one(digest, "charge").time is None


@pytest.mark.model
def test_duration_dates_an_event_and_a_time_ahead_skips_the_past_announcement(
    digest_of: Callable[..., Digest],
) -> None:
    digest = digest_of("Acme Corp has announced 2,000 layoffs over the next three years.")
    assert _when(_one(digest, "layoff")) == ("P3Y", "clause")
    assert _one(digest, "statement").time is None  # the timeline: the publication date


@pytest.mark.model
def test_duration_outranks_now_and_an_offset_is_no_time(
    digest_of: Callable[..., Digest],
) -> None:
    lasting = digest_of("Farmers have protested outside the ministry for more than a week now.")
    assert _when(_one(lasting, "protest")) == ("P1W", "clause")
    ended = digest_of("The protest ended after thirty minutes.")
    assert _one(ended, "protest").time is None


def test_shifted_moves_a_date_at_its_own_precision() -> None:
    assert shifted("2009-06-17", 2, "D") == "2009-06-19"
    assert shifted("2009-06-17T10:00", -1, "W") == "2009-06-10"
    assert shifted("2024-03-31", -1, "M") == "2024-02-29"
    assert shifted("2024-03", 2, "M") == "2024-05"
    assert shifted("2024", -3, "Y") == "2021"
    assert shifted("2009-06", 2, "D") is None  # a month cannot move by days
    assert shifted("XXXX-06-17", 2, "D") is None


def test_anchor_offset_from_a_dated_clause_dates_the_event_it_names() -> None:
    # "arrested on Monday, three days after the shooting"
    doc = _doc([("arrested", "VERB", "ROOT", 0), ("on", "ADP", "prep", 0),
                ("Monday", "PROPN", "pobj", 1), ("three", "NUM", "nummod", 4),
                ("days", "NOUN", "npadvmod", 5), ("after", "ADP", "prep", 0),
                ("the", "DET", "det", 7), ("shooting", "NOUN", "pobj", 5)])  # fmt: skip
    monday = _time(doc, 2, 3, "2024-07-08")
    days = _typed(doc, 3, 5, "DURATION", "P3D")
    found = anchor_times(doc, [monday, days], {0: ("arrest", False), 7: ("shooting", True)})
    assert found[0].time == monday
    assert found[7].time.value == "2024-07-05" and found[7].time.text == "three days after"
    assert found[7].basis == CLAUSE
    # with no date to count from, the offset dates nothing
    assert 7 not in anchor_times(doc, [days], {0: ("arrest", False), 7: ("shooting", True)})


@pytest.mark.model
def test_offset_before_an_event_dates_it_from_the_clause(
    digest_of: Callable[..., Digest],
) -> None:
    digest = digest_of(
        "The software will be available on June 17, 2024, two days before the phone launches."
    )
    assert _when(_one(digest, "launch")) == ("2024-06-19", "clause")
    after = digest_of("Police arrested Okafor on May 2, three days after the shooting.")
    assert _when(_one(after, "arrest")) == ("2024-05-02", "clause")
    assert _when(_one(after, "shooting")) == ("2024-04-29", "clause")


def test_anchor_date_on_a_copula_dates_its_event_subject() -> None:
    # "the vote will be on Tuesday": "be" is no event, its subject is
    doc = _doc([("the", "DET", "det", 1), ("vote", "NOUN", "nsubj", 3),
                ("will", "AUX", "aux", 3), ("be", "AUX", "ROOT", 3),
                ("on", "ADP", "prep", 3), ("Tuesday", "PROPN", "pobj", 4)])  # fmt: skip
    doc[3].lemma_ = "be"
    tuesday = _time(doc, 5, 6, "2024-07-16")
    assert anchor_times(doc, [tuesday], {1: ("election", True)})[1].time == tuesday


@pytest.mark.model
def test_a_duration_does_not_part_mentions_of_one_event(
    digest_of: Callable[..., Digest],
) -> None:
    digest = digest_of(
        "Farmers protested outside the ministry on Monday. "
        "The farmers have protested there for more than a week."
    )
    [protest] = [e for e in digest.events if e.type == "protest"]
    assert len(protest.mentions) == 2
    assert _when(protest) == ("2024-07-08", "clause")  # the date, not the week
