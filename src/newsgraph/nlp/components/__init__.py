"""newsgraph's spaCy components, one per file. Each only annotates; the logic lives in extract/."""
