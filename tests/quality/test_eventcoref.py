"""Cross-document event coreference: the CoNLL measures, and the ECB+ quality gate."""

from __future__ import annotations

import pytest

from newsgraph.evaluate.eventcoref import (
    b_cubed,
    ceaf_e,
    conll,
    evaluate_eventcoref,
    muc,
    parse_topics,
    read_documents,
)
from tests.conftest import dataset_path

KEY = [{"a", "b", "c"}, {"d", "e"}]
RESPONSE = [{"a", "b"}, {"c", "d", "e"}]


def test_muc_counts_links_kept_both_ways() -> None:
    assert muc(KEY, RESPONSE) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_b_cubed_averages_over_mentions() -> None:
    assert b_cubed(KEY, RESPONSE) == pytest.approx((11 / 15, 11 / 15, 11 / 15))


def test_ceaf_e_aligns_clusters_one_to_one() -> None:
    # abc~ab (phi4 0.8) and de~cde (0.8), not abc~cde (1/3)
    assert ceaf_e(KEY, RESPONSE) == pytest.approx((0.8, 0.8, 0.8))
    assert ceaf_e(KEY, [{"a"}, {"b"}, {"c"}, {"d"}, {"e"}])[0] == pytest.approx(
        (2 * 1 / 4 + 2 * 1 / 3) / 5
    )


def test_conll_of_the_key_against_itself_is_one() -> None:
    assert conll(KEY, KEY) == pytest.approx({"muc": 1.0, "b3": 1.0, "ceaf_e": 1.0, "conll": 1.0})


def test_parse_topics_ranges_and_lists() -> None:
    assert parse_topics("36-38,41") == [36, 37, 38, 41]


@pytest.mark.dataset
def test_ecbplus_gold_mentions_are_the_annotated_sentences_actions() -> None:
    docs = read_documents(dataset_path("ecbplus"), [36])
    assert docs and all(d.topic == 36 for d in docs)
    chains = {label for d in docs for _, label in d.mentions.values()}
    # cross-document chains join mentions of several documents
    by_chain: dict[str, set[str]] = {}
    for d in docs:
        for _, label in d.mentions.values():
            by_chain.setdefault(label, set()).add(d.name)
    assert any(len(names) > 1 for names in by_chain.values()) and len(chains) > 10


@pytest.mark.model
@pytest.mark.dataset
def test_eventcoref_ecbplus_gate() -> None:
    report = evaluate_eventcoref(dataset_path("ecbplus"))  # test topics 36-45
    ours, lemma = report["newsgraph, found"], report["same lemma, found"]
    # measured 0.667 against 0.557 on the gold mentions we find; 0.598 on all of them
    assert ours["conll"] >= 0.65, report
    assert ours["conll"] >= lemma["conll"] + 0.10, report
    assert report["newsgraph"]["conll"] >= 0.58, report
