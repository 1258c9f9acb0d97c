"""Pure functions from a parsed ``Doc`` to records, one package per extractor family.

Each package's ``__init__`` re-exports its public ``find_*`` functions:
``entities`` (names, roles, relations), ``references`` (pronouns and role nouns to
entities, quote speakers), ``quotes``, ``times``, ``events``, ``main_event``; with
``summary`` and the shared word lists in ``lexicon``. Nothing here writes or reads
the store.
"""
