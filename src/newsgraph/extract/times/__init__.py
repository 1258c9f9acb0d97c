"""Time expressions found in text and normalised to TIMEX3 against the publication date."""

from newsgraph.extract.times.find import find_times

__all__ = ["find_times"]
