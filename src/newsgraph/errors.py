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
    """The language model could not be loaded."""

    exit_code = 3
