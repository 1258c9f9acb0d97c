"""Model tests for find_events and find_main_event on small texts and examples/ellison-case.txt.

The events come from the digest itself (``digest_doc``: entities with roles, quotes,
pronouns, times), so these tests see what a user sees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest

from newsgraph.analysis import digest_doc
from newsgraph.config import Settings
from newsgraph.extract.entities.index import index_entities
from newsgraph.extract.events.find import find_event_mentions, find_events
from newsgraph.extract.times.find import find_times
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Article, Entity, Event, EventTime, MainEvent, article_id
from tests.conftest import EXAMPLES, load_article

pytestmark = pytest.mark.model

PUBLISHED = "2024-11-02"


@dataclass(frozen=True)
class Analysed:
    events: list[Event]
    entities: tuple[Entity, ...]
    main: MainEvent | None

    def entity(self, name: str) -> str:
        [found] = [e.id for e in self.entities if e.name == name or name in e.aliases]
        return found

    def of_type(self, kind: str) -> list[Event]:
        return [e for e in self.events if e.type == kind]


@pytest.fixture(scope="module")
def analyse() -> Callable[..., Analysed]:
    nlp = load_pipeline(Settings().model)

    def run(article: Article | str, published: str | None = PUBLISHED) -> Analysed:
        if isinstance(article, str):
            article = Article(text=article, id=article_id(article), published=published)
        if published and not article.published:
            article = replace(article, published=published)
        digest = digest_doc(article, nlp(article.text), Settings())
        return Analysed(list(digest.events), digest.entities, digest.main_event)

    return run


@pytest.fixture(scope="module")
def ellison(analyse: Callable[..., Analysed]) -> Analysed:
    return analyse(load_article(EXAMPLES / "ellison-case.txt", PUBLISHED))


def test_ellison_dismissal_is_actual_and_dated_by_on_friday(ellison: Analysed) -> None:
    [dismissal] = ellison.of_type("dismissal")
    assert dismissal.modality == "actual"
    assert dismissal.polarity == "positive"
    assert dismissal.time is not None and dismissal.time.value == "2024-11-01"
    assert len(dismissal.mentions) >= 2  # the summary line and the body say it


def test_ellison_lawsuit_is_planned(ellison: Analysed) -> None:
    [lawsuit] = ellison.of_type("lawsuit")
    assert lawsuit.modality == "planned"
    assert lawsuit.time is None  # "within weeks" dates nothing: never guessed
    defendants = {p.entity for p in lawsuit.participants if p.role == "defendant"}
    assert ellison.entity("Mark Ellison") in defendants


def test_ellison_sentencing_is_in_june_with_raske_as_patient(ellison: Analysed) -> None:
    [sentencing] = ellison.of_type("sentencing")
    assert sentencing.time is not None and sentencing.time.value == "2024-06"
    patients = {p.entity for p in sentencing.participants if p.role == "patient"}
    assert patients == {ellison.entity("Tom Raske")}


def test_ellison_appeal_is_negated(ellison: Analysed) -> None:
    [appeal] = ellison.of_type("appeal")
    assert appeal.modality == "negated"
    assert appeal.polarity == "negative"
    agents = {p.entity for p in appeal.participants if p.role == "agent"}
    assert ellison.entity("Paul Dorsey") in agents


def test_ellison_shooting_in_dayton_on_march_3_2023(ellison: Analysed) -> None:
    [shooting] = ellison.of_type("shooting")
    assert shooting.place == ellison.entity("Dayton")
    assert shooting.time is not None and shooting.time.value == "2023-03-03"
    assert shooting.modality == "actual"


def test_ellison_shot_and_the_shooting_are_one_event(ellison: Analysed) -> None:
    [shooting] = ellison.of_type("shooting")
    text = (EXAMPLES / "ellison-case.txt").read_text(encoding="utf-8")
    assert sorted(text[s:e] for s, e in shooting.mentions) == ["shooting", "shot"]


def test_ellison_no_one_charged_is_a_negated_charge(ellison: Analysed) -> None:
    negated = [e for e in ellison.of_type("charge") if e.modality == "negated"]
    assert [e.trigger for e in negated] == ["charged"]


def test_ellison_event_ids_follow_the_text(ellison: Analysed) -> None:
    assert [e.id for e in ellison.events] == [f"v{n}" for n in range(1, len(ellison.events) + 1)]
    assert [e.span[0] for e in ellison.events] == sorted(e.span[0] for e in ellison.events)


def test_ellison_main_event_is_the_dismissal(ellison: Analysed) -> None:
    main = ellison.main
    assert main is not None
    [dismissal] = ellison.of_type("dismissal")
    assert main.event == dismissal.id
    assert main.when == EventTime("Friday", "2024-11-01")
    assert "dismissed" in main.what
    assert main.where in {"Columbus, Ohio", "Columbus"}


def test_weather_text_has_no_typed_events(analyse: Callable[..., Analysed]) -> None:
    found = analyse(
        "Skies will stay grey over the valley through the weekend. Temperatures should climb "
        "to the mid-60s by Tuesday, and forecasters expect light showers on Wednesday."
    )
    assert [e.type for e in found.events if e.type != "other"] == []


def test_weather_text_without_other_events_is_empty(analyse: Callable[..., Analysed]) -> None:
    nlp = load_pipeline(Settings().model)
    text = "Skies will stay grey over the valley through the weekend."
    doc = nlp(text)
    index = index_entities(doc)
    assert find_events(doc, index, find_times(text, PUBLISHED, doc), PUBLISHED,
                       include_other=False) == []  # fmt: skip


def test_plans_to_sue_is_planned(analyse: Callable[..., Analysed]) -> None:
    found = analyse("The families plan to sue the city.")
    [lawsuit] = found.of_type("lawsuit")
    assert lawsuit.modality == "planned"


def test_will_appeal_is_planned(analyse: Callable[..., Analysed]) -> None:
    [appeal] = analyse("Her lawyer said she will appeal.").of_type("appeal")
    assert appeal.modality == "planned"


def test_was_not_charged_is_negated(analyse: Callable[..., Analysed]) -> None:
    [charge] = analyse("The driver was not charged.").of_type("charge")
    assert charge.modality == "negated"
    assert charge.polarity == "negative"


def test_could_face_charges_is_possible(analyse: Callable[..., Analysed]) -> None:
    [arrest] = analyse("Police said the man could be arrested.").of_type("arrest")
    assert arrest.modality == "possible"


def test_nominal_trigger_dismissal_of_the_case(analyse: Callable[..., Analysed]) -> None:
    [dismissal] = analyse("The dismissal of the case angered the families.").of_type("dismissal")
    assert dismissal.trigger == "dismissal"
    assert [p.text for p in dismissal.participants if p.role == "patient"] == ["the case"]


def test_press_conference_in_dayton_has_its_place(analyse: Callable[..., Analysed]) -> None:
    found = analyse("The mayor held a press conference in Dayton, Ohio, on Monday.")
    [conference] = found.of_type("press_conference")
    assert conference.place == found.entity("Dayton")
    assert conference.time is not None and conference.time.value == "2024-10-28"


def test_passive_subject_is_the_patient(analyse: Callable[..., Analysed]) -> None:
    found = analyse("Tom Raske was arrested in Columbus.")
    [arrest] = found.of_type("arrest")
    assert [(p.role, p.entity) for p in arrest.participants][:1] == [
        ("patient", found.entity("Tom Raske"))
    ]


def test_two_different_shootings_stay_two_events(analyse: Callable[..., Analysed]) -> None:
    found = analyse(
        "Mark Hale was shot in Dayton on March 3, 2023. Ann Cole was shot in Akron on June 9, 2023."
    )
    assert len(found.of_type("shooting")) == 2


def test_a_time_is_never_guessed(analyse: Callable[..., Analysed]) -> None:
    [arrest] = analyse("Police arrested Tom Raske after a long chase.").of_type("arrest")
    assert arrest.time is None


def test_mentions_carry_argument_spans(analyse: Callable[..., Analysed]) -> None:
    nlp = load_pipeline(Settings().model)
    text = "Boeing delivered the first aircraft to the airline."
    doc = nlp(text)
    [mention] = [
        m for m in find_event_mentions(doc, index_entities(doc), []) if m.lemma == "deliver"
    ]
    roles = {a.role: text[a.span[0] : a.span[1]] for a in mention.arguments}
    assert roles["agent"] == "Boeing"
    assert roles["patient"] == "the first aircraft"


def test_main_event_is_none_without_events(analyse: Callable[..., Analysed]) -> None:
    assert analyse("Grey skies.").main is None


def test_filming_is_not_a_shooting(analyse: Callable[..., Analysed]) -> None:
    a = analyse("A stunt performer was hurt on the set of an action film being shot in Reno.")
    assert not a.of_type("shooting")
    b = analyse("The crew shot the final scene on Tuesday. A guard was shot outside the bank.")
    assert len(b.of_type("shooting")) == 1


def test_quantified_participant_keeps_its_of_phrase(analyse: Callable[..., Analysed]) -> None:
    found = analyse(
        "Dana Whitfield plans to file a civil lawsuit against Mr. Ellison and two of his "
        "former business partners within weeks."
    )
    [lawsuit] = found.of_type("lawsuit")
    texts = {p.text for p in lawsuit.participants if p.role == "defendant"}
    assert "two of his former business partners" in texts
    assert "two" not in texts


def test_overturn_is_a_ruling_only_with_a_legal_object(analyse: Callable[..., Analysed]) -> None:
    ruling = analyse("The appeals court overturned his conviction on Monday.")
    assert [e.trigger for e in ruling.of_type("ruling")] == ["overturned"]
    crash = analyse("The bus overturned on the motorway near Leeds on Monday.")
    assert [e.trigger for e in crash.of_type("accident")] == ["overturned"]
    assert crash.of_type("ruling") == []


def test_same_type_in_two_places_is_two_events(analyse: Callable[..., Analysed]) -> None:
    found = analyse(
        "Donald Trump held a rally in Ohio on Monday. Hillary Clinton held a rally in Florida. "
        "The rally in Ohio drew thousands."
    )
    rallies = [e for e in found.events if e.trigger == "rally"]
    assert len(rallies) == 2
    assert [len(e.mentions) for e in rallies] == [2, 1]  # "The rally in Ohio" joins the first


def test_add_with_a_plain_object_is_no_statement(analyse: Callable[..., Analysed]) -> None:
    found = analyse("The contract adds two paid rest breaks per shift.")
    assert found.of_type("statement") == []
    said = analyse("He added that the deal was fair.")
    assert [e.trigger for e in said.of_type("statement")] == ["added"]
