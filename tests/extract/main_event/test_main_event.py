"""The main event (5W1H) on small hand-written articles and the court-case example."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.analysis import digest
from newsgraph.records import Article, Digest, EventTime, MainEvent, article_id

pytestmark = pytest.mark.model


def _main(title: str, body: str, published: str = "2016-11-11") -> MainEvent:
    """The main event of a headline and body analysed as the digest does it."""
    text = f"{title}\n\n{body}"
    article = Article(
        text=text, id=article_id(text), title=title, published=published, body_start=len(title) + 2
    )
    main = digest(article).main_event
    assert main is not None
    return main


def _main_and_events(title: str, body: str) -> tuple[MainEvent, dict[str, str]]:
    """The main event and the type of each event by id."""
    text = f"{title}\n\n{body}"
    article = Article(
        text=text,
        id=article_id(text),
        title=title,
        published="2016-11-11",
        body_start=len(title) + 2,
    )
    result = digest(article)
    assert result.main_event is not None
    return result.main_event, {e.id: e.type for e in result.events}


@pytest.fixture(scope="module")
def ellison(digest_file: Callable[..., Digest]) -> Digest:
    return digest_file("ellison-case.txt", "2024-11-02")


def test_main_event_ellison_names_the_dismissal(ellison: Digest) -> None:
    main = ellison.main_event
    assert main is not None
    assert main.who == "Judge Helen Okafor"  # "A judge" resolved: the one judge named
    assert "dismissed" in main.what and "Fraud case" in main.what
    assert main.when == EventTime("Friday", "2024-11-01")
    assert main.where == "Columbus, Ohio"
    event = next(e for e in ellison.events if e.id == main.event)
    assert event.type == "dismissal"


def test_main_event_ellison_has_no_invented_cause_or_means(ellison: Digest) -> None:
    main = ellison.main_event
    assert main is not None
    assert main.why is None and main.how is None


def test_main_event_headline_verb_tagged_as_noun() -> None:
    # the tagger reads "protests" as a plural noun; "elected" sits in a subordinate clause
    main = _main(
        "Lady Gaga protests outside Trump Tower as Donald is elected president",
        "Lady Gaga protested Donald Trump's victory outside Trump Tower on Wednesday.",
    )
    assert main.who == "Lady Gaga"
    assert main.what.startswith("protests outside Trump Tower")
    assert main.where == "Trump Tower"
    assert main.when == EventTime("Wednesday", "2016-11-09")


def test_main_event_headline_subject_and_object() -> None:
    main = _main(
        "Taliban attacks German consulate in northern Afghan city of Mazar-i-Sharif",
        "A Taliban suicide bomber rammed a truck into the German consulate late on Thursday.",
    )
    assert main.who == "Taliban"
    assert main.what == "attacks German consulate"
    assert main.where is not None and "Mazar-i-Sharif" in main.where


def test_main_event_casualty_headline_takes_who_from_the_lead() -> None:
    main = _main(
        "Seven killed as tram derails after 'speeding' round sharp bend",
        "At least seven people were killed when a tram derailed in Croydon on Wednesday.",
    )
    assert main.who == "At least seven people"
    assert main.what == "Seven killed"
    assert main.where == "Croydon"


def test_main_event_passive_headline_takes_the_agent() -> None:
    main = _main(
        "German consulate in Afghanistan bombed in 'revenge' attack by Taliban",
        "At least two people have died in a suicide attack on the German consulate in the "
        "city of Mazar-i-Sharif in northern Afghanistan on Thursday.",
    )
    assert main.who == "Taliban"
    assert main.what == "German consulate in Afghanistan bombed"
    assert main.where == "Mazar-i-Sharif"  # the city the lead puts in the country


def test_main_event_when_is_null_without_a_day() -> None:
    main = _main(
        "Toblerone changes shape of its bars",
        "The maker of Toblerone has widened the gaps between the triangles of two bars sold "
        "in the UK. Fans said the new bars looked odd.",
    )
    assert main.who == "Toblerone"
    assert main.when is None
    assert main.where == "UK"
    assert main.why is None and main.how is None


def test_main_event_when_skips_dates_long_before_publication() -> None:
    main = _main(
        "Trump and Obama meet at White House",
        "The two men last spoke on 8 November 2012. President Barack Obama and "
        "President-elect Donald Trump met at the White House on Thursday.",
    )
    assert main.when == EventTime("Thursday", "2016-11-10")
    assert main.who == "Donald Trump and Barack Obama"  # short names in full
    assert main.where == "White House"


def test_main_event_where_is_null_without_a_place() -> None:
    main = _main(
        "Hillary Clinton blames loss on FBI's James Comey in call with top donors",
        "Hillary Clinton has blamed her defeat in the US election on James Comey, the FBI "
        "director. During a conference call with top donors on Saturday, she said his letter "
        "had stopped her momentum.",
        published="2016-11-13",
    )
    assert main.who == "Hillary Clinton"
    assert main.what.startswith("blames loss on FBI's James Comey")
    assert main.where is None  # "the US election" names no place of the call
    assert main.when == EventTime("Saturday", "2016-11-12")


def test_main_event_cause_after_the_predicate() -> None:
    main = _main(
        "Toblerone sparks outrage after changing iconic shape",
        "Toblerone has come under fire after it increased the space between its triangles.",
    )
    assert main.what == "sparks outrage"
    assert main.why == "after changing iconic shape"


def test_main_event_who_resolves_a_role_noun_to_its_one_holder() -> None:
    body = (
        "A judge dismissed the fraud case against Mayor Tom Baker on Monday. "
        "Judge Ana Ruiz said the police had gathered the evidence unlawfully. "
    )
    main = _main("Fraud case against mayor dismissed", body + "Mr Baker thanked his lawyers.")
    assert main.who == "Judge Ana Ruiz"
    # two judges: the text does not say which one, so the answer stays as written
    main = _main(
        "Fraud case against mayor dismissed",
        body + "Judge Omar Diaz had refused an earlier motion.",
    )
    assert main.who == "A judge"


_HOLT = (
    "Senator Jane Holt has blamed her defeat in the state election on adverts paid for by "
    "her rival. She said the adverts had misled voters. Her campaign had spent less than "
    "half as much. Turnout was the lowest in a decade. "
)


def test_main_event_when_skips_a_time_that_dates_something_else() -> None:
    # the only day, deep in the body, dates the rival's visit: the article dates no blame
    main = _main(
        "Senator blames defeat on rival's adverts",
        _HOLT + "Her rival Mark Dunn visited a car factory on Sunday.",
        published="2016-11-13",
    )
    assert main.when is None


def test_main_event_when_takes_a_time_of_the_doer_further_down() -> None:
    main = _main(
        "Senator blames defeat on rival's adverts",
        _HOLT + "Holt told supporters at a dinner on Saturday that she would not run again.",
        published="2016-11-13",
    )
    assert main.when == EventTime("Saturday", "2016-11-12")


def test_main_event_time_and_place_of_the_incident_further_down() -> None:
    main = _main(
        "Police set to question bus driver",
        "Detectives want to question the driver of a bus that crashed into a shop, leaving "
        "twelve people hurt. The driver has not been named. His employer said he had worked "
        "for the firm for ten years. Passengers described screaming and broken glass. "
        "Twelve people were injured when the bus left the road in Kendal on Tuesday.",
    )
    assert main.when == EventTime("Tuesday", "2016-11-08")
    assert main.where == "Kendal"


def test_main_event_where_takes_the_city_the_lead_gives_the_same_building() -> None:
    main = _main(
        "Embassy in Peru attacked by protesters",
        "Hundreds of protesters attacked the embassy in Lima on Friday, breaking windows and "
        "burning a car. Police fired tear gas.",
    )
    assert main.where == "Lima"
    assert main.how is None  # "burning a car" is a side act, not how the attack happened


def test_main_event_where_adds_the_city_to_a_named_venue() -> None:
    main = _main(
        "Rossi wins at Mugello after late duel",
        "Valentino Rossi kept his title hopes alive in Italy on Sunday with a last-lap pass on "
        "his team-mate.",
    )
    assert main.where == "Mugello, Italy"


def test_main_event_topic_label_names_the_incident() -> None:
    main, events = _main_and_events(
        "Leeds warehouse fire: Owner arrested as investigators search ruins",
        "A fire at a warehouse in Leeds killed two workers on Monday. Police arrested the "
        "owner of the building on Wednesday, a spokesman said.",
    )
    assert main.what.endswith("warehouse fire")
    assert events[main.event] == "fire"
    assert main.when == EventTime("Monday", "2016-11-07")
    assert main.where == "Leeds"


def test_main_event_how_an_incident_happened() -> None:
    main = _main(
        "Lorry crash kills two on motorway",
        "Two people died when a lorry skidded and overturned on the M6 near Preston on Monday. "
        "The road was closed for ten hours.",
    )
    assert main.how == "skidded and overturned"


def test_main_event_lead_skips_a_headline_repeated_in_the_body() -> None:
    main = _main(
        "Five hurt as tram derails",
        "Five hurt as tram derails Five people were hurt when a tram came off the rails. "
        "Witnesses said it was going fast. The tram tipped over near the central station in "
        "Sheffield.",
    )
    assert main.where == "central station in Sheffield"


def test_main_event_json_keeps_the_digest_layout() -> None:
    main = MainEvent("v1", who="Taliban", when=EventTime("Friday", "2024-11-01"))
    data = main.to_dict()
    assert list(data) == ["event", "who", "what", "when", "where", "why", "how"]
    assert data["when"] == {"text": "Friday", "value": "2024-11-01"}
    assert data["what"] is None
    assert Digest(Article(text="x"), main_event=main).to_dict()["main_event"] == data


def test_main_event_a_witness_account_is_news_of_the_incident() -> None:
    # the headline tells a survivor's account; the story's event is the fire they lived through
    main, events = _main_and_events(
        "Leeds factory fire witness tells of screams",
        "A woman who saw the fire at a factory in Leeds on Monday has told of the screams she "
        "heard from the building. Two workers were killed.",
    )
    assert main.what == "factory fire"  # not "Leeds": that answers where
    assert events[main.event] == "fire"


def test_main_event_incident_timed_by_the_clock_alone() -> None:
    # no day anywhere: a witness gives the clock time of the crash (published the same day)
    main = _main(
        "Bus crash: Twelve hurt after bus hits shop in Kendal",
        "Twelve people were hurt when a bus crashed into a shop in Kendal. The driver was taken "
        'to hospital. A shopkeeper said: "It was about 7.20am and I heard a huge bang."',
    )
    assert main.when is not None
    assert main.when.text == "about 7.20am"
    assert main.when.value is not None and main.when.value.startswith("2016-11-11T07:20")


def test_main_event_a_weekday_is_given_as_the_full_date_the_text_writes() -> None:
    main = _main(
        "Massa crashes out of his last home race",
        "Felipe Massa crashed out of his last race at Interlagos on Sunday. Massa waves to "
        "fans in Sao Paulo, Brazil, Sunday, Nov. 13, 2016. He had driven for Williams.",
        published="2016-11-13",
    )
    assert main.when is not None and main.when.text == "Sunday, Nov. 13, 2016"


def test_main_event_a_date_keeps_the_weekday_written_before_it() -> None:
    main = _main(
        "Chocolate maker shrinks its bars",
        "The maker of Crunchy Bites has made its bars smaller, it said in a statement dated "
        "Thu, Nov. 10, 2016. Fans said the new bars looked odd.",
    )
    assert main.when is not None and main.when.text == "Thu, Nov. 10, 2016"


def test_main_event_where_keeps_the_region_the_lead_writes_with_the_city() -> None:
    main = _main(
        "Four hurt after bus overturns in north Wales",
        "Four people were hurt when a bus overturned in Bangor, north Wales, on Monday. "
        "The road was closed for hours.",
    )
    assert main.where == "Bangor, north Wales"


def test_main_event_an_explainer_headline_tells_the_analysis_not_the_peg() -> None:
    main = _main(
        "Smith meets Jones: What their handshake tells us",
        "A body language expert has analysed the handshake of Prime Minister Ann Smith and "
        "President Tom Jones at their first meeting. The two leaders met for an hour.",
    )
    assert main.who is not None and "body language expert" in main.who
    assert main.what.startswith("has analysed the handshake")


def test_main_event_when_skips_a_picture_caption() -> None:
    # a gallery caption scraped into the lead dates its picture, not the blame
    main = _main(
        "Senator blames defeat on rival's adverts",
        "Senator Jane Holt has blamed her defeat in the state election on adverts paid for by "
        "her rival. Reuters 2 Crowds wave flags at a campaign rally on Saturday. She said the "
        "adverts had misled voters.",
        published="2016-11-13",
    )
    assert main.when is None
