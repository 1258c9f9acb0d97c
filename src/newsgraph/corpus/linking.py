"""Link an article's entities to corpus entities (cross-document entity resolution).

Pure functions over records: the store fetches candidates by ``lookup_keys``,
calls ``link_entities`` and persists the result. A person links on a compatible
name ("Sen. Ellison" ~ "Mark Ellison", never ~ "Jane Ellison"), then on
evidence: shared roles, shared co-occurring names, the same story.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.records import Digest, Entity

# Titles that precede a name; the ones that say what a person does become roles.
# "Sen. Ellison" -> role senator; "Ms. Ellison" -> female
_TITLE_ROLES = {
    "sen": "senator",
    "senator": "senator",
    "rep": "representative",
    "representative": "representative",
    "gov": "governor",
    "governor": "governor",
    "judge": "judge",
    "justice": "justice",
    "coach": "coach",
    "mayor": "mayor",
    "president": "president",
    "pres": "president",
    "gen": "general",
    "general": "general",
    "sgt": "sergeant",
    "det": "detective",
    "lt": "lieutenant",
    "capt": "captain",
    "prof": "professor",
    "dr": "doctor",
    "rev": "reverend",
    "atty": "attorney",
}
_FEMALE = {"ms", "mrs", "miss", "madam", "madame"}
_MALE = {"mr", "sir"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "esq"}
# role words that say nothing about who someone is ("former aide" ~ "aide")
_ROLE_STOP = {"the", "a", "an", "of", "for", "and", "to", "in", "at", "former", "state", "new"}
_ROLE_SYNONYMS = {
    "lawyer": "attorney",
    "counsel": "attorney",
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
    "sen": "senator",
    "congresswoman": "representative",
    "congressman": "representative",
}

# score thresholds: a full-name match links on its own; a surname needs evidence
FULL_NAME = 2.0
PARTIAL_NAME = 0.5
LINK_AT = 1.5
SHARED_ROLE = 1.5
ROLE_CONFLICT = -0.75
SHARED_CONTEXT = 0.75
MAX_CONTEXT = 3
SAME_STORY = 1.5
CONTEXT_SIZE = 40


@dataclass(frozen=True, slots=True)
class CorpusEntity:
    """What the corpus knows about one entity, as linking needs it.

    ``context`` holds normalised names of entities seen in the same articles;
    ``stories`` the ids of the stories it appeared in.
    """

    id: str
    name: str
    type: str
    names: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    stories: tuple[str, ...] = ()
    articles: int = 0


@dataclass(frozen=True, slots=True)
class Link:
    """An article entity's corpus entity. ``new``: no candidate fitted, so one is created."""

    local_id: str
    entity_id: str
    new: bool
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class _Name:
    given: tuple[str, ...]
    surname: str
    gender: str | None
    titles: tuple[str, ...]


@functools.lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Lower case, no titles, no possessive, no punctuation: "Sen. Ellison's" -> "ellison"."""
    parsed = _parse(name)
    return " ".join((*parsed.given, parsed.surname)).strip()


def _tokens(name: str) -> list[str]:
    name = re.sub(r"['’]s\b", "", name)
    return [t for t in re.split(r"[^\w]+", name.lower()) if t]


@functools.lru_cache(maxsize=65536)
def _parse(name: str) -> _Name:
    tokens = _tokens(name)
    titles: list[str] = []
    gender = None
    while len(tokens) > 1 and (tokens[0] in _TITLE_ROLES or tokens[0] in _FEMALE | _MALE):
        head = tokens.pop(0)
        if head in _FEMALE:
            gender = "f"
        elif head in _MALE:
            gender = "m"
        else:
            titles.append(_TITLE_ROLES[head])
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens.pop()
    if not tokens:
        return _Name((), "", gender, tuple(titles))
    return _Name(tuple(tokens[:-1]), tokens[-1], gender, tuple(titles))


@functools.lru_cache(maxsize=65536)
def _key(entity_type: str, name: str) -> str:
    if entity_type == "PERSON":
        return f"PERSON:{_parse(name).surname}"
    return f"{entity_type}:{normalise(name)}"


def lookup_keys(entity: Entity) -> tuple[str, ...]:
    """Keys under which the store files (and finds) an entity: type plus surname or name."""
    keys = {_key(entity.type, n) for n in (entity.name, *entity.aliases)}
    return tuple(sorted(k for k in keys if not k.endswith(":")))


def entity_roles(entity: Entity) -> tuple[str, ...]:
    """The entity's roles plus those its titles imply ("Sen. Ellison" -> "senator")."""
    roles = list(entity.roles)
    for name in (entity.name, *entity.aliases):
        roles.extend(r for r in _parse(name).titles if r not in roles)
    return tuple(dict.fromkeys(roles))


@functools.lru_cache(maxsize=65536)
def _role_words(roles: tuple[str, ...]) -> frozenset[str]:
    words: set[str] = set()
    for role in roles:
        for token in _tokens(role):
            if token not in _ROLE_STOP:
                words.add(_ROLE_SYNONYMS.get(token, token))
    return frozenset(words)


def _name_match(ours: Sequence[str], theirs: Sequence[str]) -> float | None:
    """FULL_NAME, PARTIAL_NAME, or None when the names cannot be one person."""
    a = [_parse(n) for n in ours]
    b = [_parse(n) for n in theirs]
    genders = {x.gender for x in a if x.gender}, {x.gender for x in b if x.gender}
    if genders[0] and genders[1] and not genders[0] & genders[1]:
        return None  # "Mr. Ellison" is not "Ms. Ellison"
    best: float | None = None
    for x in a:
        for y in b:
            if not x.surname or x.surname != y.surname:
                continue
            if not x.given or not y.given:
                best = max(best or 0.0, PARTIAL_NAME)
            elif _given_compatible(x.given[0], y.given[0]):
                best = FULL_NAME
            else:
                return None  # "Mark Ellison" and "Jane Ellison": two people
    return best


def _given_compatible(a: str, b: str) -> bool:
    # "M. Ellison" ~ "Mark Ellison"
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


@dataclass(frozen=True, slots=True)
class _Fit:
    score: float
    full: bool  # the names agree in full, not just on a surname
    conflict: bool  # both sides have roles and none is shared


def _score(
    entity: Entity,
    roles: Sequence[str],
    context: set[str],
    story_id: str | None,
    candidate: CorpusEntity,
) -> _Fit | None:
    if candidate.type != entity.type:
        return None
    names = (entity.name, *entity.aliases)
    if entity.type != "PERSON":
        ours = {normalise(n) for n in names}
        same = ours & {normalise(n) for n in (candidate.name, *candidate.names)}
        return _Fit(FULL_NAME, True, False) if same else None
    base = _name_match(names, candidate.names or (candidate.name,))
    if base is None:
        return None
    if normalise(entity.name) == normalise(candidate.name) and " " not in normalise(entity.name):
        # "Ellison" and a corpus "Ellison" nobody could resolve: one bucket, not one per article
        base = FULL_NAME
    score = base
    mine, theirs = _role_words(tuple(roles)), _role_words(candidate.roles)
    conflict = bool(mine and theirs and not mine & theirs)
    if mine and theirs:
        score += ROLE_CONFLICT if conflict else SHARED_ROLE
    shared = len(context & set(candidate.context))
    score += SHARED_CONTEXT * min(shared, MAX_CONTEXT)
    if story_id and story_id in candidate.stories:
        score += SAME_STORY
    return _Fit(score, base >= FULL_NAME, conflict)


def article_context(digest: Digest, entity: Entity) -> set[str]:
    """Normalised names of the other entities in the article (the co-occurrence evidence)."""
    own = normalise(entity.name)
    return {normalise(e.name) for e in digest.entities} - {"", own}


def link_entities(
    digest: Digest,
    candidates: Sequence[CorpusEntity],
    story_id: str | None = None,
) -> tuple[Link, ...]:
    """One ``Link`` per entity of ``digest``, in entity order.

    Two entities of one article never share a corpus entity (the digest already
    decided they are different referents). A surname alone ("Ellison") links
    when it is the only compatible candidate or the evidence clearly favours one.
    """
    options: list[tuple[float, int, int, str]] = []
    filed: dict[str, set[str]] = {}  # lookup key -> candidate ids, so each entity sees its own
    for cand in candidates:
        for name in (cand.name, *cand.names):
            filed.setdefault(_key(cand.type, name), set()).add(cand.id)
    by_id = {c.id: c for c in candidates}
    for position, entity in enumerate(digest.entities):
        roles = entity_roles(entity)
        context = article_context(digest, entity)
        scored: list[tuple[float, int, str, _Fit]] = []
        mine = {c for key in lookup_keys(entity) for c in filed.get(key, ())}
        for cand in (by_id[c] for c in sorted(mine)):
            fit = _score(entity, roles, context, story_id, cand)
            if fit is not None:
                scored.append((fit.score, cand.articles, cand.id, fit))
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
    for position, entity in enumerate(digest.entities):
        if position in chosen:
            cand_id, score = chosen[position]
            links.append(Link(entity.id, cand_id, new=False, score=score))
        else:
            links.append(Link(entity.id, new_entity_id(digest.article.id, entity), new=True))
    return tuple(links)


def _accept(fit: _Fit, runner_up: float | None) -> bool:
    if fit.full:
        # a full name links on its own unless roles conflict with nothing else in favour
        return fit.score >= LINK_AT and (runner_up is None or fit.score >= runner_up)
    if runner_up is None:
        # a bare surname and nobody else it could be: link unless the roles disagree
        return fit.score >= PARTIAL_NAME and (not fit.conflict or fit.score >= LINK_AT)
    # several people share the surname: one piece of evidence more than the next best
    return fit.score >= PARTIAL_NAME + SHARED_CONTEXT and fit.score - runner_up >= SHARED_CONTEXT


def new_entity_id(article_id: str, entity: Entity) -> str:
    """A stable id for a corpus entity first seen as ``entity`` in ``article_id``."""
    key = f"{article_id}\x1f{entity.id}\x1f{entity.type}\x1f{entity.name}"
    return "c" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:15]


def better_name(current: str, seen: str, entity_type: str) -> str:
    """The corpus entity's display name after seeing ``seen``: the fuller form wins.

    "Ellison" then "Mark Ellison" -> "Mark Ellison"; titles are dropped for people.
    """
    if entity_type == "PERSON":
        cur, new = _parse(current), _parse(seen)
        if len(new.given) > len(cur.given):
            return _display(seen)
        return current
    return current


def _display(name: str) -> str:
    # "Sen. Mark Ellison" -> "Mark Ellison": keep the original casing of the name itself
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in {*_TITLE_ROLES, *_FEMALE, *_MALE}:
        words.pop(0)
    return " ".join(words)


def merge_context(old: Sequence[str], new: set[str]) -> tuple[str, ...]:
    """The newest names first, at most ``CONTEXT_SIZE``: bounded evidence for later links."""
    return tuple(dict.fromkeys([*sorted(new), *old]))[:CONTEXT_SIZE]
