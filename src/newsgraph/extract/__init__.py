"""Pure functions from a parsed ``Doc`` to records, one package per extractor family.

Each package's ``__init__`` re-exports its public ``find_*`` functions:
``entities`` (names, roles, relations), ``references`` (pronouns and role nouns to
entities, quote speakers), ``quotes``, ``times``, ``events``, ``main_event``; with
``summary``. Shared knowledge is written once: ``syntax`` (dependency-label sets and
parse helpers) and ``lexicon`` (word lists as data modules); the article's layout
(headline, lead, dateline) comes from ``newsgraph.nlp.layout``. Nothing here writes or
reads the store.
"""
