"""SemEval-2015 Task 4 (TimeLine) folders: the tokenised texts, the targets and the timelines.

A corpus folder holds ``texts_CAT/*.xml`` (one ``<token number= sentence= t_id=>`` per
token; sentence 0 is the headline, sentence 1 the publication date),
``target_entities.txt`` (one target a line) and ``timelines_gold/<target>.txt``. A
timeline file opens with its target; then one line per event:
``position<TAB>date<TAB>mention[<TAB>mention...]`` where a mention is
``docid-sentence-word`` ("16844-2-unveiled", "61389-2-job_cuts") and the mentions of one
line are one event. Only the tokens are read from the texts: the event markables some
trial files carry are gold (Track B) and are ignored, since we score Track A.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.evaluate.inputs import Input, article_object, read_object

Span = tuple[int, int]
UNDATED = "XXXX-XX-XX"
DATE_LINE = 1  # sentence 1 of every document is its publication date


@dataclass(frozen=True, slots=True)
class Token:
    sentence: int
    text: str


@dataclass(frozen=True, slots=True)
class TaskDoc:
    """One tokenised document: ``tokens`` in order, ``published`` as an ISO date or None."""

    doc_id: str
    name: str
    tokens: tuple[Token, ...]
    published: str | None

    def sentence_text(self, sentence: int) -> str:
        return " ".join(t.text for t in self.tokens if t.sentence == sentence)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of a timeline: its position, date and the mentions of the one event."""

    position: int
    date: str
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    target: str
    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True, slots=True)
class TaskArticle:
    """A document as newsgraph reads it, with each token's char span in ``input.article.text``."""

    doc: TaskDoc
    input: Input
    token_spans: tuple[Span, ...]

    def mention_at(self, span: Span) -> str | None:
        """The task's mention id (``docid-sentence-word``) of the tokens a char span
        covers: ``"16844-2-unveiled"``; a phrase joins its words, ``"145930-3-took_off"``."""
        words = []
        sentence = None
        for token, (start, end) in zip(self.doc.tokens, self.token_spans, strict=True):
            if start < end and start < span[1] and span[0] < end:
                sentence = token.sentence if sentence is None else sentence
                words.append(token.text)
        if sentence is None:
            return None
        return mention_id(self.doc.doc_id, sentence, "_".join(words))


def mention_id(doc_id: str, sentence: int, word: str) -> str:
    """``mention_id("16844", 2, "unveiled") == "16844-2-unveiled"``; spaces become ``_``."""
    return f"{doc_id}-{sentence}-{word.replace(' ', '_')}"


def read_doc(path: Path) -> TaskDoc:
    """The tokens of one CAT file; the date line (sentence 1) gives ``published``."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(str(path), f"not a CAT XML file: {exc}") from exc
    tokens = tuple(
        Token(int(el.get("sentence", "0")), el.text or "")
        for el in sorted(root.iter("token"), key=lambda el: int(el.get("t_id", "0")))
    )
    doc = TaskDoc(root.get("doc_id", path.stem), root.get("doc_name", path.name), tokens, None)
    return TaskDoc(doc.doc_id, doc.name, tokens, parse_date_line(doc.sentence_text(1)))


def parse_date_line(line: str) -> str | None:
    """``"January 09 , 2008"`` -> ``"2008-01-09"``; None for a line that is no date."""
    cleaned = re.sub(r"\s+,", ",", line.strip())
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def task_article(doc: TaskDoc) -> TaskArticle:
    """The document as the JSON article a user would give: the headline as title, the
    date line as ``published`` (and not in the text, where it would be read as the
    time of the events around it), one sentence a line; read by the product's JSON
    reader. A token of the date line has the empty span ``(0, 0)``."""
    pieces: list[str] = []
    spans: list[Span] = []
    at = 0
    previous: int | None = None
    for token in doc.tokens:
        if token.sentence == DATE_LINE:
            spans.append((0, 0))
            continue
        if previous is not None:
            pieces.append("\n" if token.sentence != previous else " ")
            at += 1
        spans.append((at, at + len(token.text)))
        pieces.append(token.text)
        at += len(token.text)
        previous = token.sentence
    text = "".join(pieces)
    obj = article_object(text, title=doc.sentence_text(0), published=doc.published)
    read = read_object(obj, f"semeval:{doc.doc_id}")
    shifted = tuple((s + read.offset, e + read.offset) if e else (0, 0) for s, e in spans)
    return TaskArticle(doc, read, shifted)


def read_targets(folder: Path) -> list[str]:
    path = folder / "target_entities.txt"
    if not path.exists():
        raise InputError(
            str(folder), "no target_entities.txt: is this a SemEval-2015 Task 4 folder?"
        )
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_docs(folder: Path) -> list[TaskDoc]:
    texts = folder / "texts_CAT"
    if not texts.is_dir():
        raise InputError(str(folder), "no texts_CAT/ folder of tokenised documents")
    return [read_doc(path) for path in sorted(texts.glob("*.xml"))]


def timeline_file(target: str) -> str:
    """``"Airbus A380"`` -> ``"airbus_a380.txt"``, the task's file name for a target."""
    return re.sub(r"\s+", "_", target.strip().lower()) + ".txt"


def parse_timeline(text: str, source: str = "timeline") -> Timeline:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise InputError(source, "an empty timeline file: the first line must name the target")
    entries = []
    for line in lines[1:]:
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cells) < 3 or not cells[0].lstrip("-").isdigit():
            raise InputError(source, f"not a timeline line (position, date, mentions): {line!r}")
        entries.append(TimelineEntry(int(cells[0]), cells[1], tuple(cells[2:])))
    return Timeline(lines[0].strip(), tuple(entries))


def read_timelines(folder: Path, targets: list[str]) -> dict[str, Timeline]:
    """Each target's timeline from ``folder``; a target without a file has an empty one."""
    out: dict[str, Timeline] = {}
    for target in targets:
        path = folder / timeline_file(target)
        if path.exists():
            out[target] = parse_timeline(path.read_text(encoding="utf-8"), str(path))
        else:
            out[target] = Timeline(target, ())
    return out


def format_timeline(timeline: Timeline) -> str:
    lines = [timeline.target]
    for e in timeline.entries:
        lines.append("\t".join([str(e.position), e.date, *e.mentions]))
    return "\n".join(lines) + "\n"


def write_timelines(folder: Path, timelines: list[Timeline]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for timeline in timelines:
        (folder / timeline_file(timeline.target)).write_text(
            format_timeline(timeline), encoding="utf-8"
        )
