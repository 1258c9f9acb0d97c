"""Word lists as data modules, each list written once.

``people`` (honorifics, titles, kin terms, role nouns, gendered words, pronouns, first
names), ``places`` (countries, peoples, place prepositions and nouns), ``names``
(company suffixes, names that are not people), ``speech`` (verbs and nouns of saying
with their act and frames) and ``modality`` (future, possibility and negation cues).
Import from the module that holds a list; ``ABBREVIATED_TITLES`` is also here for the
pipeline, which adds them to the tokenizer.
"""

from newsgraph.extract.lexicon.people import ABBREVIATED_TITLES

__all__ = ["ABBREVIATED_TITLES"]
