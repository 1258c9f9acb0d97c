"""Words that report speech, writing, belief or intention: one table, read by quotes, events
and the main event.

Each entry is a lemma with the ``act`` it reports and the ``frames`` in which it
carries content, so that "Trump called Clinton a liar" (object) and "Trump said
that ..." (clause) are both found while "Trump called the meeting off" is not.
The list was drawn up from the attribution cues annotated in PolNeAR's train split
(Newell et al. 2018) and from common news reporting verbs; the share of each
lemma's occurrences that PolNeAR annotates as a cue decided which frames to allow.
The verbs that are events of their own (``statement``, ``criticism``) are named
subsets of the same table.

Frames:
  ``clause``  a finite complement or a quotation: "said (that) ...", "...," X said
  ``inf``     an infinitive complement: "wants to ...", "promised to ..."
  ``object``  a noun-phrase object is the content: "criticized the ruling", "endorsed Cruz"
"""

from __future__ import annotations

from dataclasses import dataclass

SPEECH, WRITING, BELIEF, INTENTION = "speech", "writing", "belief", "intention"


@dataclass(frozen=True, slots=True)
class Cue:
    act: str
    frames: frozenset[str]


def _table(*groups: tuple[str, str, str]) -> dict[str, Cue]:
    """(act, frames, words) groups -> lemma table; a word listed twice gets both frame sets
    and keeps the act of its first group."""
    table: dict[str, Cue] = {}
    for act, frames, words in groups:
        for word in words.split():
            old = table.get(word)
            if old is None:
                table[word] = Cue(act, frozenset(frames.split()))
            else:
                table[word] = Cue(old.act, old.frames | frozenset(frames.split()))
    return table


# lemma -> Cue. Lemmas as spaCy's English lemmatizer gives them.
CUE_VERBS: dict[str, Cue] = _table(
    # verbs of saying that take a clause or a quotation
    (
        SPEECH,
        "clause",
        "say tell add state declare explain note remark comment reply respond answer "
        "argue claim assert contend maintain insist allege charge suggest indicate imply "
        "hint signal emphasize emphasise stress underscore reiterate repeat confirm "
        "acknowledge admit concede deny announce reveal disclose report predict warn "
        "caution assure promise pledge vow swear threaten boast brag joke quip complain "
        "lament grumble protest object counter retort rebut recall recount "
        "observe point mention continue conclude speculate estimate guess "
        "testify confess concur agree disagree ask wonder question inquire demand "
        "urge plead beg shout yell scream chant cry exclaim whisper mutter murmur "
        "proclaim cite quote rule forecast project posit theorize affirm aver attest "
        "clarify elaborate instruct advise recommend propose order inform notify remind "
        "persuade convince brief reassure tease taunt mock scoff gush crow muse opine "
        "relay counsel accuse blame",
    ),
    # writing and publishing
    (
        WRITING,
        "clause",
        "write tweet retweet retweete post blog email text publish print headline caption sign pen",
    ),
    # beliefs, knowledge and perception reported as a stance
    (
        BELIEF,
        "clause",
        "think believe feel fear worry suspect doubt assume presume reckon figure "
        "expect know realize realise recognize recognise sense trust hope imagine "
        "suppose judge deem see view regard perceive",
    ),
    # intentions, wishes and demands: "wants to ...", "plans to ..."
    (
        INTENTION,
        "clause inf",
        "want plan intend hope aim seek wish expect vow pledge promise threaten "
        "decide refuse decline offer propose prefer desire demand urge ask push press",
    ),
    # evaluative verbs whose object is the attributed content (PolNeAR annotates these)
    (
        SPEECH,
        "object clause",
        "criticize criticise praise blast slam denounce decry condemn attack mock "
        "question dismiss reject defend tout highlight describe label brand dub "
        "welcome applaud hail laud credit thank congratulate accuse blame fault "
        "rail lambaste berate chide scold rebuke ridicule deride disparage belittle "
        "endorse support back oppose favor favour champion embrace advocate "
        "recommend echo invoke reference cite mention discuss address "
        "call portray characterize characterise compare liken "
        "repeat reiterate outline detail list name announce propose "
        "acknowledge admit deny confirm reveal disclose predict promise pledge "
        "offer seek demand request urge warn vow",
    ),
)


# Verbs of saying whose "object" content needs care: "told reporters" is an addressee.
ADDRESSEE_VERBS = frozenset(
    {
        "tell",
        "inform",
        "remind",
        "assure",
        "warn",
        "ask",
        "brief",
        "notify",
        "reassure",
        "persuade",
        "convince",
        "urge",
        "advise",
    }
)

# Nouns that head a reported statement: "his view is that ...", "in a statement".
CUE_NOUNS: dict[str, Cue] = _table(
    (
        SPEECH,
        "clause",
        "claim assertion argument remark comment statement suggestion warning promise "
        "pledge vow allegation accusation charge insistence admission denial "
        "announcement explanation response reply answer testimony message",
    ),
    (
        BELIEF,
        "clause",
        "view belief opinion sense feeling fear worry concern hope assessment conclusion "
        "position stance",
    ),
    (WRITING, "clause", "tweet post letter memo email op-ed"),
)

# Words in a cue phrase that make the act writing: "said in a statement", "a tweet".
WRITING_MARKERS = frozenset(
    {
        "statement",
        "tweet",
        "post",
        "letter",
        "memo",
        "email",
        "e-mail",
        "op-ed",
        "essay",
        "column",
        "blog",
        "release",
        "filing",
        "facebook",
        "twitter",
        "website",
        "book",
    }
)

# Words before a quotation that make it a title or a search term, not speech:
# 'the book "Art of the Deal"', 'searched for "Trump"'.
NON_SPEECH_INTRO = frozenset(
    {
        "book",
        "film",
        "movie",
        "song",
        "album",
        "show",
        "series",
        "play",
        "novel",
        "poem",
        "article",
        "essay",
        "column",
        "headline",
        "titled",
        "entitled",
        "episode",
        "documentary",
        "exhibit",
        "exhibition",
        "slogan",
        "hashtag",
        "search",
        "searched",
        "searches",
        "searching",
        "googled",
        "term",
        "terms",
        "phrase",
        "word",
        "words",
        "nicknamed",
        "dubbed",
        "known",
        "a.k.a.",
        "aka",
        "report",
        "program",
        "programme",
        "podcast",
        "ad",
        "advertisement",
        "campaign",
        "painting",
        "magazine",
        "newspaper",
        "blog",
    }
)


def _members(words: str, act: str) -> frozenset[str]:
    """Lemmas of the cue table that report ``act``: a named part of the one list."""
    found = frozenset(words.split())
    wrong = sorted(w for w in found if w not in CUE_VERBS or CUE_VERBS[w].act != act)
    assert not wrong, f"not {act} verbs of the cue table: {wrong}"
    return found


# Verbs of saying that are an event of their own, the ``statement`` type: "said", "announced".
STATEMENT_VERBS = _members("say tell state announce declare claim report confirm deny add", SPEECH)
# Nouns that name a statement: "in a statement", "the announcement".
STATEMENT_NOUNS = frozenset("statement announcement declaration remark comment".split())
# Verbs of saying that are the ``criticism`` event: "slammed the ruling", "blamed Comey".
CRITICISM_VERBS = _members("criticize criticise blame condemn slam accuse", SPEECH)
CRITICISM_NOUNS = frozenset("criticism condemnation accusation".split())
