"""Words about people: honorifics and titles, kin terms, role nouns, gendered words, pronouns.

One place for this knowledge, so that entities, roles, relations, quote speakers,
coreference and cross-article linking agree on what "Sen." or "spokeswoman" means.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviated honorifics that stand before a name and are not part of it.
# value: (role it implies or None, gender "m"/"f"/None)
HONORIFICS: dict[str, tuple[str | None, str | None]] = {
    "mr": (None, "m"),
    "mrs": (None, "f"),
    "ms": (None, "f"),
    "miss": (None, "f"),
    "mx": (None, None),
    "dr": ("doctor", None),
    "prof": ("professor", None),
    "sen": ("senator", None),
    "rep": ("representative", None),
    "gov": ("governor", None),
    "lt": ("lieutenant", None),
    "col": ("colonel", None),
    "gen": ("general", None),
    "sgt": ("sergeant", None),
    "capt": ("captain", None),
    "cpl": ("corporal", None),
    "det": ("detective", None),
    "insp": ("inspector", None),
    "supt": ("superintendent", None),
    "rev": ("reverend", None),
    "fr": ("father", "m"),
    "sr": ("sister", "f"),
    "sir": (None, "m"),
    "dame": (None, "f"),
    "lord": (None, "m"),
    "lady": (None, "f"),
    "pres": ("president", None),
    "atty": ("attorney", None),
    "hon": (None, None),
}

# Abbreviated titles the English tokenizer splits at the period ("Sgt" "."), which
# breaks the sentence in the parse: kept whole by the pipeline's tokenizer.
ABBREVIATED_TITLES = frozenset(
    "Mx. Lt. Col. Sgt. Capt. Cpl. Det. Insp. Supt. Fr. Sr. Pres. Atty. Hon.".split()
)

# The titles linking reads off a name ("Sen. Ellison" -> senator, "Ms." -> female) and
# the name suffixes live in records/names.py, below the store, which normalises names.
# Role words that name the same job, for comparing roles across articles.
ROLE_SYNONYMS: dict[str, str] = {
    "lawyer": "attorney",
    "counsel": "attorney",
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
    "sen": "senator",
    "congresswoman": "representative",
    "congressman": "representative",
}


# Kin terms -> gender (None when the word does not tell).
KIN_TERMS: dict[str, str | None] = {
    "mother": "f",
    "father": "m",
    "son": "m",
    "daughter": "f",
    "sister": "f",
    "brother": "m",
    "wife": "f",
    "husband": "m",
    "widow": "f",
    "widower": "m",
    "aunt": "f",
    "uncle": "m",
    "niece": "f",
    "nephew": "m",
    "cousin": None,
    "grandmother": "f",
    "grandfather": "m",
    "grandson": "m",
    "granddaughter": "f",
    "grandchild": None,
    "grandparent": None,
    "parent": None,
    "child": None,
    "sibling": None,
    "stepmother": "f",
    "stepfather": "m",
    "stepson": "m",
    "stepdaughter": "f",
    "fiancee": "f",
    "fiancée": "f",
    "fiance": "m",
    "fiancé": "m",
    "mom": "f",
    "dad": "m",
    "mum": "f",
    "twin": None,
    "girlfriend": "f",
    "boyfriend": "m",
    "partner": None,
    "spouse": None,
    "relative": None,
    "granddad": "m",
    "grandma": "f",
    "grandpa": "m",
    "sister-in-law": "f",
    "brother-in-law": "m",
    "mother-in-law": "f",
    "father-in-law": "m",
    "son-in-law": "m",
    "daughter-in-law": "f",
}

# "partner" is kin only next to a person ("his partner"); at a firm it is a job.
AMBIGUOUS_KIN = frozenset({"partner"})

SPOKESPERSON_TERMS = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "press secretary"}
)

LAWYER_TERMS = frozenset(
    {"lawyer", "attorney", "counsel", "solicitor", "barrister", "advocate", "counselor"}
)

MEMBER_TERMS = frozenset({"member", "fellow", "trustee", "delegate"})

# Role nouns that also mark gender.
GENDERED_ROLES: dict[str, str] = {
    "spokeswoman": "f",
    "spokesman": "m",
    "chairwoman": "f",
    "chairman": "m",
    "congresswoman": "f",
    "congressman": "m",
    "actress": "f",
    "actor": "m",
    "businesswoman": "f",
    "businessman": "m",
    "councilwoman": "f",
    "councilman": "m",
    "queen": "f",
    "king": "m",
    "princess": "f",
    "prince": "m",
    "mayoress": "f",
    "policewoman": "f",
    "policeman": "m",
    "waitress": "f",
    "headmistress": "f",
    "headmaster": "m",
    "duchess": "f",
    "duke": "m",
    "nun": "f",
    "monk": "m",
}

# Capitalised title words that the small model often swallows into a PERSON span
# ("Attorney General Paul Dorsey", "Judge Ann Li"): not part of the name.
TITLE_WORDS = frozenset(
    """
    acting admiral agent alderman ambassador assemblyman assemblywoman attorney bishop
    captain chairman chairwoman chancellor chief coach colonel commander commissioner
    congressman congresswoman corporal councillor councilman councilor councilwoman county
    delegate deputy detective director district doctor dr. former general gov. governor
    inspector interim judge justice king leader lieutenant magistrate major mayor minister
    officer pastor pope premier president prime prince princess private prof. professor
    prosecutor queen rep. representative reverend secretary sen. senator sergeant sheriff
    speaker state superintendent trooper u.s. vice
    """.split()
)

# Common-noun heads that make a phrase a role ("a civil rights lawyer").
ROLE_NOUNS = (
    frozenset(KIN_TERMS)
    | SPOKESPERSON_TERMS
    | LAWYER_TERMS
    | frozenset(GENDERED_ROLES)
    | MEMBER_TERMS
    | frozenset(
        """
        accountant activist actor actress administrator admiral adviser advisor
        agent aide ambassador analyst anchor architect armorer armourer artist
        assistant associate auditor author banker bishop candidate captain cardinal
        ceo cfo chair challenger chancellor chief cinematographer clerk co-founder
        coach cofounder colleague colonel columnist comedian commander commissioner
        consultant coo coordinator correspondent councillor councilor critic
        defendant deputy designer detainee detective developer diplomat director
        doctor driver economist editor employee engineer entrepreneur executive
        expert filmmaker firefighter founder friend general goalkeeper governor
        guard head historian host imam incumbent inmate inspector investor
        journalist judge justice landlord lawmaker leader legislator lieutenant
        lobbyist manager marshal mayor mediator minister musician negotiator
        neighbor neighbour nominee nurse officer official opponent organiser
        organizer owner paramedic pastor performer photographer physician pilot
        plaintiff player pope predecessor premier president president-elect priest
        principal prisoner producer professor prosecutor rabbi regulator reporter
        representative researcher resident rival scientist screenwriter secretary
        senator sergeant sheriff singer soldier speaker specialist strategist
        striker student stuntman stuntwoman successor superintendent supporter
        surgeon survivor suspect teacher tenant trader treasurer trooper veteran
        victim volunteer warden whip witness worker writer
        """.split()
    )
)

# Nouns for a person, role nouns and plain ones: "the driver", "a woman", "the teenager".
PERSON_NOUNS = ROLE_NOUNS | _words(
    "man woman boy girl teenager passenger person child resident pupil motorist"
)

PERSON_PRONOUNS: dict[str, tuple[str | None, str]] = {
    # pronoun -> (gender, number)
    "he": ("m", "sg"),
    "him": ("m", "sg"),
    "his": ("m", "sg"),
    "himself": ("m", "sg"),
    "she": ("f", "sg"),
    "her": ("f", "sg"),
    "hers": ("f", "sg"),
    "herself": ("f", "sg"),
    "they": (None, "pl"),
    "them": (None, "pl"),
    "their": (None, "pl"),
}

# "I", "me" and "my" inside a quotation are its speaker
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
# "himself", "herself": they lean on a name or their clause's subject
REFLEXIVES = frozenset(p for p in PERSON_PRONOUNS if p.endswith("self"))
# the object forms that never mean their own clause's subject ("thanked him")
OBJECT_PRONOUNS = frozenset({"him", "her"})
# pronouns for a group: an organisation, a country, a people ("they said", "we will")
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us"})
# subjects that stand for no one: "it is unclear", "there was", "this means", "which said"
NOT_PEOPLE = frozenset({"it", "there", "this", "that", "what", "which"})
# pronouns that name no doer a digest can report: a headline's "It", "They", "Who"
PRONOUN_SUBJECTS = frozenset(
    {"i", "you", "he", "she", "it", "we", "they", "him", "her", "them", "who", "which", "that",
     "this", "those"}
)  # fmt: skip

# Common first names that tell gender, for pronoun agreement ("Hillary ... she").
FEMALE_FIRST_NAMES = _words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah
    stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda
    pamela nicole samantha katherine christine debra rachel catherine carolyn janet ruth
    maria heather diane virginia julie joyce victoria kelly christina lauren joan evelyn
    olivia judith megan cheryl martha andrea frances hannah jacqueline ann gloria jean
    kathryn alice teresa sara janice doris madison julia grace judy abigail marie denise
    beverly amber theresa marilyn danielle diana brittany natalie sophia rose isabella
    alexis kayla charlotte hillary chelsea nikki condoleezza kellyanne huma ivanka melania
    michele elizabeth nancy dianne kirsten tammy kamala tulsi carly sarah hope jill claire
    debbie donna loretta janet marsha susana jeanne kelly-ann omarosa katrina valerie
    """
)
MALE_FIRST_NAMES = _words(
    """
    james robert john michael david william richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen
    larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack
    dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan
    jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur
    lawrence jordan jesse bryan billy bruce gabriel joe logan albert willie alan eugene
    russell vincent philip bobby johnny bradley barack bernie ted marco jeb ben rand chris
    mike mitch newt rudy reince corey bill tim jim tom dick harry lindsey rick bobby herman
    jared eric vladimir boris barry hugh ron evan gov reid chuck marty elijah
    """
)
