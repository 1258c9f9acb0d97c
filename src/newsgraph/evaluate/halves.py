"""Two fixed halves of every dev set, for developing on one and checking on the other.

A document's half is decided by the hash of its id alone ("A" when the first hex digit
of its SHA-256 is even), so it does not depend on the order of the files, on a
``limit`` or on which other documents the set holds: a rule is written while looking
at half A only, and kept if half B, which nobody looked at, agrees.
"""

from __future__ import annotations

import hashlib

HALVES = ("A", "B")


def half_of(key: str) -> str:
    """ "A" or "B" for a document id: ``half_of("APW19980807.0261")``."""
    digit = hashlib.sha256(key.encode("utf-8")).hexdigest()[0]
    return HALVES[int(digit, 16) % 2]
