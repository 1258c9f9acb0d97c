"""Finding input files and turning their bytes into text.

Walks directories, refuses what is not a regular file (a FIFO would block the run),
enforces the size limit before reading, refuses empty and binary inputs, and decodes
(``decode``: a BOM, UTF-8, a declared or detected legacy encoding); how an input was
decoded, when it was not plain UTF-8, comes back as notes that the reader puts in the
article's ``warnings``.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

from newsgraph.errors import InputError

KNOWN_EXTENSIONS = (
    ".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".warc", ".warc.gz", ".rss", ".atom"
)  # fmt: skip
EXPECTED = ".txt, .md, .html, .htm, .json, .jsonl, .warc(.gz), .rss or .atom"
SNIFF_BYTES = 8192
NOT_REGULAR = (
    "not a regular file (a FIFO, socket or device would block the run); "
    "pipe it to - (standard input) instead"
)
LIMIT_HINT = "(set --max-bytes or NEWSGRAPH_MAX_BYTES)"


def _one_mark_per_byte(exc: UnicodeError) -> tuple[str, int]:
    # like errors="replace", but one U+FFFD per bad byte, so the warning can count bytes
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "\ufffd" * (exc.end - exc.start), exc.end


_REPLACE = "newsgraph-replace-bytes"
codecs.register_error(_REPLACE, _one_mark_per_byte)

# a valid UTF-8 multi-byte character: the text is UTF-8, even if some bytes are damaged
_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_CONTROL_BYTES = re.compile(b"[\x01-\x08\x0e-\x1f\x7f]")
_MOST_CONTROLS = 0.1  # a text has next to none; random bytes have about one in eight


def expand_path(raw: str) -> Iterator[tuple[str, Path] | InputError]:
    """``(source, path)`` for each file to read for one command-line path, or an InputError.

    A directory is walked recursively in sorted order, keeping files with a known
    extension and skipping hidden files and folders and ``README.*`` (a folder of
    articles often has one). A file named explicitly must have a known extension.
    """
    path = Path(raw)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        yield InputError(raw, "no such file or directory")
        return
    except OSError as exc:
        yield InputError(raw, os_problem(exc))
        return
    if stat.S_ISDIR(mode):
        yield from _walk(path, raw)
    elif not stat.S_ISREG(mode):
        yield InputError(raw, NOT_REGULAR)
    elif kind_of(path.name):
        yield raw, path
    else:
        kind = path.suffix or "(no extension)"
        yield InputError(raw, f"unsupported file type {kind}; expected {EXPECTED}")


def _walk(root: Path, raw: str) -> Iterator[tuple[str, Path] | InputError]:
    found: list[tuple[tuple[str, ...], tuple[str, Path] | InputError]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        problem = f"cannot read directory: {exc.strerror or exc}"
        found.append((where.relative_to(root).parts, InputError(str(where), problem)))

    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            if _skipped(name):
                continue
            path = Path(folder, name)
            found.append((path.relative_to(root).parts, (str(path), path)))
    if not found:
        yield InputError(raw, f"no {EXPECTED} files in this directory")
    # by path components, as a tree lists them: "a/z.txt" before "a-b.txt"
    for _, entry in sorted(found, key=lambda item: item[0]):
        yield entry


def kind_of(name: str) -> str | None:
    """The known extension a file name ends with (``.warc.gz`` whole), else None."""
    low = name.lower()
    return next((ext for ext in KNOWN_EXTENSIONS if low.endswith(ext)), None)


def _skipped(name: str) -> bool:
    stem, _ = os.path.splitext(name)
    return name.startswith(".") or kind_of(name) is None or stem.upper() == "README"


def os_problem(exc: OSError) -> str:
    """An OSError as a short problem text: ``cannot read: Permission denied``."""
    return f"cannot read: {exc.strerror or exc}"


def describe_size(size: int, limit: int) -> str:
    """``is 3.2 MB, over the 1.0 MB limit (...)``, in exact bytes when rounding hides the gap."""
    shown, cap = _human(size), _human(limit)
    if shown == cap:
        shown, cap = f"{size:,} bytes", f"{limit:,}-byte"
    return f"is {shown}, over the {cap} limit {LIMIT_HINT}"


def over_limit(limit: int) -> str:
    """``is over the 1.0 MB limit (...)``, for an input whose size is not known in advance."""
    return f"is over the {_human(limit)} limit {LIMIT_HINT}"


def _human(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} KB"
    return f"{size} bytes"


def open_regular(path: Path, source: str) -> io.BufferedReader:
    """``path`` opened for reading; InputError if it is not a regular file.

    Opened non-blocking and checked after opening: a FIFO put where a file was listed
    (or swapped in since) is refused instead of waiting forever for a writer.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(source, os_problem(exc)) from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(source, NOT_REGULAR)
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    stream: io.BufferedReader = os.fdopen(fd, "rb")
    return stream


def read_capped(path: Path, source: str, max_bytes: int) -> bytes:
    """The bytes of a file; InputError if it is over ``max_bytes`` (checked before reading)."""
    try:
        with open_regular(path, source) as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise InputError(source, describe_size(size, max_bytes))
            # a file may grow while it is read: read one byte past the limit to notice
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source, os_problem(exc)) from exc
    if len(data) > max_bytes:
        raise InputError(source, over_limit(max_bytes))
    return data


def check_not_binary(sample: bytes, source: str) -> None:
    """InputError if ``sample``, an input's first bytes, has NUL bytes or many control bytes.

    Bytes that are not UTF-8 are no sign of a binary file (a Cyrillic text in
    Windows-1251 is mostly such bytes); control bytes other than white space are.
    """
    if b"\x00" in sample or len(_CONTROL_BYTES.findall(sample)) > _MOST_CONTROLS * len(sample):
        raise InputError(source, "looks like a binary file, not text")


@dataclass(frozen=True, slots=True)
class Decoded:
    """An input's text and what decoding it took, if more than UTF-8 (``notes``, one line
    each: "not valid UTF-8; decoded it as windows-1251 (detected)")."""

    text: str
    notes: tuple[str, ...] = ()


def decode(data: bytes, source: str, *, html: bool = False, declared: str | None = None) -> Decoded:
    """The text of a whole input; InputError if it is empty, whitespace only or binary.

    In order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; valid UTF-8 is UTF-8;
    the charset ``declared`` by the server (HTTP ``Content-Type``), then for HTML the
    page's own (``<meta charset>``); a text with valid UTF-8
    characters and some bad bytes is damaged UTF-8 (bad bytes become U+FFFD); else the
    legacy encoding charset-normalizer detects, Windows-1252 when the evidence is even
    (as browsers do for Western pages). Anything but plain UTF-8 is told in ``notes``.
    """
    if not data.strip():
        raise InputError(source, "empty input")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(source, "looks like a binary file, not text") from exc
            note = () if codec == "utf-8" else (f"decoded it as {codec} (byte-order mark)",)
            decoded = Decoded(text, note)
            break
    else:
        check_not_binary(data[:SNIFF_BYTES], source)
        decoded = _decode_unmarked(data, html, declared)
    if not decoded.text.strip():
        raise InputError(source, "empty input")
    return decoded


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),  # what Windows PowerShell writes with `>`
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _decode_unmarked(data: bytes, html: bool, declared: str | None) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared and (told := _try_codec(declared, data)):
        codec, text = told
        return Decoded(text, (f"not valid UTF-8; decoded it as {codec}, the server's charset",))
    if html and (found := _declared_charset(data)):
        codec, text = found
        note = f"not valid UTF-8; decoded it as {codec}, the page's declared charset"
        return Decoded(text, (note,))
    text = data.decode("utf-8", errors=_REPLACE)
    if not _NON_ASCII.search(text):
        legacy = _detected(data)
        if legacy is not None:
            codec, text = legacy
            return Decoded(text, (f"not valid UTF-8; decoded it as {codec} (detected)",))
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    return Decoded(text, (f"not valid UTF-8; replaced {bad} bad byte(s) with U+FFFD",))


_WESTERN_LABELS = ("iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii")


def _declared_charset(data: bytes) -> tuple[str, str] | None:
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    return _try_codec(match.group(1).decode("ascii"), data)


def _try_codec(label: str, data: bytes) -> tuple[str, str] | None:
    name = label.strip().lower()
    try:
        # browsers read a page labelled Latin-1 or ASCII as Windows-1252 (WHATWG Encoding)
        codec = codecs.lookup("cp1252" if name in _WESTERN_LABELS else name).name
        return codec, data.decode(codec)
    except (LookupError, UnicodeDecodeError, ValueError):
        # a declaration that is wrong, unknown or garbled (a NUL in the label makes
        # codecs.lookup raise ValueError): detect instead
        return None


def _detected(data: bytes) -> tuple[str, str] | None:
    """The legacy encoding of bytes that are not UTF-8, by charset-normalizer; Windows-1252
    unless another encoding is clearly more coherent (``\x92`` is ’ in Windows-1252 and
    a letter in a dozen DOS code pages, which short texts cannot tell apart)."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    western = next((m for m in matches if m.encoding == "cp1252"), None)
    if western is None:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return best.encoding, str(best)
        # no language evidence either way: the Western default
        return ("cp1252", text) if best.coherence == 0 else (best.encoding, str(best))
    if best.coherence >= western.coherence + _CLEARLY and best.chaos <= western.chaos:
        return best.encoding, str(best)
    return "cp1252", str(western)


_CLEARLY = 0.02  # coherence margin: Polish in cp1250 scores 0.55 against 0.53 as cp1252


def to_text(data: bytes, source: str) -> Decoded:
    """One line of a JSON Lines input: UTF-8 (RFC 8259), bad bytes replaced with U+FFFD
    and told in ``notes``; a BOM is stripped. ``source`` names the line."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors=_REPLACE)
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    return Decoded(text, (f"not valid UTF-8; replaced {bad} bad byte(s) with U+FFFD",))


def text_lines(
    stream: BinaryIO, source: str, max_bytes: int, first: int = 1
) -> Iterator[tuple[int, Decoded | InputError]]:
    """``(line number, decoded line)`` for each line of a stream, reading one line at a time.

    ``source`` names the stream; a line's own source is ``source:LINE``. A line
    over ``max_bytes`` comes as an InputError and the rest of it is skipped unread.
    """
    lineno = first - 1
    while raw := stream.readline(max_bytes + 1):
        lineno += 1
        where = f"{source}:{lineno}"
        if len(raw.rstrip(b"\r\n")) <= max_bytes:
            yield lineno, to_text(raw, where)
            continue
        size = len(raw)
        while not raw.endswith(b"\n") and (raw := stream.readline(SNIFF_BYTES)):
            size += len(raw)
        yield lineno, InputError(where, f"line {lineno} {describe_size(size, max_bytes)}")
