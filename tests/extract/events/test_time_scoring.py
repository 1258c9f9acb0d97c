"""How ``newsgraph eval events`` scores an event's time on MEANTIME (``evaluate.events``).

Kept beside the event tests, whose figures it produces: an undated event is scored with
the publication date it is shown at (basis ``published``), counted apart as not the
text's; a document without a creation time takes its date line as the article date.
"""

from __future__ import annotations

from newsgraph.evaluate.events import PUBLISHED, Gold, Pred, Scores, date_line, meantime_gold

SPAN = (0, 4)


def _scores(gold: Gold, pred: Pred) -> dict[str, float | int]:
    scores = Scores()
    scores.add("d1", [gold], [pred], typed=False)
    return scores.scores()


def test_time_from_the_clause_equal_to_the_anchor_counts_in_both_accuracies() -> None:
    scores = _scores(Gold(SPAN, None, (), times=("2010-07-16",)),
                     Pred(SPAN, None, (), "2010-07-16", "clause"))  # fmt: skip
    assert scores["time_accuracy"] == scores["time_accuracy_text"] == 1.0
    assert scores["time_precision"] == 1.0


def test_publication_date_standing_in_counts_in_time_acc_only() -> None:
    # the gold anchors the event to the date line of a document without a creation time
    scores = _scores(Gold(SPAN, None, (), times=("2005-04-27",)),
                     Pred(SPAN, None, (), "2005-04-27", PUBLISHED))  # fmt: skip
    assert scores["time_accuracy"] == 1.0
    assert scores["time_accuracy_text"] == 0.0
    assert scores["time_precision"] == 0.0  # no time the text gives: not a dated prediction


def test_event_anchored_to_the_creation_time_is_right_with_the_publication_date() -> None:
    gold = Gold(SPAN, None, (), dct_anchored=True, dct="2008-03-01")
    assert (
        _scores(gold, Pred(SPAN, None, (), "2008-03-01", PUBLISHED))["time_accuracy_with_dct"]
        == 1.0
    )
    assert (
        _scores(gold, Pred(SPAN, None, (), "2008-02-29", "clause"))["time_accuracy_with_dct"] == 0.0
    )


def test_missed_time_is_listed_with_its_anchor() -> None:
    scores = Scores()
    gold = Gold(SPAN, None, (), times=("P4Y",), anchors=(("four years", "DURATION", "P4Y"),))
    scores.add("d1", [gold], [Pred(SPAN, None, (), "2007-02-28", PUBLISHED)], typed=False)
    [miss] = scores.time_misses
    assert miss.doc_id == "d1" and miss.gold.anchors[0][1] == "DURATION"


def test_date_line_is_read_as_an_iso_date() -> None:
    assert date_line("Title\nApril 27 , 2005\nText") == "2005-04-27"
    assert date_line("Title\nNo date here\nText") is None
    assert date_line("one line") is None


def test_gold_keeps_the_creation_time_value_apart_from_explicit_anchors() -> None:
    record = {
        "entity_mentions": [],
        "has_participant": [],
        "timex3": [
            {
                "m_id": "t0",
                "type": "DATE",
                "value": "2008-03-01",
                "function": "CREATION_TIME",
                "text": "March 01 , 2008",
            },
            {
                "m_id": "t1",
                "type": "DATE",
                "value": "2008-02-29",
                "function": "NONE",
                "text": "Friday",
            },
        ],
        "event_mentions": [{"m_id": "e1", "char": [0, 4]}, {"m_id": "e2", "char": [5, 9]}],
        "tlinks": [
            {"source": "e1", "target": "t0", "reltype": "IS_INCLUDED"},
            {"source": "t1", "target": "e2", "reltype": "INCLUDES"},
        ],
    }
    first, second = meantime_gold(record, 100)
    assert first.times == () and first.dct == "2008-03-01"
    assert second.times == ("2008-02-29",) and second.anchors == (("Friday", "DATE", "2008-02-29"),)
