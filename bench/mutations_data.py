"""Word pools and templates for ``bench/mutations.py``, all written for this benchmark.

Every list that supplies wording or names is split in two by position: even items are the
``dev`` half, odd items the ``held-out`` half (:func:`half`). Tune on ``dev``; report on
``heldout``, whose names and wording no rule was tuned to. What a subtype *is* (a word order,
a post, a unit) is not split: both halves have every subtype, in different words.

Nothing here is copied from ``../shared``: the sentences, quotations, names and
organisations are invented (the names are common given names and surnames, combined at
random).
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def half(items: list[T] | tuple[T, ...], split: str) -> list[T]:
    """The ``dev`` (even positions) or ``heldout`` (odd positions) half of ``items``."""
    if split not in ("dev", "heldout"):
        raise ValueError(f"unknown split {split!r}")
    return list(items[0 if split == "dev" else 1 :: 2])


# -- names: (first names, surnames) per class; a name is one of each, in the class's order --

NAME_CLASSES: dict[str, tuple[list[str], list[str]]] = {
    "ascii": (
        "Daniel Sarah Michael Helen Peter Rachel Thomas Laura Graham Fiona Martin Claire".split(),
        "Fletcher Morgan Hughes Barker Carter Ellis Pryce Holt Whitaker Dunn Marsh Kendall".split(),
    ),
    "diacritics": (
        ["José", "Zoë", "Søren", "Łukasz", "Ana María", "François", "Jürgen", "Björn", "Iñaki", "Ágnes"]
        + ["Tomás", "Renée", "Çağla", "Dóra"],
        ["Núñez", "Wójcik", "Kjærgaard", "Gutiérrez", "Brontë", "Müller", "Ødegaard", "Dvořák", "Šimić"]
        + ["Yılmaz", "Sørensen", "Álvarez", "Lefèvre", "Kovács"],
    ),
    "particles": (
        "Maria Jan Ahmad Ludwig Pieter Ana Luca Kees Inés Rashid Elena Willem".split(),
        ["de la Cruz", "van der Berg", "bin Ismail", "von Hagen", "de Vries", "dos Santos", "di Marco"]
        + ["van den Heuvel", "de la Fuente", "bin Hamad", "del Rio", "ter Horst"],
    ),
    "hyphen-apostrophe": (
        ["Siobhan", "Jean-Luc", "Anne-Marie", "Declan", "Mary-Kate", "Hans-Peter", "Sarah", "Liam"]
        + ["Marie-Claire", "Padraig"],
        ["O'Neill", "Moreau", "Lloyd-Webber", "O'Brien", "D'Arcy", "Kranz-Weber", "O'Sullivan"]
        + ["Fitz-Simons", "McAllister", "D'Souza"],
    ),
    "initials": (
        ["J.R.", "A. J.", "T.K.", "Mary B.", "John F.", "C.J.", "R. S.", "Helen M.", "P.J.", "K. L."],
        "Hartley Okoye Mensah Collins Reid Walsh Pemberton Greer Varma Doyle".split(),
    ),
    "short-first": (
        "Jo Al Li Bo Ed Di Ty Vi Ky Mo".split(),
        "Jones Smith Grant Patel Moss Rowe Kerr Lowe Bell Shaw".split(),
    ),
    "chinese": (
        "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun".split(),
        "Xiaoming Jiahui Wei Yiling Zhiqiang Meiling Jun Haoran Qiong Lei Yufei Zhen".split(),
    ),
    "vietnamese": (
        ["Nguyễn Thị", "Trần Văn", "Lê Minh", "Phạm Thị", "Hoàng Văn", "Vũ Đức", "Đặng Thị", "Bùi Quốc"],
        ["Lan", "Hùng", "Thảo", "Quân", "Hương", "Tuấn", "Ngọc", "Dũng"],
    ),
    "arabic": (
        "Mohammed Fatima Khalid Layla Omar Noura Yousef Huda Tariq Samira".split(),
        ["al-Rashid", "Al-Masri", "bin Salman", "El-Sayed", "Haddad", "Abdel-Aziz", "al-Qasimi", "Nasser"]
        + ["Al-Amin", "Khoury"],
    ),
    "nigerian": (
        "Chinedu Ngozi Oluwaseun Adebayo Folake Emeka Tunde Chiamaka Ifeoma Babatunde".split(),
        "Okafor Adeyemi Nwosu Eze Okonkwo Balogun Obi Adeleke Ogunleye Uchenna".split(),
    ),
}

# -- organisations, by the kind of post they have ------------------------------------------

ORG_STEMS = (
    "Orbis Kestrel Valmont Bluewater Corvid Lindqvist Tamarind Halden Brightwater Marlow Pennant "
    "Silverbirch Ashgrove Northgate Cendra Vireo Altamira Kerrow Dunmore Calloway Redfern Estuary "
    "Moorcroft Tessaly Quillon Harrowgate Ferncastle Oakhurst Wrenfield Castellan"
).split()
COMPANY_SUFFIXES = (
    "Motors Bank Energy Foods Telecom Insurance Airways Steel Pharma Logistics Group Holdings Retail Media Water Mining"
).split()
# more stems, made of two parts ("Silver" + "mere"); split by part, so the halves share none
STEM_HEADS = (
    "North Silver Ash Red Oak Wren Bright Kestrel Stone Marsh Elder Fox Heron Larch Clover Amber "
    "Cobalt Harbour Willow Granite"
).split()
STEM_TAILS = "gate field water croft well mere ford haven stead wick moor vale".split()
CLUB_SUFFIXES = "United Rovers City Athletic Town Wanderers".split()
UNION_FORMS = (
    "{stem} Workers' Union",
    "Union of {stem} Teachers",
    "{stem} Rail Union",
    "Federation of {stem} Nurses",
)
BANK_FORMS = ("Central Bank of {stem}", "{stem} Reserve Bank", "Bank of {stem}", "{stem} Monetary Authority")

# the posts only one person holds at a time, with the kind of organisation that has them
POSTS: dict[str, str] = {
    "chief executive": "company",
    "chief executive officer": "company",
    "managing director": "company",
    "chairman": "company",
    "chief operating officer": "company",
    "general secretary": "union",
    "governor": "bank",
    "head coach": "club",
    "manager": "club",
}
# a different post at the same kind of organisation (FA102 wrong title)
OTHER_POST: dict[str, str] = {
    "company": "chief financial officer",
    "union": "president",
    "bank": "deputy governor",
    "club": "assistant manager",
}
COUNTRIES = ("Portugal", "Chile", "Norway", "Kenya", "Vietnam", "Poland", "Peru", "Ghana", "Finland", "Malaysia")
MINISTRIES = ("finance", "foreign", "health", "energy", "transport", "education")

# -- post word orders: {the_org} is "the Org" where the name takes an article -------------

POST_ORDERS: dict[str, str] = {
    "the-org-title-comma-name": "{The_org_attr} {title}, {name}, {verb}.",
    "name-orgs-title": "{name}, {the_org}'s {title}, {verb}.",
    "org-title-name": "{Org_attr} {title} {name} {verb}.",
    "name-who-is-title-of-org": "{name}, who is {title} of {the_org}, {verb}.",
    "title-of-org-name": "{Title} of {the_org} {name} {verb}.",
    "name-title-of-org": "{name}, {title} of {the_org}, {verb}.",
}
POST_VERBS = [
    "said the plan would go ahead as agreed",
    "told staff the merger talks had ended",
    "announced a review of the pension scheme",
    "defended the decision to close two depots",
    "is expected to set out the changes next week",
    "declined to comment on the figures",
    "said the move was overdue",
    "wrote to members about the new rota",
    "will step down at the end of the season",
    "welcomed the ruling on Tuesday",
    "said talks with the government were continuing",
    "promised a full report within a month",
]

# -- quotations and how speakers are given ------------------------------------------------

QUOTES = [
    "We have listened to our customers and the changes will start in the spring",
    "This is a difficult decision, but the business cannot stand still",
    "Nobody should have to wait six months for a repair",
    "We are not going to apologise for putting safety first",
    "The numbers speak for themselves and we expect a better year",
    "Our members deserve a fair deal and we will keep pushing for one",
    "There is no question of the site closing while I am here",
    "We made mistakes last year and we have learned from them",
    "I am confident the team can finish in the top half",
    "Prices will stay where they are until the end of the year",
    "The rules were written for a different age and they need to change",
    "We want every town to have the same service as the capital",
    "It has been a hard winter for the staff and I thank them",
    "The money will go straight into new trains and better stations",
    "We will not be rushed into a deal that is bad for savers",
    "Frankly, the old system was costing us a fortune",
]
# subtype -> templates of a sentence giving {q} to {speaker}
QUOTE_FORMS: dict[str, list[str]] = {
    "said-name": ['"{q}," said {speaker}.', '"{q}," said {speaker}, {role}.']
    + ['"{q}," said {speaker} on Monday.', '"{q}," said {speaker}, {role}, in a statement.'],
    "name-said": ['"{q}," {speaker} said.', '"{q}," {speaker}, {role}, said.']
    + ['"{q}," {speaker} said on Friday.', '"{q}," {speaker}, {role}, said in a statement.'],
    "name-colon": ['{speaker} said: "{q}."', '{speaker}, {role}, said: "{q}."']
    + ['{speaker}: "{q}."', 'In a statement, {speaker} said: "{q}."'],
    "according-to": ['"{q}," according to {speaker}.', 'According to {speaker}, "{q}."']
    + ['"{q}," according to {speaker}, {role}.', 'According to {speaker}, {role}: "{q}."'],
    "name-verb": ['{speaker} added: "{q}."', '{speaker} warned: "{q}."', '{speaker} explained: "{q}."']
    + ['{speaker} insisted: "{q}."'],
    "told": ['"{q}," {speaker} told reporters.', '"{q}," {speaker} told the BBC.']
    + ['{speaker} told the Financial Times: "{q}."', '"{q}," {speaker} told a news conference.'],
}
SPEAKER_ROLES = [
    "a spokeswoman for {org}",
    "the head of {org}",
    "who chairs {org}'s safety board",
    "a spokesman for {org}",
    "a director at {org}",
    "{org}'s head of policy",
]

# -- figures --------------------------------------------------------------------------------

CURRENCIES = [("£", "GBP"), ("$", "USD"), ("€", "EUR"), ("¥", "JPY")]
CURRENCY_WORDS = [("euros", "EUR"), ("dollars", "USD"), ("Swiss francs", "CHF"), ("rand", "ZAR")]
# cross-draft figure templates used when an article has no figure of the subtype's unit
FIGURE_TEMPLATES: dict[str, list[str]] = {
    "currency-bn": [
        "{org} said its annual sales had reached {money}.",
        "The deal values {org} at about {money}, the firm said.",
        "{org} expects to spend {money} on new plant over five years.",
        "Debts at {org} stood at {money} at the end of March.",
    ],
    "currency-m": [
        "{org} has set aside {money} to cover the claims.",
        "The upgrade will cost {org} {money}, its board said.",
        "{org} made a loss of {money} in the half year.",
        "A fine of {money} was imposed on {org} last week.",
    ],
    "percent": [
        "Sales at {org} rose {pct} in the three months to June.",
        "{org} now holds {pct} of the home market.",
        "Shares in {org} closed {pct} lower on Thursday.",
        "Costs at {org} were cut by {pct} last year.",
    ],
    "per-cent": [
        "Profits at {org} fell {pc} in the year to April.",
        "{org} said prices would rise by {pc} from May.",
        "Output at {org} climbed {pc} on a year earlier.",
        "{org} has cut its fares by {pc} for the summer.",
    ],
    "staff": [
        "{org} employs {staff} in its three factories.",
        "{org} plans to cut {staff} over the next two years.",
        "The merger will bring {staff} into {org}.",
        "{org} took on {staff} last year.",
    ],
}
STAFF_NOUNS = ["staff", "workers", "employees", "people"]

# statistics whose source was removed (AT102): the source-free sentence as it reaches the draft
STATISTICS: dict[str, list[str]] = {
    "percent": [
        "The number of people cycling to work rose by {pct} last year.",
        "Almost {pct} of small firms now sell online.",
        "Complaints about late trains have climbed {pct} since the timetable changed.",
        "Around {pct} of new homes in the region are built on former factory land.",
    ],
    "per-cent": [
        "Household energy bills went up {pc} in the year to March.",
        "Demand for second-hand cars grew {pc} over the summer.",
        "Spending on takeaway food fell {pc} in the first quarter.",
        "Rents in the city centre have risen {pc} in two years.",
    ],
    "currency": [
        "Shoppers spent {money} online over the holiday weekend.",
        "Unpaid parking fines now add up to {money} a year.",
        "Firms lost {money} to invoice fraud last year.",
        "Fans spent {money} on tickets and travel during the tournament.",
    ],
    "count": [
        "About {count} households are behind on their water bills.",
        "Some {count} people applied for the scheme in its first week.",
        "More than {count} flights were cancelled during the strike.",
        "Nearly {count} patients waited longer than a year for surgery.",
    ],
}

# -- vague sourcing: subtype -> forms; {c} is a clause, {C} the same capitalised ----------

VAGUE_FORMS: dict[str, list[str]] = {
    "impersonal": [
        "It is understood that {c}.",
        "It is thought that {c}.",
        "It is believed that {c}.",
        "It has been suggested that {c}.",
        "It is widely expected that {c}.",
        "It is being said that {c}.",
        "It was reported that {c}.",
        "It is claimed that {c}.",
    ],
    "group-says": [
        "Analysts say {c}.",
        "Industry watchers suggest {c}.",
        "Observers believe {c}.",
        "Critics claim {c}.",
        "Commentators argue {c}.",
        "Market watchers expect that {c}.",
        "Some in the industry fear {c}.",
        "Many people now think {c}.",
    ],
    "trailing": [
        "{C}, observers say.",
        "{C}, analysts believe.",
        "{C}, insiders claim.",
        "{C}, critics argue.",
        "{C}, it is understood.",
        "{C}, experts say.",
        "{C}, according to some.",
        "{C}, many fear.",
    ],
    "reports": [
        "There are reports that {c}.",
        "Reports suggest {c}.",
        "Rumours are circulating that {c}.",
        "Word has it that {c}.",
        "According to reports, {c}.",
        "Media reports say {c}.",
        "There is speculation that {c}.",
        "It has emerged that {c}.",
    ],
    "sources": [
        "Sources close to the board say {c}.",
        "A person familiar with the talks said {c}.",
        "People with knowledge of the matter said {c}.",
        "According to one source, {c}.",
        "A senior figure, who asked not to be named, said {c}.",
        "Insiders told us {c}.",
        "Those close to the negotiations say {c}.",
        "An official who declined to be identified said {c}.",
    ],
}
CLAUSES = [
    "the board is preparing to sell the unit",
    "talks on the merger have stalled",
    "the plan will cost more than first thought",
    "several senior staff are ready to leave",
    "the deadline is likely to slip",
    "the regulator is unhappy with the proposal",
    "the chairman wants a quick decision",
    "the offer will be raised before Friday",
    "the new line will not open until next year",
    "the club is close to signing a new striker",
]

# -- names and terms varied within a draft (CS101) -----------------------------------------

TERMS = "VoltPay CloudNest TerraLink BrightPath SkyHarbour GreenLedger QuickRail SunVault MedTrack FarmLink".split()
HYPHEN_TERMS = "Eco-Drive Net-Zero Pay-Go Tele-Care Agri-Fund Re-Store Smart-Pass Bio-Cell".split()
TERM_SENTENCES = [
    "{e} said it would open two more offices next year.",
    "Shares in {e} fell sharply after the announcement.",
    "A spokesperson for {e} declined to comment.",
    "{e} was launched three years ago.",
    "The contract with {e} runs until 2030.",
    "Customers of {e} will not be affected, the firm said.",
    "{e} has about two million users.",
    "Rivals of {e} have cut their prices.",
]
PERSON_SENTENCES = [
    "{e} joined the company in 2015.",
    "{e} is expected to speak at the conference.",
    "Colleagues describe {e} as a careful negotiator.",
    "{e} has not commented on the report.",
    "{e} will lead the review.",
    "A statement from {e} is expected on Monday.",
    "{e} took up the post last spring.",
    "Friends of {e} say the criticism was unfair.",
]

# -- US and UK spelling: (UK sentence, US sentence) ----------------------------------------

SPELLING_PAIRS: dict[str, list[tuple[str, str]]] = {
    "ise-ize": [
        ("The council will organise a public meeting in May.", "The council will organize a public meeting in May."),
        ("Ministers now recognise the scale of the problem.", "Ministers now recognize the scale of the problem."),
        ("The firm hopes to modernise its fleet.", "The firm hopes to modernize its fleet."),
        ("Few voters realised what was at stake.", "Few voters realized what was at stake."),
    ],
    "our-or": [
        ("The union said labour costs had risen again.", "The union said labor costs had risen again."),
        (
            "Residents complained about the colour of the new fence.",
            "Residents complained about the color of the new fence.",
        ),
        ("The scheme found favour with local traders.", "The scheme found favor with local traders."),
        ("Her behaviour at the hearing drew criticism.", "Her behavior at the hearing drew criticism."),
    ],
    "re-er": [
        ("The new sports centre opens in June.", "The new sports center opens in June."),
        ("The tunnel is three kilometres long.", "The tunnel is three kilometers long."),
        ("The theatre has been closed since March.", "The theater has been closed since March."),
        ("Fibre cables now reach most villages.", "Fiber cables now reach most villages."),
    ],
    "ce-se": [
        ("The defence team asked for more time.", "The defense team asked for more time."),
        ("The club lost its licence last year.", "The club lost its license last year."),
        ("Officials took offence at the remarks.", "Officials took offense at the remarks."),
        ("Critics called the pretence absurd.", "Critics called the pretense absurd."),
    ],
    "yse-yze": [
        ("Experts will analyse the samples next week.", "Experts will analyze the samples next week."),
        ("The strike could paralyse the ports.", "The strike could paralyze the ports."),
        ("Staff are trained to catalyse change.", "Staff are trained to catalyze change."),
        ("The team will analyse the results.", "The team will analyze the results."),
    ],
    "ll-l": [
        ("Passengers travelled for hours without food.", "Passengers traveled for hours without food."),
        ("The launch was cancelled at short notice.", "The launch was canceled at short notice."),
        ("Supporters were labelled troublemakers.", "Supporters were labeled troublemakers."),
        ("The plan was modelled on a Dutch scheme.", "The plan was modeled on a Dutch scheme."),
    ],
}
# -- web clutter: subtype -> lines (a list = a block of several lines) ----------------------

CLUTTER: dict[str, list[str | list[str]]] = {
    "share-prompt": ["Share this story", "Share on Facebook  Share on X  Email", "Share this page"]
    + ["Share via WhatsApp", "Share this article with a friend", "Copy link to this story"],
    "follow-prompt": ["Follow us on Instagram", "Follow {name} on X", "Follow our live coverage on Threads"]
    + ["Follow us for more updates", "Follow the business desk on LinkedIn", "Like and follow our page"],
    "author-bio": [
        "{name} is our senior business correspondent. She has covered the energy industry since 2011.",
        "About the author: {name} writes about transport and cities.",
        "{name} is a freelance journalist based in Lisbon. He writes about football and money.",
        "{name} has reported on Westminster for 12 years and is the author of two books.",
        "About {name}: a data reporter who joined the newsroom in 2019.",
        "{name} covers technology. Got a tip? Email the newsroom.",
    ],
    "byline": ["By {name}", "By {name}, Technology reporter", "By {name} and {name2}"]
    + ["By {name}, Business correspondent", "Words by {name}", "Reporting by {name}"],
    "reading-time": ["Estimated read: 4 min", "6 minute read", "Reading time: 3 minutes"]
    + ["4 mins read", "Time to read: 5 min", "Read time 7 minutes"],
    "newsletter": [
        "Sign up for our morning briefing",
        "Get the best stories in your inbox every Friday. Subscribe now",
        "Want more like this? Join our newsletter",
        "Never miss a story: sign up to our daily email",
        "Subscribe to the weekly business bulletin",
        "Enter your email address to get our newsletter",
    ],
    "skip-link": ["Skip to main content", "Jump to navigation", "Accessibility help"]
    + ["Skip to content", "Skip to search", "Back to top"],
    "comment-count": ["23 comments", "Comments (41)", "Join the conversation"]
    + ["View 112 comments", "Read 8 comments", "Have your say (57 comments)"],
    "related-list": [
        ["Related stories", "Port strike ends after pay deal", "New chief named at water firm", "Rail fares to rise"],
        ["More on this story", "Why bus routes are being cut", "Factory jobs at risk", "Bank keeps rates on hold"],
        ["You may also like", "Village shop saved by locals", "Airport plans approved", "Toy maker sold"],
        ["Read more", "Farmers count cost of floods", "Brewer opens new site", "Tax change explained"],
        ["Related topics", "Energy bills", "Housing", "Transport"],
        ["More from Business", "Steel plant reopens", "Car sales slow", "Pension age review"],
    ],
}
# where each clutter subtype is pasted: "top" (before the headline), "head" (after it), "end", "mid"
CLUTTER_PLACES: dict[str, str] = {
    "share-prompt": "end",
    "follow-prompt": "end",
    "author-bio": "end",
    "byline": "head",
    "reading-time": "head",
    "newsletter": "mid",
    "skip-link": "top",
    "comment-count": "end",
    "related-list": "end",
}

# -- fact contradictions ---------------------------------------------------------------

PRODUCTS = "Aurora Tempo Nimbus Falcon Meridian Solstice Harbour Keystone Lumen Zephyr".split()
PRODUCT_KINDS = ["phone", "electric van", "tablet", "heat pump", "e-bike", "smart meter"]
CITIES = ["London", "Lisbon", "Seoul", "Lagos", "Toronto", "Milan", "Jakarta", "Dublin"]
EVENT_FORMS = [
    "{org} unveiled the {product} {kind} at a press event in {city} on {date}.",
    "{org} unveiled its new {kind}, the {product}, in {city} on {date}.",
    "The {product} {kind} was unveiled by {org} at a launch in {city} on {date}.",
    "On {date}, {org} unveiled the {product} {kind} to investors in {city}.",
    "{org} unveiled the {product} on {date} at a trade fair in {city}.",
    "It was on {date} that {org} unveiled the {product} {kind} in {city}.",
    "{org} first unveiled the {product}, a {kind}, in {city} on {date}.",
    "The {product} was unveiled in {city} on {date}, {org} said.",
]
DATE_FORMATS = ["{d} {month} {y}", "{month} {d}, {y}", "{d} {month}, {y}", "{month} {d} {y}"]
DATE_FORMATS += ["{weekday} {d} {month} {y}", "{weekday}, {month} {d}, {y}"]
FACT_FIGURE_FORMS: dict[str, list[str]] = {
    "currency": [
        "{org} said its revenue for {y} was {money}.",
        "Revenue at {org} reached {money} in {y}.",
        "{org} reported revenue of {money} for {y}.",
        "In {y}, {org} had revenue of {money}.",
        "{org}'s revenue in {y} came to {money}, its accounts show.",
        "Revenue at {org} for {y} was {money}, its annual report says.",
    ],
    "percent": [
        "{org} holds {pct} of the market, its {y} report shows.",
        "In {y} {org} had {pct} of the market.",
        "{org} ended {y} with {pct} of the market.",
        "By the end of {y}, {org} controlled {pct} of the market.",
        "{org}'s share of the market was {pct} in {y}.",
        "With {pct} of the market in {y}, {org} leads its rivals.",
    ],
    "per-cent": [
        "Turnover at {org} rose {pc} in {y}.",
        "In {y} {org} grew its turnover by {pc}.",
        "{org} said its turnover grew {pc} in {y}.",
        "{org}'s turnover was up {pc} in {y}.",
        "Turnover growth at {org} reached {pc} in {y}.",
        "{org} increased turnover by {pc} during {y}.",
    ],
    "staff": [
        "{org} employed {staff} at the end of {y}.",
        "At the end of {y}, {org} employed {staff}.",
        "{org} said it employed {staff} in {y}.",
        "In {y} {org} employed {staff} across its sites.",
        "{org}, which employed {staff} at the end of {y}, is hiring again.",
        "By December {y} {org} employed {staff}.",
    ],
}
