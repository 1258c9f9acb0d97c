"""Fixtures shared by the store, corpus and query tests."""

from tests.store.fixtures import pg_schema_url, store, store_url  # noqa: F401
