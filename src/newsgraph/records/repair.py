"""Text repair that tells: what newsgraph changes in a text before it analyses it, and says so.

Every repair keeps the text's length in characters, so that offsets into the
repaired text are offsets into the given one too:

- a lone surrogate (``"\\ud800"``, which a JSON string may hold and no encoder can
  write) becomes U+FFFD, the replacement character;
- a control character other than tab, newline, carriage return, vertical tab and
  form feed (NUL, ESC, DEL ...) becomes a space;
- a text longer than ``max_chars`` (``Settings.max_chars``, 200,000 characters; spaCy
  itself refuses more than 1,000,000) is cut at the last paragraph break before the
  limit (else a sentence end, else a space), and only that first part is analysed and
  kept.

``prepare_article`` returns the article with the repairs made and one message per
kind of repair appended to ``Article.warnings``, e.g.
``"replaced 1 lone surrogate(s) with U+FFFD"``; the digest carries them in
``warnings`` and the CLI prints them on stderr.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.records import Article

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def repair_text(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with lone surrogates and control characters replaced, and what was done.

    >>> repair_text("said \\ud800 the\\x00 bridge")
    ('said \\ufffd the  bridge', ('replaced 1 lone surrogate(s) with U+FFFD', \
'replaced 1 control character(s) with spaces'))
    """
    warnings = []
    text, surrogates = _SURROGATE.subn("\ufffd", text)
    if surrogates:
        warnings.append(f"replaced {surrogates} lone surrogate(s) with U+FFFD")
    text, controls = _CONTROL.subn(" ", text)
    if controls:
        warnings.append(f"replaced {controls} control character(s) with spaces")
    return text, tuple(warnings)


def repair_article(article: Article) -> Article:
    """The article with its text and header fields repaired; repairs listed in ``warnings``.

    The title and dek are usually part of the text; a repair in one of them that the
    text does not share is reported under the field's name ("title: replaced ...").
    """
    text, said = repair_text(article.text)
    notes = list(said)

    def field(name: str, value: str | None) -> str | None:
        if value is None:
            return None
        fixed, told = repair_text(value)
        if fixed != value and value not in article.text:
            notes.extend(f"{name}: {note}" for note in told)
        return fixed

    title = field("title", article.title)
    dek = field("dek", article.dek)
    summary_line = field("summary_line", article.summary_line)
    if (text, title, dek, summary_line) == (
        article.text,
        article.title,
        article.dek,
        article.summary_line,
    ):
        return article
    return replace(
        article,
        text=text,
        title=title,
        dek=dek,
        summary_line=summary_line,
        warnings=(*article.warnings, *notes),
    )


def prepare_article(article: Article, max_chars: int) -> Article:
    """The article as it will be analysed: repaired, then cut to ``max_chars`` if longer.

    Idempotent, so readers and the analysis may both call it; a reader calls it
    before the store compares texts, so that a rerun finds the same text stored.
    """
    article = repair_article(article)
    if len(article.text) <= max_chars:
        return article
    cut = _cut_point(article.text, max_chars)
    note = (
        f"analysed the first {cut:,} of {len(article.text):,} characters "
        f"(the limit is {max_chars:,}); the rest was cut"
    )
    return replace(
        article,
        text=article.text[:cut],
        body_start=min(article.body_start, cut),
        warnings=(*article.warnings, note),
    )


def _cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` to at most ``limit`` characters: after a paragraph, a
    sentence or a word, whichever is found in the last tenth before the limit."""
    floor = limit - limit // 10
    cut = text.rfind("\n\n", floor, limit)
    if cut <= 0:
        ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, limit)]
        cut = ends[-1] if ends else text.rfind(" ", floor, limit)
    if cut <= 0:
        return limit
    while cut > 0 and text[cut - 1].isspace():
        cut -= 1
    return cut
