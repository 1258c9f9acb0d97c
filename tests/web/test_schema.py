"""Schemathesis against /openapi.json: generated requests to every route, valid and
invalid, bounded (a few examples each), and never a 5xx answer.

The operations are walked in one test (schemathesis' pytest fixture loader does not run
on this pytest); each gets its own small Hypothesis run.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from newsgraph.web import ServeConfig, create_app
from tests.web.fixtures import examples_db, web_digests  # noqa: F401  # fixtures

EXAMPLES_PER_ROUTE = 6


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_never_answers_5xx(examples_db: str, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_asgi(
        "/openapi.json", create_app(ServeConfig(db=examples_db))
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    tried = []
    for operation in operations:
        has_input = any(True for _ in operation.iter_parameters()) or operation.body
        if mode is GenerationMode.NEGATIVE and not has_input:
            continue  # GET /api/v1/status: nothing to get wrong

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES_PER_ROUTE,
            deadline=None,
            derandomize=True,  # the same requests every run: a failure reproduces
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def call(case: Any) -> None:
            response = case.call()
            case.validate_response(response, checks=[not_a_server_error])

        call()
        tried.append(operation.label)
    assert "POST /api/v1/digest" in tried and "GET /api/v1/quotes" in tried
