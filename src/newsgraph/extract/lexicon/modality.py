"""Words that tell an event's modality and a clause's tense: "will appeal", "plans to sue",
"could face charges", "refused to testify", "no one was hurt".

Events read them for ``modality`` (planned, possible, negated); the time tagger reads the
future auxiliaries and the verbs that look ahead for whether a bare "June" is the next one.
"""

from __future__ import annotations

# Auxiliaries of the future: "will", "shall", "'ll", "wo" (won't), "gon" (gonna), and "ll"
# where a text splits off the apostrophe ("they ’ ll fire us", as WikiEvents tokenises).
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "gon", "ll"})
# "could face charges", "may appeal" ("would" in reported speech is a future: events)
POSSIBLE_AUX = frozenset({"may", "might", "could", "can", "ca", "should", "must", "would"})
# Verbs and adjectives whose complement is planned: "plans to sue", "vowed to appeal"
PLAN_GOVERNORS = frozenset(
    {
        "plan",
        "intend",
        "vow",
        "promise",
        "threaten",
        "aim",
        "seek",
        "prepare",
        "schedule",
        "set",
        "expect",
        "hope",
        "want",
        "decide",
        "agree",
        "pledge",
        "propose",
        "mean",
        "wish",
        "go",
        "need",
        "have",
        "consider",
        "offer",
        "ask",
        "urge",
        "order",
        "tell",
        "call",
    }
)
# ... possible: "is likely to resign", "tried to escape"
POSSIBLE_GOVERNORS = frozenset(
    {"likely", "unlikely", "possible", "able", "may", "could", "try", "attempt", "consider"}
)
# ... negated: "refused to testify", "failed to appear"
NEGATING_GOVERNORS = frozenset(
    {
        "refuse",
        "decline",
        "fail",
        "deny",
        "reject",
        "avoid",
        "stop",
        "cease",
        "forgo",
        "unable",
        "abandon",
    }
)
# Modifiers of an event noun: "a planned lawsuit", "possible charges"
PLANNED_MODIFIERS = frozenset(
    {
        "planned",
        "proposed",
        "upcoming",
        "future",
        "expected",
        "scheduled",
        "possible",
        "potential",
        "likely",
        "threatened",
    }
)
# "no charges were filed", "no one was hurt"
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
NEGATIVE_PRONOUNS = frozenset({"nobody", "nothing", "none", "no one", "noone"})

# Verbs whose infinitive complement lies ahead, for the tense of a time: "agreed to buy it
# in February" (the next February)
LOOK_AHEAD_VERBS = frozenset(
    {"agree", "plan", "expect", "decide", "intend", "hope", "aim", "want", "seek", "schedule",
     "propose", "promise", "vow", "threaten", "prepare", "set", "go", "due", "likely", "ready"}
)  # fmt: skip
