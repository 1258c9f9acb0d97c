"""One entity per referent: group a document's name mentions into entities.

"Mark Ellison", "Ellison", "Mr. Ellison" and "ELLISON" in the headline are
one PERSON; "Jane Ellison" is another; "FBI" joins "Federal Bureau of
Investigation". Works on ``doc.ents`` as repaired by ``entity_spans``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from spacy.tokens import Doc, Span

from newsgraph.extract.entities.person_names import full_names_compatible, surname_parts
from newsgraph.extract.entities.spans import NAME_LABELS
from newsgraph.extract.lexicon.names import CORPORATE_SUFFIXES
from newsgraph.extract.lexicon.people import HONORIFICS
from newsgraph.records import Entity

_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "on", "in", "at", "de"})


@dataclass(slots=True)
class _Cluster:
    label_votes: Counter[str]
    tokens: tuple[str, ...]  # the fullest name seen, as words
    mentions: list[Span] = field(default_factory=list)
    honorific_forms: list[str] = field(default_factory=list)
    last_seen: int = -1
    first_key: str | None = None  # _org_key of the first mention, made on first use

    @property
    def label(self) -> str:
        # the most voted label, the first seen among equals (as Counter.most_common(1))
        return max(self.label_votes.items(), key=itemgetter(1))[0]

    @property
    def key(self) -> str:
        if self.first_key is None:
            self.first_key = _org_key(self.mentions[0])
        return self.first_key


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities of a document and the entity id of each mention's first token."""

    entities: tuple[Entity, ...]
    token_entity: dict[int, str]

    def entity_at(self, span: Span) -> str | None:
        """The id of the entity mentioned by any token of ``span``, or None."""
        for i in range(span.start, span.end):
            if i in self.token_entity:
                return self.token_entity[i]
        return None


def build_entities(doc: Doc) -> list[Entity]:
    """The document's entities, in order of first mention, ids ``e1``, ``e2`` ..."""
    return list(index_entities(doc).entities)


def index_entities(doc: Doc) -> EntityIndex:
    """Entities plus a token -> entity id map, for the extractors that link to entities."""
    mentions = [s for s in doc.ents if s.label_ in NAME_LABELS]
    people = [s for s in mentions if s.label_ == "PERSON"]
    clusters: list[_Cluster] = []
    # Full names first, so that a bare surname in the headline finds the person named later.
    for span in sorted(people, key=lambda s: (len(_name_words(s)) < 2, s.start)):
        _add_person(clusters, span)
    # longer names first, so that a lone "Council" in the headline finds "City Council"
    others = [s for s in mentions if s.label_ != "PERSON"]
    for span in sorted(others, key=lambda s: (len(_name_words(s)) < 2, s.start)):
        _add_other(clusters, span)
    ordered = sorted((c for c in clusters if c.mentions), key=lambda c: c.mentions[0].start)
    entities: list[Entity] = []
    token_entity: dict[int, str] = {}
    for n, cluster in enumerate(ordered, start=1):
        ent_id = f"e{n}"
        cluster.mentions.sort(key=lambda s: s.start)
        for span in cluster.mentions:
            for i in range(span.start, span.end):
                token_entity[i] = ent_id
        entities.append(_to_entity(ent_id, cluster))
    return EntityIndex(tuple(entities), token_entity)


def _name_words(span: Span) -> tuple[str, ...]:
    """The words of a name, a hyphen joining its neighbours: "Laura Smith-Reed" -> 2 words."""
    words: list[str] = []
    glue = False
    for t in span:
        if t.text == "-":
            glue = bool(words)
        elif not t.is_punct:
            if glue:
                words[-1] = f"{words[-1]}-{t.text}"
            else:
                words.append(t.text)
            glue = False
    return tuple(words)


def _honorific_before(span: Span) -> str | None:
    if span.start == 0:
        return None
    prev = span.doc[span.start - 1]
    return prev.text if prev.lower_.rstrip(".") in HONORIFICS else None


def _add_person(clusters: list[_Cluster], span: Span) -> None:
    words = _name_words(span)
    if not words:
        return
    target: _Cluster | None = None
    people = [c for c in clusters if c.label == "PERSON"]
    if len(words) >= 2:
        target = next(
            (c for c in people if len(c.tokens) >= 2 and full_names_compatible(c.tokens, words)),
            None,
        )
        if target is None and len(words) == 2:
            # "Smith Reed": the double surname of "Laura Smith-Reed" written without its hyphen
            double = "-".join(words).lower()
            target = next((c for c in people if c.tokens[-1].lower() == double), None)
        if target is None:
            # "Ellison" seen alone earlier can only be filled in by a full name later.
            target = next(
                (
                    c
                    for c in people
                    if len(c.tokens) == 1 and c.tokens[0].lower() == words[-1].lower()
                ),
                None,
            )
    else:
        target = _pick_for_single(people, words[0], span)
    if target is None:
        target = _Cluster(Counter(), words)
        clusters.append(target)
    _attach(target, span, words)


def _pick_for_single(people: Sequence[_Cluster], word: str, span: Span) -> _Cluster | None:
    """The person a lone "Ellison" (or "Mark") refers to; gender and recency break ties."""
    low = word.lower()
    candidates = [c for c in people if c.tokens[-1].lower() == low]
    if not candidates:
        # "Reed" for "Laura Smith-Reed"; "Smith-Reed" for the "Laura Smith" named before
        parts = surname_parts(word)
        candidates = [
            c
            for c in people
            if low in surname_parts(c.tokens[-1])
            or (len(parts) > 1 and len(c.tokens) >= 2 and c.tokens[-1].lower() == parts[0])
        ]
    if not candidates:
        candidates = [c for c in people if len(c.tokens) >= 2 and c.tokens[0].lower() == low]
    if len(candidates) > 1:
        honorific = _honorific_before(span)
        gender = (
            HONORIFICS.get(honorific.lower().rstrip("."), (None, None))[1] if honorific else None
        )
        if gender:
            same = [c for c in candidates if _cluster_gender(c) in (gender, None)]
            candidates = same or candidates
        before = [c for c in candidates if 0 <= c.last_seen < span.start]
        if before:
            return max(before, key=lambda c: c.last_seen)
    return candidates[0] if candidates else None


def _cluster_gender(cluster: _Cluster) -> str | None:
    for form in cluster.honorific_forms:
        gender = HONORIFICS.get(form.split()[0].lower().rstrip("."), (None, None))[1]
        if gender:
            return gender
    return None


def _attach(cluster: _Cluster, span: Span, words: tuple[str, ...]) -> None:
    cluster.mentions.append(span)
    cluster.label_votes[span.label_] += 1
    cluster.last_seen = max(cluster.last_seen, span.start)
    if len(words) > len(cluster.tokens) and not span[0].is_upper:
        cluster.tokens = words
    elif _extends_surname(cluster.tokens, words[-1]) and not span[0].is_upper:
        # "Laura Smith", then "Smith-Reed": her full surname
        cluster.tokens = (*cluster.tokens[:-1], words[-1])
    honorific = _honorific_before(span)
    if honorific:
        cluster.honorific_forms.append(f"{honorific} {span.text}")


def _extends_surname(tokens: tuple[str, ...], word: str) -> bool:
    parts = surname_parts(word)
    return len(tokens) >= 2 and len(parts) > 1 and tokens[-1].lower() == parts[0]


def _org_key(span: Span) -> str:
    words = [t.lower_ for t in span if not t.is_punct]
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words.pop()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(w.replace(".", "") for w in words)


def _acronym(span: Span) -> str:
    return "".join(
        t.text[0] for t in span if t.text[:1].isupper() and t.lower_ not in _ACRONYM_SKIP
    )


def _add_other(clusters: list[_Cluster], span: Span) -> None:
    key = _org_key(span)
    words = _name_words(span)
    if not key:
        return
    target = next((c for c in clusters if c.key == key and c.label != "PERSON"), None)
    if target is None and len(span) == 1 and span.text.isupper() and 2 <= len(span.text) <= 6:
        # "FBI" after "Federal Bureau of Investigation"
        target = next(
            (
                c
                for c in clusters
                if c.label != "PERSON"
                and len(c.tokens) > 1
                and _acronym(c.mentions[0]) == span.text
            ),
            None,
        )
    if target is None and len(words) == 1:
        # "the Council" after "the City Council": the one organisation named by that head word
        heads = [
            c
            for c in clusters
            if c.label == span.label_ and len(c.tokens) > 1 and c.tokens[-1].lower() == key
        ]
        target = heads[0] if len(heads) == 1 else None
    if target is None:
        target = _Cluster(Counter(), words)
        clusters.append(target)
    _attach(target, span, words)


def _to_entity(ent_id: str, cluster: _Cluster) -> Entity:
    body = [s for s in cluster.mentions if not s.text.isupper()] or cluster.mentions
    if cluster.label == "PERSON":
        name = " ".join(cluster.tokens)
        best = max(body, key=lambda s: len(_name_words(s)))
        if _name_words(best) == cluster.tokens:
            name = best.text
    else:
        name = max(body, key=lambda s: (len(s), -s.start)).text
    if name.startswith("The ") and len(name) > 4:
        name = name[4:]  # sentence-initial "The City Council": the article, not the name
    if name.isupper() and len(name.replace(".", "")) > 4:
        name = name.title()  # seen only in capitals (a dateline): "ALBUQUERQUE" -> "Albuquerque"
    seen = {name}
    aliases: list[str] = []
    for text in [s.text for s in cluster.mentions] + cluster.honorific_forms:
        if text not in seen and not (text.isupper() and text.title() in seen):
            seen.add(text)
            aliases.append(text)
    return Entity(
        id=ent_id,
        name=name,
        type=cluster.label,
        aliases=tuple(aliases),
        mentions=tuple((s.start_char, s.end_char) for s in cluster.mentions),
    )
