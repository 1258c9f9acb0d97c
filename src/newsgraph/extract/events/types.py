"""The event types newsgraph knows, as one documented table, and the words that signal them.

Each row gives a type's genre, the verb lemmas and noun lemmas that trigger it
and, where the type has them, the specific names of its agent and patient
("sentencing": the judge sentences the defendant). An eventive predicate that
no row claims gets the type ``other``. The verbs of the speech rows are the
statement and criticism verbs of ``lexicon.speech``; the modality cue words are
in ``lexicon.modality``.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.extract.lexicon.speech import (
    CRITICISM_NOUNS,
    CRITICISM_VERBS,
    STATEMENT_NOUNS,
    STATEMENT_VERBS,
)

OTHER = "other"


@dataclass(frozen=True, slots=True)
class EventType:
    """One row of the table. ``agent``/``patient``: the type's own names for those roles."""

    name: str
    genre: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    agent: str | None = None
    patient: str | None = None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _row(
    name: str,
    genre: str,
    verbs: str | frozenset[str],
    nouns: str | frozenset[str],
    agent: str = "",
    patient: str = "",
) -> EventType:
    """A row from words written out ("arrest detain") or from a word list of the lexicon."""
    return EventType(
        name,
        genre,
        frozenset(verbs.split()) if isinstance(verbs, str) else verbs,
        frozenset(nouns.split()) if isinstance(nouns, str) else nouns,
        agent or None,
        patient or None,
    )


# name, genre, verb lemmas, noun lemmas, agent role, patient role.
# Multi-word triggers are matched on their head word: "press conference" on
# "conference", "plead guilty" on "plead".
# fmt: off
EVENT_TYPES: tuple[EventType, ...] = (
    # legal life cycle
    _row("arrest", "legal", "arrest detain apprehend", "arrest detention", "", "detainee"),
    _row("charge", "legal", "charge indict prosecute",
         "charge indictment prosecution", "prosecutor", "defendant"),
    _row("investigation", "legal", "investigate probe",
         "investigation probe inquiry", "investigator", ""),
    _row("plea", "legal", "plead", "plea", "defendant", ""),
    _row("trial", "legal", "try", "trial retrial hearing", "", "defendant"),
    _row("verdict", "legal", "convict acquit",
         "verdict conviction acquittal", "court", "defendant"),
    _row("sentencing", "legal", "sentence jail imprison",
         "sentencing sentence", "judge", "defendant"),
    _row("dismissal", "legal", "dismiss drop withdraw", "dismissal", "judge", ""),
    _row("appeal", "legal", "appeal", "appeal", "appellant", ""),
    _row("lawsuit", "legal", "sue", "lawsuit suit litigation", "plaintiff", "defendant"),
    _row("settlement", "legal", "settle", "settlement", "", ""),
    _row("ruling", "legal", "rule overturn uphold", "ruling judgment", "court", ""),
    _row("release", "legal", "free parole", "parole", "", "detainee"),
    # violence and disasters
    _row("shooting", "violence", "shoot", "shooting gunfire", "attacker", "victim"),
    _row("attack", "violence", "attack bomb raid stab assault ambush ram",
         "attack bombing raid stabbing assault ambush massacre", "attacker", "target"),
    _row("explosion", "violence", "explode detonate blow", "explosion blast", "attacker", ""),
    _row("killing", "violence", "kill murder assassinate execute slay",
         "killing murder assassination execution homicide", "killer", "victim"),
    _row("death", "violence", "die drown", "death fatality", "", "victim"),
    _row("injury", "violence", "injure wound hurt", "injury", "", "victim"),
    _row("accident", "disaster", "crash derail collide overturn capsize",
         "accident crash collision derailment", "", ""),
    _row("fire", "disaster", "burn", "fire blaze wildfire", "", ""),
    _row("earthquake", "disaster", "", "earthquake quake tsunami", "", ""),
    _row("storm", "disaster", "flood",
         "storm hurricane typhoon cyclone tornado flood flooding", "", ""),
    _row("kidnapping", "violence", "kidnap abduct", "kidnapping abduction", "kidnapper", "victim"),
    _row("protest", "politics", "protest demonstrate rally march",
         "protest demonstration rally", "protester", ""),
    _row("rescue", "disaster", "rescue evacuate", "rescue evacuation", "rescuer", ""),
    # politics
    _row("election", "politics", "elect", "election", "", "candidate"),
    _row("vote", "politics", "vote", "vote referendum ballot", "voter", ""),
    _row("resignation", "politics", "resign quit", "resignation", "", ""),
    _row("appointment", "politics", "appoint nominate", "appointment nomination", "", "appointee"),
    _row("dismissal_from_office", "politics", "fire sack oust", "ouster", "", "employee"),
    _row("legislation", "politics", "legislate enact veto", "legislation bill law veto", "", ""),
    _row("meeting", "politics", "meet", "meeting summit talks", "", ""),
    _row("visit", "politics", "visit", "visit tour", "visitor", ""),
    _row("agreement", "politics", "agree sign", "agreement treaty accord", "", ""),
    _row("victory", "politics", "win defeat beat", "victory win defeat", "winner", ""),
    # business
    _row("acquisition", "business", "acquire buy purchase",
         "acquisition purchase takeover buyout", "buyer", "acquired"),
    _row("merger", "business", "merge", "merger", "", ""),
    _row("sale", "business", "sell", "sale", "seller", ""),
    _row("deal", "business", "", "deal contract order", "", ""),
    _row("delivery", "business", "deliver supply ship", "delivery shipment", "supplier", ""),
    _row("layoff", "business", "lay", "layoff redundancy", "employer", ""),
    _row("earnings", "business", "earn", "earnings profit revenue loss", "", ""),
    _row("launch", "business", "launch unveil introduce debut",
         "launch unveiling debut premiere", "", ""),
    _row("bankruptcy", "business", "", "bankruptcy insolvency", "", ""),
    _row("investment", "business", "invest fund", "investment funding", "investor", ""),
    # speech
    _row("statement", "speech", STATEMENT_VERBS, STATEMENT_NOUNS, "speaker", ""),
    _row("press_conference", "speech", "", "conference briefing", "speaker", ""),
    _row("interview", "speech", "interview", "interview", "", ""),
    _row("criticism", "speech", CRITICISM_VERBS, CRITICISM_NOUNS, "critic", ""),
)
# fmt: on

TYPES: dict[str, EventType] = {row.name: row for row in EVENT_TYPES}

_VERB_TYPE: dict[str, str] = {}
_NOUN_TYPE: dict[str, str] = {}
for _row_ in EVENT_TYPES:
    for _lemma in _row_.verbs:
        _VERB_TYPE.setdefault(_lemma, _row_.name)
    for _lemma in _row_.nouns:
        _NOUN_TYPE.setdefault(_lemma, _row_.name)

# Verbs whose sense, and so the type, depends on the object: "fire a gun" is an
# attack, "fire an employee" a dismissal from office; "drop the charges" a dismissal,
# "prices dropped" nothing typed. value: object lemmas that select the type.
OBJECT_SENSITIVE: dict[str, frozenset[str]] = {
    "drop": frozenset({"charge", "case", "lawsuit", "suit", "indictment", "count"}),
    "dismiss": frozenset(
        {"charge", "case", "lawsuit", "suit", "indictment", "count", "claim", "appeal", "complaint"}
    ),
    # "withdrew their appeal" ends a case; "withdrew troops", "withdrew from the race" not
    "withdraw": frozenset(
        {
            "charge",
            "case",
            "lawsuit",
            "suit",
            "indictment",
            "count",
            "claim",
            "appeal",
            "complaint",
            "motion",
            "petition",
        }
    ),
    "lay": frozenset({"off"}),  # "laid off 200 workers": the particle
    "blow": frozenset({"up"}),  # "blew up the bridge"
}

# Verbs of two rows, told apart by the object: "overturned the conviction" is a
# ruling, "the truck overturned" (no legal object) an accident.
# value: (objects that select the first type, first type, otherwise).
TWO_SENSE_VERBS: dict[str, tuple[frozenset[str], str, str]] = {
    "overturn": (
        frozenset(
            """ruling verdict decision conviction sentence judgment judgement ban law order
            result election acquittal injunction policy rule precedent""".split()
        ),
        "ruling",
        "accident",
    ),
    # "attacking the prosecutor's choice" is criticism, "attacked the convoy" an attack
    "attack": (
        frozenset(
            """decision choice plan plans policy policies ruling record remark remarks comment
            comments claim claims proposal bill law deal idea move handling response
            statement report approach strategy agenda stance position view views
            credibility character integrity judgment judgement motive motives leadership
            performance conduct tactic tactics""".split()
        ),
        "criticism",
        "attack",
    ),
}

# Objects that rule a type out: "an action film being shot" is filming, not a shooting;
# particles too: "sign up to receive it" is no agreement, "it is not ruled out" no ruling.
EXCLUDING_OBJECTS: dict[str, frozenset[str]] = {
    "shoot": frozenset(
        "film movie scene video footage episode photo picture commercial documentary series "
        "show sequence pilot".split()
    ),
    "sign": frozenset({"up"}),
    "rule": frozenset({"out"}),
}

# Objects that give a verb a type of another row: "fired the revolver", "fired the fatal
# shot" are a shooting (a person fired is a dismissal from office), "fired rockets" an attack.
_GUNS = """gun guns revolver pistol rifle rifles weapon weapons firearm handgun shotgun shot
    shots round rounds bullet bullets volley salvo""".split()
_ARMS = "missile missiles rocket rockets mortar mortars shell shells artillery".split()
OBJECT_TYPES: dict[str, dict[str, str]] = {
    "fire": {**dict.fromkeys(_GUNS, "shooting"), **dict.fromkeys(_ARMS, "attack")},
}
# "police fired on the crowd", "fired into the air": a shooting with no object at all
FIRING_PREPS = frozenset({"on", "at", "into", "upon"})

# Verbs that, with an event noun as object, only frame it: "launched an operation against
# the group", "launched a series of attacks" are no product launch (the noun is the event).
FRAMING_VERBS = frozenset({"launch"})

# "charge the Air Force for the costs", "a nominal charge": the price, not the indictment
MONEY_CHARGE_MODIFIERS = frozenset(
    """nominal added extra service delivery monthly annual flat fixed hidden small late
    handling shipping roaming booking admission""".split()
)
# Verbs typed only with a person as object (or passive subject): "fired the manager"
# (not "fired shots"), "was tried for fraud" (not "tried to leave").
PERSON_OBJECT_VERBS = frozenset({"fire", "try", "sack"})
# Speech verbs that, with a plain object and no clause, mean something else:
# "the contract adds two paid breaks", "a deal that added $9 million a year".
OBJECT_NOT_SPEECH = frozenset({"add"})

# Nouns that name an event but say nothing of its type: a later "the incident"
# refers back to the latest violence or disaster event.
ANAPHORIC_EVENT_NOUNS = frozenset({"incident", "tragedy", "disaster", "ordeal", "episode"})

# Eventive nouns with no row of their own (type "other"): news-domain nominalisations
# and event words ("the flight", "a dispute", "the ceremony").
OTHER_EVENT_NOUNS = _words(
    """
    flight landing takeoff test trip journey voyage race game match season tournament
    championship performance show concert festival ceremony celebration event party wedding
    funeral birth marriage divorce dispute conflict war battle fight fighting clash violence
    unrest riot crisis strike boycott campaign negotiation negotiations discussion
    discussions debate talk speech address testimony hearing review inspection audit report
    study survey research search hunt operation mission effort attempt bid offer proposal
    plan plans project programme program process development production manufacturing
    construction expansion growth decline drop fall change changes shift move decision
    choice ban restriction sanction sanctions cut cuts reduction increase rise boost gain
    loss losses improvement improvements upgrade replacement repair recall delay delays
    cancellation closure shutdown outage failure problem problems issue issues glitch flaw
    flaws fault error breakdown malfunction crackdown scandal controversy outrage backlash
    complaint complaints claim claims demand request call warning threat response reaction
    support opposition approval rejection award prize release return departure arrival exit
    entry withdrawal retirement promotion transfer use service operations work job cuts
    competition contest bidding tender partnership alliance collaboration cooperation merger
    transition reform restructuring rearrangement redesign
    """
)

# Verbs that are never events on their own: "according to", "based in", "including".
NON_EVENT_VERBS = frozenset(
    {
        "accord",
        "base",
        "include",
        "regard",
        "relate",
        "concern",
        "involve",
        "consist",
        "contain",
        "mean",
        "seem",
        "appear",
        "let",
        "like",
    }
)

# Intransitive uses where the subject undergoes the event (PropBank Arg1):
# "the plane crashed", "shares fell", "the man died".
UNACCUSATIVE_VERBS = _words(
    """
    die fall rise drop decline increase decrease grow shrink crash collapse derail overturn
    capsize sink explode burn occur happen arrive come go return leave begin start end
    finish close open stop continue remain stay change improve worsen fail break suffer
    slump surge jump soar plunge tumble climb dip slide recover survive emerge appear
    disappear vanish expire lapse resign retire
    """
)

# Nouns whose possessor is the patient: "Raske's sentencing", "his arrest", "her death".
PATIENT_POSSESSOR_TYPES = frozenset(
    {
        "arrest",
        "charge",
        "trial",
        "verdict",
        "sentencing",
        "release",
        "death",
        "injury",
        "killing",
        "kidnapping",
        "election",
        "appointment",
        "resignation",
        "dismissal_from_office",
    }
)


def verb_type(lemma: str) -> str:
    """The type a verb lemma triggers, or ``other``."""
    return _VERB_TYPE.get(lemma, OTHER)


def noun_type(lemma: str) -> str | None:
    """The type a noun lemma triggers, ``other`` for a known untyped event noun, else None."""
    if lemma in _NOUN_TYPE:
        return _NOUN_TYPE[lemma]
    if lemma in OTHER_EVENT_NOUNS:
        return OTHER
    return None
