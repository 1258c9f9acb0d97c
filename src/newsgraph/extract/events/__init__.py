"""Typed events from verbs and nouns, with participants, time, place and modality."""

from newsgraph.extract.events.find import EventMention, find_event_mentions, find_events

__all__ = ["EventMention", "find_event_mentions", "find_events"]
