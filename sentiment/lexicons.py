"""Lazy loading of the three word lists the engine uses: VADER's, TextBlob's and ours.

Nothing is read at import time; the first call to :func:`get_lexicons` loads everything once.
Our business lexicon lives in ``data/business_lexicon.tsv`` next to this module (PyInstaller
builds must ship it, see :func:`check_lexicons`).
"""
from __future__ import annotations

import itertools
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sentiment.types import LexiconError

BUSINESS_LEXICON_FILE = "business_lexicon.tsv"
# Scale from TextBlob polarity (-1..1) to VADER valence (-4..4) for words VADER lacks.
# Only TextBlob words with |polarity| >= TEXTBLOB_MIN are used: its many mild adjectives
# ("new", "next", "mostly") tip neutral business notes without helping the rated sets.
TEXTBLOB_SCALE = 1.5
TEXTBLOB_MIN = 0.4
_BRACES = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Lexicons:
    """Everything the scorer looks up, merged into plain dicts for speed."""

    words: dict[str, float]          # single words -> valence (-4..4); 0.0 = known neutral
    # first word -> ((length of the rest, {rest: (valence, valence when negated or None)}), ...)
    # longest rest first, so one dict look-up per length finds the longest match
    phrases: dict[str, tuple[tuple[int, dict[tuple[str, ...], tuple[float, float | None]]], ...]]
    boosters: dict[str, float]
    negations: frozenset[str]
    emoji: dict[str, float]
    sizes: dict[str, int]
    problems: tuple[str, ...] = ()  # why a list failed to load, for check_lexicons
    # single words whose negated meaning is not just the flipped valence ("answered" is
    # neutral, "nobody answered" is clearly negative); phrases carry theirs in ``phrases``
    negated: dict[str, float] = field(default_factory=dict)
    # TextBlob's own word means (-1..1), all of them, for the score's fine tuning (engine._polish)
    textblob: dict[str, float] = field(default_factory=dict)


_lock = threading.Lock()
_cache: Lexicons | None = None


def data_dir() -> Path:
    """Folder of the shipped data files (works from source and from a PyInstaller bundle)."""
    return Path(__file__).parent / "data"


def _expand(phrase: str) -> list[str]:
    """Expand ``escalat{e,ed,ion}`` style alternatives into all spellings."""
    parts = _BRACES.split(phrase)
    if len(parts) == 1:
        return [phrase]
    choices = [[p] if i % 2 == 0 else p.split(",") for i, p in enumerate(parts)]
    return ["".join(combo) for combo in itertools.product(*choices)]


def load_business_lexicon(path: Path | None = None) -> dict[str, float]:
    """Read our TSV (``phrase<TAB>valence``, ``#`` comments) into {phrase: valence}."""
    return load_business_entries(path)[0]


def load_business_entries(path: Path | None = None
                          ) -> tuple[dict[str, float], dict[str, float]]:
    """Our TSV as ({phrase: valence}, {phrase: valence when negated}).

    A line is ``phrase<TAB>valence`` or ``phrase<TAB>valence<TAB>negated valence``; the third
    column is for words whose negation means more than the flipped word ("showed up" is
    mildly good, "nobody showed up" is clearly bad).
    """
    path = path or data_dir() / BUSINESS_LEXICON_FILE
    entries: dict[str, float] = {}
    negated: dict[str, float] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            try:
                phrase, *values = [part for part in line.split("\t") if part.strip()]
                if not 1 <= len(values) <= 2:
                    raise ValueError("expected one or two numbers")
                valence = float(values[0])
                negated_valence = float(values[1]) if len(values) == 2 else None
            except ValueError as exc:
                raise LexiconError(
                    f"Line {number} of {path.name} is not 'phrase<TAB>number': {line!r}") from exc
            for spelled in _expand(phrase.strip().lower()):
                key = " ".join(spelled.split())
                entries[key] = valence
                if negated_valence is not None:
                    negated[key] = negated_valence
    return entries, negated


def _vader_parts() -> tuple[dict[str, float], dict[str, float], list[str], dict[str, str]]:
    from vaderSentiment import vaderSentiment as vs

    analyzer = vader_analyzer()
    return analyzer.lexicon, vs.BOOSTER_DICT, vs.NEGATE, analyzer.emojis


_vader = None


def vader_analyzer():  # -> SentimentIntensityAnalyzer (kept untyped: optional import)
    """One shared VADER analyzer (its constructor reads two files)."""
    global _vader
    if _vader is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        _vader = SentimentIntensityAnalyzer()
    return _vader


def textblob_lexicon() -> dict[str, float]:
    """TextBlob's en-sentiment.xml as {word: mean polarity}; empty if the file is missing."""
    from textblob.en import sentiment as tb_sentiment

    if not dict.__len__(tb_sentiment):
        tb_sentiment.load()
    out: dict[str, float] = {}
    for word, senses in dict.items(tb_sentiment):
        polarity = senses.get(None, (0.0,))[0]
        if polarity:
            out[word] = polarity
    return out


def _build() -> Lexicons:
    # Each list may fail on its own (a frozen build missing a data file); analyze() keeps
    # working with what loaded and check_lexicons() reports what did not.
    problems: list[str] = []
    vader_words: dict[str, float] = {}
    boosters: dict[str, float] = {}
    negate: list[str] = ["not", "no", "never", "without"]
    emoji_names: dict[str, str] = {}
    tb_words: dict[str, float] = {}
    business: dict[str, float] = {}
    business_negated: dict[str, float] = {}
    try:
        vader_words, boosters, negate, emoji_names = _vader_parts()
    except (OSError, ImportError, ValueError) as exc:
        problems.append(f"VADER: {exc}")
    try:
        tb_words = textblob_lexicon()
    except (OSError, ImportError, ValueError, SyntaxError) as exc:  # ParseError is a SyntaxError
        problems.append(f"TextBlob: {exc}")
    try:
        business, business_negated = load_business_entries()
    except (OSError, LexiconError, UnicodeDecodeError) as exc:
        problems.append(f"business: {exc}")

    words: dict[str, float] = {w: p * TEXTBLOB_SCALE for w, p in tb_words.items()
                               if " " not in w and abs(p) >= TEXTBLOB_MIN}
    words.update(vader_words)
    phrase_lists: dict[str, dict[int, dict[tuple[str, ...], tuple[float, float | None]]]] = {}
    negated_words: dict[str, float] = {}
    for phrase, valence in business.items():
        tokens = tuple(phrase.split())
        if len(tokens) == 1:
            words[tokens[0]] = valence
            if phrase in business_negated:
                negated_words[phrase] = business_negated[phrase]
        else:
            by_length = phrase_lists.setdefault(tokens[0], {})
            by_length.setdefault(len(tokens) - 1, {})[tokens[1:]] = (
                valence, business_negated.get(phrase))
    phrases = {first: tuple(sorted(by_length.items(), reverse=True))
               for first, by_length in phrase_lists.items()}

    emoji: dict[str, float] = {}
    for char, description in emoji_names.items():
        total = sum(vader_words.get(w, 0.0) for w in description.lower().split())
        if total:
            emoji[char] = max(-4.0, min(4.0, total))
    negations = frozenset(negate) - {"despite"}  # "despite" is handled as a contrast
    sizes = {"vader": len(vader_words), "textblob": len(tb_words), "business": len(business)}
    textblob = {w: p for w, p in tb_words.items() if " " not in w}
    return Lexicons(words, phrases, dict(boosters), negations, emoji, sizes, tuple(problems),
                    negated_words, textblob)


def get_lexicons() -> Lexicons:
    """The merged lexicons, loaded on first use and then cached for the process."""
    global _cache
    if _cache is None:
        with _lock:
            if _cache is None:
                _cache = _build()
    return _cache


def check_lexicons() -> None:
    """Raise LexiconError with a plain-English message if any word list is missing or empty."""
    lex = get_lexicons()
    detail = f" (Detail: {'; '.join(lex.problems)})" if lex.problems else ""
    names = {"textblob": "TextBlob's word list (en-sentiment.xml)",
             "vader": "VADER's word list (vader_lexicon.txt)",
             "business": f"the business word list ({BUSINESS_LEXICON_FILE})"}
    for key, name in names.items():
        if lex.sizes.get(key, 0) == 0:
            raise LexiconError(
                f"{name} is missing or empty, so notes would be scored wrongly. "
                f"The installation is incomplete; reinstall the application.{detail}")
    from sentiment import learned

    if learned.get_model() is None:
        raise LexiconError(
            f"the learned note model ({learned.MODEL_FILE}) is missing or unreadable, so notes "
            "would be scored by the rules alone. The installation is incomplete; reinstall "
            f"the application. (Detail: {learned.problem})")
