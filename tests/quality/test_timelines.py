"""SemEval-2015 Task 4 (TimeLine): the temporal awareness measure, the folder reader, the
timelines we build, and the quality gate on the trial (Apple) and corpus 1 (Airbus) sets.

Measured (Track A, from raw text, see docs/BENCHMARKS.md): trial F1 0.282, corpus 1
F1 0.232 (the baseline in the same run: 0.100 and 0.107). The floors sit a little
below; raise them when quality rises.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluate.awareness import TimeGraph, score_timeline, score_timelines
from newsgraph.evaluate.semeval_data import (
    UNDATED,
    Timeline,
    TimelineEntry,
    parse_date_line,
    parse_timeline,
    read_doc,
    task_article,
    timeline_file,
)
from newsgraph.evaluate.timeline_system import TimelineEvent, arrange, retold, task_date
from newsgraph.evaluate.timeline_targets import (
    acronyms,
    named_spans,
    target_references,
    target_variants,
)
from newsgraph.evaluate.timelines import evaluate_timelines, half_timeline
from tests.conftest import dataset_path

FLOORS = {"trial_apple": 0.27, "corpus_1_airbus": 0.20}

GOLD = """X
0\tXXXX-XX-XX\td1-2-a
1\t2010-01-01\td1-3-b\td2-4-b
2\t2010-02-01\td1-5-c
"""
# z is no gold event, w neither; c is dated a month late
SYSTEM = """X
0\tXXXX-XX-XX\td1-2-a\td1-9-z
1\t2010-01-01\td1-3-b
2\t2010-03-01\td1-5-c\td2-6-w
"""


def test_closure_relates_every_pair_of_positions_and_dates_each_position() -> None:
    graph = TimeGraph.from_timeline(parse_timeline(GOLD))
    closure = graph.closure()
    assert ("=", "d1-3-b", "d2-4-b") in closure
    assert {("<", "d1-2-a", m) for m in ("d1-3-b", "d2-4-b", "d1-5-c")} <= closure
    assert ("in", "d2-4-b", "2010-01-01") in closure  # by being simultaneous with d1-3-b
    assert not any(r[0] == "in" and r[1] == "d1-2-a" for r in closure)  # undated
    assert len(closure) == 9  # 1 "=", 5 "<", 3 "in"
    assert len(graph.reduced()) == 5  # a<b, b=b', b in Jan, b<c, c in Feb


def test_awareness_of_a_hand_scored_pair() -> None:
    # system reduced: a=z (no), a<b, b in Jan, b<c (yes), c in Mar (no), c=w (no): 3/6
    # gold reduced: a<b, b in Jan, b<c (yes), b=b' (no: b' missing), c in Feb (no): 3/5
    score = score_timeline(parse_timeline(SYSTEM), parse_timeline(GOLD))
    assert (score.system_matched, score.system_total) == (3, 6)
    assert (score.gold_matched, score.gold_total) == (3, 5)
    assert score.f1 == pytest.approx(2 * 0.5 * 0.6 / 1.1)


def test_awareness_punishes_a_reversed_order() -> None:
    swapped = GOLD.replace("1\t2010-01-01", "3\t2010-01-01")
    score = score_timeline(parse_timeline(swapped), parse_timeline(GOLD))
    # b is now after c: the a<... chain changes and b<c no longer holds
    assert score.precision < 1.0 and score.recall < 1.0


def test_awareness_is_micro_averaged_over_targets() -> None:
    gold = {"X": parse_timeline(GOLD), "Y": parse_timeline(GOLD.replace("X", "Y", 1))}
    total, per = score_timelines({"X": parse_timeline(SYSTEM)}, gold, ["X", "Y"])
    assert per["Y"].system_total == 0 and per["Y"].gold_total == 5
    assert total.recall == pytest.approx(3 / 10)  # summed counts, not a mean of ratios
    assert total.precision == pytest.approx(3 / 6)


def test_gold_scored_against_itself_is_one() -> None:
    score = score_timeline(parse_timeline(GOLD), parse_timeline(GOLD))
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_the_halves_split_a_timeline_by_document() -> None:
    from newsgraph.evaluate.halves import half_of

    timeline = parse_timeline(GOLD.replace("d2-", "d3-"))  # d1 is of half A, d3 of B
    assert half_of("d1") != half_of("d3")
    parts = {h: half_timeline(timeline, h) for h in ("A", "B")}
    for half, part in parts.items():
        assert all(half_of(m.split("-")[0]) == half for e in part.entries for m in e.mentions)
    kept = sorted(m for part in parts.values() for e in part.entries for m in e.mentions)
    assert kept == sorted(m for e in timeline.entries for m in e.mentions)
    # a line keeps its position and date in the half that holds any of its mentions
    [line] = parts[half_of("d3")].entries
    assert (line.position, line.date, line.mentions) == (1, "2010-01-01", ("d3-4-b",))


def test_a_bad_timeline_line_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse_timeline("X\nfirst\t2010-01-01\n")


def test_date_line_and_timex_values_become_task_dates() -> None:
    assert parse_date_line("January 09 , 2008") == "2008-01-09"
    assert parse_date_line("Apple to lower prices") is None
    assert task_date("2010-06", None) == "2010-06-XX"
    assert task_date("2010", None) == "2010-XX-XX"
    assert task_date("PRESENT_REF", "2010-06-08") == "2010-06-08"
    assert task_date("PAST_REF", "2010-06-08") is None


def test_target_variants_keep_distinctive_parts_only() -> None:
    assert "Jobs" in target_variants("Steve Jobs")
    assert "A380" in target_variants("Airbus A380")
    assert "USAF" in target_variants("United States Air Force")
    assert "4" not in target_variants("iPhone 4")
    assert "Corps" not in target_variants("Beatles Apple Corps")
    assert "Boeing" not in target_variants("Boeing 787 Dreamliner")
    assert "787" in target_variants("Boeing 787 Dreamliner")  # a product's model number


def _cat(tokens: list[tuple[int, str]]) -> str:
    rows = [
        f'<token number="{i}" sentence="{s}" t_id="{i + 1}">{w}</token>'
        for i, (s, w) in enumerate(tokens)
    ]
    return (
        '<?xml version="1.0" ?><Document doc_id="77" doc_name="77_x.txt">\n'
        + "\n".join(rows)
        + "\n<Markables/>\n</Document>\n"
    )


def _folder(
    tmp_path: Path,
    words: str = "Acme unveils Widget|January 5 , 2010|Acme unveiled the Widget on Monday .",
    target: str = "Widget",
) -> Path:
    tokens = [(s, w) for s, line in enumerate(words.split("|")) for w in line.split()]
    (tmp_path / "texts_CAT").mkdir()
    (tmp_path / "texts_CAT" / "77_x.xml").write_text(_cat(tokens), encoding="utf-8")
    (tmp_path / "target_entities.txt").write_text(target + "\n", encoding="utf-8")
    gold = tmp_path / "timelines_gold"
    gold.mkdir()
    (gold / timeline_file(target)).write_text(
        target + "\n1\t2010-01-04\t77-0-unveils\t77-2-unveiled\n", encoding="utf-8"
    )
    return tmp_path


def test_cat_tokens_map_back_to_task_mentions(tmp_path: Path) -> None:
    doc = read_doc(_folder(tmp_path) / "texts_CAT" / "77_x.xml")
    assert doc.published == "2010-01-05"
    article = task_article(doc)
    text = article.input.article.text
    start = text.index("unveiled")
    assert article.mention_at((start, start + 8)) == "77-2-unveiled"
    assert article.input.article.published == "2010-01-05"
    assert [text[s:e] for s, e in article.token_spans[:3]] == ["Acme", "unveils", "Widget"]


def test_a_synthetic_folder_scored_against_its_gold_is_one(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    report = evaluate_timelines(folder, system=folder / "timelines_gold")
    assert report["systems"]["system"]["f1"] == 1.0


def test_a_folder_without_targets_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="target_entities"):
        evaluate_timelines(tmp_path)


@pytest.mark.model
def test_our_timeline_of_a_synthetic_folder_finds_and_dates_the_event(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "ours"
    evaluate_timelines(folder, out=out)
    ours = parse_timeline((out / timeline_file("Widget")).read_text(encoding="utf-8"))
    dated = {m: e.date for e in ours.entries for m in e.mentions}
    assert dated.get("77-2-unveiled") == "2010-01-04"  # "on Monday" before January 5


@pytest.mark.model
def test_a_light_verb_and_a_participle_clause_give_their_subject(tmp_path: Path) -> None:
    # "made its maiden flight": the flight is the jet's; "after lifting off": so is that
    words = (
        "Skylark flies|March 3 , 2011|The Skylark X7 made its maiden flight on Tuesday "
        "after lifting off from Toulouse . Engineers praised the crew ."
    )
    folder = _folder(tmp_path, words, "Skylark X7")
    out = tmp_path / "ours"
    evaluate_timelines(folder, out=out)
    ours = parse_timeline((out / timeline_file("Skylark X7")).read_text(encoding="utf-8"))
    mentions = {m for e in ours.entries for m in e.mentions}
    assert {"77-2-flight", "77-2-lifting_off"} <= mentions
    assert "77-3-praised" not in mentions


@pytest.mark.dataset
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_gold_timelines_score_one_against_themselves(corpus: str) -> None:
    folder = dataset_path("semeval2015_timeline", corpus)
    report = evaluate_timelines(folder, system=folder / "timelines_gold")
    assert report["systems"]["system"]["f1"] == 1.0
    assert report["systems"]["system"]["gold_relations"] > 200


@pytest.mark.dataset
@pytest.mark.model
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_timeline_awareness_stays_above_the_floor(corpus: str) -> None:
    report = evaluate_timelines(dataset_path("semeval2015_timeline", corpus))
    ours = report["systems"]["newsgraph"]
    assert ours["f1"] >= FLOORS[corpus], f"{corpus} F1 {ours['f1']:.3f} < {FLOORS[corpus]}"
    # the rules must beat "every event of a sentence naming the target, on its article's date"
    assert ours["f1"] > report["systems"]["baseline"]["f1"]


def test_empty_system_timeline_scores_zero() -> None:
    gold = Timeline("X", (TimelineEntry(1, "2010-01-01", ("d-1-a", "d-2-b")),))
    score = score_timeline(Timeline("X", ()), gold)
    assert (score.precision, score.recall) == (0.0, 0.0)


def test_a_product_description_goes_to_the_nearest_product_named_before_it() -> None:
    from newsgraph.records import Article, Digest

    text = "The Airbus A380 landed. The plane was late. Qantas flew an A330. The plane was full."
    refs = target_references(["Airbus A380", "Airbus"], Digest(Article(text)))
    first, second = (m.start() + 4 for m in re.finditer("The plane", text))
    assert (first, first + 5) in refs["Airbus A380"]  # after "the Airbus A380"
    assert (second, second + 5) not in refs["Airbus A380"]  # after "an A330"
    assert not any(s == (first, first + 5) for s in refs["Airbus"])  # no company


def test_a_short_form_one_text_defines_is_found_in_all() -> None:
    texts = ["It was delivered to Singapore Airlines ( SIA ) today.", "SIA has stated ..."]
    assert acronyms("Singapore Airlines", texts) == ["SIA"]
    assert acronyms("Boeing", texts) == []


def test_a_part_of_a_name_at_the_end_of_another_name_is_not_the_target() -> None:
    from newsgraph.records import Article, Digest

    text = "The Royal Australian Air Force signed. The Air Force protested."
    [(start, end)] = named_spans("United States Air Force", Digest(Article(text)))
    assert text[start:end] == "Air Force" and start == text.index("The Air") + 4


def _event(mention: str, date: str, assumed: bool = False, theme: str = "@") -> TimelineEvent:
    return TimelineEvent(mention, "introduce", date, (0, 0), assumed, "launch", theme)


def test_an_event_told_again_takes_the_date_of_its_first_telling() -> None:
    first = _event("1-2-introduced", "2010-06-07")
    again = _event("5-7-introduced", "2010-08-09", assumed=True)
    dated = _event("6-3-introduced", "2010-08-10")  # its own clause dates it: it stays
    other = _event("7-3-introduced", "2010-08-11", assumed=True, theme="macbook")
    later = [e.date for e in retold([first, again, dated, other])]
    assert later == ["2010-06-07", "2010-06-07", "2010-08-10", "2010-08-11"]


def test_arrange_puts_undated_events_first_and_a_partial_date_before_its_days() -> None:
    events = [
        _event("1-2-a", "2005-01-18"),
        _event("1-3-b", UNDATED),
        _event("1-4-c", "2005-XX-XX"),
        _event("2-2-d", "2005-01-18"),
    ]
    timeline = arrange("X", events)
    assert [(e.position, e.date) for e in timeline.entries] == [
        (0, UNDATED),
        (1, "2005-XX-XX"),
        (2, "2005-01-18"),
    ]
    assert timeline.entries[2].mentions == ("1-2-a", "2-2-d")  # one lemma, one date: one line


def test_a_two_word_span_is_one_mention_joined_by_an_underscore(tmp_path: Path) -> None:
    # as the task writes a phrasal verb: "rolled_out"
    doc = read_doc(_folder(tmp_path) / "texts_CAT" / "77_x.xml")
    article = task_article(doc)
    text = article.input.article.text
    start = text.index("unveiled the")
    assert article.mention_at((start, start + len("unveiled the"))) == "77-2-unveiled_the"
