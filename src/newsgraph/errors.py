"""Typed errors. The CLI maps them to exit codes in one place (``cli/__init__.py``)."""


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""

    exit_code = 1


class InputError(NewsgraphError):
    """An input could not be read as an article. The message names the input and the problem."""

    exit_code = 2

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ConfigError(NewsgraphError):
    """A setting or option has a value newsgraph cannot use."""

    exit_code = 2


class ModelError(NewsgraphError):
    """A model could not be loaded or does not fit this newsgraph: the spaCy pipeline, the
    embedder, or the quote model file. The message says what to install or rebuild."""

    exit_code = 3


class StoreError(NewsgraphError):
    """The store (SQLite file or PostgreSQL server) could not be opened, read or written.

    Committed articles are never lost: the message says what to fix, and a rerun finishes the job.
    """

    exit_code = 4


class NotFoundError(NewsgraphError):
    """A query named an entity or story that the store does not have."""

    exit_code = 1
