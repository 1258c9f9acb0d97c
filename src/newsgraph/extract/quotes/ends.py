"""Where reported content ends: the options a learned ranker chooses from.

The parse gives a content span (the subtree of a clause or object), but PolNeAR's
annotators often end the content earlier ('said the FBI had secured the cooperation
of Bryan Pagliano[, who worked on Clinton's campaign ...]') or later ('blocked a
funding package [to fight the virus]', where the parser hung the infinitive on the
verb). ``end_options`` lists the span as found, each cut before a right-hand
constituent inside it, and each extension by the constituents that follow it in the
sentence, with sparse features; ``model`` scores them with weights trained by
``bench/train_quote_cues.py`` and keeps the best.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon.speech import CUE_VERBS
from newsgraph.extract.quotes.marks import is_quote_mark
from newsgraph.extract.syntax import NOMINAL_SUBJECTS

MAX_EXTENSIONS = 3
MAX_CUTS = 24
_BREAKS = frozenset({",", ";", ":", "-", "—", "–", "(", "--"})
# constituents a content may stop before without a comma: 'X and Y', 'X while Y'
_CUT_DEPS = frozenset({"cc", "conj", "relcl", "advcl", "acl", "appos", "parataxis", "mark"})
_FUNCTION_POS = frozenset({"ADP", "SCONJ", "CCONJ", "PRON", "DET", "ADV", "PART", "AUX"})
# what the content stops at has no bearing on these: spans ending in them are kept
RULES = frozenset({"clause", "inf", "object", "noun"})


def _bucket(n: int) -> str:
    for limit in (1, 2, 4, 8, 16, 32):
        if n <= limit:
            return str(limit)
    return "more"


def _word(tok: Token) -> str:
    return tok.lower_ if tok.pos_ in _FUNCTION_POS else tok.pos_


def _constituent(doc: Doc, pos: int, limit: int) -> Token:
    """The largest subtree that starts at token ``pos`` and ends by ``limit``."""
    node = doc[pos]
    while (
        node.head.i != node.i and node.head.left_edge.i == pos and node.head.right_edge.i <= limit
    ):
        node = node.head
    return node


def _last_word(doc: Doc, i: int, floor: int) -> int:
    while i > floor and (doc[i].is_punct or doc[i].is_space) and doc[i].text not in "”\"'":
        i -= 1
    return i


def _described(
    doc: Doc, node: Token, prefix: str, cue: Token | None, marks: list[int], base: int
) -> list[str]:
    """Features of the constituent ``node`` that a cut removes or an extension adds."""
    first = doc[node.left_edge.i]
    before = doc[first.i - 1].text if first.i > 0 else ""
    comma = "p" if before in _BREAKS else "n"
    size = node.right_edge.i - node.left_edge.i + 1
    head = "cue" if cue is not None and node.head.i == cue.i else node.head.pos_
    feats = [
        prefix,
        f"{prefix}.dep={node.dep_}",
        f"{prefix}.dc={node.dep_}|{comma}",
        f"{prefix}.w={_word(first)}",
        f"{prefix}.wc={_word(first)}|{comma}",
        f"{prefix}.h={head}|{node.dep_}",
        f"{prefix}.n={_bucket(size)}",
        f"{prefix}.pos={node.pos_}",
    ]
    if node.ent_type_:
        feats.append(f"{prefix}.ent={node.ent_type_}")
    # marks[i] counts the quotation marks among the tokens before token base + i
    hi = min(node.right_edge.i + 1 - base, len(marks) - 1)
    if marks[hi] > marks[max(0, min(node.left_edge.i - base, hi))]:
        feats.append(f"{prefix}.q")
    if any(c.dep_ in NOMINAL_SUBJECTS for c in node.children):
        feats.append(f"{prefix}.subj")
    return feats


def _reports(doc: Doc, node: Token) -> bool:
    """Whether the constituent holds a verb of saying with a clause of its own."""
    for tok in doc[node.left_edge.i : node.right_edge.i + 1]:
        cue = CUE_VERBS.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if (
            cue is not None
            and cue.act in {"speech", "writing"}
            and any(c.dep_ == "ccomp" for c in tok.children)
        ):
            return True
    return False


def _is_time(node: Token) -> bool:
    if node.dep_ == "prep":
        node = next((c for c in node.children if c.dep_ == "pobj"), node)
    return node.ent_type_ in {"DATE", "TIME"}


def end_options(
    doc: Doc, start: int, end: int, rule: str, cue: Token | None, sent_end: int
) -> list[tuple[int, list[str]]]:
    """(end character, features) for the content [start, end): the span as found first,
    then cuts before a constituent inside it, then extensions after it within the
    sentence (token ``sent_end`` exclusive)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return [(end, ["orig"])]
    a, b = span.start, span.end - 1
    marks = [0]
    for tok in doc[a : max(b + 1, sent_end)]:
        marks.append(marks[-1] + is_quote_mark(tok))
    length = b - a + 1
    options: list[tuple[int, list[str]]] = [
        (end, ["orig", f"orig|{rule}", f"o.n={_bucket(length)}"])
    ]
    cuts = 0
    for pos in range(a + 2, b + 1):
        tok = doc[pos]
        if tok.is_punct or tok.is_space:
            continue
        node = _constituent(doc, pos, b)
        if not (a <= node.head.i < pos):
            continue
        if node.dep_ not in _CUT_DEPS and doc[pos - 1].text not in _BREAKS:
            continue  # 'the example of Indiana': a bare modifier, kept with its head
        last = _last_word(doc, pos - 1, a)
        if last <= a:
            continue
        feats = _described(doc, node, "c", cue, marks, a)
        feats += [f"c|{rule}|{node.dep_}", f"c.keep={_bucket(last - a + 1)}"]
        feats.append(f"c.rest={_bucket(b - pos + 1)}")
        if node.right_edge.i >= _last_word(doc, b, a):
            feats.append("c.last")
        options.append((doc[last].idx + len(doc[last].text), feats))
        cuts += 1
        if cuts >= MAX_CUTS:
            break
    pos = b + 1
    added = 0
    steps: list[str] = []
    while pos < sent_end and added < MAX_EXTENSIONS:
        while pos < sent_end and (doc[pos].is_punct or doc[pos].is_space):
            if doc[pos].text in {".", "!", "?"}:
                return options
            pos += 1
        if pos >= sent_end:
            break
        node = _constituent(doc, pos, sent_end - 1)
        if node.head.i >= pos and node.head.i != node.i:
            break  # the words after belong to what follows, not to the content
        if _is_time(node):
            break  # 'on Friday afternoon' says when, not what
        if _reports(doc, node):
            break  # 'and had been told there was no time': another attribution
        last = _last_word(doc, node.right_edge.i, pos)
        feats = _described(doc, node, "e", cue, marks, a)
        feats += [f"e|{rule}|{node.dep_}", f"e.k={added}"]
        steps.append(node.dep_)
        feats.append("e.path=" + "+".join(steps))
        options.append((doc[last].idx + len(doc[last].text), feats))
        added += 1
        pos = node.right_edge.i + 1
    return options
