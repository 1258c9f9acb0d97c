"""The spaCy side: the pipeline, our components, and what they leave on a Doc.

Below ``extract/``: ``doc`` (text and sentence bounds kept once per Doc),
``extensions`` (the span group keys and ``doc._`` attributes, registered once) and
``codec`` (records in ``user_data`` survive ``DocBin``). Above it: ``components``
(one factory per analysis step, calling the extractors) and ``pipeline``.
"""
