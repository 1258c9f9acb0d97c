"""The clause that states an article's main event: its predicate, subject and phrases.

Headlines are telegraphic and the parser often reads their verbs as nouns
("Lady Gaga protests outside Trump Tower": "protests" a noun). ``find_clause``
finds the predicate of a headline or lead sentence, repairing such verbs from
a small lexicon of headline verbs, and ``Clause`` reads the answers' phrases
off token positions, which survive a wrong tree better than subtrees do.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.extract.events.types import EVENT_TYPES
from newsgraph.extract.lexicon.people import PRONOUN_SUBJECTS
from newsgraph.extract.lexicon.places import HEADLINE_PLACE_PREPS
from newsgraph.extract.syntax import SUBJECTS

# Verbs that headlines use in the present tense and the tagger reads as plural nouns.
_HEADLINE_VERBS = frozenset(
    """
    admit alter back ban beat blame block call claim clash condemn confirm crash criticise
    criticize cut defend defy demand deny derail describe dismiss drop end face fail fall
    fear file find fire flee hail halt hand hit hold hunt identify lead leave lift mark meet name
    order overturn pay plan pledge praise probe protest push quit rally reach reject remove
    reveal rise rule sack score seal seize shut slam spark split stage strike sue surge
    take threaten top upset urge vow warn win withdraw
    """.split()
) | frozenset(v for row in EVENT_TYPES for v in row.verbs)
# clause-linking words that end a predicate phrase: "... derails after 'speeding'"
_STOP_WORDS = frozenset(
    {"as", "after", "before", "because", "while", "when", "since", "despite", "amid", "following",
     "until", "ahead", "but", "although", "though", "if", "where", "which", "who", "says", "say"}
)  # fmt: skip
_STOP_PUNCT = frozenset({",", ":", ";", "—", "–", "-", "--", "...", "|", "(", ")", "?", "!"})
_QUOTES = frozenset({"'", '"', "‘", "’", "“", "”", "`", "``", "''"})
# prepositions that attach a second argument to the predicate: "blames loss on Comey"
_ARGUMENT_PREPS = frozenset(
    {"on", "with", "to", "into", "for", "against", "of", "over", "among", "between", "from"}
)
_MAX_WORDS = 9
_EXPLAINER_WORDS = frozenset({"what", "why", "how", "who"})


@dataclass(frozen=True, slots=True)
class Clause:
    """A predicate and its subject, as token indices into one ``Doc``.

    ``verb`` is the predicate head (possibly a token the tagger called a noun);
    ``subject`` the subject phrase's ``(start, end)`` token range, or None;
    ``limit`` the token index the predicate phrase may not reach (the end of
    its headline segment or sentence). ``passive`` covers "bombed", "killed"
    and copular predicates ("Fans Are Outraged").
    """

    verb: Token
    subject: tuple[int, int] | None
    limit: int
    passive: bool
    verbal: bool = True

    @property
    def subject_span(self) -> Span | None:
        if self.subject is None:
            return None
        return self.verb.doc[self.subject[0] : self.subject[1]]

    def predicate(self) -> Span:
        """ "stages protest", "blames loss on FBI's James Comey", "German consulate ... bombed"."""
        doc = self.verb.doc
        start = self.verb.i
        # "even stuns", "narrowly avoids", "are trying": adverbs and auxiliaries just before
        while start - 1 >= 0 and doc[start - 1].dep_ in {"advmod", "aux", "auxpass", "neg"}:
            if doc[start - 1].is_punct or doc[start - 1].i < (self.subject or (0, 0))[1]:
                break
            start -= 1
        if self.subject is not None and self._subject_in_what():
            start = self.subject[0]
        end = _predicate_end(self.verb, self.limit, stop_at_prep=start < self.verb.i - 1)
        return doc[start:end]

    def _subject_in_what(self) -> bool:
        # "German consulate bombed", "Seven killed", "tram derails", "Fans Are Outraged"
        span = self.subject_span
        if span is None or not self.verbal:
            return False
        if self.passive:
            return True
        after = [t for t in self.verb.doc[self.verb.i + 1 : self.limit] if not t.is_punct]
        # "tram derails after ...", "tram overturns in London"; not "Sister ... Calls for ..."
        intransitive = (
            not after or after[0].lower_ in _STOP_WORDS or after[0].lower_ in HEADLINE_PLACE_PREPS
        )
        head = span.root
        common = head.pos_ in {"NOUN", "NUM"} and not head.ent_type_
        return intransitive and common and not (after and after[0].dep_ == "prt")


def find_clause(sent: Span, *, headline: bool) -> Clause | None:
    """The main predicate of a headline (or lead sentence) and its subject.

    A headline is split at colons; quoted words, verbs of subordinate clauses
    ("... as Donald is elected") and pronoun subjects are passed over
    ("'I BLAME COMEY' Clinton blames ..." -> "blames").
    """
    segments = _segments(sent) if headline else [sent]
    fallback: Clause | None = None
    for seg in segments:
        for clause in _segment_clauses(seg, headline=headline):
            subject = clause.subject_span
            if subject is not None and subject.root.lower_ not in PRONOUN_SUBJECTS:
                return clause
            fallback = fallback or clause
    return fallback


def verbless_phrase(sent: Span) -> Span | None:
    """A headline without a verb as its own "what": "Several dead and dozens injured" from
    "Several dead and dozens injured after tram overturns in London"."""
    for seg in _segments(sent)[-1:]:
        end = seg.start
        for tok in seg:
            if tok.lower_ in _STOP_WORDS or _stop_punct(tok) or tok.lower_ in HEADLINE_PLACE_PREPS:
                break
            end = tok.i + 1
        words = [t for t in seg.doc[seg.start : end] if not (t.is_punct or t.is_space)]
        if any(t.lower_ == "to" and t.pos_ == "PART" for t in words):
            continue  # "Race to reach boy trapped": a clause, the lead says it better
        if len(words) >= 2:
            return seg.doc[words[0].i : words[-1].i + 1]
    return None


def explains(sent: Span) -> bool:
    """A headline that pairs a news peg with an explainer: "Smith meets Jones: What their
    handshake tells us", "... | Why it matters". The article is the explanation."""
    segments = _segments(sent)
    return len(segments) > 1 and any(
        seg[0].lower_ in _EXPLAINER_WORDS and seg[0].tag_ in {"WP", "WRB"} for seg in segments[1:]
    )


def _segments(sent: Span) -> list[Span]:
    """Headline parts between colons, without a quoted part ("... : 'Baseball will never ...'")."""
    doc = sent.doc
    parts: list[Span] = []
    start = sent.start
    for tok in sent:
        if tok.text in {":", "|"} or (tok.text in {"-", "–", "—"} and tok.whitespace_):
            parts.append(doc[start : tok.i])
            start = tok.i + 1
    parts.append(doc[start : sent.end])
    kept = []
    for part in parts:
        words = [t for t in part if not t.is_space]
        if not words:
            continue
        if words[0].text in _QUOTES and words[-1].text in _QUOTES:
            continue  # a quotation as the headline's second half
        kept.append(doc[words[0].i : words[-1].i + 1])
    return kept


def _segment_clauses(seg: Span, *, headline: bool) -> list[Clause]:
    quoted = _quoted(seg)
    subordinate = _subordinate(seg) if headline else set()
    verbs = [
        t
        for t in sorted(seg, key=lambda t: t.i in quoted)
        if t.pos_ in {"VERB", "AUX"}
        and t.i not in subordinate
        and (t.dep_ == "ROOT" or t.head.i < seg.start or t.head.i >= seg.end or _has_subject(t))
        and (t.tag_ != "VBG" or any(c.dep_ == "aux" for c in t.children))
    ]
    repaired = _repaired_verb(seg, quoted | subordinate) if headline else None
    if verbs and verbs[0].i in quoted and repaired is None:
        repaired = None
    if repaired is not None and (not verbs or _repair_wins(repaired, verbs[0])):
        return [Clause(repaired, _span_before(seg, repaired), seg.end, passive=False)]
    if not verbs and headline:
        participle = _participle(seg, quoted | subordinate)
        verbs = [participle] if participle is not None else []
    return [
        Clause(v, _subject_range(v, seg), seg.end, passive=_passive(v) or _headline_passive(v))
        if headline
        else Clause(v, _subject_range(v, seg), seg.end, passive=_passive(v))
        for v in verbs
    ]


def _headline_passive(verb: Token) -> bool:
    """ "Fraud case against Ohio senator dismissed": a headline drops the "was"."""
    if verb.tag_ not in {"VBD", "VBN"} or verb.lemma_.lower() not in _HEADLINE_VERBS:
        return False
    return not any(c.dep_ in {"aux", "dobj", "dative", "ccomp", "xcomp"} for c in verb.children)


def _repair_wins(repaired: Token, verb: Token) -> bool:
    """ "Lady Gaga stages protest" (the parser's verb "protest" has "stages" as subject),
    "Trump slams 'rigged' FBI and claims it is ..." ("is" hangs under "slams")."""
    if repaired.i > verb.i:
        return False
    inside = repaired.i in {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
    below = verb.i in {t.i for t in repaired.subtree}
    return inside or below or not _has_subject(verb)


def _subordinate(seg: Span) -> set[int]:
    """Tokens from a clause-linking word on: "... as Donald is elected", "... after tram ..."."""
    for tok in seg:
        if tok.lower_ in _STOP_WORDS and tok.i > seg.start and tok.pos_ in {"SCONJ", "ADP"}:
            return set(range(tok.i, seg.end))
    return set()


def _quoted(seg: Span) -> set[int]:
    inside: set[int] = set()
    opened: int | None = None
    doc = seg.doc
    for tok in seg:
        possessive = tok.text in {"'", "’"} and tok.i > 0 and not doc[tok.i - 1].whitespace_
        if tok.text in _QUOTES and not (possessive and doc[tok.i - 1].lower_.endswith("s")):
            if opened is None:
                opened = tok.i
            else:
                inside.update(range(opened, tok.i + 1))
                opened = None
    return inside


def _has_subject(tok: Token, exclude: Token | None = None) -> bool:
    skip = exclude.i if exclude is not None else -1
    return any(c.dep_ in SUBJECTS and c.i != skip for c in tok.children)


def _repaired_verb(seg: Span, quoted: set[int]) -> Token | None:
    """A headline verb tagged as a noun: "Gaga protests outside", "Trump slams 'rigged' FBI",
    "change upsets fans", "Toblerone Alters Shape"; "Murray and Obama lead celebrations"."""
    doc = seg.doc
    words = [t for t in seg if t.is_alpha and len(t) > 3]
    title_case = len(words) >= 3 and all(t.text[0].isupper() for t in words)
    for tok in seg:
        if tok.i == seg.start or tok.i + 1 >= seg.end or tok.i in quoted:
            continue
        if tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
        if prev.pos_ not in {"NOUN", "PROPN"} or prev.is_punct:
            continue
        swallowed = nxt.pos_ == "VERB" and tok.head.i == nxt.i and tok.dep_ in SUBJECTS
        # "Lady Gaga stages protest": the parser made "stages" the subject of "protest"
        if nxt.pos_ not in {"ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON", "PUNCT"} and (
            not swallowed
        ):
            continue
        lower = tok.lower_
        stems = [lower[:-1], lower[:-2]] if lower.endswith("s") else []
        if any(s in _HEADLINE_VERBS for s in stems):
            return tok
        if title_case and lower in _HEADLINE_VERBS:
            return tok  # "Taliban Strike German Consulate"
        name_before = prev.pos_ == "PROPN" or prev.text[:1].isupper()
        object_next = nxt.pos_ in {"DET", "ADP", "ADJ", "PUNCT"} or (
            nxt.text.islower() and nxt.pos_ == "NOUN"
        )
        plain = stems and tok.text.islower() and not lower.endswith("ss")
        if plain and name_before and object_next:
            return tok  # "Trump cries foul", "Trump lands in Washington"
        plural_subject = any(t.lower_ == "and" for t in doc[seg.start : tok.i])
        if plural_subject and lower in _HEADLINE_VERBS and prev.pos_ == "PROPN":
            return tok
    return None


def _participle(seg: Span, quoted: set[int]) -> Token | None:
    """ "Brazil GP red-flagged after ...", "Last victims named as ...", "Seven killed as ..."."""
    for tok in seg:
        if tok.i in quoted:
            continue
        if tok.pos_ in {"VERB", "AUX", "PART", "CCONJ"} and not tok.lower_.endswith("ed"):
            return None  # "Race to reach boy trapped", "Several dead and dozens injured"
        participle = tok.tag_ == "VBN" or (
            tok.lower_.endswith("ed") and tok.pos_ in {"ADJ", "VERB"}
        )
        if participle and tok.i > seg.start:
            return tok
    return None


def _passive(verb: Token) -> bool:
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True
    if verb.pos_ == "AUX" and any(c.dep_ in {"acomp", "attr"} for c in verb.children):
        return True  # "Fans Are Outraged"
    has_aux = any(c.dep_ == "aux" for c in verb.children)
    return verb.tag_ == "VBN" and not has_aux and not any(c.dep_ == "dobj" for c in verb.children)


def _subject_range(verb: Token, seg: Span) -> tuple[int, int] | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:
        # the subject nearest the verb: not "COLUMBUS" in "COLUMBUS, Ohio — A judge ... dismissed"
        before = [c for c in subjects if c.i < verb.i]
        return _np_range(before[-1] if before else subjects[0], seg)
    if verb.dep_ in {"acl", "relcl", "amod"} and verb.head.i < verb.i:
        return _np_range(verb.head, seg)  # "Seven killed", "Police identify" under a noun root
    span = _span_before(seg, verb)
    return span


def _span_before(seg: Span, verb: Token) -> tuple[int, int] | None:
    doc = seg.doc
    words = [t for t in doc[seg.start : verb.i] if not (t.is_punct or t.is_space)]
    if not words:
        return None
    # "President Donald Trump: Lady Gaga" is split already; drop a leading "After" clause
    return (words[0].i, words[-1].i + 1)


def _np_range(head: Token, seg: Span) -> tuple[int, int]:
    """The noun phrase of ``head`` without relative clauses and locative or time phrases:
    "Dozens of rescuers" from "Dozens of rescuers in China"; conjuncts and titles kept."""
    keep = [head.i]
    for child in head.children:
        if child.dep_ in {"relcl", "acl", "punct", "advcl"} and child.i > head.i:
            continue
        if child.dep_ == "prep" and child.lower_ != "of":
            continue
        keep.extend(t.i for t in child.subtree)
    start, end = min(keep), max(keep) + 1
    start, end = max(start, seg.start), min(end, seg.end)
    doc = head.doc
    # "FBI | Director James Comey said": a name the sentence splitter cut off
    while start > seg.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_:
        start -= 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return (start, end)


def _hyphened(tok: Token) -> bool:
    """Part of "108-year" or "90-minute": a modifier, not a time phrase."""
    doc = tok.doc
    near = doc[max(tok.i - 2, 0) : tok.i + 3]
    return any(t.text == "-" and not t.whitespace_ for t in near)


def _stop_punct(tok: Token) -> bool:
    """A punctuation mark between phrases, not the hyphen of "108-year" or "90-minute"."""
    if tok.text in {"-", "–"} and not tok.whitespace_:
        return tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
    return tok.text in _STOP_PUNCT


def _predicate_end(verb: Token, limit: int, *, stop_at_prep: bool = False) -> int:
    """The end of the predicate phrase: the verb, its object and one argument phrase.

    "attacks German consulate | in northern Afghan city ...", "meets with Obama | at the
    White House", "increase the gaps between the bar's iconic peaks | to make them lighter".
    """
    doc = verb.doc
    end = verb.i + 1
    has_object = False
    has_prep = False
    words = 1
    i = verb.i + 1
    while i < limit and words < _MAX_WORDS:
        tok = doc[i]
        if tok.is_space or _stop_punct(tok) or tok.lower_ in _STOP_WORDS:
            break
        if tok.pos_ == "CCONJ" and (has_object or has_prep):
            break
        if tok.lower_ == "to" and tok.pos_ == "PART" and has_object:
            break  # "... peaks to make them lighter": a purpose clause
        if (tok.pos_ == "ADP" or tok.dep_ == "prep") and stop_at_prep and tok.dep_ != "prt":
            break  # "German consulate in Afghanistan bombed | in 'revenge' attack"
        if tok.pos_ == "ADP" or tok.dep_ == "prep":
            place = tok.lower_ in HEADLINE_PLACE_PREPS
            if (has_object and (place or has_prep)) or (has_prep and not has_object):
                break
            if has_object and tok.lower_ not in _ARGUMENT_PREPS and not place:
                break
            has_prep = True
        elif tok.ent_type_ in {"DATE", "TIME"} and tok.i > verb.i + 1 and not _hyphened(tok):
            break
        elif tok.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "ADJ"} and not has_prep:
            has_object = True
        if not tok.is_punct or tok.text in _QUOTES:
            words += 0 if tok.is_punct else 1
        end = i + 1
        i += 1
    while end > verb.i + 1 and (doc[end - 1].is_punct and doc[end - 1].text not in _QUOTES):
        end -= 1
    # a dangling opening quote or preposition: "slams '" / "wins at"
    while end > verb.i + 1 and (doc[end - 1].pos_ == "ADP" or doc[end - 1].pos_ == "DET"):
        end -= 1
    return end
