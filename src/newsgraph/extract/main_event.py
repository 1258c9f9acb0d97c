"""The article's main event as short answers to who / what / when / where / why / how.

News puts the main event in the headline and the lead: the event mentioned
there (typed, repeated, the headline's main verb) wins, and the answers are
phrases read off its clauses, headline first ("Taliban attacks German
consulate" -> who "Taliban", what "attacks German consulate").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.event_types import OTHER
from newsgraph.extract.events_args import PLACE_TYPES, is_passive, subject_of
from newsgraph.records import Article, Entity, Event, TimeExpr

_SPEECH = frozenset({"statement", "press_conference", "interview"})
_WHO_TYPES = frozenset({"PERSON", "ORG", "NORP"})
_NOT_WHO = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "him", "her", "them"})
_POINT_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}")  # a day or a clock time, not "2016" or "P3W"
_OBJECT_DEPS = frozenset({"dobj", "prt", "acomp", "attr", "oprd", "dative", "xcomp", "ccomp"})
_WHAT_PREPS = frozenset({"on", "with", "at", "to", "into", "for", "against", "in", "from", "of"})
_MAX_WHAT = 9  # tokens: a headline predicate, not a paragraph
_CAUSE_MARKS = frozenset({"because", "after", "since", "as"})
_CAUSE_PREPS = {"because": "of", "due": "to", "over": None, "amid": None}
_INSTRUMENT_PREPS = frozenset({"with", "by", "using", "via", "through"})
_WHERE_TYPES = frozenset({"GPE", "LOC", "FAC", "EVENT"})
# an ORG that is also a building: "outside Trump Tower", "at the White House"
_FACILITY = re.compile(
    r"\b(House|Towers?|Stadium|Field|Park|Airport|Station|Square|Palace|Hall|Cent(?:re|er)|"
    r"Courthouse|Church|Mosque|Temple|Hospital|Consulate|Embassy)$"
)
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "on", "across", "from"})
# "COLUMBUS, Ohio —" / "LONDON --" / "WASHINGTON (Reuters) -": a dateline opens the body
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w. ]+?)?)\s*(?:\([^)]*\))?\s*[—–-]{1,2}\s"
)


def find_main_event(
    doc: Doc,
    events: Sequence[Event],
    entities: Sequence[Entity],
    times: Sequence[TimeExpr],
    article: Article,
) -> dict[str, Any] | None:
    """``{"event", "who", "what", "when", "where", "why", "how"}`` or None without events.

    Strings are taken from the text (``when`` is ``{"text", "value"}``); an answer
    is None where the headline and lead give none.
    """
    if not events:
        return None
    zones = _Zones(doc, article)
    best = max(events, key=lambda e: (_score(e, doc, zones), -e.span[0]))
    if _score(best, doc, zones) <= 0:
        return None
    token = _best_mention(best, doc, zones)
    names = {e.id: e for e in entities}
    clause = token.sent
    return {
        "event": best.id,
        "who": _who(best, token, names),
        "what": _what(token),
        "when": _when(best, times, zones),
        "where": _where(best, doc, names, zones, clause),
        "why": _why(token),
        "how": _how(token),
    }


class _Zones:
    """Where the headline ends and which sentences make the lead."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.body_start = article.body_start
        if not self.body_start and article.title and doc.text.startswith(article.title):
            self.body_start = len(article.title)
        body = [s for s in doc.sents if s.start_char >= self.body_start and s.text.strip()]
        self.lead = body[0] if body else None
        self.second = body[1] if len(body) > 1 else None
        self.title = [s for s in doc.sents if s.end_char <= self.body_start and s.text.strip()]
        self.title_predicates = {p.i for p in map(_main_predicate, self.title) if p is not None}
        self.dateline = _dateline(doc.text, self.body_start)
        if self.dateline and self.lead is not None and len(self.lead.text.strip()) < 40:
            self.lead, self.second = self.second, None  # "LONDON --" on its own line

    def in_title(self, start: int) -> bool:
        return start < self.body_start

    def in_lead(self, start: int) -> bool:
        lead = self.lead
        return lead is not None and lead.start_char <= start < lead.end_char

    def near_top(self, start: int) -> bool:
        if self.in_title(start) or self.in_lead(start):
            return True
        second = self.second
        return second is not None and second.start_char <= start < second.end_char


def _main_predicate(sent: Span) -> Token | None:
    """The headline's main verb: its root, or the first verb with a subject after a noun root.

    "Trump election: Clinton blames defeat on FBI director" -> "blames".
    """
    if sent.root.pos_ == "VERB":
        return sent.root
    for tok in sent:
        if (
            tok.pos_ == "VERB"
            and tok.dep_ in {"acl", "ccomp", "conj", "appos", "dep"}
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
        ):
            return tok
    return None


def _dateline(text: str, body_start: int) -> str | None:
    """ "COLUMBUS, Ohio — A judge ..." at the start of one of the body's first lines."""
    lines = text[body_start : body_start + 2000].split("\n")
    for line in [x for x in lines if x.strip()][:4]:
        match = _DATELINE.match(line)
        if match:
            place = match.group(1).strip()
            city, _, rest = place.partition(",")
            return city.title() + (f",{rest}" if rest else "")
    return None


def _score(event: Event, doc: Doc, zones: _Zones) -> float:
    mentions = event.mentions or (event.span,)
    if not any(zones.near_top(start) for start, _ in mentions):
        return 0.0
    score = 1.0
    if event.type != OTHER:
        score += 1.5
    if event.type in _SPEECH:
        score -= 2.5
    in_title = [m for m in mentions if zones.in_title(m[0])]
    if in_title:
        score += 2.0
    if any(zones.in_lead(start) for start, _ in mentions):
        score += 1.5
    score += min(len(mentions) - 1, 3) * 0.5
    for start, end in mentions:
        tok = _token(doc, start, end)
        if tok is None:
            continue
        if zones.in_title(start) and tok.i in zones.title_predicates:
            # the headline's main verb is the story: "Lady Gaga protests ... as Donald is elected"
            score += 4.5
            break
        if tok.dep_ == "ROOT" and zones.near_top(start):
            score += 1.0
            break
    if event.modality in {"negated", "possible"}:
        score -= 1.0
    if any(p.entity for p in event.participants):
        score += 0.5
    return score


def _token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _best_mention(event: Event, doc: Doc, zones: _Zones) -> Token:
    """The headline mention, else the lead's, else the first."""
    mentions = list(event.mentions or (event.span,))
    mentions.sort(key=lambda m: (not zones.in_title(m[0]), not zones.in_lead(m[0]), m[0]))
    for start, end in mentions:
        tok = _token(doc, start, end)
        if tok is not None:
            return tok
    tok = _token(doc, *event.span)
    assert tok is not None, "an event's span always covers a token"
    return tok


def _who(event: Event, token: Token, names: dict[str, Entity]) -> str | None:
    """The doer as the text names it: the clause's subject, else a named agent or participant."""
    agents = [p for p in event.participants if p.role == "agent"]
    subject = subject_of(token) if token.pos_ in {"VERB", "AUX"} else None
    passive = subject is not None and (is_passive(token) or subject is token.head)
    if subject is not None and not passive and _usable(subject):
        return _subject_name(subject, names)
    for p in agents:
        if p.entity in names:
            return names[p.entity].name
    if token.pos_ == "NOUN":
        # "Taliban raid", "the Taliban's attack": the group named on the event noun
        for child in token.lefts:
            if child.ent_type_ in _WHO_TYPES:
                return _entity_text(child)
    if subject is not None and _usable(subject):
        return _subject_name(subject, names)
    for p in event.participants:
        if p.entity in names and names[p.entity].type not in PLACE_TYPES:
            return names[p.entity].name
    for p in [*agents, *(p for p in event.participants if p.role == "patient")]:
        if p.text and p.text.lower() not in _PRONOUNS:
            return p.text
    return None


def _subject_name(subject: Token, names: dict[str, Entity]) -> str:
    """A name the subject carries: "Brazil's Massa" -> "Felipe Massa",
    "Toblerone chocolate bar shape change" -> "Toblerone"; else the subject's phrase."""
    named = [t for t in subject.subtree if t.ent_type_ in _WHO_TYPES and t.i <= subject.i]
    if not named:
        return _name_phrase(subject)
    tok = subject if subject.ent_type_ in _WHO_TYPES else named[0]
    text = _entity_text(tok)
    entity = next((e for e in names.values() if text == e.name or text in e.aliases), None)
    if entity is not None and len(entity.name) > len(text):
        return entity.name
    return text


def _usable(tok: Token) -> bool:
    return tok.pos_ not in {"PRON", "NUM"} and tok.ent_type_ not in _NOT_WHO


def _name_phrase(tok: Token) -> str:
    """ "Red Bull boss Christian Horner", "Lady Gaga": the head with its name words, no article."""
    start = tok.i
    for child in reversed(list(tok.lefts)):
        if child.dep_ in {"compound", "amod", "nmod", "poss", "case", "nummod"} and (
            child.i == start - 1 or tok.doc[child.i + 1 : start].text in {"'s", "’s"}
        ):
            start = child.left_edge.i
        else:
            break
    return tok.doc[start : tok.i + 1].text


def _entity_text(tok: Token) -> str:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.text
    return tok.text


def _phrase(tok: Token) -> str:
    start = min([tok.i, *(c.left_edge.i for c in tok.lefts if c.dep_ not in {"punct", "cc"})])
    return tok.doc[start : tok.i + 1].text


def _what(token: Token) -> str:
    """The predicate: "attacks German consulate", "Fraud case against Ohio senator dismissed"."""
    doc = token.doc
    if token.pos_ != "VERB" and token.pos_ != "AUX":
        return _clip(doc[_left(token) : _right(token, {"prep"}) + 1])
    subject = subject_of(token)
    patient_subject = subject is not None and (
        is_passive(token) or (token.dep_ == "acl" and subject is token.head)
    )
    start = token.i
    if patient_subject and subject is not None and subject.i < token.i:
        start = _left(subject)
    end = _right(token, _OBJECT_DEPS | {"prep"})
    return _clip(doc[start : end + 1])


def _left(tok: Token) -> int:
    start = tok.i
    for child in tok.lefts:
        if child.dep_ not in {"punct", "cc", "det", "relcl", "advmod", "aux", "auxpass", "neg"}:
            start = min(start, child.left_edge.i)
    return start


def _right(tok: Token, deps: frozenset[str] | set[str]) -> int:
    """The end of the trigger's object and its first preposition phrase.

    "blames loss on FBI's James Comey in call with donors" -> up to "Comey";
    "attacks German consulate in northern Afghan city" -> up to "consulate".
    """
    end = tok.i
    has_object = False
    for child in tok.rights:
        if child.dep_ not in deps:
            break
        if child.dep_ == "prep":
            if child.lower_ not in _WHAT_PREPS or (has_object and child.lower_ in _LOCATIVE):
                break
            end = max(end, child.right_edge.i)
            break
        end = max(end, child.right_edge.i)
        has_object = has_object or child.dep_ == "dobj"
    return end


def _clip(span: Span) -> str:
    words = [t for t in span if not t.is_space]
    if len(words) > _MAX_WHAT:
        words = words[:_MAX_WHAT]
    while words and words[-1].is_punct:
        words.pop()
    if not words:
        return span.text.strip()
    return span.doc[words[0].i : words[-1].i + 1].text


def _when(event: Event, times: Sequence[TimeExpr], zones: _Zones) -> dict[str, Any] | None:
    """The event's own time, else the first day or clock time in the headline or lead."""
    if event.time is not None:
        return {"text": event.time.text, "value": event.time.value}
    for expr in times:
        if not zones.near_top(expr.span[0]):
            continue
        if expr.type in {"DATE", "TIME"} and expr.value and _POINT_TIME.match(expr.value):
            return {"text": expr.text, "value": expr.value}
    return None


def _where(
    event: Event,
    doc: Doc,
    names: dict[str, Entity],
    zones: _Zones,
    clause: Span,
) -> str | None:
    """The event's place, else a locative place in the headline, the event's sentence or the
    lead, else a place naming the event ("Croydon tram crash"), else the dateline."""
    if event.place is not None:
        for start, end in names[event.place].mentions if event.place in names else ():
            if start >= clause.start_char:
                return doc.text[start:end]
        if event.place in names:
            return names[event.place].name
    sentences = [*zones.title, clause, zones.lead, zones.second]
    for sent in sentences:
        if sent is None:
            continue
        for ent in sent.ents:
            if (ent.label_ in _WHERE_TYPES or _FACILITY.search(ent.text)) and _locative(ent):
                return ent.text
    triggers = {start for start, _ in event.mentions or (event.span,)}
    for sent in zones.title:
        for ent in sent.ents:
            # "Croydon tram crash: ...": a place naming the event noun itself
            head = ent.root
            while head.dep_ == "compound" and head.head is not head:
                head = head.head
            if ent.label_ in PLACE_TYPES and head is not ent.root and head.idx in triggers:
                return ent.text
    return zones.dateline


def _locative(ent: Span) -> bool:
    # "in Croydon", "outside Trump Tower", "at Interlagos", "in Dayton, Ohio"
    root = ent.root
    if root.dep_ == "appos":
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def _why(token: Token) -> str | None:
    """A cause clause or phrase: "after it increased ...", "because of higher costs"."""
    for child in token.children:
        if child.dep_ == "advcl":
            marks = [c for c in child.children if c.dep_ == "mark"]
            if marks and marks[0].lower_ in _CAUSE_MARKS:
                return _clip(token.doc[marks[0].i : child.right_edge.i + 1])
        if child.dep_ == "prep" and child.lower_ in _CAUSE_PREPS:
            return _clip(token.doc[child.i : child.right_edge.i + 1])
    return None


def _how(token: Token) -> str | None:
    """The means: "with truck bomb", "by storming home", "narrowly"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _INSTRUMENT_PREPS and child.lower_ != "by":
            return _clip(token.doc[child.i : child.right_edge.i + 1])
        if (
            child.dep_ == "prep"
            and child.lower_ == "by"
            and any(c.dep_ == "pcomp" for c in child.children)
        ):
            return _clip(token.doc[child.i : child.right_edge.i + 1])
        if child.dep_ == "advmod" and child.lower_.endswith("ly") and child.i < token.i:
            return child.text
    return None
