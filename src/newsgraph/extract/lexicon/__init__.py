"""Word lists the extractors share: honorifics, titles, kin terms, role nouns.

One place for this knowledge, so that entities, roles, relations and quote
speakers agree on what "Sen." or "spokeswoman" means.
"""

from __future__ import annotations

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
        accountant activist administrator admiral adviser advisor agent aide ambassador
        analyst anchor architect artist assistant associate auditor author banker bishop
        candidate captain cardinal ceo cfo chair challenger chancellor chief clerk
        co-founder coach cofounder colleague colonel columnist commander commissioner
        consultant coo coordinator correspondent councillor councilor critic defendant
        deputy designer detainee detective developer diplomat director doctor driver
        economist editor employee engineer entrepreneur executive expert firefighter founder
        friend general goalkeeper governor guard head historian host imam incumbent inmate
        inspector investor journalist judge justice landlord lawmaker leader legislator
        lieutenant lobbyist manager marshal mayor mediator minister musician negotiator
        neighbor neighbour nominee nurse officer official opponent organiser organizer owner
        paramedic pastor performer photographer physician pilot plaintiff player pope
        predecessor premier president president-elect priest principal prisoner producer
        professor prosecutor rabbi regulator reporter representative researcher resident
        rival scientist secretary senator sergeant sheriff singer soldier speaker specialist
        strategist striker student stuntman stuntwoman successor superintendent supporter
        surgeon survivor suspect teacher tenant trader treasurer trooper veteran victim
        volunteer warden whip witness worker writer
        """.split()
    )
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

CORPORATE_SUFFIXES = frozenset(
    """
    ag co co. company corp corp. corporation gmbh inc inc. incorporated limited llc llp lp
    ltd ltd. plc sa
    """.split()
)

# Prepositions that make a following bare name a place ("in Whitfield").
LOCATIVE_PREPS = frozenset({"in", "at", "from", "to", "near", "across", "outside", "into"})

# Countries and a few other sovereign or widely reported places: GPE wherever the
# model left them unlabelled ("Scotland thrashed Belarus 5-1", "( Sweden )").
# Names the small model often takes for people: web platforms and news-cycle words.
NOT_PERSON_LABELS: dict[str, str] = {
    **dict.fromkeys(
        """twitter facebook instagram youtube whatsapp snapchat tiktok reddit linkedin weibo
        wechat telegram google""".split(),
        "ORG",
    ),
    "brexit": "EVENT",
    "obamacare": "LAW",
}

COUNTRIES = frozenset(
    """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria
    Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia
    Bosnia Botswana Brazil Britain Brunei Bulgaria Burkina Burundi Cambodia Cameroon Canada
    Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica
    Ecuador Egypt England Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia
    Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India
    Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Kazakhstan Kenya Kiribati Kosovo
    Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania
    Luxembourg Macedonia Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius
    Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia
    Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama
    Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Scotland Senegal
    Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden
    Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey
    Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Wales
    Yemen Yugoslavia Zambia Zimbabwe""".split()
) | frozenset(
    [
        "United States",
        "United Kingdom",
        "South Africa",
        "South Korea",
        "North Korea",
        "New Zealand",
        "Saudi Arabia",
        "Sri Lanka",
        "Costa Rica",
        "El Salvador",
        "Ivory Coast",
        "Czech Republic",
        "Dominican Republic",
        "Hong Kong",
        "Puerto Rico",
        "Papua New Guinea",
        "Sierra Leone",
        "Burkina Faso",
        "United Arab Emirates",
        "Northern Ireland",
        "U.S.",
        "U.K.",
        "USA",
        "UK",
    ]
)

# Nationalities and peoples: NORP wherever the model left them unlabelled.
DEMONYMS = frozenset(
    """Afghan Albanian Algerian American Angolan Argentine Argentinian Armenian Australian
    Austrian Azerbaijani Bangladeshi Belarusian Belgian Bolivian Bosnian Brazilian British
    Bulgarian Burmese Burundian Cambodian Cameroonian Canadian Chilean Chinese Colombian
    Congolese Croatian Cuban Cypriot Czech Danish Dutch Ecuadorian Egyptian English Eritrean
    Estonian Ethiopian European Filipino Finnish French Georgian German Ghanaian Greek
    Guatemalan Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish
    Israeli Italian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar Kurdish Kuwaiti
    Latvian Lebanese Liberian Libyan Lithuanian Macedonian Malaysian Malian Mexican Moldovan
    Mongolian Moroccan Mozambican Namibian Nepalese Nigerian Norwegian Pakistani Palestinian
    Panamanian Paraguayan Peruvian Polish Portuguese Qatari Romanian Russian Rwandan Saudi
    Scottish Senegalese Serbian Singaporean Slovak Slovenian Somali Spanish Sudanese Swedish
    Swiss Syrian Taiwanese Tajik Tanzanian Thai Tunisian Turkish Ugandan Ukrainian Uruguayan
    Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean Arab Asian African Muslim
    Christian Jewish Catholic Protestant Hindu Buddhist Sikh Shiite Sunni Kurd Kurds
    Democrat Democrats Republican Republicans""".split()
)
