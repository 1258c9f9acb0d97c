"""When and where the main event happened, as phrases from the text.

``when``: the event's own day or clock time, else the first day or clock time
in the headline and lead, else the first one further down that is tied to the
story: in the clause of the incident the story leads with ("the accident
happened at 6.10am on Wednesday" deep in a crash report) or in a clause whose
subject is the main event's doer; in an incident story that names no day, its
first clock time ("It was about 6.10am"). A time tied to neither dates something
else, and so does one in a gallery caption or in a clause of another person.
``where``: a locative phrase of the headline (made specific by the lead), the
dateline, the place that names the event ("Croydon tram crash"), a named
venue (with the city the lead gives), a place in the lead, or the place in the
clause of the story's incident further down.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.events.types import EVENT_TYPES, noun_type
from newsgraph.extract.lexicon.places import PLACE_LABELS, PLACE_NOUNS, WHERE_PREPS
from newsgraph.extract.syntax import NOMINAL_SUBJECTS, clause_head, entity_span, first_child
from newsgraph.nlp.doc import doc_text
from newsgraph.nlp.layout import Layout
from newsgraph.records import Event, EventTime, TimeExpr

_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}")
_WEEKDAY_SHORT = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$", re.I)
_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
# a day, a clock time, or a day of an unknown year: "2016-11-09", "2016-11-09T06:10", "XXXX-11-02"
_POINT = re.compile(r"^(\d{4}|XXXX)-(\d{2}|XX)-(\d{2}|XX)")
# what happened to people: attacks, killings, crashes, fires, storms (not the rescue after them);
# a story that reports one dates and places itself by it
INCIDENT_TYPES = frozenset(
    row.name for row in EVENT_TYPES if row.genre in {"violence", "disaster"}
) - {"rescue"}
_MAX_PROSE = 80  # tokens: a longer "sentence" is page furniture run together
_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "ccomp", "xcomp", "pcomp"})
_WEEK = 7  # days: how far before publication a news event's "when" usually lies
# words in front of a time that the time expression leaves out: "late Thursday", "around 6am"
_TIME_MODIFIERS = frozenset({"late", "early", "around", "about", "approximately", "almost", "just"})
# joins a time of day to its day: "6.10am on Wednesday", "Nov 9, 2016 at 1:57am"
_TIME_JOINERS = re.compile(r"^\s*(?:,|on|at|,\s*at)?\s*$")
# a day named by the calendar or the clock, not by an occasion ("Election Day" is background)
_HOURS_OF = re.compile(
    r"\b(?:the )?(?:early |small |late )?(?:hours|morning|afternoon|evening|night) of\s+$",
    re.IGNORECASE,
)
_DATED = re.compile(
    r"\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|"
    r"tomorrow|morning|afternoon|evening|night|midnight|noon|jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec",
    re.IGNORECASE,
)

# a picture credit and the picture's number in a gallery: "Getty 5/19", "AP:Associated Press 9"
_GALLERY_CREDIT = re.compile(
    r"\b(?:AP|AFP|EPA|PA|Reuters|Getty(?: Images)?|Rex|Shutterstock)(?::[A-Z][\w ]{0,30}?)?"
    r" \d{1,2}(?:/\d{1,2})? (?=[A-Z])"
)
# an ORG that is also a building: "outside Trump Tower", "at the White House"
_FACILITY = re.compile(
    r"\b(House|Towers?|Stadium|Field|Park|Airport|Station|Square|Palace|Hall|Cent(?:re|er)|"
    r"Courthouse|Church|Mosque|Temple|Hospital|Consulate|Embassy|Grand Prix|Circuit)$"
)
_MAX_PLACE_WORDS = 8
_NAMING_TYPES = frozenset({"GPE", "LOC", "FAC", "ORG", "PRODUCT", ""})  # NER often misses "Croydon"


@dataclass(frozen=True, slots=True)
class Story:
    """What the main event's time and place are read from: the parsed article and its
    layout, its events and time expressions, and its publication date (ISO, or None)."""

    doc: Doc
    layout: Layout
    events: Sequence[Event]
    times: Sequence[TimeExpr]
    published: str | None


def when_of(event: Event, story: Story, doers: Sequence[tuple[int, int]] = ()) -> EventTime | None:
    """The main event's time as a phrase and its value, or None when the text dates no day.

    Candidates are days and clock times in the week before ``published``; the
    event's own time wins, then one in a sentence that mentions the event
    ("After Thursday's ... meeting"), then the first in the headline and lead,
    then the first one further down that is anchored to the story: in a clause
    whose subject is the main event's doer (``doers``: the character spans of
    its name mentions; "Mrs Clinton told the donors ... on Saturday") or in the
    clause of an incident in a story that leads with one ("the accident happened
    at 6.10am on Wednesday"), else an incident story's first clock time. A time
    deep in the body that is tied to neither ("Comey told politicians on the
    Sunday before the election") dates something else: then the article gives no
    time. Never candidates: a time in a gallery caption ("Getty 5/19 ... on
    Sunday") or in a clause whose subject names a person other than the doer.
    A bare weekday is answered as the full date the text writes for that day.
    """
    doc, times, published, near_top = story.doc, story.times, story.published, story.layout.near_top
    every = [t for t in times if t.value and _POINT.match(t.value) and not _in_name(t, doc)]
    points = every
    if published:
        points = [
            t for t in every if t.value and (t.value[:4] == "XXXX" or _recent(t.value, published))
        ]
    if event.time is not None and event.time.value and _POINT.match(event.time.value):
        own = next((t for t in points if t.text == event.time.text), None)
        if own is not None:
            return _answer(own, points, doc)
        return event.time
    # a picture caption of a gallery ("AP:Associated Press 9 Hillary Clinton gestures ...
    # during a campaign rally Sunday") dates the picture, not the story
    points = [t for t in points if not _in_caption(t, doc)]
    dated = [t for t in points if _DATED.search(t.text)]
    occasions = [t for t in points if not _DATED.search(t.text)]
    sentences = _mention_sentences(event, doc)
    incidents = _incident_clauses(story)
    for group in (dated, occasions):
        told = [t for t in group if any(s <= t.span[0] < e for s, e in sentences)]
        top = [t for t in group if near_top(t.span[0])]
        both = [t for t in told if near_top(t.span[0])]
        anchored = [
            t for t in group if _in_clause_of(t, incidents, doc) or _doer_clause(t, doers, doc)
        ]
        for found in (both, top, told, anchored):
            if found:
                return _answer(found[0], points, doc)
    if incidents:
        # "It was about 6.10am": an incident story that names no day still tells the clock time
        clock = [t for t in dated if t.value and _CLOCK.match(t.value)]
        if clock:
            return _answer(clock[0], points, doc)
    # a publication date that does not fit the text: the first full date, year and all
    full = [t for t in every if re.search(r"\b\d{4}\b", t.text) and _DATED.search(t.text)]
    return _answer(full[0], every, doc) if full and published else None


def _incident_clauses(story: Story) -> set[int]:
    """The clause heads (token indices) of incidents (an attack, a killing, a crash, a fire)
    in a story that leads with one ("the accident happened ...": "happened"; "people were
    injured": "injured"); none when the headline and lead tell no incident, where one further
    down is background ("one person was shot in Portland")."""
    doc = story.doc
    incidents = [e for e in story.events if e.type in INCIDENT_TYPES and e.modality == "actual"]
    if not any(story.layout.near_top(s) for e in incidents for s, _ in e.mentions or (e.span,)):
        return set()
    heads: set[int] = set()
    for event in incidents:
        for start, end in event.mentions or (event.span,):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            heads.add(clause_head(span.root).i)
    return heads


def _in_clause_of(expr: TimeExpr, heads: set[int], doc: Doc) -> bool:
    """The time modifies one of the clause ``heads``, or a clause right below one ("were
    injured when the vehicle left the track ... on Wednesday")."""
    span = doc.char_span(*expr.span, alignment_mode="expand")
    return span is not None and len(span) > 0 and _modifies(span.root, heads)


def _modifies(tok: Token, heads: set[int]) -> bool:
    if len(tok.sent) > _MAX_PROSE:
        return False  # a run of picture captions that the parser took for one sentence
    verbs = [a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}]
    if not verbs:
        return False
    own = verbs[0]
    # one clause up only through subordination, not along "and"-joined clauses
    above = verbs[1] if len(verbs) > 1 and own.dep_ in _SUBORDINATE else None
    return own.i in heads or (above is not None and above.i in heads)


def _doer_clause(expr: TimeExpr, doers: Sequence[tuple[int, int]], doc: Doc) -> bool:
    """The time sits in a clause whose subject is one of ``doers``' mentions."""
    span = doc.char_span(*expr.span, alignment_mode="expand")
    if span is None or not len(span) or not doers:
        return False
    heads = {t.i for t in span.root.ancestors}
    for start, end in doers:
        mention = doc.char_span(start, end, alignment_mode="expand")
        if mention is None or not len(mention) or mention.sent != span.sent:
            continue
        root = mention.root
        while root.dep_ in {"compound", "appos"} and root.head.i != root.i:
            root = root.head  # "Red Bull boss Christian Horner", "Horner, the team principal"
        if root.dep_ in NOMINAL_SUBJECTS and root.head.i in heads:
            return True
    return False


def _in_caption(expr: TimeExpr, doc: Doc) -> bool:
    """The time follows a picture credit with its place in a gallery in its sentence."""
    span = doc.char_span(*expr.span, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent = span.sent
    return _GALLERY_CREDIT.search(doc_text(doc), sent.start_char, expr.span[0]) is not None


def _mention_sentences(event: Event, doc: Doc) -> list[tuple[int, int]]:
    spans = []
    for start, end in event.mentions or (event.span,):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            sent = span[0].sent
            spans.append((sent.start_char, sent.end_char))
    return spans


def _in_name(expr: TimeExpr, doc: Doc) -> bool:
    """ "USA TODAY": a time word inside a name."""
    span = doc.char_span(*expr.span, alignment_mode="expand")
    if span is None:
        return False
    masthead = span.text.isupper() and span.start > 0 and doc[span.start - 1].text.isupper()
    return masthead or any(t.ent_type_ in {"ORG", "WORK_OF_ART"} for t in span)


def _recent(value: str | None, published: str | None) -> bool:
    if not value or not published:
        return False
    try:
        day = date.fromisoformat(value[:10])
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return False
    return pub - timedelta(days=_WEEK) <= day <= pub


def _answer(expr: TimeExpr, points: Sequence[TimeExpr], doc: Doc) -> EventTime:
    """The expression widened to its modifiers and to a time or day right beside it:
    "late Thursday", "Nov 9, 2016 at 1:57am", "Sunday's Brazilian Grand Prix"."""
    start, end = expr.span
    value = expr.value
    text = doc_text(doc)
    for other in points:
        if other is expr:
            continue
        if 0 <= start - other.span[1] <= 5 and _TIME_JOINERS.match(text[other.span[1] : start]):
            start = other.span[0]
            value = _finer(value, other.value)
        elif 0 <= other.span[0] - end <= 5 and _TIME_JOINERS.match(text[end : other.span[0]]):
            end = other.span[1]
            value = _finer(value, other.value)
    before = _HOURS_OF.search(text, max(0, start - 40), start)
    if before is not None:
        start = before.start()  # "in the early hours of Thursday"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        first = span[0].i
        while first > 0 and doc[first - 1].lower_ in _TIME_MODIFIERS:
            first -= 1
        if first > 1 and doc[first - 1].text == "," and _weekday(doc[first - 2].text):
            first -= 2  # "Tue, March 22, 2016": the weekday the date is written with
        last = span.end
        if last < len(doc) and doc[last].text in {"'s", "’s"}:
            # "Sunday's Brazilian Grand Prix": the day names the event
            last += 1
            while last < len(doc) and doc[last].pos_ in {"PROPN", "NOUN", "ADJ"}:
                last += 1
        while last > first + 1 and doc[last - 1].is_punct:
            last -= 1
        start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    if _WEEKDAY.match(text[start:end]):
        # "Sunday" -> "Sunday, Nov. 13, 2016" where the text writes the same day in full
        full = next(
            (
                t
                for t in points
                if t.value
                and t.value[:10] == (value or "")[:10]
                and _WEEKDAY.match(t.text)
                and re.search(r"\d{4}", t.text)
            ),
            None,
        )
        if full is not None:
            return EventTime(full.text, full.value)
    return EventTime(text[start:end], value)


def _weekday(word: str) -> bool:
    """ "Tue", "Tue.", "Tuesday"."""
    return _WEEKDAY_SHORT.match(word) is not None or _WEEKDAY.fullmatch(word) is not None


def _finer(a: str | None, b: str | None) -> str | None:
    return b if b and (a is None or len(b) > len(a)) else a


def where_of(story: Story) -> str | None:
    """The main event's place as a phrase of the text, or None: a place in the headline, the
    dateline, a place that names the event, one in the lead (with the page furniture before
    it), else the place of the incident the story leads with where the text tells it further
    down."""
    headline = story.layout.headline_spans(story.doc)
    lead = story.layout.opening_spans(story.doc)
    dateline = story.layout.dateline
    for sent in headline:
        phrase = _locative(sent, strict=True)
        if phrase is not None:
            return _specific(phrase, lead, _located_noun(sent))
    if dateline:
        return dateline
    for sent in headline:
        phrase = _naming_place(sent)
        if phrase is not None:
            return phrase
    for sent in headline:
        phrase = _locative(sent, strict=False)
        if phrase is not None:
            return _with_city(phrase, lead)
    for sent in lead:
        phrase = _locative(sent, strict=True)
        if phrase is not None:
            return _specific(phrase, lead)
    return _incident_place(story)


def _incident_place(story: Story) -> str | None:
    """The place in the clause that tells the story's incident further down: "More than 50
    people were injured when the vehicle left the track ... in Croydon on Wednesday"."""
    doc = story.doc
    heads = _incident_clauses(story)
    for head in sorted(heads):
        for tok in doc[head].sent:
            if tok.lower_ not in WHERE_PREPS or tok.dep_ != "prep" or not _modifies(tok, heads):
                continue
            phrase = _locative(doc[tok.i : tok.i + 1 + _MAX_PLACE_WORDS], strict=True)
            if phrase is not None:
                return phrase
    return None


def _specific(phrase: str, lead: Sequence[Span], located: str | None = None) -> str:
    """A city the lead puts in the answer's country or region: "Afghanistan" -> "Mazar-i-Sharif"
    from "in the city of Mazar-i-Sharif in northern Afghanistan", or from "the consulate in
    Mazar-i-Sharif" when the headline said "consulate in Afghanistan" (``located``: the noun
    the headline's place was attached to)."""
    last = phrase.split(" in ")[-1]
    said = any(w in PLACE_NOUNS for w in phrase.lower().split())
    for sent in lead:
        for ent in sent.ents:
            if ent.label_ not in {"GPE", "LOC"} or ent.text in phrase:
                continue
            before = ent.doc[max(ent.start - 3, 0) : ent.start]
            after = ent.doc[ent.end : ent.end + 4].text
            city = any(t.lemma_.lower() in {"city", "town", "village"} for t in before)
            same = (
                located is not None
                and not said  # "northern Afghan city of Mazar-i-Sharif" says it already
                and not (ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS")
                and len(before) >= 2
                and before[-1].lower_ == "in"
                and before[-2].lemma_.lower() == located
            )
            region = re.match(rf"^(?:,| in)(?: \w+)? {re.escape(last)}\b", after)
            if region is not None and region.group().startswith(","):
                # "in Croydon, south London": the city with the region the headline named
                end = ent.doc[ent.end].idx + region.end()
                return doc_text(ent.doc)[ent.start_char : end]
            if city or same or region is not None:
                return _hyphenated(ent).text
    return phrase


def _with_city(venue: str, lead: Sequence[Span]) -> str:
    """ "Interlagos" -> "Interlagos, Sao Paulo": a named venue with the city or country the
    lead puts the story in ("keeps his hopes alive in Sao Paulo")."""
    for sent in lead:
        prep = _locative_prep(sent, strict=True)
        if prep is None:
            continue
        obj = next(c for c in prep.children if c.dep_ == "pobj")
        if obj.ent_type_ != "GPE":
            return venue
        city = entity_span(obj).text
        return venue if city in venue else f"{venue}, {city}"
    return venue


def _located_noun(sent: Span) -> str | None:
    """ "German consulate in Afghanistan bombed" -> "consulate": what the place locates."""
    prep = _locative_prep(sent, strict=True)
    if prep is None or prep.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return prep.head.lemma_.lower()


def _hyphenated(span: Span) -> Span:
    """ "Mazar" -> "Mazar-i-Sharif" when the entity stops inside a hyphenated name."""
    doc, end = span.doc, span.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        end += 2
    return doc[span.start : end]


def _locative(sent: Span, *, strict: bool) -> str | None:
    """The object of the first "in"/"at"/"outside" that names a place: "northern Afghan city
    of Mazar-i-Sharif", "Croydon, South London"; with ``strict`` False also a named
    venue or event ("at wet Brazilian Grand Prix")."""
    prep = _locative_prep(sent, strict=strict)
    if prep is None:
        return None
    phrase = _place_phrase(next(c for c in prep.children if c.dep_ == "pobj"))
    return phrase.text if phrase is not None else None


def _locative_prep(sent: Span, *, strict: bool) -> Token | None:
    for tok in sent:
        if tok.lower_ not in WHERE_PREPS or tok.dep_ != "prep":
            continue
        obj = first_child(tok, "pobj")
        if obj is None:
            continue
        if not _names_place(obj):
            continue  # "in the US election": a place modifies something else
        phrase = _place_phrase(obj)
        if phrase is None:
            continue
        labels = {t.ent_type_ for t in phrase}
        place = bool(labels & PLACE_LABELS) or _FACILITY.search(phrase.text) is not None
        named = any(t.pos_ == "PROPN" for t in phrase) and not labels & {"PERSON", "DATE", "TIME"}
        if place or (not strict and named):
            return tok
    return None


def _place_tokens(tok: Token) -> bool:
    sub = list(tok.subtree)
    return not any(t.ent_type_ == "PERSON" for t in sub) and (
        any(t.ent_type_ in PLACE_LABELS for t in sub) or tok.lemma_.lower() in PLACE_NOUNS
    )


def _names_place(obj: Token) -> bool:
    """The object is itself a place: "Croydon", "the White House", "city of Mazar-i-Sharif"."""
    if obj.pos_ == "PROPN" or obj.ent_type_ in PLACE_LABELS:
        return True
    return obj.lemma_.lower() in PLACE_NOUNS and any(
        c.dep_ in {"prep", "appos"}
        and any(t.ent_type_ in PLACE_LABELS or t.pos_ == "PROPN" for t in c.subtree)
        for c in obj.children
    )


def _place_phrase(obj: Token) -> Span | None:
    doc = obj.doc
    keep = [obj.i]
    for child in obj.children:
        if child.dep_ in {"relcl", "acl", "punct", "cc"} and child.i > obj.i:
            continue
        if child.dep_ in {"appos", "conj"} and not _place_tokens(child):
            continue  # "Cleveland, Ohio, Michael Martinez of the hometown Indians"
        if child.dep_ == "prep" and child.lower_ not in {"of", "in"}:
            continue
        if child.dep_ == "det" and child.i == obj.left_edge.i:
            continue  # "the White House" -> "White House"
        keep.extend(t.i for t in child.subtree)
    start, end = min(keep), max(keep) + 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    span = doc[start:end]
    if not any(t.pos_ == "PROPN" or t.ent_type_ in PLACE_LABELS for t in span):
        return None
    if len([t for t in span if not t.is_punct]) > _MAX_PLACE_WORDS:
        ents = [e for e in span.ents if e.label_ in PLACE_LABELS]
        return ents[0] if ents else None
    return span


def _naming_place(sent: Span) -> str | None:
    """ "Croydon tram crash: ...", "victims of Croydon tram crash": the place in front of
    the event noun that names the event."""
    for tok in sent:
        if tok.pos_ != "PROPN" or tok.dep_ != "compound" or tok.ent_type_ not in _NAMING_TYPES:
            continue
        if tok.i > sent.start and sent.doc[tok.i - 1].dep_ == "compound":
            continue  # only the first word of a compound chain
        head = tok
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        run = sent.doc[tok.i + 1 : head.i + 1]  # "Croydon tram crash survivor"
        if any(t.pos_ == "NOUN" and noun_type(t.lemma_.lower()) is not None for t in run):
            return entity_span(tok).text
    return None
