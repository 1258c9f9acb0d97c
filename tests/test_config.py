"""Settings and the NEWSGRAPH_* environment variables, read in config.py only."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.config import (
    DB_ENV,
    DEFAULT_MAX_BYTES,
    DEFAULT_MODEL,
    MAX_BYTES_ENV,
    MODEL_ENV,
    QUOTE_MODEL_ENV,
    Settings,
    database_url,
    quote_model_path,
)
from newsgraph.store import resolve_url

ALL_ENV = (DB_ENV, MAX_BYTES_ENV, MODEL_ENV, QUOTE_MODEL_ENV)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ALL_ENV:
        monkeypatch.delenv(name, raising=False)


def test_settings_from_env_defaults_without_variables() -> None:
    settings = Settings.from_env()
    assert (settings.model, settings.max_bytes) == (DEFAULT_MODEL, DEFAULT_MAX_BYTES)


def test_settings_from_env_reads_variables_and_overrides_win(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(MODEL_ENV, "xx_other_model")
    monkeypatch.setenv(MAX_BYTES_ENV, "2048")
    assert Settings.from_env().max_bytes == 2048
    assert Settings.from_env().model == "xx_other_model"
    assert Settings.from_env(max_bytes=10, processes=None).max_bytes == 10


def test_database_url_reads_newsgraph_db(monkeypatch: pytest.MonkeyPatch) -> None:
    assert database_url() is None
    monkeypatch.setenv(DB_ENV, "")
    assert database_url() is None
    monkeypatch.setenv(DB_ENV, "sqlite:///x.db")
    assert database_url() == "sqlite:///x.db"


def test_store_resolves_its_url_through_config(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_url(None) == "newsgraph.db"
    monkeypatch.setenv(DB_ENV, "postgresql://u@h/db")
    assert resolve_url(None) == "postgresql://u@h/db"
    assert resolve_url("given.db") == "given.db"


def test_quote_model_path_reads_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    assert quote_model_path() is None
    monkeypatch.setenv(QUOTE_MODEL_ENV, "/tmp/m.json")
    assert quote_model_path() == Path("/tmp/m.json")
