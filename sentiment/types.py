"""Immutable result types of the sentiment engine and their compact JSON form."""
from __future__ import annotations

import json
from dataclasses import dataclass

ANALYZER_VERSION = "biz-3.0"
NEUTRAL_BAND = 0.05


class LexiconError(Exception):
    """A word list the analyzer depends on is missing or empty (typically a frozen build)."""


def label_for(polarity: float) -> str:
    """Three-class label: positive above +0.05, negative below -0.05, neutral between."""
    if polarity > NEUTRAL_BAND:
        return "positive"
    if polarity < -NEUTRAL_BAND:
        return "negative"
    return "neutral"


@dataclass(frozen=True)
class Term:
    """A word or phrase that moved a sentence's score; offsets index the original note text.

    ``weight`` is the term's contribution after negation, boosters and clause rules, on a
    -1..1 scale (lexicon valence / 4).
    """

    start: int
    end: int
    text: str
    weight: float


@dataclass(frozen=True)
class SentenceScore:
    """One sentence's span in the original text, its polarity (-1..1) and the terms behind it."""

    start: int
    end: int
    polarity: float
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Sentiment:
    """The score of one note: overall polarity and label, per-sentence breakdown, version."""

    polarity: float
    label: str
    sentences: tuple[SentenceScore, ...]
    version: str

    def to_json(self) -> str:
        """Compact JSON of the whole result (storage keeps it next to polarity/label/version)."""
        payload = {
            "p": round(self.polarity, 4),
            "l": self.label,
            "v": self.version,
            "s": [
                [s.start, s.end, round(s.polarity, 4),
                 [[t.start, t.end, t.text, round(t.weight, 4)] for t in s.terms]]
                for s in self.sentences
            ],
        }
        return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> "Sentiment":
        """Rebuild a result written by :meth:`to_json`; raises ValueError on malformed input."""
        try:
            raw = json.loads(data)
            sentences = tuple(
                SentenceScore(int(a), int(b), float(p),
                              tuple(Term(int(ts), int(te), str(tx), float(w))
                                    for ts, te, tx, w in terms))
                for a, b, p, terms in raw["s"]
            )
            return cls(float(raw["p"]), str(raw["l"]), sentences, str(raw["v"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a stored sentiment breakdown: {exc}") from exc
