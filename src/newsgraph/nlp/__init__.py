"""The spaCy pipeline: the pinned English model plus newsgraph's own components."""

# doc.user_data key: the character offset where the article's body begins after a
# header (summary line, title, dek); the header's names are matched, not trusted.
BODY_START = "newsgraph_body_start"
