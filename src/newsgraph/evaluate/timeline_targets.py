"""Which words of an article name a SemEval-2015 Task 4 target ("Airbus A380").

The target's own words or a distinctive part of them ("A380", "Gallois", "USAF"), the
mentions of a digest entity so named (with the pronouns coreference gave it), and the
definite descriptions that take up a product named just before them ("the plane"):
a description belongs to the nearest product name before it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsgraph.records import Digest

Span = tuple[int, int]

# single words that name no one on their own: "Corps" of "Apple Corps", "Store"
_GENERIC_WORDS = frozenset(
    "corps store airlines airline force inc company group corporation the of and".split()
)
# capitalised words that open a name without being part of it: "Mr. Jobs", "The Air Force"
_NAME_OPENERS = frozenset("Mr Ms Mrs Dr The A An This That Its Former President Chairman".split())
# what a product is called once named: "the plane", "the new device"
PRODUCT_NOUNS = frozenset(
    "plane planes aircraft airliner airliners jet jets superjumbo jumbo jetliner airplane "
    "aeroplane device phone handset player players model version".split()
)
# a definite description of a product: "the plane", "the new device", "its first jet"
_DESCRIPTION = re.compile(
    r"\b(?:the|this|its|their)\s+(?:[a-z][\w-]*\s+){0,2}(?P<noun>"
    + "|".join(sorted(PRODUCT_NOUNS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
# a name of an aircraft or a device that is no target: "A330", "737", "iPad", "MacBook"
_MODEL = re.compile(r"(?<![\w-])(?:[A-Z]{1,2}\d{3}|\d{3}|i[A-Z][a-z]+|Mac[A-Z]?\w*)(?![\w])")


def target_variants(target: str) -> list[str]:
    """The strings that name ``target`` in a text, longest first.

    ``"Boeing 787 Dreamliner"`` -> the whole name, "787 Dreamliner", "Dreamliner",
    "Boeing 787", "787"; ``"Steve Jobs"`` -> "Steve Jobs", "Jobs"; ``"United States Air
    Force"`` -> also "USAF" and "Air Force"; ``"iTunes store"`` -> also "iTunes
    Store". A part is kept when it is not a generic word ("Corps", "Store") and
    not a bare short number ("4" of "iPhone 4").
    """
    words = target.split()
    # the task writes "iTunes store" where the texts write "iTunes Store"
    out = [target, " ".join([words[0]] + [w[0].upper() + w[1:] for w in words[1:]])]
    for n in range(1, len(words)):
        suffix = words[n:]
        if len(suffix) == 1 and not _distinctive(suffix[0]):
            continue
        out.append(" ".join(suffix))
    for n in range(2, len(words)):
        out.append(" ".join(words[:n]))  # "Northrop Grumman" of a longer name, "Boeing 787"
    if is_product(target):
        # the model number alone: "the 787" of "Boeing 787 Dreamliner"
        out.extend(w for w in words if len(w) >= 3 and any(ch.isdigit() for ch in w))
    if len(words) >= 3:
        out.append("".join(w[0] for w in words if w[0].isupper()))  # "USAF"
    seen: list[str] = []
    for v in out:
        if v not in seen:
            seen.append(v)
    return sorted(seen, key=len, reverse=True)


def _distinctive(word: str) -> bool:
    if word.lower() in _GENERIC_WORDS:
        return False
    if word.isdigit():
        return len(word) >= 3  # "777", not "4"
    return len(word) >= 3 and (word[0].isupper() or any(ch.isdigit() for ch in word))


def named_spans(target: str, digest: Digest, short_forms: Sequence[str] = ()) -> list[Span]:
    """The char spans that name ``target`` in the digest's text (see ``target_variants``;
    ``short_forms`` the corpus defines, ``acronyms``), with the mentions of a digest
    entity of that name (its pronouns included)."""
    text = digest.article.text
    spans: list[Span] = []
    for variant in target_variants(target) + list(short_forms):
        # the task's own case: "iPod", "iTunes"; word-bounded, so "Jobs" is not "Jobsworth"
        pattern = re.compile(r"(?<![\w-])" + re.escape(variant) + r"(?![\w-])")
        # an operator before a model is no other name: "an American Airlines 777"
        part = target.endswith(variant) and variant != target and not is_product(target)
        for m in pattern.finditer(text):
            if part and _inside_other_name(text, m.start(), target):
                continue
            if not _covered((m.start(), m.end()), spans):
                spans.append((m.start(), m.end()))
    variants = {v.lower() for v in target_variants(target)}
    for ent in digest.entities:
        names = {ent.name.lower(), *(a.lower() for a in ent.aliases)}
        if names & variants:
            spans.extend(m for m in ent.mentions if not _covered(m, spans))
    return spans


def acronyms(target: str, texts: Sequence[str]) -> list[str]:
    """The short forms any of the texts defines for the target: "Singapore Airlines (
    SIA )" lets another article's "SIA has stated" name the airline."""
    pattern = re.compile(re.escape(target) + r"\s*\(\s*([A-Z][A-Za-z]{1,5})\s*\)")
    return sorted({m.group(1) for text in texts for m in pattern.finditer(text)} - {target})


def _inside_other_name(text: str, start: int, target: str) -> bool:
    """Whether the capitalised word before ``start`` makes a part of the target the end
    of another name: "Royal Australian Air Force" is not the "(United States) Air Force";
    "Mr. Jobs", "The Air Force" and "Boeing 777-200LR" (a word of the target itself)
    keep their word."""
    before = re.search(r"([\w.&'-]+)\s+$", text[max(0, start - 40) : start])
    if before is None:
        return False
    word = before.group(1)
    if word in target.split() or word.rstrip(".") in _NAME_OPENERS:
        return False
    return word[0].isupper() and not word.isupper()


def is_product(target: str) -> bool:
    """``"Airbus A380"``, ``"iPod"``: a model number or an i-name makes a product."""
    return any(ch.isdigit() for ch in target) or bool(re.match(r"i[A-Z]", target))


def target_references(
    targets: Sequence[str], digest: Digest, short_forms: Mapping[str, Sequence[str]] | None = None
) -> dict[str, list[Span]]:
    """Every target's spans in one article: its names, then the descriptions of a
    product ("the plane", "the device") whose nearest product name before them is the
    target's. Names of other models ("A330") compete for a description too, so "the
    plane" after "the A330" is no A380.

    Organisations are not taken up this way: "the company" after a name was as often
    another company, and lost more events than it found on both corpora; nor is "it"
    (after the product named last: trial +0.002, corpus 1 -0.005).
    """
    short_forms = short_forms or {}
    spans = {t: named_spans(t, digest, short_forms.get(t, ())) for t in targets}
    text = digest.article.text
    taken = [s for t in targets for s in spans[t]]
    names: list[tuple[int, str | None]] = [
        (s[0], t) for t in targets if is_product(t) for s in spans[t]
    ]
    names.extend(
        (m.start(), None) for m in _MODEL.finditer(text) if not _covered((m.start(), 0), taken)
    )
    names.sort()
    for m in _DESCRIPTION.finditer(text):
        before = [owner for start, owner in names if start < m.start()]
        if before and before[-1] is not None:
            spans[before[-1]].append((m.start("noun"), m.end("noun")))
    return spans


def _covered(span: Span, spans: Sequence[Span]) -> bool:
    return any(s <= span[0] < e for s, e in spans)
