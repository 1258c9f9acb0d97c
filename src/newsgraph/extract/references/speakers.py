"""Who a quote's source phrase refers to: names, pronouns and role nouns -> entity ids.

"Ellison" and "Mr. Ellison" are mentions of an entity; "she" goes to the nearest
compatible person (the previous quote's speaker first); "the spokeswoman" goes to
the person whose role is spokeswoman (``references.roles``). Gender comes from
honorifics, gendered role and kin nouns and the lexicon's common first names.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.lexicon.people import (
    FEMALE_FIRST_NAMES,
    GENDERED_ROLES,
    HONORIFICS,
    KIN_TERMS,
    MALE_FIRST_NAMES,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
)
from newsgraph.extract.lexicon.speech import CUE_VERBS
from newsgraph.extract.references.roles import holders_named, role_references
from newsgraph.extract.syntax import NOMINAL_SUBJECTS
from newsgraph.records import Entity

_GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})


class SpeakerResolver:
    """Links source phrases of one document to the digest's entities."""

    def __init__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        sent_bounds: Sequence[tuple[int, int]],
        quoted: Sequence[tuple[int, int]] = (),
        reported: Sequence[tuple[int, int]] = (),
        sources: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc = doc
        self.sent_bounds = sent_bounds
        # quoted stretches (sorted): a name said inside a quote is not who said it
        self._quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self._quoted]
        # the content of reported statements, quoted or not (sorted): the subject of a
        # clause someone reported is not the subject of the narration
        self._reported = sorted(reported)
        self._reported_starts = [s for s, _ in self._reported]
        # ... unless it is the source of a statement of its own: "X told investigators
        # that ..., according to a police report" reports X's statement
        self._sources = sorted(sources)
        self.entities = {e.id: e for e in entities}
        starts: list[tuple[int, int, str]] = []
        for ent in entities:
            for start, end in ent.mentions:
                starts.append((start, end, ent.id))
        starts.sort()
        self._mentions = starts
        self._mention_starts = [s for s, _, _ in starts]
        self._gender = {e.id: _entity_gender(e) for e in entities}
        self._roles: dict[int, str] | None = None  # role_references, made on first use

    def entity_in(self, start: int, end: int, prefer: int | None = None) -> str | None:
        """The entity mentioned inside [start, end), the one covering ``prefer`` first."""
        lo = bisect.bisect_left(self._mention_starts, start)
        hits = []
        for m_start, m_end, ent_id in self._mentions[lo:]:
            if m_start >= end:
                break
            if m_end <= end:
                hits.append((m_start, m_end, ent_id))
        if not hits:
            # a mention that begins before the span and runs into it ("the Trump campaign")
            for m_start, m_end, ent_id in self._mentions[max(0, lo - 3) : lo]:
                if m_start < start < m_end:
                    return ent_id
            return None
        if prefer is not None:
            for m_start, m_end, ent_id in hits:
                if m_start <= prefer < m_end:
                    return ent_id
        return hits[0][2]

    def mentions_before(self, pos: int, window: int) -> list[tuple[int, str]]:
        """(start, entity id) of the mentions that begin in [pos - window, pos), latest first."""
        hi = bisect.bisect_left(self._mention_starts, pos)
        out = []
        for m_start, _m_end, ent_id in reversed(self._mentions[:hi]):
            if m_start < pos - window:
                break
            out.append((m_start, ent_id))
        return out

    def quotation_at(self, char: int) -> tuple[int, int] | None:
        """The quoted stretch that holds ``char``, or None."""
        n = bisect.bisect_right(self._quoted_starts, char) - 1
        return self._quoted[n] if n >= 0 and char < self._quoted[n][1] else None

    def _in_quote(self, char: int) -> bool:
        return self.quotation_at(char) is not None

    def _in_reported(self, char: int) -> bool:
        n = bisect.bisect_right(self._reported_starts, char) - 1
        if n < 0 or char >= self._reported[n][1]:
            return False
        if any(start <= char < end for start, end in self._sources):
            return False
        # "X told investigators that ..., according to a police report": the subject of
        # a saying verb inside the content is a speaker still
        verb = self._subject_head(char)
        return verb is None or verb.head.lemma_.lower() not in CUE_VERBS

    def gender(self, ent_id: str) -> str | None:
        return self._gender.get(ent_id)

    def resolve(self, head: Token, span: Span, previous: str | None) -> str | None:
        """The entity id a source phrase refers to, or None.

        ``head`` is the phrase's head token, ``span`` the whole phrase and
        ``previous`` the speaker of the preceding quote (a strong antecedent).
        """
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS or lower in PLURAL_PRONOUNS:
            return self._pronoun(head, previous)
        if head.pos_ != "PROPN":
            # "Cole's lawyer, Marcus Bell": the apposition names the speaker, not "Cole's"
            for child in head.children:
                if child.dep_ == "appos":
                    end = child.right_edge
                    named = self.entity_in(child.left_edge.idx, end.idx + len(end), child.idx)
                    if named is not None and self.entities[named].type == "PERSON":
                        return named
        found = self.entity_in(span.start_char, span.end_char, prefer=head.idx)
        if found is not None and not _only_possessor(span, head, found, self):
            return found
        return self._role_noun(head, span, previous)

    def _pronoun(self, head: Token, previous: str | None) -> str | None:
        found = self._pronoun_antecedent(head, previous)
        gender = PERSON_PRONOUNS.get(head.lower_, (None, "sg"))[0]
        if found is not None and gender and self._gender.get(found) is None:
            # "She argued" tells Whitfield's gender to every later pronoun: a "He" two
            # paragraphs on is then not her (quotes are resolved in text order)
            self._gender[found] = gender
        return found

    def _pronoun_antecedent(self, head: Token, previous: str | None) -> str | None:
        lower = head.lower_
        if lower in {"i", "me", "you", "it", "this", "that", "who", "which"}:
            return None
        if lower in PLURAL_PRONOUNS:
            wanted_types = _GROUP_TYPES
            gender = None
        else:
            wanted_types = frozenset({"PERSON"})
            gender = PERSON_PRONOUNS.get(lower, (None, "sg"))[0]

        def fits(ent_id: str) -> bool:
            ent = self.entities.get(ent_id)
            if ent is None or ent.type not in wanted_types:
                return False
            g = self._gender.get(ent_id)
            return gender is None or g is None or g == gender

        sent_start = self.doc[self.sent_bounds[head.i][0]].idx
        # a name earlier in the same sentence binds first: "Trump said he ..."
        for m_start, ent_id in self.mentions_before(head.idx, head.idx - sent_start):
            if fits(ent_id) and self._is_subject_at(m_start) and not self._in_quote(m_start):
                return ent_id
        candidates = [
            (s, e) for s, e in self.mentions_before(head.idx, 1500) if not self._in_quote(s)
        ]
        # "Whitfield told reporters that the Brennan family would keep fighting. She
        # insisted": Brennan is the subject of what Whitfield said, not of the story
        subjects = [
            (s, e)
            for s, e in candidates
            if fits(e) and self._is_subject_at(s) and not self._in_reported(s)
        ]
        if previous is not None and fits(previous):
            last = self.mentions_before(head.idx, 1500)
            seen = [s for s, e in last if e == previous]
            if seen:
                # the previous quote's speaker, unless another person has since been the
                # subject: "Ortiz ... told investigators ... He said" is Ortiz's
                later = [e for s, e in subjects if s > seen[0] and e != previous]
                return later[0] if later else previous
        if subjects:
            return subjects[0][1]
        for _, ent_id in candidates:
            if fits(ent_id):
                return ent_id
        return None

    def _is_subject_at(self, char: int) -> bool:
        return self._subject_head(char) is not None

    def _subject_head(self, char: int) -> Token | None:
        """The head of the subject phrase a mention at ``char`` is in, or None when the
        mention is no subject."""
        tok = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if tok is None:
            return None
        head = tok[0]
        while head.dep_ in {"compound", "flat", "amod", "det"} and head.head.i != head.i:
            head = head.head
        return head if head.dep_ in NOMINAL_SUBJECTS else None

    def _near_word(self, ent_id: str, lemma: str) -> bool:
        """Whether ``lemma`` occurs in the sentence of a mention of ``ent_id`` or in the
        sentence before it."""
        ent = self.entities.get(ent_id)
        if ent is None:
            return False
        for start, end in ent.mentions:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            sent_start, sent_end = self.sent_bounds[span.start]
            if sent_start > 0:
                sent_start = self.sent_bounds[sent_start - 1][0]
            if any(t.lemma_.lower() == lemma for t in self.doc[sent_start:sent_end]):
                return True
        return False

    def _role_noun(self, head: Token, span: Span, previous: str | None) -> str | None:
        """ "The spokeswoman said": the rule of ``references.roles`` first, so that the
        quote and the coreference mention name one person; where it abstains, the holder
        of the role written about nearest before."""
        if self._roles is None:
            self._roles = role_references(self.doc, list(self.entities.values()))
        found = self._roles.get(head.i)
        if found is not None:
            return found
        fitting = holders_named(self.entities.values(), head, span)
        head_word = head.lemma_.lower()
        if len(fitting) > 1:
            # "the investors' lawyer": the lawyer written about next to the investors
            owner = next((t for t in head.children if t.dep_ == "poss"), None)
            if owner is not None and owner.pos_ in {"NOUN", "PROPN"}:
                near = [f for f in fitting if self._near_word(f[1], owner.lemma_.lower())]
                fitting = near or fitting
        if fitting:
            # the latest mentioned before the phrase; the first listed on a tie
            best_pos = max(pos for pos, _ in fitting)
            return next(ent_id for pos, ent_id in fitting if pos == best_pos)
        if head_word == "office" or head_word in {"campaign", "spokesman", "spokeswoman"}:
            # "the attorney general's office", "the Clinton campaign": its named owner
            for tok in span:
                if tok.dep_ == "poss" or tok.dep_ == "compound":
                    found = self.entity_in(tok.idx, tok.idx + len(tok.text))
                    if found is not None:
                        return found
        return None


def _only_possessor(span: Span, head: Token, ent_id: str, resolver: SpeakerResolver) -> bool:
    """True for "Brennan's lawyer": the entity found is the possessor, not the speaker."""
    if head.pos_ == "PROPN":
        return False
    for tok in head.children:
        if tok.dep_ == "poss":
            m = resolver.entity_in(tok.idx, tok.idx + len(tok.text))
            if m == ent_id:
                # an apposition naming the speaker ("Brennan's sister, Olena Kravets") wins
                return not any(c.dep_ == "appos" for c in head.children)
    return False


def _entity_gender(ent: Entity) -> str | None:
    if ent.type != "PERSON":
        return None
    for alias in (*ent.aliases, ent.name):
        first = alias.split()[0].lower().rstrip(".") if alias.split() else ""
        if first in HONORIFICS and HONORIFICS[first][1]:
            return HONORIFICS[first][1]
    for role in ent.roles:
        for word in role.lower().split():
            g = GENDERED_ROLES.get(word) or KIN_TERMS.get(word)
            if g:
                return g
    first = ent.name.split()[0].lower() if ent.name.split() else ""
    if first in FEMALE_FIRST_NAMES:
        return "f"
    if first in MALE_FIRST_NAMES:
        return "m"
    return None
