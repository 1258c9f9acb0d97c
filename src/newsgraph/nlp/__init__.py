"""The spaCy side: the pipeline, our components, and per-Doc lookups the extractors share.

``doc`` (text and sentence bounds kept once per Doc) is below ``extract/``;
``components`` and ``pipeline`` sit above it and call the extractors.
"""
