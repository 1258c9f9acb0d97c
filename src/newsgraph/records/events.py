"""Records of corpus events: one real event across the articles that report it.

Below ``store`` and ``corpus``: cross-document event coreference (``corpus.events``)
decides which stored corpus event an article's event is, the store persists its
``CorpusEventWrite`` and reads back ``CorpusEvent`` candidates and timeline rows.
Dates are TIMEX3-like values (``2024-06-03``, ``2024-06``, ``2024``) or None.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CorpusEvent:
    """One real event as the corpus keeps it, merged over its sources.

    ``date``/``precision``/``basis``/``uncertain``: the best date its sources give
    (``basis`` ``clause`` or ``linked`` or ``event``: the text's own time; ``published``:
    only an article's date stood in). ``participants`` are corpus entity ids, ``patients``
    those of them the event happens to (the sentenced, the victim). ``centroid`` is the
    sum of the sources' sentence vectors (empty when none was embedded); ``sources`` the
    number of articles reporting it, ``main`` of how many it is the main event.
    """

    id: str
    type: str
    trigger: str
    date: str | None
    precision: str
    basis: str
    uncertain: bool
    place: str | None
    participants: tuple[str, ...]
    patients: tuple[str, ...]
    centroid: tuple[float, ...]
    sources: int
    main: int
    story_id: str | None
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class CorpusEventWrite:
    """A corpus event as one article's event leaves it: new, or one more source.

    ``keys`` file it for later candidates (``sentencing|e:c1a2``: type and participant,
    ``sentencing|s:s9f``: type and story, ``sentencing|d:2024-04``: type and month);
    ``seen`` is the article's date; ``article_id``/``event_id`` the source event.
    """

    event: CorpusEvent
    new: bool
    keys: tuple[str, ...]
    seen: str | None
    article_id: str
    event_id: str
