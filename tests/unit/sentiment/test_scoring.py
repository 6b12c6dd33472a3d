"""Labels on tricky business phrasing, offsets, robustness, tuning-set and blind accuracy."""
from __future__ import annotations

from pathlib import Path

import pytest

from sentiment import analyze
from sentiment.evaluate import accuracy, read_labeled_tsv

ROOT = Path(__file__).resolve().parents[3]
NOTES = ROOT / "tests" / "data"
TUNE_SETS = tuple(sorted(p.name for p in NOTES.glob("client_notes_tune*.tsv")))
BLIND = NOTES / "client_notes_blind.tsv"
SHARED = ROOT.parent / "shared"


@pytest.mark.parametrize("text,label", [
    ("Invoice #4471 is now 60 days overdue.", "negative"),
    ("Scope creep again on the dashboards.", "negative"),
    ("Client escalated the outage to our VP.", "negative"),
    ("Marcus signed the renewal for another two years.", "positive"),
    ("No complaints from procurement this time.", "positive"),
    ("Not a single complaint since launch.", "positive"),
    ("The review could have been worse; they liked the prototype.", "positive"),
    ("Not bad at all.", "positive"),
    ("Meeting was not great.", "negative"),
    ("She was frustrated about the delayed invoice but agreed to extend the contract.", "positive"),
    ("Kevin was polite but clearly disappointed with the response times.", "negative"),
    ("Although the kickoff was rocky, they approved the budget.", "positive"),
    ("Despite the outage, they renewed for a year.", "positive"),
    ("The meeting was pleasant. However, they paused the expansion.", "negative"),
    ("The outstanding balance is 4,000 EUR.", "neutral"),
    ("Discussed the support tier.", "neutral"),
    ("Service credits are listed in the SLA.", "neutral"),
    ("Scheduled the Q3 planning session for the 14th.", "neutral"),
    ("The invoice dispute is resolved and they paid in full.", "positive"),
    # biz-1.1: negation scope, shorthand, reported speech, stopping verbs, pending good news
    ("Nobody from their side showed up.", "negative"),
    ("No one on their team has replied.", "negative"),
    ("Never had a smoother handover.", "positive"),
    ("Finished the migration without any issues.", "positive"),
    ("They agreed to the rate without asking for a discount.", "positive"),
    ("PO recvd.", "positive"),
    ("lgtm from their side.", "positive"),
    ("Ghosted after the demo.", "negative"),
    ("Client says the reports are too slow.", "negative"),
    ("They cut our hours in half.", "negative"),
    ("Skeptical at first, now fully on board.", "positive"),
    ("No one should have to chase an invoice.", "negative"),
    ("Bogdan is on holiday next week.", "neutral"),
])
def test_labels_on_tricky_phrases(text: str, label: str) -> None:
    assert analyze(text).label == label


def test_rankings() -> None:
    assert analyze("They renewed.").polarity > analyze("They asked about the renewal.").polarity
    assert analyze("They are furious and cancelled.").polarity < analyze("They cancelled.").polarity
    assert analyze("Very happy client.").polarity > analyze("Happy client.").polarity > 0


def test_offsets_point_into_original_text() -> None:
    text = "  Great call!!\n\nBut the invoice is \x07overdue, sadly.  Ok 🙂"
    result = analyze(text)
    assert len(result.sentences) >= 2
    for sentence in result.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
        for term in sentence.terms:
            assert sentence.start <= term.start < term.end <= sentence.end
            assert text[term.start:term.end] == term.text
    words = {t.text.lower() for s in result.sentences for t in s.terms}
    assert {"great", "overdue"} <= words


def test_phrase_terms_cover_the_phrase() -> None:
    text = "Honestly, scope creep again."
    terms = [t for s in analyze(text).sentences for t in s.terms]
    assert any(t.text == "scope creep" and t.weight < 0 for t in terms)


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\t", "🙂🙂🙂", "🔥", "!!!???", "\x00\x01\x02", ":) :( :D", "a" * 10_000,
    "don't", "NOT", "but", "however,", "despite", "no", "-", "#", "é" * 50,
])
def test_never_raises_on_odd_input(text: str) -> None:
    result = analyze(text)
    assert -1.0 <= result.polarity <= 1.0


def test_large_note() -> None:
    text = ("Great call with the team, they paid on time. The outage was bad but fixed. " * 700)[:50_000]
    result = analyze(text)
    assert -1.0 <= result.polarity <= 1.0
    assert result.sentences[-1].end <= len(text)


def test_non_string_input_does_not_raise() -> None:
    assert analyze(None).label == "neutral"  # type: ignore[arg-type]


def test_rough_seed_articles_never_raise() -> None:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("shared seed articles not available")
    for path in seeds:
        text = path.read_text(encoding="utf-8", errors="replace")
        result = analyze(text)
        assert result.sentences and -1.0 <= result.polarity <= 1.0


def _accuracy_on(path: Path) -> float:
    rows = read_labeled_tsv(path)
    predicted = [analyze(text).label for _, text in rows]
    return accuracy([label for label, _ in rows], predicted)


@pytest.mark.parametrize("name", TUNE_SETS)
def test_tuning_set_accuracy_at_least_90_percent(name: str) -> None:
    # the engine was tuned on these notes: this guards against regressions, it does not
    # measure generalisation (that is the blind set's job)
    assert _accuracy_on(NOTES / name) >= 0.90


def test_tuning_sets_are_big_enough() -> None:
    assert sum(len(read_labeled_tsv(NOTES / name)) for name in TUNE_SETS) >= 300


def test_blind_accuracy_beats_both_baselines() -> None:
    """Notes written by people who never saw the engine, added after all training and tuning.

    Measured with biz-3.0 on 599 blind notes: engine 0.927 (95% interval 0.903-0.945), rules
    alone 0.696, VADER 0.561, TextBlob 0.519. Floors: the issue's 0.90 target and the margins.
    """
    from sentiment import label_for, textblob_polarity, vader_polarity

    if not BLIND.is_file():
        pytest.skip("tests/data/client_notes_blind.tsv missing")
    rows = read_labeled_tsv(BLIND)
    assert len(rows) >= 500
    gold = [label for label, _ in rows]
    ours = accuracy(gold, [analyze(text).label for _, text in rows])
    vader = accuracy(gold, [label_for(vader_polarity(text)) for _, text in rows])
    textblob = accuracy(gold, [label_for(textblob_polarity(text)) for _, text in rows])
    assert ours >= 0.90
    assert ours >= vader + 0.25
    assert ours >= textblob + 0.30


def test_no_blind_note_is_in_the_training_files() -> None:
    blind = {text.strip().lower() for _, text in read_labeled_tsv(BLIND)}
    for name in TUNE_SETS:
        trained = {text.strip().lower() for _, text in read_labeled_tsv(NOTES / name)}
        assert not blind & trained, name


def test_dev_accuracy_at_least_90_percent() -> None:
    path = SHARED / "data" / "client_notes_dev.tsv"
    if not path.is_file():
        pytest.skip("shared dev notes not available")
    rows = read_labeled_tsv(path)
    predicted = [analyze(text).label for _, text in rows]
    assert accuracy([label for label, _ in rows], predicted) >= 0.90


def test_pending_good_news_in_the_rules() -> None:
    # The rules' pending mechanism reads this as neutral; biz-3.0's learned layer, seeing a
    # note full of contract words, reads it as positive (a known miss, listed in the README).
    from sentiment.engine import analyze_rules

    assert analyze_rules("We start once the contract is signed.").label == "neutral"
    assert analyze_rules("The contract is signed, we start Monday.").label == "positive"


@pytest.mark.parametrize("text,label", [
    # biz-1.2 topic vs event: loaded nouns as the subject matter of routine work
    ("Updated the escalation procedure in their wiki.", "neutral"),
    ("Summarised the outage history for the new CTO.", "neutral"),
    ("Built a slide on last year's failed rebrand for context.", "neutral"),
    ("Went over the list of open defects with QA.", "neutral"),
    ("They escalated the outage to the board.", "negative"),
    # irony, contrast families, positive events without sentiment words
    ("Oh brilliant, another change request on a Friday afternoon.", "negative"),
    ("Perfect. The courier lost the samples.", "negative"),
    ("They liked the draft but the funding was frozen, so no project.", "negative"),
    ("Paid at last, but only half of what we billed.", "negative"),
    ("Churn dropped from 9% to 4% after the onboarding changes.", "positive"),
    ("Revenue up 25% on last quarter.", "positive"),
    ("Best-organised kickoff I've been to in years, said their PM, the smoothest ever.", "positive"),
    ("They picked us over the incumbent.", "positive"),
    ("Some deliverables slipped, others landed early; overall roughly as planned.", "neutral"),
])
def test_biz12_mechanisms(text: str, label: str) -> None:
    assert analyze(text).label == label


# biz-3.0 learned layer, cross-validated on two files written after the rules were last tuned
# (realistic mixed notes, and notes built to fool word counting). Measured 0.938 and 0.805
# (rules alone 0.677 and 0.468); floors are those minus about three points.
CV_FOLDS = ("client_notes_tune_r4_12", "client_notes_tune_r4_13")
CV_FLOORS = {"client_notes_tune_r4_12": 0.90, "client_notes_tune_r4_13": 0.77}


def test_leave_one_file_out_cross_validation() -> None:
    from sentiment import learned
    from sentiment.train import cross_validate, load, training_files

    try:
        table = cross_validate(load(training_files(SHARED / "data", NOTES)), held_out=CV_FOLDS)
    finally:
        learned.reset()
    assert [row[0] for row in table] == list(CV_FOLDS)
    for name, n, rules_acc, learned_acc in table:
        assert n >= 500
        assert learned_acc >= CV_FLOORS[name], table
        assert learned_acc > rules_acc + 0.10, table  # the layer must clearly beat the rules


def test_learned_model_has_markers_without_sentiment_words() -> None:
    from sentiment import learned
    from sentiment.lexicons import textblob_lexicon, vader_analyzer

    model = learned.get_model()
    assert model is not None and len(model.weights) > 1000
    assert model.version == analyze("x").version
    assert {"invoice", "client", "renewal", "proposal"} <= model.markers
    general_sentiment = set(textblob_lexicon()) | set(vader_analyzer().lexicon)
    assert not model.markers & general_sentiment, "markers must say what, not how"
    assert all(w.isalpha() for w in model.markers)


@pytest.mark.parametrize("text", [
    "I love this phone, the battery lasts all day.",
    "The movie was a tedious, overlong mess.",
    "What a wonderful surprise for my birthday!",
    "The soup was cold and the waiter was rude.",
])
def test_general_text_keeps_the_rules_label(text: str) -> None:
    from sentiment import learned
    from sentiment.engine import analyze_rules

    model = learned.get_model()
    assert model.gate(learned.words(text), analyze_rules(text).polarity) is None
    result, rules = analyze(text), analyze_rules(text)
    assert result.label == rules.label and result.sentences == rules.sentences


def test_gate_by_markers() -> None:
    from sentiment import learned

    model = learned.get_model()
    two = ["the", "invoice", "and", "the", "proposal"]
    one = ["the", "invoice", "was", "fine"]
    assert model.gate(two, 0.9) == model.note_threshold
    assert model.gate(one, 0.1) == model.single_threshold
    assert model.gate(one, 0.9) is None  # one marker does not overturn a strong verdict
    assert model.gate(["lovely", "day"], 0.0) is None


def test_polish_never_changes_the_label() -> None:
    from sentiment import label_for, learned
    from sentiment.engine import _polish, analyze_rules

    texts = [t for name in TUNE_SETS[:3] for _, t in read_labeled_tsv(NOTES / name)]
    texts += ["Not good at all.", "Fine.", "Invoice paid.", "meh", "!!!", "The best, the best!"]
    moved = 0
    for text in texts:
        rules = analyze_rules(text)
        polished = _polish(rules, learned.words(text))
        assert polished.label == rules.label == label_for(polished.polarity), text
        assert polished.sentences == rules.sentences
        assert -1.0 <= polished.polarity <= 1.0
        moved += polished.polarity != rules.polarity
    assert moved > len(texts) // 4


def test_learned_override_keeps_sentences_consistent() -> None:
    from sentiment.engine import analyze_rules

    rows = read_labeled_tsv(NOTES / "client_notes_tune_f.tsv")
    changed = 0
    for _, text in rows:
        result, rules = analyze(text), analyze_rules(text)
        if result.label == rules.label:
            assert result.sentences == rules.sentences
            continue
        changed += 1
        for s in result.sentences:
            for t in s.terms:
                assert text[t.start:t.end] == t.text
        if result.label != "neutral":
            sign = 1 if result.label == "positive" else -1
            assert max(s.polarity * sign for s in result.sentences) > 0.05
        else:
            assert all(abs(s.polarity) <= abs(r.polarity) + 1e-9
                       for s, r in zip(result.sentences, rules.sentences))
    assert changed >= 5


def test_check_lexicons_fails_without_model(monkeypatch, tmp_path) -> None:
    from sentiment import LexiconError, check_lexicons, learned

    monkeypatch.setattr(learned, "model_path", lambda: tmp_path / "missing.json")
    learned.reset()
    try:
        with pytest.raises(LexiconError, match="learned note model"):
            check_lexicons()
        assert analyze("Paid on time.").label == "positive"  # rules alone, no crash
    finally:
        monkeypatch.undo()
        learned.reset()
