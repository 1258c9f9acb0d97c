"""The article's main event: who, what, when, where, why and how, from headline and lead."""

from newsgraph.extract.main_event.find import find_main_event

__all__ = ["find_main_event"]
