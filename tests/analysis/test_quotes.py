"""lint.analysis.quotes and spans: direct speech and who said it (sentences written for these tests)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.analysis.lexicon import SPEECH_PHRASES, SPEECH_VERBS, TITLE_SMALL_WORDS
from lint.analysis.names import NAME_RUN
from lint.analysis.quotes import SPEECH_VERB, Quotation, find_quotations, find_speech_cues, is_title_like
from lint.analysis.spans import quote_spans
from lint.document import Document
from lint.text import WORD


def quotations(text: str, path: str = "draft.md") -> list[Quotation]:
    return find_quotations(Document.from_text(path, text))


def only(text: str, path: str = "draft.md") -> Quotation:
    qs = quotations(text, path)
    assert len(qs) == 1, qs
    return qs[0]


def test_public_fields_are_stable() -> None:
    names = list(Quotation._fields)
    assert names[:6] == ["start", "end", "text", "speaker", "speaker_start", "speaker_end"]
    assert {"block", "last_block", "parts", "how", "named", "verb", "words", "whole_paragraph"} <= set(names)


def test_speaker_after_the_quotation_with_pronoun_resolved_to_the_name_before() -> None:
    text = 'Mira Holt runs the depot.\n\n"We have never been this busy," she said.\n'
    q = only(text)
    assert q.text == "We have never been this busy,"
    assert q.how == "sentence"
    assert q.speaker == "Mira Holt" and q.named
    assert text[q.speaker_start : q.speaker_end] == "she"
    assert text[q.start] == '"' and text[q.end - 1] == '"'


def test_inverted_attribution_with_title() -> None:
    q = only('"The line will reopen on Monday," said Tomas Weir, the operations director.\n')
    assert q.speaker == "Tomas Weir" and q.verb == "said" and q.named


def test_speaker_with_appositive_before_a_colon() -> None:
    text = "Lena Park, head of research at the institute, explained the result: “The samples were clean.”\n"
    q = only(text)
    assert q.speaker == "Lena Park" and q.verb == "explained"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The ferry will run twice a day from May," said K.T. Marlowe.\n', "K.T. Marlowe"),
        ('"The ferry will run twice a day from May," R. S. Marlowe said on Friday.\n', "R. S. Marlowe"),
        ('"The ferry will run twice a day from May," according to Karim al-Haddadi.\n', "Karim al-Haddadi"),
        ('Karim al-Haddadi: "The ferry will run twice a day from May."\n', "Karim al-Haddadi"),
        ('Rhian D\'Souza warned: "The ferry will run twice a day from May."\n', "Rhian D'Souza"),
        ('"The ferry will run twice a day from May," Phạm Văn Khải told reporters.\n', "Phạm Văn Khải"),
        ('Inés de la Vega explained: "The ferry will run twice a day from May."\n', "Inés de la Vega"),
    ],
)
def test_speakers_with_initials_prefixes_and_particles(text: str, speaker: str) -> None:
    q = only(text)
    assert q.how == "sentence" and q.named and q.speaker == speaker
    assert text[q.speaker_start : q.speaker_end] == speaker


def test_a_full_stop_after_a_name_still_ends_the_speaker() -> None:
    q = only('"The ferry will run twice a day from May," said Ada Quayle. Tickets go on sale soon.\n')
    assert q.speaker == "Ada Quayle"


def test_according_to() -> None:
    q = only('According to the harbour master, "no ship has left since dawn".\n')
    assert q.attributed and q.speaker == "the harbour master" and not q.named


def test_surname_is_expanded_to_the_full_name_used_earlier() -> None:
    text = 'Anna Berg joined the board in May.\n\n"The accounts are in order," Berg noted.\n'
    assert only(text).speaker == "Anna Berg"


def test_title_words_do_not_make_a_name() -> None:
    q = only('"Nothing was decided today," chairman and chief executive Rui Soto said.\n')
    assert q.speaker == "Rui Soto"
    q = only('"Nothing was decided today," the company said in a statement.\n')
    assert q.speaker == "the company" and not q.named


def test_speaker_named_in_the_next_sentence() -> None:
    text = '"Nobody expected the bridge to fail." Those were the words of Ola Dahl, the county engineer.\n'
    q = only(text)
    assert q.how == "adjacent" and q.speaker == "Ola Dahl"


def test_speaker_in_the_previous_sentence_of_the_paragraph() -> None:
    text = 'Ola Dahl said the bridge was inspected in spring. "It passed every test."\n'
    q = only(text)
    assert q.how == "adjacent" and q.speaker == "Ola Dahl"


def test_quotation_paragraph_after_a_paragraph_that_names_the_speaker() -> None:
    text = (
        "The mayor, Ines Varga, told councillors the budget was final.\n\n"
        '"There is no more money for the ring road."\n\n'
        '"We will revisit it next year."\n'
    )
    qs = quotations(text)
    assert [q.how for q in qs] == ["previous", "previous"]
    assert all(q.speaker == "Ines Varga" for q in qs)
    assert all(q.whole_paragraph for q in qs)


def test_multi_paragraph_quotation_is_one_quotation() -> None:
    text = (
        'The minister said: "First we repair the roads. Then we repair the trains.\n\n'
        '"After that, we look at the buses."\n\n'
        "The plan was welcomed.\n"
    )
    q = only(text)
    assert len(q.parts) == 2
    assert q.block == 0 and q.last_block == 1
    assert q.text.startswith("First we repair") and q.text.endswith("look at the buses.")
    assert q.speaker == "The minister" and q.how == "sentence"


def test_unclosed_quotation_inside_a_line_does_not_swallow_the_next_one() -> None:
    # plain text where paragraphs of a quotation were run together on one line
    text = 'Ada Lind said: "The tide was high. "The pumps failed at noon." The town flooded.\n'
    q = only(text, "draft.txt")
    assert q.parts[0][1] < q.parts[1][0]
    assert "The town flooded" not in q.text
    assert q.speaker == "Ada Lind"


def test_unattributed_quotation() -> None:
    text = "The pier closed last week.\n\n“Nobody in this building knows what happens next.”\n"
    q = only(text)
    assert q.speaker is None and q.how is None and not q.attributed
    assert q.speaker_start == -1 and q.whole_paragraph


def test_scare_quotes_and_titles_are_not_speech() -> None:
    assert quotations('Users want their apps to just "work" in the car.\n') == []
    assert quotations('Her second novel, "The Long Road Home", comes out in May.\n') == []
    assert quotations('A film called "Night Shift at the Harbour" opens today.\n') == []
    assert quotations('"Quiet Streets" is the title of the new campaign.\n') == []


def test_partial_quotation_takes_the_subject_of_its_verb() -> None:
    q = only('The firm called the offer "a waste of everyone\'s time".\n')
    assert q.speaker == "The firm" and q.verb == "called" and not q.whole_paragraph


def test_is_title_like() -> None:
    assert is_title_like("The Long Road Home")
    assert not is_title_like("we will be back next year")
    assert not is_title_like("Yes, We Can. Really.")


def _title_like_scanning_everything(inner: str) -> bool:
    """is_title_like as it was before it looked at the first 200 characters first."""
    ws = WORD.findall(inner)
    if not ws:
        return True
    if len(ws) > 12:
        return False
    content = [w for w in ws if w.lower() not in TITLE_SMALL_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    if caps * 10 < len(content) * 8:
        return False
    return not re.search(r"[.!?,;:]\s", inner.rstrip(' .!?,"”'))


# Words of every length, so that some straddle the 200th character, and the punctuation
# WORD joins words with.
_TITLE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["The", "of", "a", "Road", "x", ".", "-", "’", "&", ",", " ", "  "]),
        st.text("Ab-.", min_size=1, max_size=90),
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_TITLE_TEXT)
def test_is_title_like_answers_as_a_scan_of_the_whole_text(inner: str) -> None:
    assert is_title_like(inner) == _title_like_scanning_everything(inner)


def test_is_title_like_on_long_words_past_the_first_scan() -> None:
    long_title = " ".join(["Supercalifragilistic" * 3] * 4)  # four words, 243 characters
    assert len(long_title) > 200 and is_title_like(long_title)
    assert not is_title_like(long_title + " and then it went on" * 3)


def test_speech_cues_need_a_subject() -> None:
    text = "It is said the well never ran dry. The keeper said it was full."
    cues = find_speech_cues(text, 0, len(text))
    assert [(c.verb, c.speaker) for c in cues] == [("said", "The keeper")]


def test_quote_spans_inside() -> None:
    doc = Document.from_text("d.md", 'He said "sales fell 4%" and left.\n')
    spans = quote_spans(doc)
    i = doc.text.index("4%")
    assert spans.inside(i, i + 2)
    assert not spans.inside(doc.text.index("left"))


def test_headings_hold_no_speech() -> None:
    assert quotations('# "We will win," says the coach\n\nThe match is on Sunday.\n') == []


def test_speaker_named_earlier_in_the_paragraph() -> None:
    text = (
        "A spokeswoman for the museum said the roof would be fixed. She said the cost was not known. "
        "The gallery stays shut until then. "
        '"We hope to welcome visitors back before the summer holidays."\n'
    )
    q = only(text)
    assert q.how == "paragraph" and q.attributed


def test_person_as_subject_of_the_sentence_before() -> None:
    text = 'Union organiser Pia Brandt criticised the new rota. "Nobody was asked about the night shifts."\n'
    q = only(text)
    assert q.attributed and q.speaker == "Pia Brandt"
    text = 'Staff numbers fell sharply. "Nobody was asked about the night shifts."\n'
    assert not only(text).attributed


def test_future_speech_with_a_modal() -> None:
    q = only('"Why has nothing changed?" the bishop will ask.\n')
    assert q.attributed and q.speaker == "the bishop"


def test_person_subject_with_appositive_or_adverbs() -> None:
    text = (
        "Her neighbour, Tilde Sand, head of the residents' group, blames the council.\n\n"
        '"Nobody has cleared the drains in three years."\n'
    )
    assert only(text).speaker == "Tilde Sand"
    text = 'Union veteran Sir Alun Pryce has already accused the board of bad faith. "They never meant to talk."\n'
    assert only(text).speaker == "Alun Pryce"  # titles are not part of the name


# -- fast paths give exactly what the plain patterns give ------------------------------------

_CUE_WORDS = (
    "Jo Bloggs said the plan , according to the firm in the words of Mr Smith a statement from Acme "
    'STATEMENT FROM Remarks by ſtatement quoting Quoted by he she told us pointed out put it . " “ ” '
    "saying it0, 4 that real Madrid de la van Dam al"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=16), st.integers(0, 5), st.integers(0, 200))
def test_cues_of_some_verbs_are_those_cues_of_all_verbs(words: list[str], a: int, b: int) -> None:
    text = " ".join(words)
    start, end = min(a, len(text)), min(max(a, b), len(text))
    got = find_speech_cues(text, start, end)
    verbs = frozenset({"said", "told", "according to", "pointed out"})
    assert find_speech_cues(text, start, end, verbs=verbs) == [c for c in got if " ".join(c.verb.split()) in verbs]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_CUE_WORDS, "\t", "O'Neil", "McDonald's", "iPhone", "Łukasz", "él"]), max_size=12))
def test_name_run_lookahead_changes_no_match(words: list[str]) -> None:
    text = " ".join(words)
    plain = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", NAME_RUN.pattern))
    assert plain.pattern != NAME_RUN.pattern
    assert [m.span() for m in NAME_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_quotations_are_found_once_per_draft() -> None:
    doc = Document.from_text("d.md", '"We will build the plant next year," said Jo Bloggs.\n')
    first = find_quotations(doc)
    again = find_quotations(doc)
    assert first == again and first is not again and first[0].speaker == "Jo Bloggs"
    assert quote_spans(doc) is quote_spans(doc)


_VERB_LIST = [*SPEECH_VERBS, *SPEECH_PHRASES]
# Verbs of saying, parts and extensions of them, the phrasal ones with odd spacing, and
# the characters that bound a word.
_VERBISH = st.sampled_from(
    [*_VERB_LIST[:40], "pointed out", "pointed\tout", "goes  on", "put it", "sai", "saidx", "re", "'", "’", "-"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_VERBISH, st.sampled_from([" ", "", ".", "\n", "x"])), max_size=30).map("".join))
def test_speech_verb_matches_as_the_plain_alternation(text: str) -> None:
    alternatives = sorted((v.replace(" ", r"\s+") for v in _VERB_LIST), key=lambda v: (-len(v), v))
    plain = re.compile(rf"(?<![\w'’-])(?:{'|'.join(alternatives)})(?![\w'’-])")
    assert [m.span() for m in SPEECH_VERB.finditer(text)] == [m.span() for m in plain.finditer(text)]


# -- a sentence that introduces a speaker, and one that only mentions a person ----------------


@pytest.mark.parametrize(
    ("before", "speaker"),
    [
        ("Zoë Brontë criticised the new timetable.", "Zoë Brontë"),
        ("Ms Nguyễn was confident of a deal.", "Nguyễn"),
        ("Tomás Reyes, the harbour master, defended the closure.", "Tomás Reyes"),
        ("But she rejected the idea of a second vote.", "she"),
        ("Kwame Mensah lays the blame on the weather.", "Kwame Mensah"),
        ("He remained strikingly upbeat.", "He"),
    ],
)
def test_a_sentence_that_sets_up_a_speaker_credits_the_quotation_after_it(before: str, speaker: str) -> None:
    q = only(f'{before} "Nobody wants the ferry to stop for good."\n')
    assert q.how == "adjacent"
    assert q.speaker is not None and speaker.split()[-1] in q.speaker


@pytest.mark.parametrize(
    "before",
    [
        "In 1998, he took the seat from the sitting member.",
        "Łukasz Wójcik cuts a tall figure at the quayside.",
        "The ferry was built for her grandfather's company.",
        "Ana María Gutiérrez opened the new wing in May.",
        "Two of the crew were trained by him.",
    ],
)
def test_a_sentence_that_only_mentions_a_person_credits_nobody(before: str) -> None:
    q = only(f'{before} "Nobody wants the ferry to stop for good."\n')
    assert not q.attributed and q.speaker is None


def test_a_quotation_paragraph_after_a_narrative_paragraph_about_a_person_has_no_speaker() -> None:
    text = (
        "Femi Adeyemi took over the bakery from his uncle in 2010.\n\n"
        '"The ovens are older than anyone who works here."\n'
    )
    assert not only(text).attributed


def test_first_person_narrative_keeps_its_quotation() -> None:
    text = 'I asked about the ovens at the bakery. "They are older than anyone who works here."\n'
    assert only(text).attributed


def test_a_sentence_after_the_quotation_where_a_body_makes_its_own_claim_does_not_credit_it() -> None:
    text = '"The pier will not reopen this year." The council insisted that it had acted lawfully.\n'
    assert not only(text).attributed


@pytest.mark.parametrize("after", ["He suggested the council had acted lawfully.", "Mr Okonkwo said trade fell."])
def test_a_person_making_the_next_point_is_taken_as_the_speaker(after: str) -> None:
    assert only(f'"The pier will not reopen this year." {after}\n').how == "adjacent"


@pytest.mark.parametrize(
    "after",
    ["Ada Lind said.", "Jo Ødegaard, the harbour master, said so.", "He added that the pier was unsafe."],
)
def test_a_sentence_after_the_quotation_that_is_only_its_credit_or_goes_on_credits_it(after: str) -> None:
    q = only(f'"The pier will not reopen this year." {after}\n')
    assert q.how == "adjacent"


def test_inverted_credit_after_a_clause_names_the_speaker() -> None:
    doc = Document.from_text("draft.md", 'Mr Roe "should have apologised" once he knew, said Ms Ødegaard.\n')
    cues = find_speech_cues(doc.prose, 0, len(doc.prose), quote_spans(doc))
    assert [(c.verb, c.speaker) for c in cues] == [("said", "Ms Ødegaard")]


def test_a_name_with_an_appositive_before_said_is_not_an_inverted_credit() -> None:
    doc = Document.from_text("draft.md", "Jo Roe, an economist at Fenwick Bank, said March's figures were weak.\n")
    cues = find_speech_cues(doc.prose, 0, len(doc.prose), quote_spans(doc))
    assert [(c.verb, c.speaker) for c in cues] == [("said", "Jo Roe")]


@pytest.mark.parametrize("label", [":", "A:", "Nguyễn Thị Lan:"])
def test_an_interview_answer_speaks_for_the_person_it_answers_as(label: str) -> None:
    text = (
        "Nguyễn Thị Lan ran the ferry for thirty years.\n\n"
        f'{label} The boats got old. "We patched the hull of the second ferry every winter."\n'
    )
    q = only(text)
    assert q.attributed and q.how == "previous"


def test_a_label_that_is_not_a_person_is_no_interview_answer() -> None:
    text = 'The pier closed in May.\n\nUpdate: it is still shut. "Nobody wanted to pay for the crossing any more."\n'
    assert not only(text).attributed
