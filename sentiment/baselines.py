"""Plain TextBlob and plain VADER scores, for the evaluator and the benchmark."""
from __future__ import annotations

from functools import lru_cache

from sentiment.lexicons import vader_analyzer


@lru_cache(maxsize=1)
def _pattern_analyzer():  # -> textblob PatternAnalyzer
    from textblob.en.sentiments import PatternAnalyzer

    return PatternAnalyzer()


def textblob_polarity(text: str) -> float:
    """TextBlob's PatternAnalyzer polarity (-1..1), exactly as ``TextBlob(text).sentiment``."""
    return float(_pattern_analyzer().analyze(text)[0])


def vader_polarity(text: str) -> float:
    """VADER's compound score (-1..1)."""
    return float(vader_analyzer().polarity_scores(text)["compound"])
