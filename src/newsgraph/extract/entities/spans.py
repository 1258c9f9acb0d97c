"""Document-level fixes to the model's named-entity spans.

The small English model tags sentence by sentence and makes errors a news
reader never would: Title Case headlines become ORGs, a surname is a GPE in
one sentence and a PERSON in the next, "the" and "'s" stick to names.
``refine_ents`` reads the whole document once and repairs those.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from spacy.attrs import DEP, POS
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsgraph.extract.entities.refiner import refine_names
from newsgraph.extract.lexicon.names import CORPORATE_SUFFIXES, NOT_PERSON_LABELS
from newsgraph.extract.lexicon.people import (
    FEMALE_FIRST_NAMES,
    HONORIFICS,
    MALE_FIRST_NAMES,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from newsgraph.extract.lexicon.places import COUNTRIES, DEMONYMS, LOCATIVE_PREPS
from newsgraph.extract.lexicon.words import NAME_ADJECTIVES, adjectives_only, describes
from newsgraph.nlp.doc import positions_among
from newsgraph.nlp.layout import Layout, dateline_follows, layout_of, line_start

# Labels that name things; numbers, dates and amounts are handled elsewhere.
NAME_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "NORP",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "PRODUCT",
        "LANGUAGE",
    }
)

# labels the model gives a capitalised adjective swallowed with the name after it
_ADJECTIVE_PRONE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
FIRST_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES
# verbs and nouns of comparing: "compared X to Y", "a comparison with Y"
_COMPARING = frozenset({"compare", "liken", "equate", "comparison", "analogy"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[-'’.])*")


def refine_ents(doc: Doc, *, learned: bool = True) -> list[Span]:
    """The model's entities, repaired with document-level evidence.

    Returns non-overlapping spans sorted by position; assign them to
    ``doc.ents``. Headline-like lines (ALL CAPS or Title Case) keep only names
    that the body also uses; a string keeps one label across the document;
    unlabelled repeats of a known name get its label. With ``learned`` (the default) the
    entity refiner (``refiner``) has the last word on which stretches are names and of
    what kind; ``learned=False`` gives the rules' spans alone.
    """
    layout = layout_of(doc)
    headline = layout.headline_flags(len(doc))
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            spans.append(ent)
            continue
        trimmed = _trim(ent)
        if trimmed is None:
            continue
        if headline[trimmed.start] and not _is_dateline(trimmed):
            continue  # re-found below if the body names it too
        relabel = NOT_PERSON_LABELS.get(trimmed.text.lower())
        if trimmed.label_ == "PERSON" and relabel:
            trimmed = Span(doc, trimmed.start, trimmed.end, label=relabel)  # "Twitter"
        spans.append(trimmed)
    spans.extend(Span(doc, start, end, label="GPE") for start, end in layout.dateline_places)
    spans.extend(_unnamed_people(doc, headline))
    spans = [_person_by_context(s) for s in filter_spans(spans)]
    spans = _consistent_labels(doc, spans, _dateline_names(doc, layout))
    spans = _propagate(doc, spans, headline)
    spans = sorted(filter_spans(spans), key=lambda s: s.start)
    if learned:
        spans = refine_names(doc, spans)
    return _without_comparison_figures(spans)


def _without_comparison_figures(spans: list[Span]) -> list[Span]:
    """Drop the people named only as what someone is compared to: "compared the prosecutor
    to Captain Ahab", "likened him to Nero". They are figures of speech, not people of
    the story; a person the article names anywhere else stays."""
    figures = [s for s in spans if s.label_ == "PERSON" and _compared_to(s)]
    if not figures:
        return spans
    words = Counter(t.lower_ for s in spans if s.label_ == "PERSON" for t in s if t.is_alpha)
    dropped = {id(s) for s in figures if all(words[t.lower_] == 1 for t in s if t.is_alpha)}
    return [s for s in spans if id(s) not in dropped]


def _compared_to(span: Span) -> bool:
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in {"to", "with"}:
        return False
    return prep.head.lemma_.lower() in _COMPARING


def _trim(ent: Span) -> Span | None:
    """Drop what is not part of a name: "the", titles, honorifics, "'s", line breaks."""
    doc = ent.doc
    start, end = ent.start, ent.end
    # a name never crosses a line break: keep the part before it
    for i in range(start, end):
        if doc[i].is_space or "\n" in doc[i].text:
            end = i
            break
    while start < end and (
        doc[start].is_punct or (doc[start].lower_ == "the" and doc[start].text == "the")
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in _POSSESSIVE
        or (doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"})
    ):
        end -= 1
    if ent.label_ in _ADJECTIVE_PRONE and start < end and _opening_adjective(doc[start]):
        # "Outspoken Denver attorney Marcus Bell": the sentence's first word is an adjective.
        # The model's label was for both words: with one word left it is a guess
        # ("Denver" as a PERSON), and a repeat elsewhere labels it again (_propagate)
        if end - start <= 2:
            return None
        start += 1
    if ent.label_ == "PERSON":
        # scraped pages: "9 Ben Zobrist", "Ben Morgan 8/8 Witnesses", "pic.twitter.com/x"
        while start < end and not _name_like(doc[start]):
            start += 1
        for i in range(start, end):
            if not _name_like(doc[i]):
                end = i
                break
        if end - start == 1 and not doc[start].text[:1].isupper():
            return None  # "mindthegap": a hashtag or handle, not a name
        while end - start > 1 and _is_title_token(doc[start]):
            start += 1
        if all(_is_title_token(t) or t.text == "." for t in doc[start:end]):
            return None  # "Sgt." alone: a title, the name follows ("Sgt. Luis Romero")
    label = ent.label_
    if label in _ADJECTIVE_PRONE and _role_then_name(doc, start, end):
        # "Cinematographer Mara Lindqvist, 41,": the role opens the sentence, a person follows
        start, label = start + 1, "PERSON"
    if end <= start:
        return None
    if start == ent.start and end == ent.end and label == ent.label_:
        return ent
    return Span(doc, start, end, label=label)


def _role_then_name(doc: Doc, start: int, end: int) -> bool:
    """A glued role word, then a given name and a surname ("Smith-Reed" is one)."""
    if end - start < 3 or not is_glued_role(doc[start]):
        return False
    rest = doc[start + 1 : end]
    words = [t for t in rest if t.text != "-"]
    return len(words) == 2 and all(_name_like(t) and t.text[:1].isupper() for t in words)


def is_glued_role(tok: Token) -> bool:
    """A capitalised role noun opening a sentence in front of a name, which the model takes
    for part of it: "Cinematographer" in "Cinematographer Mara Lindqvist died".

    A role noun of the lexicon, or a word the article also writes in lower case as a noun
    ("a cinematographer was killed"); never a known first name, and a name must follow.
    """
    doc = tok.doc
    if not (tok.i == 0 or tok.is_sent_start or "\n" in doc[tok.i - 1].text_with_ws):
        return False
    text, lower = tok.text, tok.lower_
    if not (text[:1].isupper() and text[1:].islower()) or lower in FIRST_NAMES:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or not nxt.text[:1].isupper():
        return False
    if lower in ROLE_NOUNS:
        return True
    return any(t.text == lower and t.pos_ == "NOUN" for t in doc)


def _opening_adjective(tok: Token) -> bool:
    """A capitalised word opening a sentence or line that is an adjective, never a noun
    or a name: "Combative", "Outspoken", "Fiery" (not "Young", "Islamic", "Sunny" when
    the article also writes it capitalised inside a sentence)."""
    doc = tok.doc
    if not (tok.i == 0 or tok.is_sent_start or "\n" in doc[tok.i - 1].text_with_ws):
        return False
    text = tok.text
    if not (text[:1].isupper() and text[1:].islower()):
        return False
    lower = tok.lower_
    if lower not in adjectives_only() or not describes(lower) or lower in FIRST_NAMES:
        return False
    if lower in NAME_ADJECTIVES:
        return False  # "New Zealand", "United Nations"
    # the article's own evidence: the word capitalised where no sentence starts is a name
    return not any(
        t.text == text and t.i > 0 and not t.is_sent_start and "\n" not in doc[t.i - 1].text
        for t in doc
    )


def _name_like(tok: Token) -> bool:
    """A token that can be part of a person's name: letters (with hyphens, apostrophes and
    the full stop of an initial), not a digit, slash, bracket, "@" or web address."""
    text = tok.text
    if tok.is_punct and text not in {"'", "’"}:
        return text in {".", "-"}  # "J. R. Smith", "Jean - Luc" as the tokenizer splits it
    return _NAME_TOKEN.fullmatch(text) is not None


def _person_by_context(span: Span) -> Span:
    """A name the model typed ORG/GPE/NORP that the sentence shows to be a person.

    "Brennan's sister, Olena Kravets" (apposition with a kin or role noun),
    "Mr. Kravets" (honorific), "attorney Kravets" (role noun before the name).
    """
    if span.label_ not in {"ORG", "GPE", "NORP", "LOC", "FAC"}:
        return span
    if span[-1].lower_ in CORPORATE_SUFFIXES or not all(t.text[:1].isupper() for t in span):
        return span
    doc = span.doc
    root = span.root
    prev = doc[span.start - 1] if span.start else None
    person = (
        (prev is not None and _is_honorific(prev))
        or (
            prev is not None
            and _is_role_noun(prev)
            and prev.dep_ == "compound"
            and prev.head.i >= span.start
        )
        or (root.dep_ == "appos" and _is_role_noun(root.head))
        or any(c.dep_ == "appos" and _is_role_noun(c) for c in root.children)
    )
    return Span(doc, span.start, span.end, label="PERSON") if person else span


def _unnamed_people(doc: Doc, headline: Sequence[bool]) -> Iterator[Span]:
    """Names the model missed where a role noun vouches for them.

    "Whitaker's deputy, Ana Ruiz" -> PERSON "Ana Ruiz" (apposition of a role noun).
    """
    appos, propn = doc.vocab.strings["appos"], doc.vocab.strings["PROPN"]
    tags = doc.to_array([DEP, POS])
    for i in ((tags[:, 0] == appos) & (tags[:, 1] == propn)).nonzero()[0]:
        tok = doc[int(i)]
        if tok.ent_type_ or headline[tok.i]:
            continue
        if not _is_role_noun(tok.head):
            continue
        start = tok.i
        while (
            start > 0
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].head.i == tok.i
            and not doc[start - 1].ent_type_
        ):
            start -= 1
        if all(t.text[:1].isupper() for t in doc[start : tok.i + 1]):
            yield Span(doc, start, tok.i + 1, label="PERSON")


def _is_honorific(tok: Token) -> bool:
    return tok.lower_.rstrip(".") in HONORIFICS and tok.text[:1].isupper()


def _is_role_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lower_ in ROLE_NOUNS


def _is_place_context(doc: Doc, i: int) -> bool:
    """Does the token before ``i`` make a bare name a place ("in Whitfield"; not "according to")?"""
    if i == 0 or doc[i - 1].lower_ not in LOCATIVE_PREPS:
        return False
    return not (doc[i - 1].lower_ == "to" and i > 1 and doc[i - 2].lower_ == "according")


def _is_title_token(tok: Token) -> bool:
    low = tok.lower_
    return low.rstrip(".") in HONORIFICS or low in TITLE_WORDS


def _is_dateline(span: Span) -> bool:
    """ "WASHINGTON" in "WASHINGTON (Reuters) -" on a headline-like line: a place, kept."""
    return (
        span.label_ == "GPE"
        and span.start == line_start(span.doc, span.start)
        and span.end < len(span.doc)
        and dateline_follows(span.doc, span.end)
    )


def _dateline_names(doc: Doc, layout: Layout) -> frozenset[str]:
    """The places of the dateline, lower case: "santa fe" for "SANTA FE, N.M. -"."""
    return frozenset(doc[start:end].text.lower() for start, end in layout.dateline_places)


def _consistent_labels(
    doc: Doc, spans: Sequence[Span], places: frozenset[str] = frozenset()
) -> list[Span]:
    """One label per name string: the majority, and PERSON for part of a known person's name.

    "Whitfield" tagged GPE where "Dana Whitfield" is named; "Wang" tagged ORG
    where "Wang Donghai" is. A name the dateline gives as a place is a place wherever
    the model made it an ORG or LOC ("SANTA FE, N.M. -", then "outside Santa Fe").
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    name_parts: set[str] = set()
    surnames: set[tuple[str, ...]] = set()  # the last words of people's names, as words
    for span in spans:
        if span.label_ in NAME_LABELS:
            votes[span.text][span.label_] += 1
            if span.label_ == "PERSON" and len(span) > 1:
                name_parts.update(t.text for t in span if len(t.text) > 2 and t.is_alpha)
                words = tuple(t.text for t in span if t.is_alpha)
                surnames.update(words[k:] for k in range(1, len(words)))
    out = []
    for span in spans:
        label = span.label_
        if label in NAME_LABELS:
            if label != "PERSON" and _surname_of_person(span, name_parts, surnames):
                if not _is_place_context(doc, span.start):
                    label = "PERSON"
            elif label in {"ORG", "LOC", "FAC"} and span.text.lower() in places:
                label = "GPE"
            else:
                best, best_n = votes[span.text].most_common(1)[0]
                if best != label and best_n > votes[span.text][label]:
                    label = best
        out.append(span if label == span.label_ else Span(doc, span.start, span.end, label=label))
    return out


def _surname_of_person(span: Span, name_parts: set[str], surnames: set[tuple[str, ...]]) -> bool:
    """Is the span (all of it) the surname of a person the document names in full?

    "Whitfield" for "Dana Whitfield"; "Smith-Reed" or "Smith Reed" for "Laura Smith-Reed";
    "Smith-Reed" for the "Laura Smith" named with the first part of her double surname.
    """
    if len(span) == 1:
        return span.text in name_parts
    words = tuple(t.text for t in span if t.is_alpha)
    if not 1 <= len(words) <= 2 or not all(t.is_alpha or t.text == "-" for t in span):
        return False
    if words in surnames:
        return True
    hyphenated = any(t.text == "-" for t in span)
    return hyphenated and len(words) == 2 and (words[0],) in surnames


def _propagate(doc: Doc, spans: list[Span], headline: Sequence[bool]) -> list[Span]:
    """Label unlabelled repeats of names the body already tagged (and surnames of people).

    In headline lines the match ignores case: "ELLISON" is "Ellison".
    """
    known: dict[tuple[str, ...], str] = {}
    for span in spans:
        if span.label_ not in NAME_LABELS or headline[span.start]:
            continue
        known.setdefault(tuple(t.text for t in span), span.label_)
        if span.label_ == "PERSON" and len(span) > 1:
            known.setdefault((span[-1].text,), "PERSON")
    # general knowledge last: the document's own labels win ("Jordan" the person)
    for name in COUNTRIES:
        known.setdefault(tuple(name.split()), "GPE")
    for name in DEMONYMS:
        known.setdefault((name,), "NORP")
    lowered: dict[tuple[str, ...], str] = {}
    for key, label in known.items():
        lowered.setdefault(tuple(w.lower() for w in key), label)
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in lowered:
        by_first[key[0]].append(key)
    for keys in by_first.values():
        keys.sort(key=len, reverse=True)

    taken = [False] * len(doc)
    for span in spans:
        taken[span.start : span.end] = [True] * len(span)
    added: list[Span] = []
    # only tokens that can start a known name are visited (one array scan finds them)
    starts = positions_among(doc, by_first)
    skip_to = 0
    for i in starts:
        tok = doc[i]
        if i < skip_to or taken[i] or not tok.text[:1].isupper():
            continue
        matched = 0
        for key in by_first[tok.lower_]:
            end = i + len(key)
            if end > len(doc) or any(taken[i:end]):
                continue
            words = doc[i:end]
            if headline[i]:
                ok = tuple(t.lower_ for t in words) == key
                label = lowered[key]
            else:
                exact = tuple(t.text for t in words)
                ok = exact in known
                label = known.get(exact, "")
            if ok:
                added.append(Span(doc, i, end, label=label))
                matched = len(key)
                break
        skip_to = i + matched
    return spans + added
