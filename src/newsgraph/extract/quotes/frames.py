"""Which complements of a cue carry its reported content: a quotation beside it, a
clause, an infinitive or an object.

``verb_frames`` and ``noun_frames`` list what a verb or a possessed noun has
('said "..."', 'said that ...', 'wants to ...', 'criticized the ruling', "Trump's
claim that ..."); the rules choose among them. An object is content only where it says
something: not an addressee ("told reporters"), a court proceeding ("dismissed the
case") or a time ("on Friday").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon.places import PLACE_LABELS
from newsgraph.extract.lexicon.speech import ADDRESSEE_VERBS
from newsgraph.extract.quotes.spans import DocIndex, Frames, speechlike, subtree_chars
from newsgraph.extract.syntax import SUBJECTS, first_child

_TO_CONTENT = frozenset({"refer", "point", "allude", "respond", "react"})
_BARE_OBJECTS = frozenset({"it", "that", "this", "what", "which", "something", "so"})
_NOT_CONTENT_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL"})
# complements that carry the content of an "object" cue: 'criticized Rubio for "..."'
_OBJECT_DEPS = frozenset({"dobj", "oprd", "ccomp", "xcomp", "dative", "attr"})
_OBJECT_PREPS = frozenset({"for", "on", "about", "against", "of", "to", "as", "with", "over"})
# dependents that may sit between a cue and the quotation it introduces
_BRIDGE_DEPS = frozenset(
    {
        "punct",
        "dobj",
        "dative",
        "prep",
        "pobj",
        "advmod",
        "npadvmod",
        "det",
        "amod",
        "compound",
        "poss",
        "nsubj",
        "appos",
        "prt",
        "aux",
        "neg",
        "case",
        "nummod",
        "cc",
        "conj",
        "agent",
    }
)


def verb_frames(doc: Doc, verb: Token, quotes: DocIndex) -> Frames:
    """Which content-bearing complements ``verb`` has."""
    frames = Frames()
    frames.quotation = _adjacent_quotation(doc, verb, quotes)
    frames.clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if frames.clause is None:
        frames.clause = _clause_on_prep_object(verb)
    frames.infinitive = next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    frames.obj = _object_content(verb)
    return frames


def _clause_on_prep_object(verb: Token) -> Token | None:
    """'said in a post on social media that Jasmine was awake': the parser hung the
    'that' clause on the last noun as a relative clause; a relative clause has no
    'that' marker, so this one is the verb's complement."""
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        node: Token | None = prep
        for _ in range(3):
            assert node is not None
            pobj = first_child(node, "pobj")
            if pobj is None:
                break
            for child in pobj.rights:
                if child.dep_ in {"relcl", "acl"} and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i < child.i
                    for m in child.children
                ):
                    return child
            node = next((c for c in pobj.rights if c.dep_ == "prep"), None)
            if node is None:
                break
    return None


def _adjacent_quotation(doc: Doc, verb: Token, quotes: DocIndex) -> int | None:
    """The quotation this cue introduces or closes: 'X said: "..."' or '"...," X said'."""
    sent_start, sent_end = quotes.sent_bounds[verb.i]
    text = quotes.text
    before = _quotation_before(doc, verb, quotes, sent_start)
    if before is not None:
        return before
    # after: the quotation follows the cue, only the cue's own dependents in between
    if quotes.next_quoted[verb.i + 1] - verb.i > 16:
        return None  # no quotation near enough: the checks below would all fail
    i = verb.i + 1
    while i < sent_end and i - verb.i <= 14 and quotes.of_token[i] is None:
        tok = doc[i]
        if not tok.is_space and (tok.dep_ not in _BRIDGE_DEPS or _outside(tok, verb)):
            return None
        i += 1
    while i < len(doc) and doc[i].is_space and quotes.of_token[i] is None:
        i += 1  # 'Ryan said in a statement:\n\n"Look, ..."'
    if i >= len(doc) or quotes.of_token[i] is None or i - verb.i > 16:
        return None
    qn = quotes.of_token[i]
    assert qn is not None
    q = quotes.quotations[qn]
    gap = text[verb.idx + len(verb.text) : q.start].strip()
    opening = text[q.start + 1 : q.start + 3].lstrip(" `'\"")
    if i >= sent_end and not gap.endswith((",", ":")):
        return None
    if (gap.endswith((",", ":")) or (not gap and opening[:1].isupper())) and speechlike(text, q):
        return qn
    return None


def _quotation_before(doc: Doc, verb: Token, quotes: DocIndex, sent_start: int) -> int | None:
    """'"...," X said' / '"...," said X': the quotation ends just before the cue's clause."""
    first = min((t.i for t in verb.lefts if t.dep_ in SUBJECTS), default=verb.i)
    first = doc[first].left_edge.i if first != verb.i else first
    # auxiliaries and adverbs before the verb: '"...," she later said'
    while (
        first > 0
        and doc[first - 1].head.i == verb.i
        and doc[first - 1].dep_ in {"aux", "advmod", "neg"}
        and quotes.of_token[first - 1] is None
    ):
        first -= 1
    j = first - 1
    while (
        j >= max(0, sent_start - 3)
        and (doc[j].is_punct or doc[j].is_space)
        and quotes.of_token[j] is None
    ):
        j -= 1
    if j < 0 or quotes.of_token[j] is None:
        return None
    qn = quotes.of_token[j]
    assert qn is not None
    q = quotes.quotations[qn]
    between = quotes.text[q.end : doc[first].idx]
    if len(between.strip(" ,—–-")) != 0 or "\n" in between or not speechlike(quotes.text, q):
        return None
    # '... to cover it.” Cruz says he isn't familiar': a finished sentence, then a new cue
    closing = quotes.text[q.start : q.end].rstrip("”\"' ")
    if closing.endswith(".") and any(c.dep_ == "ccomp" for c in verb.children):
        return None
    # 'Teachers are "very, very pro-Bernie," Kilfoyle said': the clause is the content
    line_start = quotes.text.rfind("\n", 0, q.start) + 1
    sent_char = max(doc[sent_start].idx, line_start)
    lead = quotes.text[sent_char : q.start]
    if any(ch.isalnum() for ch in lead) and not lead.rstrip().endswith((".", ":", "?", "!")):
        return None
    return qn


def _outside(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` belongs to another clause than the cue's."""
    node = tok
    for _ in range(8):
        if node.i == verb.i:
            return False
        if node.dep_ in {"ccomp", "advcl", "relcl", "xcomp", "conj"} and node.head.i == verb.i:
            return node.dep_ != "conj"
        if node.head.i == node.i:
            return True
        node = node.head
    return True


# Court proceedings as objects: "dismissed the case", "rejected the appeal" are acts of
# a court, which the events record; "dismissed the accusation" stays an attribution.
_PROCEEDINGS = frozenset(
    "case charge lawsuit suit indictment appeal motion petition count conviction verdict".split()
)


# "answered questions about the case" tells that questions were taken, not what was said
_ENQUIRIES = frozenset({"question", "query", "inquiry", "enquiry"})
_FIELDING = frozenset({"answer", "field", "take", "dodge", "deflect"})


def _object_content(verb: Token) -> tuple[int, int] | None:
    """'criticized Rubio for "having a tough night"' -> 'Rubio for ... night'."""
    parts = []
    for child in verb.rights:
        if child.dep_ in _OBJECT_DEPS and not (
            child.dep_ in {"dobj", "dative"} and verb.lemma_.lower() in ADDRESSEE_VERBS
        ):
            if child.dep_ == "dobj" and child.pos_ == "PRON" and child.lower_ in _BARE_OBJECTS:
                return None
            if child.dep_ == "dobj" and child.lemma_.lower() in _PROCEEDINGS:
                return None  # "a judge dismissed the case": a ruling, not a statement
            if (
                child.dep_ == "dobj"
                and child.lemma_.lower() in _ENQUIRIES
                and verb.lemma_.lower() in _FIELDING
            ):
                return None  # "has answered questions about the case": no content stated
            parts.append(child)
        elif child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS and _content_prep(child):
            if verb.lemma_.lower() in ADDRESSEE_VERBS and child.lower_ != "about":
                continue
            parts.append(child)
        elif parts and child.dep_ not in {"punct", "cc", "conj", "advmod", "npadvmod"}:
            continue
        elif parts:
            break
    if not parts:
        return None
    # "talked to reporters" names an addressee; "referring to Obama" names the content
    lemma = verb.lemma_.lower()
    if lemma not in _TO_CONTENT and all(p.dep_ == "prep" and p.lower_ == "to" for p in parts):
        return None
    first = parts[0]
    if first.dep_ == "prep":
        # 'agrees with Dean', 'talked about it': the object without its preposition
        first = next((c for c in first.children if c.dep_ in {"pobj", "pcomp"}), first)
    start, _ = subtree_chars(first)
    _, end = subtree_chars(parts[-1])
    return start, min(end, _before_time_tail(parts[-1]))


_NO_CUT = 1 << 62


def _before_time_tail(node: Token) -> int:
    """Where an object ends without a trailing time adverbial: 'defended the decision on
    Friday afternoon' -> 'the decision' (the time is when it was said, not what)."""
    doc = node.doc
    tail = node
    while True:
        last = next(iter(reversed(list(tail.rights))), None)
        if last is None or last.right_edge.i != node.right_edge.i:
            return _NO_CUT
        head = last
        if last.dep_ == "prep":
            head = next((c for c in last.children if c.dep_ == "pobj"), last)
        if last.dep_ in {"prep", "npadvmod"} and head.ent_type_ in {"DATE", "TIME"}:
            i = last.left_edge.i - 1
            while i > node.left_edge.i and (doc[i].is_punct or doc[i].is_space):
                i -= 1
            if i < node.left_edge.i:
                return _NO_CUT
            return doc[i].idx + len(doc[i].text)
        if last.dep_ not in {"pobj", "conj", "prep"}:
            return _NO_CUT
        tail = last


def _content_prep(prep: Token) -> bool:
    """'for a probe' may be content; 'on Sunday', 'in Ohio' are not."""
    pobj = first_child(prep, "pobj")
    if pobj is None or pobj.ent_type_ not in _NOT_CONTENT_ENTS:
        return True
    # 'called for the United States to step up', 'railed against China'
    return prep.lower_ in {"for", "against", "about", "of"} and pobj.ent_type_ in PLACE_LABELS


def noun_frames(noun: Token) -> Frames | None:
    """Content complements of a possessed noun: "Trump's claim that ...", "his support
    for Sanders"; None when the noun has no possessor to name a source."""
    if not any(c.dep_ == "poss" for c in noun.children):
        return None
    frames = Frames()
    frames.clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in {"acl", "ccomp"}
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if frames.clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        # "his view is that ..."
        frames.clause = next((c for c in noun.head.children if c.dep_ == "ccomp"), None)
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS), None)
    pobj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) if prep else None
    if pobj is not None:
        frames.obj = subtree_chars(pobj)
    # "Trump's proposal to ban Muslims", "his refusal to release his taxes"
    frames.infinitive = next(
        (
            c
            for c in noun.rights
            if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    return frames if frames.names() else None
