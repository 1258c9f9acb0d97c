"""Model tests for the extractive summary."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.records import Digest

pytestmark = pytest.mark.model


def test_summary_three_body_sentences_lead_first(digest_file: Callable[..., Digest]) -> None:
    d = digest_file("ellison-case.txt")
    assert len(d.summary) == 3
    assert d.summary[0].startswith("COLUMBUS, Ohio")  # the lead, not the title or dek
    for sentence in d.summary:
        assert sentence in d.article.text[d.article.body_start :]
    positions = [d.article.text.index(s) for s in d.summary]
    assert positions == sorted(positions)


def test_summary_of_short_text_is_short(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text("The council approved the budget on Tuesday after a long debate.")
    assert d.summary == ("The council approved the budget on Tuesday after a long debate.",)
    assert digest_text("   ").summary == ()
