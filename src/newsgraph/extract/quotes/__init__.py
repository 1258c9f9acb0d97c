"""Who said what: direct, partial and indirect quotes with their cue, speaker and relay."""

from newsgraph.extract.quotes.find import find_quotes

__all__ = ["find_quotes"]
