"""Read -> analyse -> link -> write: the ingest path, above both ``corpus`` and ``store``.

``build.ingest`` runs it over a stream of articles; ``write.write_batch`` is one
batch of it (link against the store as it stands, then persist, in one transaction).
"""
