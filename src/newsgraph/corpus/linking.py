"""Link an article's entities to corpus entities (cross-document entity resolution).

Pure functions over records. ``link_features`` runs where the article is
analysed (a worker) and gives what linking needs of each entity; the caller
fetches the corpus entities filed under their ``keys``, calls ``link_entities``,
and hands ``entity_writes`` to the store. A person links on a compatible name
("Sen. Ellison" ~ "Mark Ellison", never ~ "Jane Ellison"), then on evidence:
shared roles, shared co-occurring names, the same story. Name variants link on
evidence only: a first name with part of a double surname ("Laura Smith" ~
"Laura Smith-Reed"), and a name the model gave another type ("Smith Reed" as an
ORG ~ the person; "Santa Fe" as an ORG ~ the GPE).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsgraph.extract.entities.person_names import given_names_compatible
from newsgraph.extract.lexicon.people import ROLE_SYNONYMS
from newsgraph.records import Digest, Entity
from newsgraph.records.corpus import CorpusEntity, EntityWrite
from newsgraph.records.names import (
    FEMALE,
    MALE,
    TITLE_ROLES,
    name_tokens,
    name_words,
    normalise,
    parse_name,
)

# role words that say nothing about who someone is ("former aide" ~ "aide")
_ROLE_STOP = {"the", "a", "an", "of", "for", "and", "to", "in", "at", "former", "state", "new"}

# score thresholds: a full-name match links on its own; a surname needs evidence
FULL_NAME = 2.0
VARIANT = 1.0  # a first name and part of a double surname
PARTIAL_NAME = 0.5
LINK_AT = 1.5
SHARED_ROLE = 1.5
ROLE_CONFLICT = -0.75
SHARED_CONTEXT = 0.75
MAX_CONTEXT = 3
SAME_STORY = 1.5
CONTEXT_SIZE = 40
STORIES_KEPT = 20  # story ids kept per entity, the latest first


@dataclass(frozen=True, slots=True)
class EntityFeatures:
    """What linking needs of one article entity, computed with its digest.

    ``keys``: lookup keys to find and file it under; ``roles``: its roles plus
    those its titles imply; ``context``: normalised names of the article's other
    entities, sorted; ``names``: its name and aliases, each once, with their
    normalised forms.
    """

    local_id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    keys: tuple[str, ...]
    roles: tuple[str, ...]
    context: tuple[str, ...]
    names: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Link:
    """An article entity's corpus entity. ``new``: no candidate fitted, so one is created."""

    local_id: str
    entity_id: str
    new: bool
    score: float = 0.0


# types the model confuses with each other on one name: "Santa Fe" as ORG in one sentence
PLACE_OR_ORG = frozenset({"ORG", "GPE", "LOC", "FAC"})
# types a person's surname is mistaken for ("the armorer, Smith Reed" as an ORG)
SURNAME_PRONE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


@functools.lru_cache(maxsize=65536)
def _keys(entity_type: str, name: str) -> tuple[str, ...]:
    """The filing keys of one name: a person under each part of the surname."""
    if entity_type == "PERSON":
        # "Laura Smith-Reed" under "smith" and "reed": "Laura Smith" and "Reed" find her
        return tuple(f"PERSON:{part}" for part in parse_name(name).surname_parts)
    norm = normalise(name)
    return (f"{entity_type}:{norm}",) if norm else ()


def _filing_keys(entity_type: str, names: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({k for n in names for k in _keys(entity_type, n)}))


@functools.lru_cache(maxsize=65536)
def _probe_keys(entity_type: str, name: str) -> tuple[str, ...]:
    """Keys looked up but not filed under: where a mistyped name may be known.

    An ORG "Smith Reed" looks for people surnamed "reed" and "smith"; a GPE "Santa Fe"
    for an ORG, LOC or FAC of that name.
    """
    if entity_type not in SURNAME_PRONE:
        return ()
    probes: list[str] = []
    if entity_type in PLACE_OR_ORG:
        norm = normalise(name)
        probes += [f"{t}:{norm}" for t in sorted(PLACE_OR_ORG - {entity_type}) if norm]
    if _surname_like(name):
        words = name_words(name)
        probes += [f"PERSON:{part}" for w in words for part in w.split("-")]
    return tuple(probes)


def _surname_like(name: str) -> bool:
    """One or two capitalised words, no titles: what a surname alone looks like."""
    words = name.split()
    return 1 <= len(words) <= 2 and all(w[:1].isupper() and w[1:2].islower() for w in words)


def lookup_keys(entity: Entity) -> tuple[str, ...]:
    """Keys under which the store finds an entity: type plus surname (parts) or name, and the
    probes of a type the model may have got wrong (``_probe_keys``)."""
    names = (entity.name, *entity.aliases)
    probes = {k for n in names for k in _probe_keys(entity.type, n)}
    return tuple(sorted({*_filing_keys(entity.type, names), *probes}))


def entity_roles(entity: Entity) -> tuple[str, ...]:
    """The entity's roles plus those its titles imply ("Sen. Ellison" -> "senator")."""
    roles = list(entity.roles)
    for name in (entity.name, *entity.aliases):
        roles.extend(r for r in parse_name(name).titles if r not in roles)
    return tuple(dict.fromkeys(roles))


@functools.lru_cache(maxsize=65536)
def _role_words(roles: tuple[str, ...]) -> frozenset[str]:
    words: set[str] = set()
    for role in roles:
        for token in name_tokens(role):
            if token not in _ROLE_STOP:
                words.add(ROLE_SYNONYMS.get(token, token))
    return frozenset(words)


def _readings(name: str) -> tuple[tuple[str | None, str, bool], ...]:
    """(first given name or None, surname, primary) readings of a written name.

    "Smith Reed" is given "smith" and surname "reed", or the double surname "smith-reed"
    written without its hyphen; "Laura Smith Reed" is also "laura" + "smith-reed".
    """
    parsed = parse_name(name)
    if not parsed.surname:
        return ()
    words = (*parsed.given, parsed.surname)
    found = [(parsed.given[0] if parsed.given else None, parsed.surname, True)]
    if len(words) == 2 and "-" not in parsed.surname and not parsed.titles:
        found.append((None, f"{words[0]}-{words[1]}", False))
    elif len(words) >= 3 and "-" not in parsed.surname:
        found.append((words[0], f"{words[-2]}-{words[-1]}", False))
    return tuple(found)


def _surnames(a: str, b: str) -> str | None:
    """ "same"; "first" or "last" when one is that part of the other's double surname
    ("smith" ~ "smith-reed" is "first"); None when they differ."""
    if a == b:
        return "same"
    if ("-" in a) != ("-" in b):
        simple, double = (b, a) if "-" in a else (a, b)
        parts = double.split("-")
        if simple == parts[0]:
            return "first"
        if simple == parts[-1]:
            return "last"
    return None


@dataclass(frozen=True, slots=True)
class _Names:
    score: float
    variant: bool  # matched only through a variant rule: linking needs evidence


def _name_match(ours: Sequence[str], theirs: Sequence[str]) -> _Names | None:
    """How well two sets of names fit one person, or None when they cannot be one person.

    The same surname and compatible first names: FULL_NAME; a surname alone: PARTIAL_NAME;
    the same surname and two first names ("Mark Ellison", "Jane Ellison"): None. A part of a
    double surname ("Laura Smith" ~ "Laura Smith-Reed") is a variant that needs evidence.
    """
    a = [parse_name(n) for n in ours]
    b = [parse_name(n) for n in theirs]
    genders = {x.gender for x in a if x.gender}, {x.gender for x in b if x.gender}
    if genders[0] and genders[1] and not genders[0] & genders[1]:
        return None  # "Mr. Ellison" is not "Ms. Ellison"
    best: _Names | None = None
    for x in (r for n in ours for r in _readings(n)):
        for y in (r for n in theirs for r in _readings(n)):
            how = _surnames(x[1], y[1])
            if how is None:
                continue
            if x[0] is None or y[0] is None:
                found = _Names(PARTIAL_NAME, how != "same")
            elif given_names_compatible(x[0], y[0]):
                found = _Names(FULL_NAME, False) if how == "same" else _Names(VARIANT, True)
            elif how != "last" and x[2] and y[2]:
                # "Mark Ellison" and "Jane Ellison", "Tomas Beltran" and "Nora Beltran-Hale"
                return None
            else:
                continue
            if best is None or (found.score, not found.variant) > (best.score, not best.variant):
                best = found
    return best


@dataclass(frozen=True, slots=True)
class _Fit:
    score: float
    full: bool  # the names agree in full, not just on a surname
    conflict: bool  # both sides have roles and none is shared
    variant: bool = False  # a name variant or another type: needs evidence (LINK_AT)
    cross: bool = False  # the candidate has another type than the article's entity


def _evidence(
    entity: EntityFeatures, context: set[str], story_id: str | None, candidate: CorpusEntity
) -> tuple[float, bool]:
    """Roles, co-occurring names and story shared with the candidate; and a role conflict."""
    score = 0.0
    mine, theirs = _role_words(entity.roles), _role_words(candidate.roles)
    conflict = bool(mine and theirs and not mine & theirs)
    if mine and theirs:
        score += ROLE_CONFLICT if conflict else SHARED_ROLE
    shared = len(context & set(candidate.context))
    score += SHARED_CONTEXT * min(shared, MAX_CONTEXT)
    if story_id and story_id in candidate.stories:
        score += SAME_STORY
    return score, conflict


def _score(
    entity: EntityFeatures,
    context: set[str],
    story_id: str | None,
    candidate: CorpusEntity,
) -> _Fit | None:
    if candidate.type != entity.type:
        return _cross_score(entity, context, story_id, candidate)
    if entity.type != "PERSON":
        ours = {norm for _, norm in entity.names}
        same = ours & {normalise(n) for n in (candidate.name, *candidate.names)}
        return _Fit(FULL_NAME, True, False) if same else None
    names = _name_match((entity.name, *entity.aliases), candidate.names or (candidate.name,))
    if names is None:
        return None
    base = names.score
    if normalise(entity.name) == normalise(candidate.name) and " " not in normalise(entity.name):
        # "Ellison" and a corpus "Ellison" nobody could resolve: one bucket, not one per article
        base = FULL_NAME
    evidence, conflict = _evidence(entity, context, story_id, candidate)
    return _Fit(base + evidence, base >= FULL_NAME, conflict, variant=names.variant)


def _cross_score(
    entity: EntityFeatures, context: set[str], story_id: str | None, candidate: CorpusEntity
) -> _Fit | None:
    """A candidate of another type: the same place or organisation the model typed otherwise
    ("Santa Fe" ORG ~ GPE), or a person whose surname the model took for a name of a thing."""
    if entity.type in PLACE_OR_ORG and candidate.type in PLACE_OR_ORG:
        ours = {norm for _, norm in entity.names}
        if not ours & {normalise(n) for n in (candidate.name, *candidate.names)}:
            return None
        # a town and a company may share a name: the same story or company says it is one
    elif not (candidate.type == "PERSON" and _surname_of(entity, candidate)):
        return None
    evidence, conflict = _evidence(entity, context, story_id, candidate)
    return _Fit(PARTIAL_NAME + evidence, False, conflict, variant=True, cross=True)


def _surname_of(entity: EntityFeatures, person: CorpusEntity) -> bool:
    """Is the entity's name, read as a surname, the person's? "Smith Reed" -> "smith-reed"."""
    if entity.type not in SURNAME_PRONE:
        return False
    ours = {"-".join(name_words(n)) for n in (entity.name, *entity.aliases) if _surname_like(n)}
    theirs = [parse_name(n).surname for n in (person.name, *person.names)]
    return any(_surnames(o, t) for o in ours for t in theirs if t)


def article_context(digest: Digest, entity: Entity) -> set[str]:
    """Normalised names of the other entities in the article (the co-occurrence evidence)."""
    own = normalise(entity.name)
    return {normalise(e.name) for e in digest.entities} - {"", own}


def link_features(digest: Digest) -> tuple[EntityFeatures, ...]:
    """The linking features of each entity of ``digest``, in entity order."""
    return tuple(
        EntityFeatures(
            local_id=e.id,
            name=e.name,
            type=e.type,
            aliases=e.aliases,
            keys=lookup_keys(e),
            roles=entity_roles(e),
            context=tuple(sorted(article_context(digest, e))),
            names=tuple((n, normalise(n)) for n in dict.fromkeys((e.name, *e.aliases))),
        )
        for e in digest.entities
    )


def link_entities(
    article_id: str,
    entities: Sequence[EntityFeatures],
    candidates: Sequence[CorpusEntity],
    story_id: str | None = None,
) -> tuple[Link, ...]:
    """One ``Link`` per entity of the article ``article_id``, in entity order.

    Two entities of one article never share a corpus entity (the digest already
    decided they are different referents). A surname alone ("Ellison") links
    when it is the only compatible candidate or the evidence clearly favours one.
    """
    options: list[tuple[float, int, int, str]] = []
    filed: dict[str, set[str]] = {}  # lookup key -> candidate ids, so each entity sees its own
    for cand in candidates:
        for name in (cand.name, *cand.names):
            for key in _keys(cand.type, name):
                filed.setdefault(key, set()).add(cand.id)
    by_id = {c.id: c for c in candidates}
    for position, entity in enumerate(entities):
        context = set(entity.context)
        scored: list[tuple[float, int, str, _Fit]] = []
        mine = {c for key in entity.keys for c in filed.get(key, ())}
        for cand in (by_id[c] for c in sorted(mine)):
            fit = _score(entity, context, story_id, cand)
            if fit is not None:
                scored.append((fit.score, cand.articles, cand.id, fit))
        if any(not s[3].cross for s in scored):
            # the model's type stands where the corpus knows the name with it
            scored = [s for s in scored if not s[3].cross]
        # ties go to the most written-about entity, so namesakes never multiply
        scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
        for rank, (score, articles, cand_id, fit) in enumerate(scored):
            # the best of the others: scored[0], unless this is scored[0]
            others = scored[1:2] if rank == 0 else scored[0:1]
            runner_up = others[0][0] if others else None
            if _accept(fit, runner_up):
                options.append((score, articles, position, cand_id))
    # greedy: the strongest pairs first, one corpus entity per article entity and back
    chosen: dict[int, tuple[str, float]] = {}
    taken: set[str] = set()
    for score, _, position, cand_id in sorted(options, key=lambda o: (-o[0], -o[1], o[2], o[3])):
        if position not in chosen and cand_id not in taken:
            chosen[position] = (cand_id, score)
            taken.add(cand_id)
    links = []
    for position, entity in enumerate(entities):
        if position in chosen:
            cand_id, score = chosen[position]
            links.append(Link(entity.local_id, cand_id, new=False, score=score))
        else:
            links.append(Link(entity.local_id, new_entity_id(article_id, entity), new=True))
    return tuple(links)


def entity_writes(
    entities: Sequence[EntityFeatures],
    links: Sequence[Link],
    candidates: Mapping[str, CorpusEntity],
    *,
    story_id: str | None,
    published: str | None,
) -> Iterator[EntityWrite]:
    """What the store records of each entity once linked, in entity order.

    A new link gives a new corpus entity; a link to a candidate gives the
    candidate with its name, context and stories brought up to date.
    """
    date = published[:10] if published else None
    for entity, link in zip(entities, links, strict=True):
        # a name the model mistyped joins its entity under that entity's type
        kind = entity.type if link.new else candidates[link.entity_id].type
        if link.new:
            name = better_name(entity.name, entity.name, entity.type)
            context = merge_context((), entity.context)
            stories: tuple[str, ...] = (story_id,) if story_id else ()
        else:
            known = candidates[link.entity_id]
            name = known.name
            for seen in (entity.name, *entity.aliases):
                name = better_name(name, seen, kind)
            context = merge_context(known.context, entity.context)
            stories = tuple(dict.fromkeys([*((story_id,) if story_id else ()), *known.stories]))
            stories = stories[:STORIES_KEPT]
        yield EntityWrite(
            id=link.entity_id,
            new=link.new,
            name=name,
            type=kind,
            seen=date,
            context=context,
            stories=stories,
            keys=_written_keys(entity, kind),
            names=entity.names,
            roles=entity.roles,
        )


def _written_keys(entity: EntityFeatures, kind: str) -> tuple[str, ...]:
    """The keys to file the entity under once linked as ``kind``."""
    names = [n for n, _ in entity.names]
    if kind == "PERSON" and entity.type != "PERSON":
        # a surname the model typed otherwise ("Smith Reed"): under each of its words
        parts = {part for n in names for word in name_words(n) for part in word.split("-")}
        return tuple(sorted(f"PERSON:{part}" for part in parts))
    return _filing_keys(kind, names)


def _accept(fit: _Fit, runner_up: float | None) -> bool:
    if fit.variant and fit.score < LINK_AT:
        return False  # "Laura Smith" ~ "Laura Smith-Reed" only with a shared name, role or story
    if fit.full:
        # a full name links on its own unless roles conflict with nothing else in favour
        return fit.score >= LINK_AT and (runner_up is None or fit.score >= runner_up)
    if runner_up is None:
        # a bare surname and nobody else it could be: link unless the roles disagree
        return fit.score >= PARTIAL_NAME and (not fit.conflict or fit.score >= LINK_AT)
    # several people share the surname: one piece of evidence more than the next best
    return fit.score >= PARTIAL_NAME + SHARED_CONTEXT and fit.score - runner_up >= SHARED_CONTEXT


def new_entity_id(article_id: str, entity: EntityFeatures) -> str:
    """A stable id for a corpus entity first seen as ``entity`` in ``article_id``."""
    key = f"{article_id}\x1f{entity.local_id}\x1f{entity.type}\x1f{entity.name}"
    return "c" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:15]


def better_name(current: str, seen: str, entity_type: str) -> str:
    """The corpus entity's display name after seeing ``seen``: the fuller form wins.

    "Ellison" then "Mark Ellison" -> "Mark Ellison"; titles are dropped for people;
    "Laura Smith" then "Laura Smith-Reed" -> the double surname.
    """
    if entity_type == "PERSON":
        cur, new = parse_name(current), parse_name(seen)
        if len(new.given) > len(cur.given):
            return _display(seen)
        longer = len(new.surname_parts) > len(cur.surname_parts)
        if longer and len(new.given) == len(cur.given) and cur.surname in new.surname_parts:
            return _display(seen)
        return current
    return current


def _display(name: str) -> str:
    # "Sen. Mark Ellison" -> "Mark Ellison": keep the original casing of the name itself
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in {*TITLE_ROLES, *FEMALE, *MALE}:
        words.pop(0)
    return " ".join(words)


def merge_context(old: Sequence[str], new: Iterable[str]) -> tuple[str, ...]:
    """The newest names first, at most ``CONTEXT_SIZE``: bounded evidence for later links."""
    return tuple(dict.fromkeys([*sorted(new), *old]))[:CONTEXT_SIZE]
