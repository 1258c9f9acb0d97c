"""Coverage-guided fuzzing (atheris) of the readers and the digest, for as long as you like.

Most inputs go to the readers: the first byte picks one of the known extensions
(or standard input; a ``.warc.gz`` input is the rest gzipped), the rest becomes the
file, and ``newsgraph.ingest.read_inputs`` must yield only repaired ``Article``
records and ``InputError``s; an ``ArticleError`` is a reader bug that the run's
isolation caught, so here a crash, with its traceback. Feeds are read without
fetching, and any network connection is a crash. One in
``NEWSGRAPH_FUZZ_DIGEST_EVERY`` (16) goes to
``newsgraph.digest`` (chosen by a checksum of the input, so that the share holds
however the corpus grows): as a text, or as the articles a reader made of the bytes.
A digest must keep every span inside ``article.text``, every id reference
resolving, its JSON round-tripping, and its text as given unless a warning says
why. An input that takes longer than ``NEWSGRAPH_FUZZ_SECONDS`` (10 s for a
reader, 3x that for a digest) is a hang. Anything else is a crash: atheris writes
the input to ``crash-<sha1>`` and stops.

Known issues (``KNOWN`` below: none open now; a finding not yet fixed goes there, with
its strict xfail in tests/robustness/test_findings.py) are counted and printed, not
crashes; ``NEWSGRAPH_FUZZ_STRICT=1`` makes them crashes too.

Usage: nice python bench/fuzz.py [-atheris_runs=N] [-max_len=4096] [CORPUS_DIR ...]
(libFuzzer's flags work; with no corpus folder, a temporary one is seeded from
``tests/data`` and ``examples/``; an empty folder given is seeded the same way).
``python bench/fuzz.py crash-<sha1>`` runs a crash's input again, with its traceback.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import gzip
import io
import json
import logging
import os
import re
import signal
import socket
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
    from newsgraph.errors import ArticleError, InputError, ItemError
    from newsgraph.ingest import read_inputs
    from newsgraph.ingest.dates import iso_date
    from newsgraph.records import SCHEMA, Article, Digest, Span

ROOT = Path(__file__).resolve().parents[1]
READERS = (
    *(".txt", ".md", ".html", ".htm", ".json", ".jsonl"),
    *(".warc", ".warc.gz", ".rss", ".atom"),
    "-",  # standard input
)
DIGEST_EVERY = int(os.environ.get("NEWSGRAPH_FUZZ_DIGEST_EVERY", "16"))
SECONDS = float(os.environ.get("NEWSGRAPH_FUZZ_SECONDS", "10"))
STRICT = os.environ.get("NEWSGRAPH_FUZZ_STRICT") == "1"
# creation times a digest resolves relative dates against; the ends of the calendar too
PUBLISHED = (None, "2024-11-02", "2024-02-29T23:59:59", "0001-01-01", "9999-12-31")
DIGESTED_PER_INPUT = 3  # a .jsonl of many lines: digest the first few articles

# this harness's own finds still open (tests/robustness/test_findings.py); the others
# it found are fixed, and crashes again if they come back
KNOWN: dict[str, tuple[type[Exception] | tuple[type[Exception], ...], str]] = {}

COUNTS: Counter[str] = Counter()
# the readers read a real file: in memory where the system has a RAM disk
_SHM = "/dev/shm" if os.path.isdir("/dev/shm") else None
_WORK = Path(tempfile.mkdtemp(prefix="newsgraph-fuzz-", dir=_SHM))
_SETTINGS = Settings(fetch=False)  # a feed's entries are read, their links not followed
# repaired away by the readers: lone surrogates, and control characters but white space
_UNREPAIRED = re.compile("[\ud800-\udfff\x00-\x08\x0e-\x1f\x7f]")


class Hang(Exception):
    """An input took longer than its bound."""


_bound = [0.0]  # the bound of the input being run, for the message


def _alarm(signum: int, frame: Any) -> None:
    raise Hang(f"no result within {_bound[0]:.0f} s")


def _bounded(seconds: float) -> None:
    _bound[0] = seconds
    signal.setitimer(signal.ITIMER_REAL, seconds)
    # SIGALRM's handler runs between bytecodes only; C code that holds the GIL (a regex
    # that backtracks forever) is ended by faulthandler's own thread: the tracebacks,
    # then exit, and libFuzzer keeps the input (to fd 2: sys.stderr is redirected here)
    faulthandler.dump_traceback_later(2 * seconds + 5, exit=True, file=2)


def read(data: bytes, kind: str) -> Iterator[Article | ItemError]:
    """``read_inputs`` over ``data`` as a file of kind ``kind`` (an extension, or ``-``)."""
    if kind == "-":
        return read_inputs(["-"], _SETTINGS, stdin=io.BytesIO(data))
    path = _WORK / f"input{kind}"
    # fuzzed bytes are rarely gzip: compress them, so that the WARC inside is what varies
    path.write_bytes(gzip.compress(data, mtime=0) if kind == ".warc.gz" else data)
    return read_inputs([str(path)], _SETTINGS)


def check_article(a: Article) -> None:
    assert isinstance(a.text, str) and a.text.strip(), "an article with no text"
    assert 0 <= a.body_start <= len(a.text), f"body_start {a.body_start} outside the text"
    assert len(a.text) <= _SETTINGS.max_chars, f"{len(a.text)} characters, over max_chars"
    bad = _UNREPAIRED.search(a.text)
    assert bad is None, f"an unrepaired {bad.group()!r} at {bad.start()}" if bad else ""
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
        found = re.search(pattern, str(exc)) if isinstance(exc, kind) else None
        if found:
            return f"{name} {found.group(1)}" if found.groups() else name
    return None


def run_readers(data: bytes, kind: str) -> list[Article]:
    COUNTS[f"reader {kind}"] += 1
    found = []
    for item in read(data, kind):
        if isinstance(item, ArticleError):  # the run would go on; it is still a bug
            raise AssertionError(f"a reader failed: {item}\n{item.detail}")
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
    # warcio writes its warnings to stderr itself ("Record not followed by newline"):
    # they would bury libFuzzer's lines; a crash's traceback comes after, unhidden
    quiet = contextlib.redirect_stderr(io.StringIO())
    try:
        with quiet:
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
        faulthandler.cancel_dump_traceback_later()
    if COUNTS["inputs"] % 10_000 == 0:
        report()


def _aimed(data: bytes, digesting: bool) -> bytes:
    """``data`` with a trailing byte that sends it to the digest, or to the readers."""
    for tail in (b" " * spaces + b"\n" * lines for lines in range(16) for spaces in range(16)):
        if to_digest(data + tail) == digesting:
            return data + tail
    raise AssertionError("no tail aims this seed")  # 1 in 10 million, with 256 tails


def _warc(url: str, html: bytes) -> bytes:
    """One WARC response record holding ``html``, as a crawler writes it."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-11-02T08:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:6f2c1d5e-0000-4000-8000-000000000001>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n"
    )
    return head.encode("ascii") + b"\r\n" + http + b"\r\n\r\n"


def _feed(texts: list[str], atom: bool) -> bytes:
    """A feed whose entries carry their full text (entries are read, not fetched)."""
    from xml.sax.saxutils import escape

    if atom:
        entries = "".join(
            f"<entry><title>Story {n}</title><link href='https://news.example/{n}'/>"
            f"<updated>2024-11-02T08:00:00Z</updated><content type='text'>{escape(t)}"
            "</content></entry>"
            for n, t in enumerate(texts)
        )
        body = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>News</title>{entries}</feed>"
    else:
        items = "".join(
            f"<item><title>Story {n}</title><link>https://news.example/{n}</link>"
            f"<pubDate>Sat, 02 Nov 2024 08:00:00 GMT</pubDate><content:encoded>{escape(t)}"
            "</content:encoded></item>"
            for n, t in enumerate(texts)
        )
        body = (
            "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
            f"<channel><title>News</title>{items}</channel></rss>"
        )
    return ("<?xml version='1.0' encoding='utf-8'?>" + body).encode("utf-8")


def seed(folder: Path) -> None:
    """The repository's own articles, for each reader that takes them and for the digest."""
    sources = [*sorted((ROOT / "tests" / "data").rglob("*.*")), *sorted(ROOT.glob("examples/*"))]
    found = [(p.suffix.lower(), p.read_bytes()) for p in sources if p.is_file()]
    # the same articles in the shapes of the other readers: one JSON object per line,
    # a crawl of the HTML pages, feeds of the texts
    lines = [json.dumps(json.loads(data)) for kind, data in found if kind == ".json"]
    texts = [data.decode("utf-8") for kind, data in found if kind == ".txt"]
    pages = [d for kind, d in found if kind in (".html", ".htm")]
    pages += [f"<html><body><article><p>{t}</p></article></body></html>".encode() for t in texts]
    crawl = b"".join(_warc(f"https://news.example/{n}", page) for n, page in enumerate(pages))
    found += [
        (".jsonl", "\n".join(lines).encode("utf-8") + b"\n"),
        (".warc", crawl),
        (".warc.gz", crawl),
        (".rss", _feed(texts, atom=False)),
        (".atom", _feed(texts, atom=True)),
    ]
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


def _no_network(*args: object) -> None:
    raise AssertionError("a fuzzed input opened a network connection")


def report() -> None:
    elapsed = time.monotonic() - STARTED
    shown = dict(sorted(COUNTS.items()))
    print(f"newsgraph-fuzz: {elapsed:.0f} s {json.dumps(shown)}", file=sys.stderr, flush=True)


STARTED = time.monotonic()


def main() -> None:
    args = list(sys.argv)
    given = [a for a in args[1:] if not a.startswith("-")]
    # files given are inputs to run again (a crash-* file); folders are corpora
    folders = [a for a in given if not Path(a).is_file()]
    if not given:
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
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _no_network  # type: ignore[method-assign,assignment]
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
