"""Every word list the text analysis and the rules share, each written once.

Members are lower case (compare ``word.lower()`` or a folded word); ordered tuples where a
pattern is built from them (so generated patterns are the same from run to run), frozensets
where only membership is asked. A list that one rule alone needs stays with that rule; a list
that two modules need lives here, and nowhere else.
"""

from __future__ import annotations

HONORIFICS = frozenset("mr mrs ms miss mx mister madam dr prof sir dame lord lady baron baroness rev".split())
"""Words written before a person's name that are not part of it ("Mr", "Dr", "Dame")."""

NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
"""Words written after a person's name that are not part of it ("Jr", "III")."""

NAME_PARTICLES: tuple[str, ...] = tuple(
    sorted(
        """al bin bint ben da das de del della dei degli delle dal den der des di dos du el ibn la las le los
        ter van von zu af""".split(),
        key=lambda w: (-len(w), w),
    )
)
"""Lower-case words inside a name, before a capitalised one ("Ursula von der Leyen",
"Mohammed bin Salman"); longest first, so a pattern built from them prefers "den" to "de"."""

NAME_PREFIXES: tuple[str, ...] = tuple(
    sorted("al el ad ar as ash at az ul ud d dall dell".split(), key=lambda w: (-len(w), w))
)
"""Lower-case prefixes joined to a capitalised part of a name by a hyphen or an apostrophe
("Tariq al-Rashid", "Valéry d'Estaing", "Anna dell'Orto"); longest first."""

CLUB_WORDS = frozenset("united city town rovers athletic wanderers albion county rangers fc afc sc cf club".split())
"""Words that end the name of a sports club ("Ashgrove United", "Corvid Rovers FC"): at a
club, "manager" and "head coach" are posts with one holder."""

REGION_WORDS = frozenset(
    """asia europe africa america americas pacific atlantic nordic baltic gulf arabia oceania eurasia emea apac
    international global worldwide north south east west northern southern eastern western central""".split()
)
"""Words that close an organisation's name as the region of a unit ("Orbis Motors Asia")."""

PORTFOLIOS: tuple[str, ...] = tuple(
    sorted(
        """finance foreign health energy transport education defence defense interior justice economy economic
        trade environment agriculture labour labor culture home housing science digital sport sports tourism
        industry communications immigration climate treasury welfare employment development fisheries
        infrastructure security technology women youth planning water mining oil petroleum""".split(),
        key=lambda w: (-len(w), w),
    )
)
"""Government portfolios, as written before "minister" or "secretary" ("Spain's finance
minister", "the health secretary"); longest first."""

LEGAL_FORMS = frozenset("inc incorporated ltd limited plc llc corp corporation co ag gmbh se sa nv".split())
"""Company legal forms: "BMW AG" and "BMW" name one organisation."""

GROUP_WORDS = frozenset("group holdings holding company".split())
"""Words that name a company's group rather than a unit of it ("BMW Group" is "BMW")."""

ORG_WORDS = (
    LEGAL_FORMS
    | GROUP_WORDS
    | frozenset(
        """bank motors motor university ministry department council agency association institute foundation
        authority commission committee board fund partners capital technologies technology systems airlines
        airways automotive industries international china region party union office news times post court
        society club league federation government parliament energy water telecom telecoms communications
        media foods drinks pharma pharmaceuticals healthcare insurance assurance steel mining metals logistics
        shipping freight retail railways developments properties estates software labs laboratories networks
        electronics chemicals textiles entertainment studios publishing broadcasting ventures investments
        securities utilities resources solutions services""".split()
    )
)
"""Words that make a run of capitalised words an organisation's name, not a person's
("Orbis Motors", "Crane Holdings", "Hale University")."""

BODY_NOUNS = frozenset(
    """committee commission council board party government ministry department agency authority
    union association federation society institute foundation bank firm business club league team
    court parliament assembly senate congress cabinet office service trust fund network channel
    station studio label band school university college hospital city state country nation
    administration regulator watchdog panel inquiry body organisation organization""".split()
)
"""Words that name a kind of body, not one body: "Committee chairman X" does not say which."""

MONTHS: tuple[str, ...] = tuple(
    "january february march april may june july august september october november december".split()
)
"""Month names in calendar order."""

MONTH_NUMBERS: dict[str, int] = {
    **{m: i + 1 for i, m in enumerate(MONTHS)},
    **{m[:3]: i + 1 for i, m in enumerate(MONTHS)},
    "sept": 9,
}
"""Month names and their abbreviations ("sep", "sept") -> month number."""

WEEKDAYS: tuple[str, ...] = tuple("monday tuesday wednesday thursday friday saturday sunday".split())
"""Day names, Monday first."""

CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
"""Capitalised by rule, not names."""

MONTH_PATTERN = (
    "(?:" + "|".join(m.capitalize() for m in MONTHS) + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)"
)
"""A month name as written in running text, abbreviations included (a regex fragment)."""

CALENDAR_PATTERN = "(?:" + "|".join(w.capitalize() for w in (*MONTHS, *WEEKDAYS)) + ")"
"""A month's or a weekday's full name, capitalised (a regex fragment)."""

PERSONAL_PRONOUNS = frozenset({"he", "she"})
"""Pronouns that stand for one person."""

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
"""Pronouns that can be the subject of a verb of saying."""

SPEECH_VERBS: tuple[str, ...] = tuple(
    """
said says say told tells added adds noted notes wrote writes asked asks stated states explained explains
emphasised emphasises emphasized emphasizes stressed stresses insisted insists argued argues claimed claims
warned warns admitted admits continued continues replied replies responded responds recalled recalls
observed observes remarked remarks commented comments declared declares acknowledged acknowledges
conceded concedes suggested suggests predicted predicts concluded concludes cautioned cautions urged urges
tweeted tweets quipped quips joked jokes exclaimed exclaims highlighted highlights underlined underlines
confirmed confirms maintained maintains agreed agrees countered counters announced announces
reveals revealed described describes recounted recounts shouted shouts whispered whispers pleaded pleads
boasted boasts complained complains mused muses reflected reflects quoted quotes reiterated reiterates
assured assures promised promises vowed vows reported reports laughs laughed smiles smiled ask
criticised criticized criticises criticizes
welcomed welcomes defended defends attacked attacks praised praises condemned condemns show shows showed
sighs sighed grinned grins read reads called calls branded brands dismissed dismisses
""".split()
)
"""Verbs of saying, as used after a subject ("she said") or before an inverted one ("said Jo")."""

ACT_VERBS = frozenset(
    """agreed agrees announced announces confirmed confirms criticised criticized criticises criticizes
    welcomed welcomes defended defends attacked attacks praised praises condemned condemns called calls
    branded brands dismissed dismisses reported reports described describes promised
    promises vowed vows revealed reveals highlighted highlights continued continues maintained maintains
    predicted predicts suggested suggests""".split()
)
"""Verbs of :data:`SPEECH_VERBS` that report an act or a finding more than words ("the
tribunal dismissed the claim"): in the sentence before or after a quotation they do not say
who spoke it. "Show" and "read" stay cues there ("the minutes show", "a statement read")."""

SPEECH_PHRASES: tuple[str, ...] = ("pointed out", "points out", "went on", "goes on", "put it", "puts it")
"""Verbs of saying of two words."""

SPEECH_PARTICIPLES: tuple[str, ...] = tuple(
    """saying adding noting warning telling arguing insisting explaining claiming stressing declaring
    admitting stating writing asking concluding cautioning urging conceding acknowledging replying
    joking quipping recalling promising vowing""".split()
)
"""Participles of verbs of saying ("..., adding that")."""

FUNCTION_CAPS = frozenset(
    """the a an in on at by for from to of and but or so yet as if when while after before since
    during this that these those it its his her their our we they he she i you yesterday today tomorrow
    last next meanwhile however also then now there here what who why how where according with without
    under over speaking""".split()
) | frozenset(WEEKDAYS)
"""Words capitalised at a sentence's start that never begin a name ("The", "When", "Monday")."""

TITLE_SMALL_WORDS = frozenset(
    """a an the of and or nor in on at to for by with from as is vs via
    de la le du des von van der den da di del y et""".split()
)
"""Words title case leaves in lower case ("The Fall of the House"): a title's capitals are
counted without them, and they are never evidence of a case variant."""

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr rev gen gov sen rep lt col capt sgt cmdr adm maj
    inc ltd co corp plc llc bros dept univ assn est approx fig vol no nos vs etc al
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rd e.g i.e u.s u.k u.n
    a.m p.m""".split()
)
"""Abbreviations written with a full stop that does not end the sentence ("Mr.", "Corp.",
"Sept.", "e.g."): lower case, without the last dot; the sentence splitter reads them."""
