"""Evaluation harnesses: score newsgraph against the gold data sets, next to a baseline.

``metrics`` holds the shared measures (P/R/F1, span matching, JSONL); each data set
has one module (``conll``, ``tempeval``, ``events``, ``fivew``, ``polnear``,
``summaries``, ``stories``). newsgraph is always scored on its digest, made as
``newsgraph digest`` makes it (``analysis.analyse_articles``, or ``digests`` when
a baseline needs the same parse).
"""
