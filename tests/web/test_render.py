"""What the pages draw: the article's marks, the time axis, the safe links. Fast, no store."""

from __future__ import annotations

from typing import Any

from newsgraph.records.corpus import Seen, TimelineEntry
from newsgraph.web.render import Piece, article_pieces, safe_url, seen_axis, time_axis

TEXT = 'Mayor Ann Whitfield said "we will rebuild it by June" on Friday.'


def _digest() -> dict[str, Any]:
    ann = (TEXT.index("Ann"), TEXT.index("Ann") + len("Ann Whitfield"))
    quote = (TEXT.index("we will"), TEXT.index('" on'))
    june = (TEXT.index("June"), TEXT.index("June") + 4)
    friday = (TEXT.index("Friday"), TEXT.index("Friday") + 6)
    said = (TEXT.index("said"), TEXT.index("said") + 4)
    return {
        "article": {"text": TEXT},
        "entities": [
            {"id": "e1", "name": "Ann Whitfield", "type": "PERSON", "mentions": [ann]},
            # crosses the quote's end: left out, its text kept
            {
                "id": "e2",
                "name": "June Friday",
                "type": "PERSON",
                "mentions": [[june[0], friday[1]]],
            },
        ],
        "quotes": [
            {
                "id": "q1",
                "kind": "direct",
                "act": "speech",
                "content": "",
                "span": quote,
                "speaker": "e1",
                "cue_span": said,
            },
        ],
        "times": [
            {"text": "June", "span": june, "type": "DATE", "value": "2025-06"},
            {"text": "Friday", "span": friday, "type": "DATE", "value": "2024-11-01"},
        ],
        "events": [],
    }


def _flat(pieces: list[Piece]) -> str:
    return "".join(p.text if p.kind != "quote" else _flat(p.children) for p in pieces)


def test_article_pieces_keep_every_character_in_order() -> None:
    pieces = article_pieces(_digest(), {"e1": "c123"})
    assert _flat(pieces) == TEXT


def test_article_pieces_nest_marks_in_quotes_and_link_the_speaker() -> None:
    pieces = article_pieces(_digest(), {"e1": "c123"})
    kinds = [(p.kind, p.text) for p in pieces if p.kind != "text"]
    assert kinds[:2] == [("entity", "Ann Whitfield"), ("cue", "said")]
    [quote] = [p for p in pieces if p.kind == "quote"]
    assert quote.speaker == ("Ann Whitfield", "/entity/c123")
    assert quote.anchor == "quote-q1"
    assert [(p.kind, p.text, p.label) for p in quote.children if p.kind != "text"] == [
        ("time", "June", "2025-06")
    ]
    # "June Friday" crosses the quote's end: the times win, the entity is dropped
    assert not [p for p in pieces if p.text == "June Friday"]
    assert [p.text for p in pieces if p.kind == "time"] == ["Friday"]


def test_article_pieces_without_a_corpus_link_to_a_search() -> None:
    [quote] = [p for p in article_pieces(_digest(), {}) if p.kind == "quote"]
    assert quote.speaker == ("Ann Whitfield", "/search?q=Ann%20Whitfield")


def test_article_pieces_ignore_broken_spans() -> None:
    d = _digest()
    d["entities"][0]["mentions"] = [[5, 2], "x", [None, 3], [0, 5]]
    pieces = article_pieces(d, {})
    assert [p.text for p in pieces if p.kind == "entity"] == ["Mayor"]
    assert _flat(pieces) == TEXT


def _entry(date: str | None, uncertain: bool = False, kind: str = "statement") -> TimelineEntry:
    return TimelineEntry(date, "day", uncertain, "event", kind, "said", None, (), ())


def test_time_axis_places_entries_left_to_right_and_marks_uncertain_ones() -> None:
    entries = [
        _entry("2023"),
        _entry("2024-06"),
        _entry("2024-11-01"),
        _entry("2024-11-02", True),
        _entry(None),
    ]
    axis = time_axis(entries)
    assert axis is not None
    assert [m.index for m in axis.marks] == [0, 1, 2, 3]
    xs = [m.x for m in axis.marks]
    assert xs == sorted(xs) and xs[0] > 0 and axis.marks[-1].x2 < axis.width
    assert [m.bar for m in axis.marks] == [True, True, False, False]
    assert [m.uncertain for m in axis.marks] == [False, False, False, True]
    assert axis.undated == 1
    assert [t.label for t in axis.ticks][:2] == ["2023-01", "2023-04"]
    # 2023 is a bar of a year, June 2024 one of a month, after it on the same lane
    year, june = axis.marks[0], axis.marks[1]
    assert year.x2 < june.x and year.y == june.y
    assert (year.x2 - year.x) > 10 * (june.x2 - june.x) > 0


def test_time_axis_of_undated_entries_is_none() -> None:
    assert time_axis([_entry(None), _entry("XXXX-06")]) is None


def test_seen_axis_draws_bars_unless_everything_is_one_day() -> None:
    one_day = [
        Seen("mayor", "2024-01-02", "2024-01-02", 1),
        Seen("host", "2024-01-02", "2024-01-02", 1),
    ]
    assert seen_axis(one_day) is None
    roles = [
        Seen("senator", "2019-05-01", "2023-03-10", 4),
        Seen("defendant", "2023-03-10", "2024-11-02", 2),
    ]
    axis = seen_axis(roles)
    assert axis is not None and all(m.bar for m in axis.marks)
    first, second = axis.marks
    assert first.y < second.y  # a lane each


def test_safe_url_keeps_only_http_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url(" http://example.org ") == "http://example.org"
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "//evil",
        "",
        None,
        "http://[bad",
        "vbscript:x",
        "https:///nohost",
    ):
        assert safe_url(bad) is None, bad
