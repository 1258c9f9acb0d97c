"""Publication dates: the ``--published`` option and the dates inputs carry."""

from __future__ import annotations

from datetime import date, datetime

from newsgraph.errors import ConfigError


def parse_published(value: str) -> str:
    """The ISO form of a ``--published`` value; ConfigError unless it is an ISO date or datetime."""
    iso = iso_date(value)
    if iso is None:
        raise ConfigError(
            f"--published {value!r} is not an ISO date; use YYYY-MM-DD, for example 2024-11-02"
        )
    return iso


def iso_date(value: str) -> str | None:
    """``value`` normalised as an ISO date (``2024-11-02``) or datetime, None if it is neither."""
    value = value.strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None
