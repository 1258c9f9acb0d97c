"""Typed errors. The CLI maps them to exit codes in one place (``cli/__init__.py``)."""


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""

    exit_code = 1


class ItemError(NewsgraphError):
    """One input or article failed; a run reports it and goes on with the others.

    ``source`` names the input (file, ``file:line``, URL or article id), ``problem``
    says what was wrong; ``detail`` is the traceback of an unexpected error behind it,
    shown with ``--debug`` (empty for a problem newsgraph diagnosed itself).
    """

    def __init__(self, source: str, problem: str, detail: str = "") -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
        self.detail = detail

    def __reduce__(self) -> tuple[type, tuple[str, ...]]:
        # crosses process boundaries: rebuilt from its fields, not from the message
        return (type(self), (self.source, self.problem, self.detail))


class InputError(ItemError):
    """An input could not be read as an article. The message names the input and the problem."""

    exit_code = 2


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


class ArticleError(ItemError):
    """One article failed at one stage (``read``, ``analysis``, ``store``); the run goes on.

    Example message: ``feed.jsonl:12: analysis failed: took longer than the 30 s budget``.
    """

    exit_code = 1

    def __init__(self, source: str, stage: str, problem: str, detail: str = "") -> None:
        super().__init__(source, problem, detail)
        self.args = (f"{source}: {stage} failed: {problem}",)
        self.stage = stage

    def __reduce__(self) -> tuple[type, tuple[str, ...]]:
        return (type(self), (self.source, self.stage, self.problem, self.detail))
