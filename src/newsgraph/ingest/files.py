"""Finding input files and turning their bytes into text.

Walks directories, enforces the size limit before reading, refuses empty and
binary inputs, and decodes: UTF-8 (BOM stripped), else Windows-1252, else
UTF-8 with bad bytes replaced, with a warning on the ``newsgraph.ingest`` logger.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import InputError

KNOWN_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
EXPECTED = ".txt, .md, .html, .htm, .json or .jsonl"
SNIFF_BYTES = 8192
LIMIT_HINT = "(set --max-bytes or NEWSGRAPH_MAX_BYTES)"

logger = logging.getLogger("newsgraph.ingest")


def _one_mark_per_byte(exc: UnicodeError) -> tuple[str, int]:
    # like errors="replace", but one U+FFFD per bad byte, so the warning can count bytes
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "\ufffd" * (exc.end - exc.start), exc.end


_REPLACE = "newsgraph-replace-bytes"
codecs.register_error(_REPLACE, _one_mark_per_byte)

# a valid UTF-8 multi-byte character: the text is UTF-8, even if some bytes are damaged
_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")


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
    elif path.suffix.lower() in KNOWN_EXTENSIONS:
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


def _skipped(name: str) -> bool:
    stem, extension = os.path.splitext(name)
    return (
        name.startswith(".")
        or extension.lower() not in KNOWN_EXTENSIONS
        or stem.upper() == "README"
    )


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


def read_capped(path: Path, source: str, max_bytes: int) -> bytes:
    """The bytes of a file; InputError if it is over ``max_bytes`` (checked before reading)."""
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise InputError(source, describe_size(size, max_bytes))
            # a pipe or device reports size 0: read one byte past the limit to notice
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source, os_problem(exc)) from exc
    if len(data) > max_bytes:
        raise InputError(source, over_limit(max_bytes))
    return data


def check_not_binary(sample: bytes, source: str) -> None:
    """InputError if ``sample``, an input's first bytes, has NUL bytes or is mostly not text."""
    if b"\x00" in sample:
        raise InputError(source, "looks like a binary file, not text")
    text = sample.decode("utf-8", errors=_REPLACE)
    # at most 30% control characters or invalid UTF-8: an English text in cp1252 passes
    if len(_CONTROL.findall(text)) > 0.3 * len(text):
        raise InputError(source, "looks like a binary file, not text")


def decode(data: bytes, source: str) -> str:
    """The text of a whole input; InputError if it is empty, whitespace only or binary."""
    if not data.strip():
        raise InputError(source, "empty input")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # what Windows PowerShell writes with `>`
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(source, "looks like a binary file, not text") from exc
    else:
        check_not_binary(data[:SNIFF_BYTES], source)
        text = to_text(data, source)
    if not text.strip():
        raise InputError(source, "empty input")
    return text


def to_text(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8 (BOM stripped); see the module docstring for the fallbacks.

    Windows-1252 is tried only when no valid multi-byte UTF-8 character occurs:
    a UTF-8 text with a few damaged bytes keeps its other characters.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors=_REPLACE)
    if not _NON_ASCII.search(text):
        try:
            legacy = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            logger.warning("%s: not valid UTF-8; decoded it as Windows-1252", source)
            return legacy
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    logger.warning("%s: not valid UTF-8; replaced %d bad byte(s) with U+FFFD", source, bad)
    return text


def text_lines(
    stream: BinaryIO, source: str, max_bytes: int, first: int = 1
) -> Iterator[tuple[int, str | InputError]]:
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
