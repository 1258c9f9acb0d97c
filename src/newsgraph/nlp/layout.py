"""Article layout: headline, dek, dateline, lead, where the body starts, page furniture.

Worked out once per Doc by ``layout_of`` and read by every extractor that cares where
a sentence stands: entity repair (headline lines are Title Case), the main event (its
answers come from the headline and the lead), the summary (body sentences only).
The article's header travels with the Doc (``keep_article``): the offset where the
body starts after a header the reader recognised, the title and the dek.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import astuple, dataclass, fields
from typing import Any

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Span

from newsgraph.nlp.doc import doc_text, sentences
from newsgraph.nlp.extensions import set_article
from newsgraph.records import Article

LAYOUT = "newsgraph_layout"  # doc.user_data key: the cached layout, plain values that serialise

Range = tuple[int, int]

_LEAD_SENTENCES = 3
_FURNITURE_SENTENCES = 4
_REPEAT_WINDOW = 200  # characters into the body where a repeated headline may start
_DATELINE_WINDOW = 800  # characters into the body where a dateline may stand

# Small words that stay lower case in Title Case headlines ("Case Against the Senator").
_HEADLINE_SMALL = frozenset(
    """a an the of in on at to for and or but by with as from vs vs. v. into over after is are
    be its his her their not than up off out""".split()
)
# web page furniture that scraped bodies open with: "Get daily updates ... Subscribe"
_BOILERPLATE = re.compile(
    r"\b(?:subscrib\w*|newsletter|inbox|click to|sign up|cookies?|share this|invalid email|"
    r"read more|image copyright|image caption|opens in new window)\b",
    re.IGNORECASE,
)
# "COLUMBUS, Ohio —" / "LONDON --" / "Photo LONDON --" / "SAO PAULO (AP) --": a dateline
_DATELINE = re.compile(
    r"(?:^|\n|\) )\s*(?:[A-Z][a-z]+ )?"
    r"([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*(?:,\s*[A-Z][\w.]+(?: [A-Z][\w.]+)?)?)"
    r"\s*(?:\([^)]{1,20}\))?\s*(?:—|–|--?)\s"
)
_DATELINE_DATE = re.compile(r"^\d")
# Tokens that end a dateline or timestamp in front of a sentence: "LONDON (Reuters) - Trump"
DATELINE_DASH = frozenset({"—", "--", "–", "(AP)", "—-"})


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the parts of an article are in its Doc.

    ``header_end`` is the character offset where the body starts after the header the
    reader recognised (0: none); ``body_start`` the same, or the end of the title when
    the text opens with it. Sentence lists are token ranges ``(start, end)``: the
    ``headline`` (the header sentences that hold the title), the ``dek``'s first
    sentence, the ``lead`` (the dek, then the first body sentences that are neither the
    dek again, nor a repeated headline, nor page furniture) and the ``opening`` (the
    lead and the furniture before it). ``top`` holds the character ranges of the header
    and lead sentences. ``headline_lines`` are token ranges of the header (up to the
    dek) and of lines set like a headline (ALL CAPS or Title Case); ``dateline_places``
    the places that open a line as a dateline does ("WASHINGTON (Reuters) -");
    ``dateline`` the dateline's place at the start of the body, written as a name
    ("Columbus, Ohio").
    """

    header_end: int
    body_start: int
    title: str | None
    headline: tuple[Range, ...]
    dek: tuple[Range, ...]
    lead: tuple[Range, ...]
    opening: tuple[Range, ...]
    top: tuple[Range, ...]
    headline_lines: tuple[Range, ...]
    dateline_places: tuple[Range, ...]
    dateline: str | None

    def headline_spans(self, doc: Doc) -> list[Span]:
        return [doc[s:e] for s, e in self.headline]

    def lead_spans(self, doc: Doc) -> list[Span]:
        return [doc[s:e] for s, e in self.lead]

    def opening_spans(self, doc: Doc) -> list[Span]:
        return [doc[s:e] for s, e in self.opening]

    def near_top(self, char: int) -> bool:
        """Whether the character offset ``char`` lies in the header or the lead."""
        return any(s <= char < e for s, e in self.top)

    def headline_flags(self, n_tokens: int) -> list[bool]:
        """For each token: is it in the header or on a headline-like line?"""
        flags = [False] * n_tokens
        for start, end in self.headline_lines:
            flags[start:end] = [True] * (end - start)
        return flags


_PLAIN_FIELDS = {"header_end", "body_start", "title", "dateline"}
_RANGE_FIELDS = tuple(n for n, f in enumerate(fields(Layout)) if f.name not in _PLAIN_FIELDS)


def keep_article(doc: Doc, article: Article) -> None:
    """Let ``doc`` carry its article's header: body start, title and dek (the same
    ``doc._`` values the components read, ``nlp.extensions.set_article``)."""
    set_article(doc, article)


def layout_of(doc: Doc) -> Layout:
    """The layout of ``doc``, worked out once from the text, the sentences and the header
    the Doc carries (``keep_article``; none: no header, title or dek)."""
    header = (
        int(doc._.newsgraph_body_start or 0),
        doc._.newsgraph_title,
        doc._.newsgraph_dek,
        len(doc),
    )
    cached = doc.user_data.get(LAYOUT)
    if cached is not None and tuple(cached[0]) == header:
        return _from_plain(cached[1])
    layout = _find_layout(doc, header[0], header[1], header[2])
    doc.user_data[LAYOUT] = (header, astuple(layout))
    return layout


def _from_plain(values: Sequence[Any]) -> Layout:
    # the ranges come back as lists after a round trip through msgpack
    fields = list(values)
    for n in _RANGE_FIELDS:
        fields[n] = tuple((int(s), int(e)) for s, e in fields[n])
    return Layout(*fields)


def _find_layout(doc: Doc, header_end: int, title: str | None, dek_text: str | None) -> Layout:
    text = doc_text(doc)
    # the tokens that end a line (a newline is always a space token of its own)
    breaks = [int(i) for i in doc.to_array(IS_SPACE).nonzero()[0] if "\n" in doc[int(i)].text]
    body_start = header_end
    if not body_start and title and text.startswith(title):
        body_start = len(title)
    sents = [s for s in sentences(doc) if text[s.start_char : s.end_char].strip()]
    header = [s for s in sents if s.end_char <= body_start]
    body = [s for s in sents if s.start_char >= body_start]
    headline = _located(text, header, title) or header[:1]
    dek = _dek(doc, text, dek_text)
    # a scraped body that repeats the headline: "Seven killed as ... bend At least seven ..."
    repeats = _repeat(text, title, body_start)
    prose = list(_prose(text, body, dek, repeats, _LEAD_SENTENCES))
    lead = [*dek, *prose]
    # the same with page furniture kept: a place may follow "Invalid Email" in one sentence
    first = prose[0].start_char if prose else body_start
    furniture = [s for s in body if s.start_char < first][:_FURNITURE_SENTENCES]
    return Layout(
        header_end=header_end,
        body_start=body_start,
        title=title,
        headline=_ranges(headline),
        dek=_ranges(dek),
        lead=_ranges(lead),
        opening=_ranges([*lead, *furniture]),
        top=tuple((s.start_char, s.end_char) for s in [*header, *lead]),
        headline_lines=tuple(_headline_lines(doc, header_end, breaks, _ranges(dek))),
        dateline_places=tuple(_dateline_places(doc, breaks)),
        dateline=_dateline(text, body_start),
    )


def _ranges(spans: Sequence[Span]) -> tuple[Range, ...]:
    return tuple((s.start, s.end) for s in spans)


def _prose(
    text: str, body: Sequence[Span], dek: Sequence[Span], repeats: Range | None, limit: int
) -> Iterator[Span]:
    """The first ``limit`` body sentences that are not the dek, a repeated headline or
    page furniture."""
    found = 0
    for s in body:
        if found >= limit:
            return
        if any(s.start_char < d.end_char and d.start_char < s.end_char for d in dek):
            continue
        if repeats and s.start_char < repeats[1] and repeats[0] < s.end_char:
            continue
        if _BOILERPLATE.search(text, s.start_char, s.end_char):
            continue
        found += 1
        yield s


def _repeat(text: str, title: str | None, body_start: int) -> Range | None:
    """Where the body opens by repeating the headline, as a character range."""
    if not title or not title.strip():
        return None
    title = title.strip()
    start = text.find(title, body_start, body_start + _REPEAT_WINDOW + len(title))
    return (start, start + len(title)) if start >= 0 else None


def _located(text: str, sents: Sequence[Span], title: str | None) -> list[Span]:
    """The sentences that hold ``title`` where it occurs in the text."""
    if not title or not title.strip() or not sents:
        return []
    start = text.find(title.strip()[:60])
    if start < 0:
        return []
    end = start + len(title.strip())
    return [s for s in sents if s.start_char < end and s.end_char > start]


def _dek(doc: Doc, text: str, dek: str | None) -> list[Span]:
    """The dek's first sentence where it occurs in the doc (a body may repeat it after junk:
    "Image copyright ... Image caption ... Dozens of rescuers in China are trying ...")."""
    if not dek or not dek.strip():
        return []
    first = re.split(r"(?<=[.!?])\s+", dek.strip())[0]
    start = text.find(first[:60])
    if start < 0:
        return []
    span = doc.char_span(start, start + len(first), alignment_mode="expand")
    return [span] if span is not None and len(span) else []


def _dateline(text: str, body_start: int) -> str | None:
    """ "COLUMBUS, Ohio — A judge ..." near the start of the body -> "Columbus, Ohio"."""
    match = _DATELINE.search(text[body_start : body_start + _DATELINE_WINDOW])
    if match is None:
        return None
    place = match.group(1).strip()
    city, _, rest = place.partition(",")
    return city.title() + (f",{rest}" if rest else "")


def _headline_lines(
    doc: Doc, header_end: int, breaks: Sequence[int], dek: Sequence[Range] = ()
) -> Iterator[Range]:
    """The header's tokens up to the dek, then each line set like a headline (ALL CAPS,
    Title Case). A dek in the header is a sentence, whose names are the article's own
    ("... in the city of Mazar-i-Sharif" under the title): it counts only where one of
    its lines is set like a headline."""
    if header_end:
        end = next((tok.i for tok in doc if tok.idx >= header_end), len(doc))
        if dek and dek[0][0] < end:
            end = dek[0][0]
        if end:
            yield (0, end)
    line_start = 0
    for i in [*breaks, len(doc)]:
        end = min(i, len(doc))
        if end > line_start and _is_headline(doc[line_start:end]):
            yield (line_start, end)
        line_start = i + 1


def _is_headline(line: Span) -> bool:
    words = [t for t in line if t.is_alpha]
    if len(words) < 2 or len(words) > 25:
        return False
    long_words = [t for t in words if len(t) > 1]
    if long_words and sum(t.is_upper for t in long_words) / len(long_words) >= 0.8:
        return True  # "LEICESTERSHIRE TAKE OVER AT TOP"
    content = [t for t in words if t.lower_ not in _HEADLINE_SMALL]
    if len(content) < 3:
        return False
    if line[-1].text in {".", "?", "!"} and len(words) > 12:
        return False  # a sentence full of names, not a headline
    return all(t.text[0].isupper() for t in content)  # "Fraud Case Against Senator Dismissed"


def _dateline_places(doc: Doc, breaks: Sequence[int]) -> Iterator[Range]:
    """ "WASHINGTON (Reuters) -", "NEW YORK 1996-08-30": a capitalised place opening a line."""
    n = len(doc)
    for i in [0, *(b + 1 for b in breaks)] if n else []:
        j = i
        while (
            j < n
            and j - i < 4
            and doc[j].is_upper
            and len(doc[j].text) > 1
            and (doc[j].is_alpha or doc[j].text.endswith("."))
        ):
            j += 1
        if j > i and j < n and dateline_follows(doc, j):
            yield (i, j)


def line_start(doc: Doc, i: int) -> int:
    """The index of the first token on token ``i``'s line."""
    while i > 0 and "\n" not in doc[i - 1].text:
        i -= 1
    return i


def dateline_follows(doc: Doc, j: int) -> bool:
    """After a place ending before token ``j``: a date or "(Agency)"; or a dash or comma
    and then sentence case. "SOCCER - ROMANIA BEAT LITHUANIA" is a topic and a headline,
    not a dateline."""
    nxt = doc[j].text
    if _DATELINE_DATE.match(nxt) or nxt == "(":
        return True
    if nxt in {"-", "–", "—", ","}:
        rest = [t for t in doc[j + 1 : j + 8] if t.is_alpha]
        return bool(rest) and not any(t.is_upper and len(t) > 1 for t in rest)
    return False


def breaks_line(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a line, a dateline or a timestamp: "9:30 p.m.\\n\\nTrump says",
    "LONDON (Reuters) - Trump said"."""
    tok = doc[i]
    if "\n" in tok.text or "\n" in tok.whitespace_:
        return True
    if tok.text in DATELINE_DASH:
        return True
    return tok.text == "-" and bool(tok.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)
