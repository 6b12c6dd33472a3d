"""Text -> sentiment scores, and dated scores -> relationship trends. Pure functions: no Qt,
no database."""
from sentiment.baselines import textblob_polarity, vader_polarity
from sentiment.engine import analyze, analyze_many
from sentiment.lexicons import check_lexicons
from sentiment.trend import Trend, compute_trend, smooth_series
from sentiment.types import (ANALYZER_VERSION, LexiconError, SentenceScore, Sentiment, Term,
                             label_for)

__all__ = [
    "ANALYZER_VERSION", "LexiconError", "SentenceScore", "Sentiment", "Term", "Trend",
    "analyze", "analyze_many", "check_lexicons", "compute_trend", "label_for",
    "smooth_series", "textblob_polarity", "vader_polarity",
]
