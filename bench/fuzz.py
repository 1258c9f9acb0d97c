"""Coverage-guided fuzzing (atheris) of the readers and the digest, for as long as you like.

Each input's first byte picks a target. Most go to the readers: the bytes become a
file with one of the known extensions (or standard input) and go through
``newsgraph.ingest.read_inputs``, which must yield only ``Article`` records and
``InputError``s, never raise. One in ``NEWSGRAPH_FUZZ_DIGEST_EVERY`` (16) goes to
``newsgraph.digest`` (chosen by a checksum of the input, so that the share holds
however the corpus grows): as a text, or as the articles a reader made of the bytes.
A digest must keep every span inside ``article.text``, every id reference
resolving, its JSON round-tripping, and its text as given unless a warning says
why. An input that takes longer than ``NEWSGRAPH_FUZZ_SECONDS`` (10 s for a
reader, 3x that for a digest) is a hang. Anything else is a crash: atheris writes
the input to ``crash-<sha1>`` and stops.

Known issues (``KNOWN`` below: lone surrogates, spaCy's E088 on texts over
``nlp.max_length``, dates at the ends of the calendar) are counted and printed, not
crashes; ``NEWSGRAPH_FUZZ_STRICT=1`` makes them crashes too, for when they are fixed.

Usage: nice python bench/fuzz.py [-atheris_runs=N] [-max_len=4096] [CORPUS_DIR ...]
(libFuzzer's flags work; with no corpus folder, a temporary one is seeded from
``tests/data`` and ``examples/``; an empty folder given is seeded the same way).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import re
import signal
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import atheris

with atheris.instrument_imports(include=["newsgraph"]):
    from newsgraph.analysis import digest
    from newsgraph.config import Settings
    from newsgraph.errors import InputError
    from newsgraph.ingest import read_inputs
    from newsgraph.ingest.dates import iso_date
    from newsgraph.records import SCHEMA, Article, Digest, Span

ROOT = Path(__file__).resolve().parents[1]
READERS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", "-")  # "-": standard input
DIGEST_EVERY = int(os.environ.get("NEWSGRAPH_FUZZ_DIGEST_EVERY", "16"))
SECONDS = float(os.environ.get("NEWSGRAPH_FUZZ_SECONDS", "10"))
STRICT = os.environ.get("NEWSGRAPH_FUZZ_STRICT") == "1"
# creation times a digest resolves relative dates against; the ends of the calendar too
PUBLISHED = (None, "2024-11-02", "2024-02-29T23:59:59", "0001-01-01", "9999-12-31")
DIGESTED_PER_INPUT = 3  # a .jsonl of many lines: digest the first few articles

# issue 14 lists the first two; the dates are bench/fuzz.py's own find (test_findings.py)
KNOWN = {
    "lone surrogate": (UnicodeEncodeError, r"surrogates not allowed"),
    "text over nlp.max_length (E088)": (ValueError, r"\[E088\]"),
    "date at the end of the calendar": (
        (OverflowError, ValueError),
        r"date value out of range|year -?\d+ is out of range",
    ),
}

COUNTS: Counter[str] = Counter()
# the readers read a real file: in memory where the system has a RAM disk
_SHM = "/dev/shm" if os.path.isdir("/dev/shm") else None
_WORK = Path(tempfile.mkdtemp(prefix="newsgraph-fuzz-", dir=_SHM))
_SETTINGS = Settings()


class Hang(Exception):
    """An input took longer than its bound."""


_bound = [0.0]  # the bound of the input being run, for the message


def _alarm(signum: int, frame: Any) -> None:
    raise Hang(f"no result within {_bound[0]:.0f} s")


def _bounded(seconds: float) -> None:
    _bound[0] = seconds
    signal.setitimer(signal.ITIMER_REAL, seconds)


def read(data: bytes, kind: str) -> Iterator[Article | InputError]:
    """``read_inputs`` over ``data`` as a file of kind ``kind`` (an extension, or ``-``)."""
    if kind == "-":
        import io

        return read_inputs(["-"], _SETTINGS, stdin=io.BytesIO(data))  # type: ignore[arg-type]
    path = _WORK / f"input{kind}"
    path.write_bytes(data)
    return read_inputs([str(path)], _SETTINGS)


def check_article(a: Article) -> None:
    assert isinstance(a.text, str) and a.text.strip(), "an article with no text"
    assert 0 <= a.body_start <= len(a.text), f"body_start {a.body_start} outside the text"
    assert a.id, "an article with no id"
    if a.published is not None:
        assert iso_date(a.published) == a.published, f"published {a.published!r} is not ISO"
    json.dumps(Digest(a).to_dict(), ensure_ascii=False)


def _spans(d: Digest) -> Iterator[tuple[str, Span | None]]:
    for e in d.entities:
        yield from ((f"entity {e.id}", m) for m in e.mentions)
    yield from ((f"relation {r.type}", r.span) for r in d.relations)
    for q in d.quotes:
        yield from ((f"quote {q.id}", s) for s in (q.span, q.cue_span, q.speaker_span))
    yield from ((f"time {t.text!r}", t.span) for t in d.times)
    for v in d.events:
        yield from ((f"event {v.id}", s) for s in (v.span, v.sentence_span, *v.mentions))


def check_digest(d: Digest, given: str | None) -> None:
    """Spans inside the text, references that resolve, JSON that round-trips."""
    n = len(d.article.text)
    for what, span in _spans(d):
        if span is not None:
            assert 0 <= span[0] <= span[1] <= n, f"{what}: span {span} outside 0..{n}"
    entities = [e.id for e in d.entities]
    assert len(entities) == len(set(entities)), "two entities with one id"
    ids = set(entities)
    for r in d.relations:
        assert {r.subject, r.object} <= ids, f"relation {r} names a missing entity"
    for q in d.quotes:
        for ref in (q.speaker, q.via):
            assert ref is None or ref in ids, f"quote {q.id} names missing entity {ref}"
    events = {v.id for v in d.events}
    assert len(events) == len(d.events), "two events with one id"
    for v in d.events:
        for p in v.participants:
            assert p.entity is None or p.entity in ids, f"event {v.id}: missing {p.entity}"
    if d.main_event is not None:
        assert d.main_event.event in events, f"main event {d.main_event.event} is no event"
    text = d.to_json()
    data = json.loads(text)
    assert data == d.to_dict() and data["schema"] == SCHEMA, "the JSON does not round-trip"
    json.dumps(data, allow_nan=False)
    parse = getattr(Digest, "from_json", None)  # when the records learn to read JSON back
    if parse is not None:
        assert parse(text) == d, "Digest.from_json(d.to_json()) != d"
    if given is not None and d.article.text != given:
        assert d.warnings, "the text was changed and no warning says so"


def _known(exc: BaseException) -> str | None:
    for name, (kind, pattern) in KNOWN.items():
        if isinstance(exc, kind) and re.search(pattern, str(exc)):
            return name
    return None


def run_readers(data: bytes, kind: str) -> list[Article]:
    COUNTS[f"reader {kind}"] += 1
    found = []
    for item in read(data, kind):
        if isinstance(item, InputError):
            assert item.source and item.problem, f"an InputError that says nothing: {item!r}"
            COUNTS["InputError"] += 1
        else:
            assert isinstance(item, Article), f"the reader yielded {type(item).__name__}"
            check_article(item)
            COUNTS["Article"] += 1
            found.append(item)
    return found


def _decoded(data: bytes, surrogates: bool) -> str:
    if surrogates:
        # UTF-8-encoded surrogates ("\xed\xa0\x80") become lone surrogates, as
        # json.loads makes of "\ud800"
        try:
            return data.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", "replace")


def run_digest(data: bytes) -> None:
    """``data[0]`` picks the creation time and how the rest becomes articles."""
    head, rest = data[0], data[1:]
    published = PUBLISHED[head % len(PUBLISHED)]
    how = head // len(PUBLISHED) % (len(READERS) + 2)
    if how < 2:  # a text: 0 keeps encoded surrogates as such, 1 replaces bad bytes
        text = _decoded(rest, surrogates=how == 0)
        if text.strip():
            COUNTS["digest text"] += 1
            check_digest(digest(text, published=published), text)
        return
    for article in run_readers(rest, READERS[how - 2])[:DIGESTED_PER_INPUT]:
        COUNTS["digest of a read article"] += 1
        check_digest(digest(article, published=published), article.text)


def to_digest(data: bytes) -> bool:
    # by a checksum of the whole input, not a byte the fuzzer keeps: inputs that found
    # new code in the analysis fill the corpus, and would otherwise all go to the digest
    return zlib.crc32(data) % DIGEST_EVERY == 0


def one_input(data: bytes) -> None:
    if not data:
        return
    COUNTS["inputs"] += 1
    digesting = to_digest(data)
    try:
        if digesting:
            COUNTS["to the digest"] += 1
            _bounded(3 * SECONDS)
            run_digest(data)
        else:
            COUNTS["to the readers"] += 1
            _bounded(SECONDS)
            run_readers(data[1:], READERS[data[0] % len(READERS)])
    except Hang:
        COUNTS["hangs"] += 1
        raise
    except Exception as exc:
        name = _known(exc)
        if name is None or STRICT:
            raise
        COUNTS[f"known: {name}"] += 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    if COUNTS["inputs"] % 10_000 == 0:
        report()


def _aimed(data: bytes, digesting: bool) -> bytes:
    """``data`` with a trailing byte that sends it to the digest, or to the readers."""
    for tail in (b" " * spaces + b"\n" * lines for lines in range(16) for spaces in range(16)):
        if to_digest(data + tail) == digesting:
            return data + tail
    raise AssertionError("no tail aims this seed")  # 1 in 10 million, with 256 tails


def seed(folder: Path) -> None:
    """The repository's own articles, for each reader that takes them and for the digest."""
    sources = [*sorted((ROOT / "tests" / "data").rglob("*.*")), *sorted(ROOT.glob("examples/*"))]
    found = [(p.suffix.lower(), p.read_bytes()) for p in sources if p.is_file()]
    # the JSON articles again, one per line: the JSON Lines reader's seed
    lines = [json.dumps(json.loads(data)) for kind, data in found if kind == ".json"]
    found.append((".jsonl", "\n".join(lines).encode("utf-8") + b"\n"))
    for n, (suffix, data) in enumerate(found):
        kind = suffix if suffix in READERS else ".txt"
        for reader in (kind, "-"):
            head = bytes([READERS.index(reader)])
            (folder / f"seed-{n:03d}-{reader.strip('.-') or 'stdin'}").write_bytes(
                _aimed(head + data, digesting=False)
            )
        # dated 2024-11-02, read by the reader of its kind, then digested
        head = bytes([1 + len(PUBLISHED) * (READERS.index(kind) + 2)])
        (folder / f"seed-{n:03d}-digest").write_bytes(_aimed(head + data, digesting=True))


def report() -> None:
    elapsed = time.monotonic() - STARTED
    shown = dict(sorted(COUNTS.items()))
    print(f"newsgraph-fuzz: {elapsed:.0f} s {json.dumps(shown)}", file=sys.stderr, flush=True)


STARTED = time.monotonic()


def main() -> None:
    args = list(sys.argv)
    folders = [a for a in args[1:] if not a.startswith("-")]
    if not folders:
        folder = Path(tempfile.mkdtemp(prefix="newsgraph-fuzz-corpus-"))
        args.append(str(folder))
        folders = [str(folder)]
    for name in folders:
        Path(name).mkdir(parents=True, exist_ok=True)
        if not any(Path(name).iterdir()):
            seed(Path(name))
    if not any(a.startswith("-timeout=") for a in args):
        args.append(f"-timeout={int(6 * SECONDS)}")  # libFuzzer's own bound, beyond ours
    signal.signal(signal.SIGALRM, _alarm)
    # readers' warnings (bad bytes replaced, trafilatura's notes) would drown libFuzzer's lines
    logging.disable(logging.WARNING)
    # the model loads now, not inside the first input's time bound
    digest("Warm-up: Dana Whitfield said the bridge will open.", published="2024-11-02")
    atexit.register(report)
    print(
        f"newsgraph-fuzz: corpus {folders}; 1 input in {DIGEST_EVERY} to the digest; "
        f"bound {SECONDS:g} s (digest {3 * SECONDS:g} s); known issues "
        + ("are crashes" if STRICT else "counted apart"),
        file=sys.stderr,
        flush=True,
    )
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
