"""The article's main event as short answers to who / what / when / where / why / how.

News states the main event in the headline and repeats it in the dek and the
lead: the answers are read off the headline's clause ("Taliban attacks German
consulate" -> who "Taliban", what "attacks German consulate"), and off the dek
or lead sentence when the headline has no usable subject ("Seven killed as
tram derails" -> who "At least seven people" from the lead) or pairs its news
peg with an explainer ("X meets Y: What ... tells us"). A witness's account of
an incident ("tram crash survivor describes ...") is news of the incident. ``when`` and
``where`` come from ``setting``; ``event`` points to the typed
event whose trigger is that clause's predicate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.events.types import EVENT_TYPES, OTHER, noun_type
from newsgraph.extract.lexicon.people import PERSON_NOUNS, PRONOUN_SUBJECTS
from newsgraph.extract.main_event.clause import Clause, explains, find_clause, verbless_phrase
from newsgraph.extract.main_event.setting import INCIDENT_TYPES, Story, when_of, where_of
from newsgraph.extract.references.roles import role_holders
from newsgraph.extract.syntax import NOMINAL_SUBJECTS, entity_span, first_child
from newsgraph.nlp.doc import doc_text
from newsgraph.nlp.layout import Layout, keep_article, layout_of
from newsgraph.records import Article, Entity, Event, MainEvent, TimeExpr

_MECHANISM_TYPES = frozenset({"accident", "attack", "explosion", "shooting", "fire"})
# telling of an event is seldom the story: the press conference, not what was said there;
# criticism ("Trump slams FBI") is news in itself and is not discounted
_SPEECH = frozenset(row.name for row in EVENT_TYPES if row.genre == "speech") - {"criticism"}
_WHO_TYPES = frozenset({"PERSON", "ORG", "NORP"})
_NOT_WHO = frozenset(
    {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "EVENT",
     "WORK_OF_ART", "LOC", "FAC", "LAW"}
)  # fmt: skip
_ARTICLES = frozenset({"a", "an", "the"})
_QUANTIFIERS = frozenset({"at", "least", "more", "than", "about", "around", "some", "over"})
_QUANTITY_NOUNS = frozenset({"dozens", "hundreds", "thousands", "scores", "millions", "some"})
_MAX_WHO = 16  # tokens: "Donald Collett, 62, of Croydon, Philip Logan, 52, and Robert Huxley"
_MAX_WHAT = 9
# "after changing iconic shape", "because of higher costs": a cause (or the event before it)
_CAUSE_MARKS = frozenset({"because", "after", "amid", "over"})
_CAUSE_NOUNS = frozenset({"retaliation", "revenge", "response", "protest", "reprisal"})
_INSTRUMENT_PREPS = frozenset({"with", "using", "via", "through"})
# verbs that tell how an incident happened, not its toll ("killed", "injured")
_IMPACT_VERBS = frozenset(
    v for row in EVENT_TYPES if row.name in _MECHANISM_TYPES for v in row.verbs
) | {"flip", "topple", "tip", "plunge", "slam", "smash", "spin", "skid", "veer"}
_PATH_PREPS = frozenset({"into", "onto", "off", "over", "through"})
# verbs of a witness's account: "Croydon tram crash survivor describes 'carnage'"
_TELLING = frozenset(
    {"describe", "recall", "recount", "relive", "remember", "reveal", "say", "speak", "tell"}
)


def find_main_event(
    doc: Doc,
    events: Sequence[Event],
    entities: Sequence[Entity],
    times: Sequence[TimeExpr],
    article: Article,
) -> MainEvent | None:
    """The main event's answers, or None without events.

    Strings are taken from the text; an answer is None where the article gives none.
    """
    if not events:
        return None
    keep_article(doc, article)  # the header the answers are read from
    layout = layout_of(doc)
    headlines, lead_sents = layout.headline_spans(doc), layout.lead_spans(doc)
    names = {e.id: e for e in entities}
    headline = next((c for s in headlines if (c := find_clause(s, headline=True))), None)
    leads = [c for s in lead_sents if (c := find_clause(s, headline=False))]
    lead = leads[0] if leads else None
    told = headlines
    if leads and any(explains(s) for s in headlines):
        # "Trump meets Obama: What the body language ... tells us": the meeting is the peg,
        # the story is the analysis that the dek and the lead tell
        headline, told = None, []
    event = _event_of(headline, events, doc) or _event_of(lead, events, doc)
    if event is None:
        event = max(events, key=lambda e: (_score(e, layout), -e.span[0]))
    who = _who(headline, leads, event, names)
    what = _what(headline, lead, told, _best_mention(event, doc, layout))
    # "Croydon tram crash: Driver arrested as ...": the story is the crash, the rest news of it
    # (not when the headline goes on to tell the incident itself: "... derailment: Several dead")
    topic = next((t for s in headlines if (t := _topic_incident(s)) is not None), None)
    incident = _incident_event(topic, events) if topic is not None else None
    development = headline is not None and event.type not in INCIDENT_TYPES
    if incident is not None and topic is not None and development:
        event, what = incident, topic.text
    witnessed = _witnessed_incident(headline) if headline is not None else None
    if witnessed is not None:
        event, what = _incident_event(witnessed, events) or event, witnessed.text
    story = Story(doc, layout, events, times, article.published)
    return MainEvent(
        event=event.id,
        who=who,
        what=what,
        when=when_of(event, story, _doer_mentions(who, names)),
        where=where_of(story),
        why=_why([c for c in (headline, lead) if c is not None]),
        how=_how([c for c in (headline or lead,) if c is not None])
        or (_mechanism(lead_sents, what) if event.type in INCIDENT_TYPES else None),
    )


def _topic_incident(sent: Span) -> Span | None:
    """ "tram crash" from "Croydon tram crash: Last victims named ...": a headline's topic
    label before its colon, when the label names an incident (a crash, an attack, a fire)."""
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None:
        return None
    words = [t for t in sent.doc[sent.start : colon.i] if not (t.is_punct or t.is_space)]
    if not words or len(words) > _MAX_WHAT or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    head = words[-1]
    if head.pos_ != "NOUN" or noun_type(head.lemma_.lower()) not in INCIDENT_TYPES:
        return None
    # without the place that names it: "Croydon" is the answer to where
    first = next((t for t in words if not (t.text[:1].isupper() and t.pos_ == "PROPN")), head)
    return sent.doc[first.i : head.i + 1]


def _witnessed_incident(clause: Clause) -> Span | None:
    """ "tram crash" from "Croydon tram crash survivor describes 'carnage'": the incident a
    person of the headline's subject lived through, when the headline tells their account."""
    subject = clause.subject_span
    verb = clause.verb.lemma_.lower()
    if subject is None or not ({verb, verb.removesuffix("s")} & _TELLING):
        return None
    root = subject.root
    if root.lemma_.lower() not in PERSON_NOUNS:
        return None
    named = [
        t
        for t in subject
        if t.i < root.i and t.pos_ == "NOUN" and noun_type(t.lemma_.lower()) in INCIDENT_TYPES
    ]
    if not named:
        return None
    head = named[-1]
    # without the place that names it ("Croydon" answers where) and the article
    words = [t for t in subject.doc[subject.start : head.i + 1] if not t.is_punct]
    first = next((t for t in words if t.pos_ != "DET" and not t.text[:1].isupper()), head)
    return subject.doc[first.i : head.i + 1]


def _incident_event(topic: Span, events: Sequence[Event]) -> Event | None:
    """The event the topic label names: one of the label noun's type, first mentioned."""
    kind = noun_type(topic[-1].lemma_.lower())  # the label's last noun: "tram crash"
    typed = [e for e in events if e.type == kind and e.modality == "actual"]
    return min(typed, key=lambda e: e.span[0]) if typed else None


def _event_of(clause: Clause | None, events: Sequence[Event], doc: Doc) -> Event | None:
    """The event that has the clause's predicate among its mentions; when that one is
    untyped, a typed event with the same verb ("Fraud case ... dismissed" in the headline,
    "dismissed the fraud case" in the lead)."""
    if clause is None:
        return None
    start = clause.verb.idx
    found = next(
        (e for e in events if any(s <= start < end for s, end in e.mentions or (e.span,))), None
    )
    if found is not None and found.type != OTHER:
        return found
    lemma = clause.verb.lemma_.lower()
    for event in events:
        if event.type == OTHER:
            continue
        for s, end in event.mentions or (event.span,):
            span = doc.char_span(s, end, alignment_mode="expand")
            if span is not None and span.root.lemma_.lower() == lemma:
                return event
    return found


def _score(event: Event, layout: Layout) -> float:
    """How likely ``event`` is the story's event: typed, mentioned early and often."""
    mentions = event.mentions or (event.span,)
    score = 0.0 if not any(layout.near_top(s) for s, _ in mentions) else 1.0
    score += 1.5 if event.type != OTHER else 0.0
    score -= 2.5 if event.type in _SPEECH else 0.0
    score += min(len(mentions) - 1, 3) * 0.5
    score -= 1.0 if event.modality in {"negated", "possible"} else 0.0
    return score


def _best_mention(event: Event, doc: Doc, layout: Layout) -> Token:
    for start, end in sorted(
        event.mentions or (event.span,), key=lambda m: not layout.near_top(m[0])
    ):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return span.root
    return doc[0]


def _who(
    headline: Clause | None, leads: Sequence[Clause], event: Event, names: dict[str, Entity]
) -> str | None:
    """The doer as the text names it: the headline's subject or agent, else the lead's."""
    doers = [c for c in leads if _named_subject(c) and not c.passive]
    # the lead clause that tells the headline's event: "dismissed" -> "A judge ... dismissed"
    same = [c for c in doers if headline and c.verb.lemma_ == headline.verb.lemma_]
    doer = next(iter(same or doers), None)
    lead = next((c for c in leads if _named_subject(c)), None)
    if headline is not None:
        agent = _agent(headline)
        if agent is not None:
            return agent
        subject = headline.subject_span
        if subject is not None and _usable(subject):
            if headline.passive and doer is not None and _doer(subject) is None:
                # "Trump protest march marred by shooting": the lead says who did it
                return _subject_name(doer.subject_span or subject, names)
            return _refined(_subject_name(subject, names), leads[0] if leads else None)
    for clause in leads:
        agent = _agent(clause)
        if agent is not None:
            return agent
    if lead is not None and lead.subject_span is not None:
        return _subject_name(lead.subject_span, names)
    for p in event.participants:
        if p.role == "agent" and p.entity in names and names[p.entity].type in _WHO_TYPES:
            return names[p.entity].name
    return None


def _doer_mentions(who: str | None, names: dict[str, Entity]) -> list[tuple[int, int]]:
    """The name mentions of the people or groups the ``who`` answer names."""
    if not who:
        return []
    spans: list[tuple[int, int]] = []
    for entity in names.values():
        if entity.type not in _WHO_TYPES:
            continue
        # "Red Bull boss Christian Horner" names Christian Horner; "Clinton" alone is an alias
        # of Hillary Clinton, not a name that "Bill Clinton" shares
        named = re.search(rf"\b{re.escape(entity.name)}\b", who) is not None
        if named or who in entity.aliases:
            spans.extend(entity.mentions)
    return spans


def _named_subject(clause: Clause) -> bool:
    """A clause whose subject names people or things, not an event ("The shooting ...")."""
    subject = clause.subject_span
    if subject is None or not _usable(subject):
        return False
    root = _semantic_root(subject)
    return root.ent_type_ in _WHO_TYPES or noun_type(root.lemma_.lower()) is None


def _doer(subject: Span) -> Token | None:
    """The person or group a subject names, if any."""
    return next((t for t in subject if t.ent_type_ in _WHO_TYPES), None)


def _refined(name: str, lead: Clause | None) -> str:
    """ "FBI" -> "FBI Director James Comey" when the lead's subject is a person of it."""
    subject = lead.subject_span if lead is not None else None
    if subject is None or len(subject) > _MAX_WHO:
        return name
    # the subject's head is a person ("FBI Director James Comey"; the parser may hang "FBI"
    # apart). A name is a nominal subject: a clausal subject (csubj) is a verb, not a person
    person = subject.root.ent_type_ == "PERSON" or any(
        t.ent_type_ == "PERSON" and t.dep_ in NOMINAL_SUBJECTS for t in subject
    )
    if not person:
        return name
    if name != subject.text and re.search(rf"\b{re.escape(name)}\b", subject.text):
        return subject.text
    return name


def _agent(clause: Clause) -> str | None:
    """ "bombed in 'revenge' attack by Taliban" -> "Taliban"; "killed in Taliban raid" ->
    "Taliban": a group named after a passive predicate, or on the event noun it happened in."""
    subject = clause.subject_span
    if not clause.passive and subject is not None and _usable(subject):
        return None
    doc = clause.verb.doc
    for tok in doc[clause.verb.i + 1 : clause.limit]:
        if tok.lower_ == "by" and tok.i + 1 < clause.limit:
            obj = first_child(tok, "pobj")
            if obj is not None and (obj.ent_type_ in _WHO_TYPES or obj.pos_ == "PROPN"):
                return entity_span(obj).text
        named = tok.ent_type_ in _WHO_TYPES and tok.ent_type_ != "NORP"
        if named and tok.dep_ in {"compound", "poss", "amod"} and tok.head.pos_ == "NOUN":
            return entity_span(tok).text  # "Taliban raid"
    return None


def _semantic_root(subject: Span) -> Token:
    """ "Dozens of rescuers" -> "rescuers": the noun a quantity counts."""
    root = subject.root
    if root.pos_ == "NUM" or root.ent_type_ == "CARDINAL" or root.lower_ in _QUANTITY_NOUNS:
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"):
            obj = first_child(prep, "pobj")
            if obj is not None:
                return obj
    return root


def _usable(subject: Span) -> bool:
    """A subject that names a doer: not "it", "Seven", "At least four", "An epic Game 7"."""
    root = _semantic_root(subject)
    if root.lower_ in PRONOUN_SUBJECTS or root.pos_ in {"PRON", "NUM"}:
        return False
    if root.ent_type_ in _NOT_WHO and not any(t.ent_type_ in _WHO_TYPES for t in subject):
        return False
    words = [t for t in subject if not t.is_punct]
    return not all(
        t.pos_ in {"NUM", "ADV", "ADJ", "DET"} or t.lower_ in _QUANTIFIERS for t in words
    )


def _subject_name(subject: Span, names: dict[str, Entity]) -> str:
    """The subject's phrase, or the name it carries when it is not itself a doer:
    "Toblerone chocolate bar shape change" -> "Toblerone"; "Clinton" -> "Hillary Clinton"."""
    root = subject.root
    words = [t for t in subject if not t.is_space]
    if len(words) > _MAX_WHO:
        subject = subject.doc[words[0].i : words[0].i + _MAX_WHO]
    if root.ent_type_ == "PERSON" and any(c.dep_ == "poss" for c in root.children):
        return _full_name(entity_span(root).text, names)  # "Brazil's Massa" -> "Felipe Massa"
    if root.ent_type_ in _WHO_TYPES or root.pos_ == "PROPN" or root.dep_ == "conj":
        text = subject.text
        for ent in subject.ents:
            # "Trump and Obama meet" -> "Donald Trump and Barack Obama"
            if ent.label_ == "PERSON" and len(subject.ents) > 1:
                text = text.replace(ent.text, _full_name(ent.text, names), 1)
        return _full_name(text, names)
    # "Toblerone chocolate bar shape change" -> "Toblerone"; not "German" of "German consulate"
    named = [
        t
        for t in subject
        if t.ent_type_ in _WHO_TYPES
        and t.i < root.i
        and not (t.ent_type_ == "NORP" and t.dep_ == "amod")
    ]
    if named:
        return _full_name(entity_span(named[0]).text, names)
    return _role_holder(subject, names) or subject.text


def _role_holder(subject: Span, names: dict[str, Entity]) -> str | None:
    """ "A judge" -> "Judge Helen Okafor" when she is the one person the article calls a judge.

    Only a bare role noun with an article ("a judge", "the spokeswoman"), not a
    plural or a counted group ("two officers"), and only when exactly one person
    holds a role ending in that noun."""
    words = [t for t in subject if not t.is_punct]
    if len(words) < 2 or words[0].lower_ not in _ARTICLES:
        return None
    root = subject.root
    if root.pos_ != "NOUN" or root.tag_ != "NN" or root.i != words[-1].i:
        return None
    if any(t.pos_ not in {"DET", "ADJ", "NOUN"} for t in words):
        return None
    noun = root.lower_
    holder = role_holders(names.values()).get(noun)
    if holder is None:
        return None
    name = holder.name
    titled = f"{noun.capitalize()} {name}"  # "Judge Helen Okafor" where the text says so
    return titled if titled in doc_text(subject.doc) else name


def _full_name(text: str, names: dict[str, Entity]) -> str:
    """ "Trump" -> "Donald Trump" when the article names him in full."""
    for entity in names.values():
        if entity.type != "PERSON" or len(entity.name) <= len(text):
            continue
        if text in entity.aliases or (" " not in text and entity.name.endswith(" " + text)):
            return entity.name
    return text


def _what(
    headline: Clause | None, lead: Clause | None, headlines: Sequence[Span], token: Token
) -> str:
    """The predicate: "attacks German consulate", "Fraud case against Ohio senator dismissed"."""
    if headline is not None:
        return _clip(headline.predicate())
    for sent in headlines:
        phrase = verbless_phrase(sent)
        if phrase is not None:
            return _clip(phrase)
    if lead is not None:
        return _clip(lead.predicate())
    return _clip(token.doc[token.left_edge.i : token.i + 1])


def _clip(span: Span) -> str:
    words = [t for t in span if not t.is_space]
    if len(words) > _MAX_WHAT:
        words = words[:_MAX_WHAT]
    while len(words) > 1 and words[-1].is_punct and words[-1].text not in {"'", '"', "’", "”"}:
        words.pop()
    if not words:
        return span.text.strip()
    return span.doc[words[0].i : words[-1].i + 1].text


def _why(clauses: Sequence[Clause]) -> str | None:
    """A cause or purpose after the predicate: "after changing iconic shape", "because he
    CLEARED her ...", "in retaliation for Nato airstrikes", "to make them lighter"."""
    for clause in clauses:
        doc = clause.verb.doc
        end = _clause_end(clause)
        seen_object = False
        for tok in doc[clause.verb.i + 1 : end]:
            lower = tok.lower_
            if lower in _CAUSE_MARKS or (
                lower == "due" and tok.i + 1 < end and doc[tok.i + 1].lower_ == "to"
            ):
                return _phrase_from(tok, end)
            if lower in _CAUSE_NOUNS and tok.i > 0 and doc[tok.i - 1].lower_ == "in":
                return _phrase_from(doc[tok.i - 1], end)
            if lower == "to" and tok.pos_ == "PART" and seen_object and tok.head.pos_ == "VERB":
                return _phrase_from(tok, end)
            seen_object = seen_object or tok.pos_ in {"NOUN", "PROPN", "PRON"}
    return None


def _how(clauses: Sequence[Clause]) -> str | None:
    """The means: "with truck bomb", "by storming home into third place", "narrowly"."""
    for clause in clauses:
        doc = clause.verb.doc
        end = _clause_end(clause)
        before = doc[clause.verb.i - 1] if clause.verb.i > 0 else None
        if before is not None and before.dep_ == "advmod" and before.lower_.endswith("ly"):
            return f"{before.text} {clause.verb.text}"
        for tok in doc[clause.verb.i + 1 : end]:
            if (
                tok.lower_ in _INSTRUMENT_PREPS
                and tok.dep_ == "prep"
                and tok.head.i == clause.verb.i
            ):
                obj = first_child(tok, "pobj")
                if obj is not None and obj.ent_type_ not in _WHO_TYPES | {"DATE", "TIME"}:
                    return _phrase_from(tok, end)  # "with truck bomb", not "with Obama"
            if tok.lower_ == "by" and tok.i + 1 < end and doc[tok.i + 1].tag_ == "VBG":
                return _phrase_from(tok, end)
    return None


def _mechanism(lead: Sequence[Span], what: str) -> str | None:
    """How an incident happened, as the lead tells it with a verb of impact that the "what"
    does not already use: "derailed and overturned", "rammed into the high outer wall"."""
    said = {w.lower() for w in re.findall(r"\w+", what)}
    for sent in lead:
        for tok in sent:
            if not _impact(tok):
                continue
            if tok.lower_ in said or (tok.dep_ == "conj" and _impact(tok.head)):
                continue
            last = tok
            for conj in (c for c in tok.children if c.dep_ == "conj" and _impact(c)):
                last = conj  # "derailed and overturned", not "crashed ... and killed"
            end = last.i + 1
            doc = tok.doc
            if end < sent.end and doc[end].lower_ in _PATH_PREPS:
                obj = first_child(doc[end], "pobj")
                if obj is not None:
                    end = obj.i + 1  # "rammed into the high outer wall"
            return _clip(doc[tok.i : end])
    return None


def _impact(tok: Token) -> bool:
    """A verb of impact that narrates ("rammed", "overturns"), not a side act ("burning a car")."""
    finite = tok.tag_ in {"VBD", "VBN", "VBZ", "VBP"}
    return tok.pos_ == "VERB" and finite and tok.lemma_.lower() in _IMPACT_VERBS


def _clause_end(clause: Clause) -> int:
    return min(clause.limit, clause.verb.sent.end)


def _phrase_from(tok: Token, end: int) -> str | None:
    """From ``tok`` to the next comma or colon, at most ``_MAX_WHAT`` words."""
    doc = tok.doc
    stop = tok.i + 1
    while (
        stop < end
        and doc[stop].text not in {",", ":", ";", "—", "–", "|"}
        and not doc[stop].is_space
    ):
        stop += 1
    phrase = _clip(doc[tok.i : stop])
    return phrase if len(phrase.split()) > 1 else None
