"""Public API shape, immutability, JSON round trip, lexicon checks, import hygiene."""
from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

import sentiment
from sentiment import (ANALYZER_VERSION, LexiconError, SentenceScore, Sentiment, Term, analyze,
                       analyze_many, check_lexicons, label_for)

PACKAGE = Path(sentiment.__file__).parent


def test_result_shape_and_types() -> None:
    result = analyze("Great call. The invoice is overdue.")
    assert isinstance(result, Sentiment)
    assert -1.0 <= result.polarity <= 1.0
    assert result.label in {"positive", "neutral", "negative"}
    assert result.version == ANALYZER_VERSION
    assert len(result.sentences) == 2
    assert all(isinstance(s, SentenceScore) for s in result.sentences)
    assert all(isinstance(t, Term) for s in result.sentences for t in s.terms)


def test_results_are_immutable() -> None:
    result = analyze("Great call.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.polarity = 0.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.sentences[0].terms[0].weight = 1.0  # type: ignore[misc]
    assert isinstance(result.sentences, tuple)


def test_label_for_thresholds() -> None:
    assert label_for(0.06) == "positive"
    assert label_for(-0.06) == "negative"
    assert label_for(0.05) == label_for(-0.05) == label_for(0.0) == "neutral"


def test_json_round_trip() -> None:
    result = analyze("She was frustrated about the delayed invoice but agreed to extend the contract.")
    again = Sentiment.from_json(result.to_json())
    assert again.label == result.label and again.version == result.version
    assert again.polarity == pytest.approx(result.polarity, abs=1e-4)
    assert [(t.start, t.end, t.text) for s in again.sentences for t in s.terms] == \
        [(t.start, t.end, t.text) for s in result.sentences for t in s.terms]


def test_from_json_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        Sentiment.from_json('{"p": 1}')


def test_analyze_many_matches_analyze() -> None:
    texts = ["Paid on time.", "", "Escalated again."]
    assert analyze_many(texts) == [analyze(t) for t in texts]


def test_check_lexicons_passes() -> None:
    check_lexicons()


def test_check_lexicons_fails_loudly_without_business_list(monkeypatch, tmp_path) -> None:
    from sentiment import lexicons

    monkeypatch.setattr(lexicons, "data_dir", lambda: tmp_path)
    monkeypatch.setattr(lexicons, "_cache", None)
    with pytest.raises(LexiconError, match="business word list"):
        check_lexicons()
    assert analyze("overdue").label in {"positive", "neutral", "negative"}  # still no crash
    monkeypatch.setattr(lexicons, "_cache", None)


def test_baselines_give_directions() -> None:
    assert sentiment.textblob_polarity("This is a great result") > 0
    assert sentiment.vader_polarity("This is a terrible result") < 0


def test_package_imports_neither_qt_nor_storage() -> None:
    banned = ("PySide6", "PyQt5", "PyQt6", "peewee", "models", "ui")
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in banned, f"{path.name} imports {name}"
