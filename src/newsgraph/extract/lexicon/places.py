"""Words about places: countries and peoples, and the prepositions that introduce a place.

Each preposition set is the one a rule needs, side by side so that the differences
are deliberate: a trigger's locative phrase may start with "on" or "from" ("on the
border", "from Gaza"), a main event's "where" only with "in", "at", "near" ...
"""

from __future__ import annotations

# Entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Prepositions that make a following bare name a place ("in Whitfield").
LOCATIVE_PREPS = frozenset({"in", "at", "from", "to", "near", "across", "outside", "into"})

# Prepositions of an event trigger's place: "shot outside his home in Dayton", "fled into
# Syria", "fired from Gaza".
EVENT_PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "on", "into", "throughout", "from",
     "around", "off", "over"}
)  # fmt: skip

# Prepositions whose object answers "where" in a headline or lead: "in Croydon", "at the
# White House", "outside Trump Tower".
WHERE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})

# Prepositions that open a place phrase after a headline's predicate ("tram overturns in
# London"): the predicate phrase ends there.
HEADLINE_PLACE_PREPS = WHERE_PREPS | {"across", "around"}

# Common nouns for a place: "the city of Mazar-i-Sharif", "a village near Aleppo".
PLACE_NOUNS = frozenset(
    """city town village province region county state district capital suburb area hub
    consulate embassy neighbourhood neighborhood island port station stop terminal airport
    junction bridge tunnel underpass road street square""".split()
)

# Countries and a few other sovereign or widely reported places: GPE wherever the
# model left them unlabelled ("Scotland thrashed Belarus 5-1", "( Sweden )").
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
