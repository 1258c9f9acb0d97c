"""newsgraph's spaCy components, one per file, in the order the digest runs them.

Each only annotates the Doc (``newsgraph.nlp.extensions`` lists what each leaves);
the logic lives in ``extract/``. Importing a module registers its factory; the
``spacy_factories`` entry point does the same for a process that only names it.
"""

from newsgraph.nlp import extensions as _extensions  # noqa: F401  (registers doc._ extensions)
